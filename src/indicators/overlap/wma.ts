/**
 * WMA — linearly weighted moving average (weights 1..period, newest heaviest).
 * Definition and floating-point order: TA-Lib TA_WMA (running periodSum/periodSub, divided by
 * period*(period+1)/2), so results match TA-Lib bit for bit.
 */
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertPeriod, rejectInput, rethrowAtIndex } from '../validate.js';

export class Wma extends IndicatorBase {
  readonly lookback: number;
  private readonly period: number;
  private readonly divider: number;
  /** The last `period` inputs; `pos` is the next slot to write (the oldest). */
  private readonly window: Float64Array;
  private pos = 0;
  private periodSum = 0;
  private periodSub = 0;
  private trailingValue = 0;

  constructor(period = 30, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('WMA', 'period', period, 2);
    this.period = period;
    this.lookback = period - 1;
    this.divider = (period * (period + 1)) >> 1;
    this.window = new Float64Array(period);
  }

  /** Adds one value; returns the new average or NaN while warming up. */
  next(x: number): number {
    if (x - x !== 0) rejectInput('WMA', 'input', x);
    const n = this.count++;
    const w = this.window;
    let pos = this.pos;
    w[pos] = x;
    if (++pos === this.period) pos = 0;
    this.pos = pos;
    if (n < this.lookback) return this.warmUp(x, n);
    let sub = this.periodSub + x;
    sub -= this.trailingValue;
    let sum = this.periodSum + x * this.period;
    this.trailingValue = w[pos]!; // x[n - period + 1]
    const out = sum / this.divider;
    sum -= sub;
    this.periodSub = sub;
    this.periodSum = sum;
    this.outputs[0] = out;
    return out;
  }

  private warmUp(x: number, n: number): number {
    this.periodSub += x;
    this.periodSum += x * (n + 1);
    return NaN;
  }

  update(bar: Bar): void {
    this.next(bar.close);
  }

  snapshot(): IndicatorState {
    return {
      count: this.count,
      pos: this.pos,
      periodSum: this.periodSum,
      periodSub: this.periodSub,
      trailingValue: this.trailingValue,
      window: encodeArray(this.window),
      out: encodeArray(this.outputs),
    };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.pos = s.pos as number;
    this.periodSum = s.periodSum as number;
    this.periodSub = s.periodSub as number;
    this.trailingValue = s.trailingValue as number;
    decodeInto(this.window, s.window);
    decodeInto(this.outputs, s.out);
  }
}

/** Batch WMA with TA-Lib's name, parameters and warm-up (first valid index period-1). */
export function wma(real: ArrayLike<number>, period = 30): Float64Array {
  const ind = new Wma(period);
  const n = real.length;
  const out = new Float64Array(n);
  let i = 0;
  try {
    for (; i < n; i++) out[i] = ind.next(real[i]!);
  } catch (e) {
    rethrowAtIndex('WMA', ['input'], [real], i, e);
  }
  return out;
}

export const wmaSpec: IndicatorSpec<{ period: number }> = {
  name: 'WMA',
  group: 'overlap',
  summary: 'Linearly weighted moving average',
  inputs: ['close'],
  outputs: ['real'],
  defaults: { period: 30 },
  testParams: [{ period: 2 }, { period: 9 }],
  create: (p, out) => new Wma(p.period, out),
  batch: ([x], p) => [wma(x!, p.period)],
  talib: { name: 'WMA', optIn: (p) => ({ optInTimePeriod: p.period }), outputs: ['outReal'] },
};
