/**
 * CCI — Lambert's commodity channel index: (typical price - its SMA) / (0.015 * mean absolute
 * deviation), typical price = (high + low + close) / 3, over `period` bars. Definition and
 * floating-point order: TA-Lib TA_CCI (sums taken in the ring buffer's slot order; the mean deviation
 * is recomputed over the window each bar, O(period) like TA-Lib; 0 when either term is zero).
 */
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertPeriod, rejectSeriesAt } from '../validate.js';
import { HLC, rejectBar } from './bar-check.js';

export class Cci extends IndicatorBase {
  readonly lookback: number;
  private readonly period: number;
  /** Typical prices; bar n sits at n % period, as in TA-Lib's circular buffer. */
  private readonly ring: Float64Array;
  /**
   * TA-Lib's running sum of the ring in slot order after each slot: prefix[j] = (...(0 + ring[0]) +
   * ...) + ring[j]. A bar changes only its own slot, so only the sums from that slot on are redone
   * (half the ring on average) and the total is still TA-Lib's sum, bit for bit.
   */
  private readonly prefix: Float64Array;
  /** Slot of the next typical price. */
  private slot = 0;

  constructor(period = 14, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('CCI', 'period', period, 2);
    this.period = period;
    this.lookback = period - 1;
    this.ring = new Float64Array(period);
    this.prefix = new Float64Array(period);
  }

  update(bar: Bar): void {
    const high = bar.high;
    const low = bar.low;
    const close = bar.close;
    if (high - high + (low - low) + (close - close) !== 0) rejectBar('CCI', bar, HLC);
    const n = this.count++;
    const p = this.period;
    const ring = this.ring;
    const prefix = this.prefix;
    const last = (high + low + close) / 3;
    const slot = this.slot;
    ring[slot] = last;
    this.slot = slot + 1 === p ? 0 : slot + 1;
    let sum = slot === 0 ? 0 : prefix[slot - 1]!;
    for (let j = slot; j < p; j++) prefix[j] = sum += ring[j]!;
    if (n < p - 1) return;
    const avg = sum / p;
    let dev = 0;
    for (let j = 0; j < p; j++) dev += Math.abs(ring[j]! - avg);
    const t = last - avg;
    this.outputs[0] = cciOf(t, dev, p);
  }

  snapshot(): IndicatorState {
    return { count: this.count, slot: this.slot, ring: encodeArray(this.ring), out: this.outputs[0]! };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.slot = s.slot as number;
    decodeInto(this.ring, s.ring);
    let sum = 0;
    for (let j = 0; j < this.period; j++) this.prefix[j] = sum += this.ring[j]!;
    this.outputs[0] = (s.out as number | null) ?? NaN;
  }
}

/**
 * Batch CCI with TA-Lib's name, parameters and warm-up (first valid index period-1): the sums of
 * Cci.update in the same order, but for four consecutive bars at a time whose slots do not wrap. Each
 * bar's sum and deviation sum stays its own chain of additions in TA-Lib's slot order; the four chains
 * run side by side, so the CPU overlaps them instead of waiting on one addition after another.
 */
export function cci(high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>, period = 14): Float64Array {
  assertPeriod('CCI', 'period', period, 2);
  const p = period;
  const n = high.length;
  const out = new Float64Array(n);
  const ring = new Float64Array(p);
  const prefix = new Float64Array(p);
  let slot = 0;
  let i = 0;
  while (i < n) {
    const s = slot;
    if (i >= p - 1 && s + 3 < p && i + 3 < n) {
      const h0 = high[i]!, l0 = low[i]!, c0 = close[i]!;
      const h1 = high[i + 1]!, l1 = low[i + 1]!, c1 = close[i + 1]!;
      const h2 = high[i + 2]!, l2 = low[i + 2]!, c2 = close[i + 2]!;
      const h3 = high[i + 3]!, l3 = low[i + 3]!, c3 = close[i + 3]!;
      if (h0 - h0 + (l0 - l0) + (c0 - c0) + (h1 - h1) + (l1 - l1) + (c1 - c1) + (h2 - h2) + (l2 - l2) + (c2 - c2) + (h3 - h3) + (l3 - l3) + (c3 - c3) !== 0) {
        rejectBarsFrom(high, low, close, i);
      }
      const n0 = (h0 + l0 + c0) / 3;
      const n1 = (h1 + l1 + c1) / 3;
      const n2 = (h2 + l2 + c2) / 3;
      const n3 = (h3 + l3 + c3) / 3;
      const o1 = ring[s + 1]!;
      const o2 = ring[s + 2]!;
      const o3 = ring[s + 3]!;
      // sums in slot order: bar i + k holds the new values in slots s..s+k, the old ones after
      const first = (s === 0 ? 0 : prefix[s - 1]!) + n0;
      prefix[s] = first;
      let a0 = first + o1;
      let a1 = first + n1;
      let a2 = a1;
      let a3 = a1;
      prefix[s + 1] = a3;
      a0 += o2;
      a1 += o2;
      a2 += n2;
      a3 += n2;
      prefix[s + 2] = a3;
      a0 += o3;
      a1 += o3;
      a2 += o3;
      a3 += n3;
      prefix[s + 3] = a3;
      for (let j = s + 4; j < p; j++) {
        const v = ring[j]!;
        a0 += v;
        a1 += v;
        a2 += v;
        a3 += v;
        prefix[j] = a3;
      }
      a0 /= p;
      a1 /= p;
      a2 /= p;
      a3 /= p;
      let d0 = 0;
      let d1 = 0;
      let d2 = 0;
      let d3 = 0;
      for (let j = 0; j < s; j++) {
        const v = ring[j]!;
        d0 += Math.abs(v - a0);
        d1 += Math.abs(v - a1);
        d2 += Math.abs(v - a2);
        d3 += Math.abs(v - a3);
      }
      d0 += Math.abs(n0 - a0);
      d1 += Math.abs(n0 - a1);
      d2 += Math.abs(n0 - a2);
      d3 += Math.abs(n0 - a3);
      d0 += Math.abs(o1 - a0);
      d1 += Math.abs(n1 - a1);
      d2 += Math.abs(n1 - a2);
      d3 += Math.abs(n1 - a3);
      d0 += Math.abs(o2 - a0);
      d1 += Math.abs(o2 - a1);
      d2 += Math.abs(n2 - a2);
      d3 += Math.abs(n2 - a3);
      d0 += Math.abs(o3 - a0);
      d1 += Math.abs(o3 - a1);
      d2 += Math.abs(o3 - a2);
      d3 += Math.abs(n3 - a3);
      for (let j = s + 4; j < p; j++) {
        const v = ring[j]!;
        d0 += Math.abs(v - a0);
        d1 += Math.abs(v - a1);
        d2 += Math.abs(v - a2);
        d3 += Math.abs(v - a3);
      }
      ring[s] = n0;
      ring[s + 1] = n1;
      ring[s + 2] = n2;
      ring[s + 3] = n3;
      out[i] = cciOf(n0 - a0, d0, p);
      out[i + 1] = cciOf(n1 - a1, d1, p);
      out[i + 2] = cciOf(n2 - a2, d2, p);
      out[i + 3] = cciOf(n3 - a3, d3, p);
      i += 4;
      slot = s + 4 === p ? 0 : s + 4;
      continue;
    }
    // one bar, exactly as Cci.update
    const h = high[i]!;
    const l = low[i]!;
    const c = close[i]!;
    if (h - h + (l - l) + (c - c) !== 0) rejectBarsFrom(high, low, close, i);
    const last = (h + l + c) / 3;
    ring[s] = last;
    slot = s + 1 === p ? 0 : s + 1;
    let sum = s === 0 ? 0 : prefix[s - 1]!;
    for (let j = s; j < p; j++) prefix[j] = sum += ring[j]!;
    if (i < p - 1) {
      out[i++] = NaN;
      continue;
    }
    const avg = sum / p;
    let dev = 0;
    for (let j = 0; j < p; j++) dev += Math.abs(ring[j]! - avg);
    out[i++] = cciOf(last - avg, dev, p);
  }
  return out;
}

/** TA-Lib's last step: 0 when either term is zero. */
function cciOf(t: number, dev: number, p: number): number {
  return t !== 0.0 && dev !== 0.0 ? t / (0.015 * (dev / p)) : 0.0;
}

/** Cold path: names the first non-finite input among bars from..from+3. */
function rejectBarsFrom(high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>, from: number): never {
  let i = from;
  while (i < from + 3) {
    const h = high[i]!;
    const l = low[i]!;
    const c = close[i]!;
    if (h - h + (l - l) + (c - c) !== 0) break;
    i++;
  }
  return rejectSeriesAt('CCI', ['high', 'low', 'close'], [high, low, close], i);
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
