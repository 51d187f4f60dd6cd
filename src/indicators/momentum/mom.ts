/**
 * MOM — momentum: x - x[period ago] (TA-Lib TA_MOM; not normalised).
 * Lookback `period`; the value `period` bars back is kept in a ring buffer.
 */
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertPeriod, rejectInput, rethrowAtIndex } from '../validate.js';

export class Mom extends IndicatorBase {
  readonly lookback: number;
  private readonly period: number;
  private readonly window: Float64Array;
  /** Ring position of the value `period` bars back (= count % period). */
  private pos = 0;

  constructor(period = 10, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('MOM', 'period', period, 1);
    this.period = period;
    this.lookback = period;
    this.window = new Float64Array(period);
  }

  /** Adds one value; returns the new MOM or NaN while warming up. */
  next(x: number): number {
    if (x - x !== 0) rejectInput('MOM', 'input', x);
    const n = this.count++;
    const slot = this.pos;
    const old = this.window[slot]!;
    this.window[slot] = x;
    this.pos = slot + 1 === this.period ? 0 : slot + 1;
    if (n < this.period) return NaN;
    const out = x - old;
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

/** Batch MOM with TA-Lib's name, parameters and warm-up (first valid index `period`). */
export function mom(real: ArrayLike<number>, period = 10): Float64Array {
  const ind = new Mom(period);
  const n = real.length;
  const out = new Float64Array(n);
  let i = 0;
  try {
    for (; i < n; i++) out[i] = ind.next(real[i]!);
  } catch (e) {
    rethrowAtIndex('MOM', ['input'], [real], i, e);
  }
  return out;
}

export const momSpec: IndicatorSpec<{ period: number }> = {
  name: 'MOM',
  group: 'momentum',
  summary: 'Momentum: close minus the close `period` bars ago',
  inputs: ['close'],
  outputs: ['real'],
  defaults: { period: 10 },
  create: (p, out) => new Mom(p.period, out),
  batch: ([x], p) => [mom(x!, p.period)],
  testParams: [{ period: 1 }, { period: 3 }],
  talib: { name: 'MOM', optIn: (p) => ({ optInTimePeriod: p.period }), outputs: ['outReal'] },
};
