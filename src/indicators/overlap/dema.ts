/**
 * DEMA — double exponential moving average (Mulloy): 2*EMA(x) - EMA(EMA(x)).
 * Definition and floating-point order: TA-Lib TA_DEMA (two chained SMA-seeded EMAs, k = 2/(period+1));
 * the EMAs are inlined (same operations as the Ema class) to keep the update short.
 */
import { IndicatorBase } from '../base.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertPeriod, rejectInput, rethrowAtIndex } from '../validate.js';
import { emaStep } from './ema-chain.js';

export class Dema extends IndicatorBase {
  readonly lookback: number;
  private readonly period: number;
  private readonly k: number;
  private e1 = 0;
  private e2 = 0;

  constructor(period = 30, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('DEMA', 'period', period, 2);
    this.lookback = 2 * (period - 1);
    this.period = period;
    this.k = 2 / (period + 1);
  }

  /** Adds one value; returns the new average or NaN while warming up. */
  next(x: number): number {
    if (x - x !== 0) rejectInput('DEMA', 'input', x);
    const n = this.count++;
    if (n <= this.lookback) return this.warmUp(x, n);
    const k = this.k;
    const e1 = (x - this.e1) * k + this.e1;
    const e2 = (e1 - this.e2) * k + this.e2;
    this.e1 = e1;
    this.e2 = e2;
    const out = 2.0 * e1 - e2;
    this.outputs[0] = out;
    return out;
  }

  private warmUp(x: number, n: number): number {
    const p = this.period;
    const e1 = (this.e1 = emaStep(this.e1, x, n, p, this.k));
    const m2 = n - (p - 1);
    if (m2 < 0) return NaN;
    const e2 = (this.e2 = emaStep(this.e2, e1, m2, p, this.k));
    if (m2 < p - 1) return NaN;
    const out = 2.0 * e1 - e2;
    this.outputs[0] = out;
    return out;
  }

  update(bar: Bar): void {
    this.next(bar.close);
  }

  snapshot(): IndicatorState {
    return { count: this.count, e1: this.e1, e2: this.e2, out: this.outputs[0]! };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.e1 = s.e1 as number;
    this.e2 = s.e2 as number;
    this.outputs[0] = (s.out as number | null) ?? NaN;
  }
}

/** Batch DEMA with TA-Lib's name, parameters and warm-up (first valid index 2*(period-1)). */
export function dema(real: ArrayLike<number>, period = 30): Float64Array {
  const ind = new Dema(period);
  const n = real.length;
  const out = new Float64Array(n);
  let i = 0;
  try {
    for (; i < n; i++) out[i] = ind.next(real[i]!);
  } catch (e) {
    rethrowAtIndex('DEMA', ['input'], [real], i, e);
  }
  return out;
}

export const demaSpec: IndicatorSpec<{ period: number }> = {
  name: 'DEMA',
  group: 'overlap',
  summary: 'Double exponential moving average',
  inputs: ['close'],
  outputs: ['real'],
  defaults: { period: 30 },
  testParams: [{ period: 2 }, { period: 9 }],
  create: (p, out) => new Dema(p.period, out),
  batch: ([x], p) => [dema(x!, p.period)],
  talib: { name: 'DEMA', optIn: (p) => ({ optInTimePeriod: p.period }), outputs: ['outReal'] },
};
