/**
 * ROC — rate of change in percent: ((x / prev) - 1) * 100, 0 when prev is 0 (TA-Lib TA_ROC).
 * Lookback `period`; the value `period` bars back is kept in a ring buffer.
 */
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertPeriod, rejectInput, rethrowAtIndex } from '../validate.js';

export class Roc extends IndicatorBase {
  readonly lookback: number;
  private readonly period: number;
  private readonly window: Float64Array;
  /** Ring position of the value `period` bars back (= count % period). */
  private pos = 0;

  constructor(period = 10, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('ROC', 'period', period, 1);
    this.period = period;
    this.lookback = period;
    this.window = new Float64Array(period);
  }

  /** Adds one value; returns the new ROC or NaN while warming up. */
  next(x: number): number {
    if (x - x !== 0) rejectInput('ROC', 'input', x);
    const n = this.count++;
    const slot = this.pos;
    const old = this.window[slot]!;
    this.window[slot] = x;
    this.pos = slot + 1 === this.period ? 0 : slot + 1;
    if (n < this.period) return NaN;
    const out = old !== 0 ? (x / old - 1.0) * 100.0 : 0;
    this.outputs[0] = out;
    return out;
  }

  update(bar: Bar): void {
    this.next(bar.close);
  }

  snapshot(): IndicatorState {
    return { count: this.count, window: encodeArray(this.window), out: encodeArray(this.outputs) };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.pos = this.count % this.period;
    decodeInto(this.window, s.window);
    decodeInto(this.outputs, s.out);
  }
}

/** Batch ROC with TA-Lib's name, parameters and warm-up (first valid index `period`). */
export function roc(real: ArrayLike<number>, period = 10): Float64Array {
  const ind = new Roc(period);
  const n = real.length;
  const out = new Float64Array(n);
  let i = 0;
  try {
    for (; i < n; i++) out[i] = ind.next(real[i]!);
  } catch (e) {
    rethrowAtIndex('ROC', ['input'], [real], i, e);
  }
  return out;
}

export const rocSpec: IndicatorSpec<{ period: number }> = {
  name: 'ROC',
  group: 'momentum',
  summary: 'Rate of change in percent: (x / x[period ago] - 1) * 100',
  inputs: ['close'],
  outputs: ['real'],
  defaults: { period: 10 },
  create: (p, out) => new Roc(p.period, out),
  batch: ([x], p) => [roc(x!, p.period)],
  testParams: [{ period: 1 }, { period: 3 }],
  talib: { name: 'ROC', optIn: (p) => ({ optInTimePeriod: p.period }), outputs: ['outReal'] },
};
