/**
 * SMA — simple moving average of the last `period` values.
 * Definition and floating-point order: TA-Lib TA_SMA (running sum; the trailing value is subtracted
 * after each output), so results match TA-Lib bit for bit.
 */
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertPeriod, rejectInput, rethrowAtIndex } from '../validate.js';

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

/**
 * TA-Lib's SMA window without the indicator plumbing, for indicators that average a series of their
 * own (STOCH, STOCHF, STOCHRSI with the default MA type): `fill` takes the first period-1 values,
 * then `push` returns the average including each new value. Same operations in the same order as
 * `Sma.next`, so bit for bit equal; `snapshot`/`restore` use Sma's state layout.
 */
export class SmaWindow {
  readonly period: number;
  private readonly window: Float64Array;
  private sum = 0;
  private head = 0;

  constructor(period: number) {
    this.period = period;
    this.window = new Float64Array(period);
  }

  /** One of the first period-1 values (no average yet). */
  fill(x: number): void {
    if (x - x !== 0) rejectInput('SMA', 'input', x);
    const w = this.window;
    let h = this.head;
    w[h] = x;
    if (++h === this.period) h = 0;
    this.head = h;
    this.sum += x;
  }

  /** A value once the window is full: returns the average of the last `period` values. */
  push(x: number): number {
    if (x - x !== 0) rejectInput('SMA', 'input', x);
    const w = this.window;
    let h = this.head;
    w[h] = x;
    if (++h === this.period) h = 0;
    this.head = h;
    const sum = this.sum + x;
    this.sum = sum - w[h]!;
    return sum / this.period;
  }

  /** Sma's snapshot for the same values: `count` values fed, `out` the latest average (NaN if none). */
  snapshot(count: number, out: number): IndicatorState {
    return { count, sum: this.sum, head: this.head, window: encodeArray(this.window), out };
  }

  restore(s: IndicatorState): void {
    this.sum = s.sum as number;
    this.head = s.head as number;
    decodeInto(this.window, s.window);
  }
}

/** Batch SMA with TA-Lib's name, parameters and warm-up (first valid index period-1). */
export function sma(real: ArrayLike<number>, period = 30): Float64Array {
  const ind = new Sma(period);
  const n = real.length;
  const out = new Float64Array(n);
  let i = 0;
  try {
    for (; i < n; i++) out[i] = ind.next(real[i]!);
  } catch (e) {
    rethrowAtIndex('SMA', ['input'], [real], i, e);
  }
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
