/**
 * ADXR — Wilder's average directional movement index rating: (ADX today + ADX period-1 bars ago) / 2.
 * Definition and floating-point order: TA-Lib TA_ADXR (on top of TA_ADX; first valid index 3*period-2).
 */
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertPeriod } from '../validate.js';
import { HLC, rejectBar } from './bar-check.js';
import { Adx } from './adx.js';
import { directionalInto } from './directional-movement.js';

export class Adxr extends IndicatorBase {
  readonly lookback: number;
  private readonly period: number;
  private readonly adx: Adx;
  /** The last `period` ADX values; ADX number k sits at k % period. */
  private readonly ring: Float64Array;
  /** ADX values seen so far. */
  private k = 0;
  /** Slot of the next ADX value (k % period). */
  private slot = 0;

  constructor(period = 14, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('ADXR', 'period', period, 2);
    this.period = period;
    this.lookback = 3 * period - 2;
    this.adx = new Adx(period);
    this.ring = new Float64Array(period);
  }

  update(bar: Bar): void {
    const high = bar.high;
    const low = bar.low;
    const close = bar.close;
    if (high - high + (low - low) + (close - close) !== 0) rejectBar('ADXR', bar, HLC);
    const adx = this.adx;
    adx.step(bar);
    if (this.count++ < adx.lookback) return;
    const a = adx.outputs[0]!;
    const p = this.period;
    const ring = this.ring;
    const slot = this.slot;
    ring[slot] = a;
    const next = slot + 1 === p ? 0 : slot + 1;
    this.slot = next;
    if (this.k++ < p - 1) return;
    // ADX of period-1 bars ago sits in the slot after today's
    this.outputs[0] = (a + ring[next]!) / 2.0;
  }

  snapshot(): IndicatorState {
    return { count: this.count, adx: this.adx.snapshot(), k: this.k, slot: this.slot, ring: encodeArray(this.ring), out: this.outputs[0]! };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.adx.restore(s.adx as IndicatorState);
    this.k = s.k as number;
    this.slot = s.slot as number;
    decodeInto(this.ring, s.ring);
    this.outputs[0] = (s.out as number | null) ?? NaN;
  }
}

/** Batch ADXR with TA-Lib's name, parameters and warm-up (first valid index 3*period-2). */
export function adxr(high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>, period = 14): Float64Array {
  assertPeriod('ADXR', 'period', period, 2);
  const n = high.length;
  const out = new Float64Array(n);
  // the ADX series first (into out), then (ADX today + ADX period-1 bars ago) / 2 in place, newest first
  directionalInto('ADXR', high, low, close, period, out, true);
  const first = 3 * period - 2;
  for (let i = n - 1; i >= 0; i--) out[i] = i >= first ? (out[i]! + out[i - period + 1]!) / 2.0 : NaN;
  return out;
}

export const adxrSpec: IndicatorSpec<{ period: number }> = {
  name: 'ADXR',
  group: 'momentum',
  summary: 'Average directional movement index rating',
  inputs: ['high', 'low', 'close'],
  outputs: ['real'],
  defaults: { period: 14 },
  testParams: [{ period: 2 }, { period: 5 }],
  create: (p, out) => new Adxr(p.period, out),
  batch: ([high, low, close], p) => [adxr(high!, low!, close!, p.period)],
  talib: { name: 'ADXR', optIn: (p) => ({ optInTimePeriod: p.period }), outputs: ['outReal'] },
};
