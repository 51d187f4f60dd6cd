/**
 * ROCR — rate of change ratio: x / prev, 0 when prev is 0 (TA-Lib TA_ROCR).
 * Lookback `period`; the value `period` bars back is kept in a ring buffer.
 */
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertPeriod, rejectInput, rethrowAtIndex } from '../validate.js';

export class Rocr extends IndicatorBase {
  readonly lookback: number;
  private readonly period: number;
  private readonly window: Float64Array;
  /** Ring position of the value `period` bars back (= count % period). */
  private pos = 0;

  constructor(period = 10, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('ROCR', 'period', period, 1);
    this.period = period;
    this.lookback = period;
    this.window = new Float64Array(period);
  }

  /** Adds one value; returns the new ROCR or NaN while warming up. */
  next(x: number): number {
    if (x - x !== 0) rejectInput('ROCR', 'input', x);
    const n = this.count++;
    const slot = this.pos;
    const old = this.window[slot]!;
    this.window[slot] = x;
    this.pos = slot + 1 === this.period ? 0 : slot + 1;
    if (n < this.period) return NaN;
    const out = old !== 0 ? x / old : 0;
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

/** Batch ROCR with TA-Lib's name, parameters and warm-up (first valid index `period`). */
export function rocr(real: ArrayLike<number>, period = 10): Float64Array {
  const ind = new Rocr(period);
  const n = real.length;
  const out = new Float64Array(n);
  let i = 0;
  try {
    for (; i < n; i++) out[i] = ind.next(real[i]!);
  } catch (e) {
    rethrowAtIndex('ROCR', ['input'], [real], i, e);
  }
  return out;
}

export const rocrSpec: IndicatorSpec<{ period: number }> = {
  name: 'ROCR',
  group: 'momentum',
  summary: 'Rate of change ratio: x / x[period ago]',
  inputs: ['close'],
  outputs: ['real'],
  defaults: { period: 10 },
  create: (p, out) => new Rocr(p.period, out),
  batch: ([x], p) => [rocr(x!, p.period)],
  testParams: [{ period: 1 }, { period: 3 }],
  talib: { name: 'ROCR', optIn: (p) => ({ optInTimePeriod: p.period }), outputs: ['outReal'] },
};
