/**
 * EMA — exponential moving average, k = 2 / (period + 1), seeded with the SMA of the first `period`
 * values (TA-Lib TA_EMA, default compatibility), then prev + (x - prev) * k in TA-Lib's order.
 */
import { IndicatorBase } from '../base.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertPeriod, rejectInput, rethrowAtIndex } from '../validate.js';

export class Ema extends IndicatorBase {
  readonly lookback: number;
  private readonly period: number;
  private readonly k: number;
  private prev = 0;

  /** `k` may be overridden (TA-Lib's internal EMA with a custom factor, e.g. T3, MACDFIX). */
  constructor(period = 30, outputs?: Float64Array, k?: number) {
    super(1, outputs);
    assertPeriod('EMA', 'period', period, 1);
    this.period = period;
    this.lookback = period - 1;
    this.k = k ?? 2 / (period + 1);
  }

  next(x: number): number {
    if (x - x !== 0) rejectInput('EMA', 'input', x);
    const n = this.count++;
    const p = this.period;
    if (n < p - 1) {
      this.prev += x;
      return NaN;
    }
    if (n === p - 1) {
      this.prev = (this.prev + x) / p;
    } else {
      this.prev = (x - this.prev) * this.k + this.prev;
    }
    this.outputs[0] = this.prev;
    return this.prev;
  }

  update(bar: Bar): void {
    this.next(bar.close);
  }

  snapshot(): IndicatorState {
    return { count: this.count, prev: this.prev };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.prev = s.prev as number;
    this.outputs[0] = this.count > this.lookback ? this.prev : NaN;
  }
}

export function ema(real: ArrayLike<number>, period = 30): Float64Array {
  const ind = new Ema(period);
  const n = real.length;
  const out = new Float64Array(n);
  let i = 0;
  try {
    for (; i < n; i++) out[i] = ind.next(real[i]!);
  } catch (e) {
    rethrowAtIndex('EMA', ['input'], [real], i, e);
  }
  return out;
}

export const emaSpec: IndicatorSpec<{ period: number }> = {
  name: 'EMA',
  group: 'overlap',
  summary: 'Exponential moving average (SMA seed)',
  inputs: ['close'],
  outputs: ['real'],
  defaults: { period: 30 },
  create: (p, out) => new Ema(p.period, out),
  batch: ([x], p) => [ema(x!, p.period)],
  talib: { name: 'EMA', optIn: (p) => ({ optInTimePeriod: p.period }), outputs: ['outReal'] },
};
