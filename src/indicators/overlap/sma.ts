/**
 * SMA — simple moving average of the last `period` values.
 * Definition and floating-point order: TA-Lib TA_SMA (running sum; the trailing value is subtracted
 * after each output), so results match TA-Lib bit for bit.
 */
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertFiniteSeries, assertPeriod, rejectInput } from '../validate.js';

export class Sma extends IndicatorBase {
  readonly lookback: number;
  private readonly period: number;
  private readonly window: Float64Array;
  private sum = 0;
  /** Slot of the oldest value in the window: where the next value is written */
  private head = 0;

  constructor(period = 30, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('SMA', 'period', period, 1);
    this.period = period;
    this.lookback = period - 1;
    this.window = new Float64Array(period);
  }

  /** Adds one value; returns the new average or NaN while warming up. */
  next(x: number): number {
    if (x - x !== 0) rejectInput('SMA', 'input', x);
    const p = this.period;
    const n = this.count++;
    let h = this.head;
    this.window[h] = x;
    if (++h === p) h = 0;
    this.head = h;
    this.sum += x;
    if (n < p - 1) return NaN;
    const out = this.sum / p;
    this.sum -= this.window[h]!;
    this.outputs[0] = out;
    return out;
  }

  update(bar: Bar): void {
    this.next(bar.close);
  }

  snapshot(): IndicatorState {
    return { count: this.count, sum: this.sum, head: this.head, window: encodeArray(this.window), out: this.outputs[0]! };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.sum = s.sum as number;
    this.head = s.head as number;
    decodeInto(this.window, s.window);
    this.outputs[0] = (s.out as number | null) ?? NaN;
  }
}

/** Batch SMA with TA-Lib's name, parameters and warm-up (first valid index period-1). */
export function sma(real: ArrayLike<number>, period = 30): Float64Array {
  assertFiniteSeries('SMA', 'input', real);
  const ind = new Sma(period);
  const n = real.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = ind.next(real[i]!);
  return out;
}

export const smaSpec: IndicatorSpec<{ period: number }> = {
  name: 'SMA',
  group: 'overlap',
  summary: 'Simple moving average',
  inputs: ['close'],
  outputs: ['real'],
  defaults: { period: 30 },
  create: (p, out) => new Sma(p.period, out),
  batch: ([x], p) => [sma(x!, p.period)],
  talib: { name: 'SMA', optIn: (p) => ({ optInTimePeriod: p.period }), outputs: ['outReal'] },
};
