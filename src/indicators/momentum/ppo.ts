/**
 * PPO — percentage price oscillator: (fast MA - slow MA) / slow MA * 100, same TA-Lib MA type.
 * Definition: TA-Lib TA_PPO (TA_INT_PO with percentage output): both averages run over all inputs
 * from the first one (TA_MA), periods swapped when slow < fast; 0 when the slow MA is (near) zero.
 */
import { createMovingAverage, type MovingAverage } from '../overlap/ma-type.js';
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertPeriod, rejectInput, rethrowAtIndex } from '../validate.js';

/** TA-Lib's TA_EPSILON (ta_utility.h), used by TA_IS_ZERO. */
const EPSILON = 0.00000000000001;

export class Ppo extends IndicatorBase {
  readonly lookback: number;
  private readonly fastMa: MovingAverage;
  private readonly slowMa: MovingAverage;

  constructor(fastPeriod = 12, slowPeriod = 26, maType = 0, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('PPO', 'fastPeriod', fastPeriod, 2);
    assertPeriod('PPO', 'slowPeriod', slowPeriod, 2);
    assertPeriod('PPO', 'maType', maType, 0, 8);
    const fast = Math.min(fastPeriod, slowPeriod);
    const slow = Math.max(fastPeriod, slowPeriod);
    this.fastMa = createMovingAverage(maType, fast);
    this.slowMa = createMovingAverage(maType, slow);
    this.lookback = this.slowMa.lookback;
  }

  /** Adds one value; returns the new PPO or NaN while warming up. */
  next(x: number): number {
    if (x - x !== 0) rejectInput('PPO', 'input', x);
    this.count++;
    const fast = this.fastMa.next(x);
    const slow = this.slowMa.next(x);
    if (slow !== slow) return NaN;
    const out = slow > -EPSILON && slow < EPSILON ? 0 : ((fast - slow) / slow) * 100.0;
    this.outputs[0] = out;
    return out;
  }

  update(bar: Bar): void {
    this.next(bar.close);
  }

  snapshot(): IndicatorState {
    return { count: this.count, fast: this.fastMa.snapshot(), slow: this.slowMa.snapshot(), out: encodeArray(this.outputs) };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.fastMa.restore(s.fast as IndicatorState);
    this.slowMa.restore(s.slow as IndicatorState);
    decodeInto(this.outputs, s.out);
  }
}

/** Batch PPO with TA-Lib's name, parameters and warm-up (first valid index = slow MA lookback). */
export function ppo(real: ArrayLike<number>, fastPeriod = 12, slowPeriod = 26, maType = 0): Float64Array {
  const ind = new Ppo(fastPeriod, slowPeriod, maType);
  const n = real.length;
  const out = new Float64Array(n);
  let i = 0;
  try {
    for (; i < n; i++) out[i] = ind.next(real[i]!);
  } catch (e) {
    rethrowAtIndex('PPO', ['input'], [real], i, e);
  }
  return out;
}

type PoParams = { fastPeriod: number; slowPeriod: number; maType: number };

export const ppoSpec: IndicatorSpec<PoParams> = {
  name: 'PPO',
  group: 'momentum',
  summary: 'Percentage price oscillator: (fast MA - slow MA) / slow MA * 100',
  inputs: ['close'],
  outputs: ['real'],
  defaults: { fastPeriod: 12, slowPeriod: 26, maType: 0 },
  create: (p, out) => new Ppo(p.fastPeriod, p.slowPeriod, p.maType, out),
  batch: ([x], p) => [ppo(x!, p.fastPeriod, p.slowPeriod, p.maType)],
  testParams: [
    { fastPeriod: 10, slowPeriod: 4, maType: 2 },
    { fastPeriod: 3, slowPeriod: 8, maType: 8 },
  ],
  talib: {
    name: 'PPO',
    optIn: (p) => ({ optInFastPeriod: p.fastPeriod, optInSlowPeriod: p.slowPeriod, optInMAType: p.maType }),
    outputs: ['outReal'],
  },
};
