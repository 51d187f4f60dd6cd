/**
 * CCI — Lambert's commodity channel index: (typical price - its SMA) / (0.015 * mean absolute
 * deviation), typical price = (high + low + close) / 3, over `period` bars. Definition and
 * floating-point order: TA-Lib TA_CCI (sums taken in the ring buffer's slot order; the mean deviation
 * is recomputed over the window each bar, O(period) like TA-Lib; 0 when either term is zero).
 */
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { assertFiniteSeries, assertPeriod } from '../validate.js';
import { HLC, rejectBar } from './bar-check.js';

export class Cci extends IndicatorBase {
  readonly lookback: number;
  private readonly period: number;
  /** Typical prices; bar n sits at n % period, as in TA-Lib's circular buffer. */
  private readonly ring: Float64Array;
  /** Slot of the next typical price. */
  private slot = 0;

  constructor(period = 14, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('CCI', 'period', period, 2);
    this.period = period;
    this.lookback = period - 1;
    this.ring = new Float64Array(period);
  }

  update(bar: Bar): void {
    const high = bar.high;
    const low = bar.low;
    const close = bar.close;
    if (high - high + (low - low) + (close - close) !== 0) rejectBar('CCI', bar, HLC);
    const n = this.count++;
    const p = this.period;
    const ring = this.ring;
    const last = (high + low + close) / 3;
    const slot = this.slot;
    ring[slot] = last;
    this.slot = slot + 1 === p ? 0 : slot + 1;
    if (n < p - 1) return;
    let avg = 0;
    for (let j = 0; j < p; j++) avg += ring[j]!;
    avg /= p;
    let dev = 0;
    for (let j = 0; j < p; j++) dev += Math.abs(ring[j]! - avg);
    const t = last - avg;
    this.outputs[0] = t !== 0.0 && dev !== 0.0 ? t / (0.015 * (dev / p)) : 0.0;
  }

  snapshot(): IndicatorState {
    return { count: this.count, slot: this.slot, ring: encodeArray(this.ring), out: this.outputs[0]! };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.slot = s.slot as number;
    decodeInto(this.ring, s.ring);
    this.outputs[0] = (s.out as number | null) ?? NaN;
  }
}

/** Batch CCI with TA-Lib's name, parameters and warm-up (first valid index period-1). */
export function cci(high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>, period = 14): Float64Array {
  assertFiniteSeries('CCI', 'high', high);
  assertFiniteSeries('CCI', 'low', low);
  assertFiniteSeries('CCI', 'close', close);
  const ind = new Cci(period);
  const bar = newMutableBar();
  const n = high.length;
  const out = new Float64Array(n);
  const o = ind.outputs;
  for (let i = 0; i < n; i++) {
    bar.high = high[i]!;
    bar.low = low[i]!;
    bar.close = close[i]!;
    ind.update(bar);
    out[i] = o[0]!;
  }
  return out;
}

export const cciSpec: IndicatorSpec<{ period: number }> = {
  name: 'CCI',
  group: 'momentum',
  summary: 'Commodity channel index',
  inputs: ['high', 'low', 'close'],
  outputs: ['real'],
  defaults: { period: 14 },
  testParams: [{ period: 2 }, { period: 20 }],
  create: (p, out) => new Cci(p.period, out),
  batch: ([high, low, close], p) => [cci(high!, low!, close!, p.period)],
  talib: { name: 'CCI', optIn: (p) => ({ optInTimePeriod: p.period }), outputs: ['outReal'] },
};
