/**
 * RSI — relative strength index: 100 * avgGain / (avgGain + avgLoss) with Wilder smoothing.
 * Definition and floating-point order: TA-Lib TA_RSI (default compatibility, unstable period 0):
 * the averages are seeded with the plain mean of the first `period` gains/losses, then
 * avg = (avg * (period - 1) + today) / period; 0 when avgGain + avgLoss is (near) zero.
 */
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertPeriod, rejectInput, rethrowAtIndex } from '../validate.js';

/** TA-Lib's TA_EPSILON (ta_utility.h), used by TA_IS_ZERO. */
const EPSILON = 0.00000000000001;

export class Rsi extends IndicatorBase {
  readonly lookback: number;
  private readonly period: number;
  private readonly periodMinus1: number;
  private prevValue = 0;
  private prevGain = 0;
  private prevLoss = 0;
  /** Scratch for branch-free selection. */
  private readonly pick = new Float64Array(2);

  constructor(period = 14, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('RSI', 'period', period, 2);
    this.period = period;
    this.periodMinus1 = period - 1;
    this.lookback = period;
  }

  /** Adds one value; returns the new RSI or NaN while warming up. */
  next(x: number): number {
    if (x - x !== 0) rejectInput('RSI', 'input', x);
    const n = this.count++;
    const p = this.period;
    if (n === 0) {
      this.prevValue = x;
      return NaN;
    }
    const d = x - this.prevValue;
    this.prevValue = x;
    // TA-Lib: if (d < 0) loss -= d; else gain += d. Up or down is a coin flip on market data, so the
    // branch is replaced by picking d or a zero for each side: x + -0 and x - 0 are exactly x.
    const pick = this.pick;
    const down = +(d < 0);
    pick[0] = d;
    pick[1] = -0;
    const up = pick[down]!;
    pick[0] = 0;
    pick[1] = d;
    const dn = pick[down]!;
    if (n > p) {
      const loss = (this.prevLoss * this.periodMinus1 - dn) / p;
      const gain = (this.prevGain * this.periodMinus1 + up) / p;
      this.prevLoss = loss;
      this.prevGain = gain;
    } else {
      this.prevLoss -= dn;
      this.prevGain += up;
      if (n < p) return NaN;
      this.prevLoss /= p;
      this.prevGain /= p;
    }
    const sum = this.prevGain + this.prevLoss;
    const out = sum > -EPSILON && sum < EPSILON ? 0 : 100.0 * (this.prevGain / sum);
    this.outputs[0] = out;
    return out;
  }

  update(bar: Bar): void {
    this.next(bar.close);
  }

  snapshot(): IndicatorState {
    return {
      count: this.count,
      prevValue: this.prevValue,
      prevGain: this.prevGain,
      prevLoss: this.prevLoss,
      out: encodeArray(this.outputs),
    };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.prevValue = s.prevValue as number;
    this.prevGain = s.prevGain as number;
    this.prevLoss = s.prevLoss as number;
    decodeInto(this.outputs, s.out);
  }
}

/** Batch RSI with TA-Lib's name, parameters and warm-up (first valid index `period`). */
export function rsi(real: ArrayLike<number>, period = 14): Float64Array {
  const ind = new Rsi(period);
  const n = real.length;
  const out = new Float64Array(n);
  let i = 0;
  try {
    for (; i < n; i++) out[i] = ind.next(real[i]!);
  } catch (e) {
    rethrowAtIndex('RSI', ['input'], [real], i, e);
  }
  return out;
}

export const rsiSpec: IndicatorSpec<{ period: number }> = {
  name: 'RSI',
  group: 'momentum',
  summary: 'Relative strength index (Wilder smoothing)',
  inputs: ['close'],
  outputs: ['real'],
  defaults: { period: 14 },
  create: (p, out) => new Rsi(p.period, out),
  batch: ([x], p) => [rsi(x!, p.period)],
  testParams: [{ period: 2 }, { period: 5 }],
  talib: { name: 'RSI', optIn: (p) => ({ optInTimePeriod: p.period }), outputs: ['outReal'] },
};
