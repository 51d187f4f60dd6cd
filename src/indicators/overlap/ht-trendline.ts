/**
 * HT_TRENDLINE — Ehlers' Hilbert transform instantaneous trendline: the input averaged over the
 * dominant cycle period (measured with a Hilbert transform of a 4-bar WMA of the input), then
 * smoothed with weights 4,3,2,1 over the last four such averages.
 * Definition and floating-point order: TA-Lib TA_HT_TRENDLINE (lookback 63; odd/even Hilbert
 * buffers of 3, the trendline summing up to 50 raw inputs newest first). Math.atan may differ
 * from the C library's atan in the last bit; it only moves the (clamped, smoothed, truncated)
 * cycle period, and the outputs matched TA-Lib bit for bit on all test data.
 */
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { rejectInput, rethrowAtIndex } from '../validate.js';
import { HILBERT_SLOTS, hilbertTransform } from './hilbert.js';

const RAD2DEG = 45.0 / Math.atan(1);
/**
 * Ring of raw inputs: the trendline reads up to 50 of them, the WMA the one 3 bars back. Every value
 * is written twice, at slot and slot + RING, so the newest 50 are contiguous below slot + RING.
 */
const RING = 64;
const MASK = RING - 1;
const H_SIZE = HILBERT_SLOTS;
const DETRENDER = 0;
const Q1 = H_SIZE;
const JI = 2 * H_SIZE;
const JQ = 3 * H_SIZE;

export class HtTrendline extends IndicatorBase {
  readonly lookback = 63;
  private readonly ring = new Float64Array(2 * RING);
  private readonly hilbert = new Float64Array(4 * H_SIZE);
  private periodWMASum = 0;
  private periodWMASub = 0;
  private trailingWMAValue = 0;
  private hilbertIdx = 0;
  private period = 0;
  private smoothPeriod = 0;
  private prevI2 = 0;
  private prevQ2 = 0;
  private re = 0;
  private im = 0;
  private i1ForOddPrev2 = 0;
  private i1ForOddPrev3 = 0;
  private i1ForEvenPrev2 = 0;
  private i1ForEvenPrev3 = 0;
  private iTrend1 = 0;
  private iTrend2 = 0;
  private iTrend3 = 0;
  /** The value being added (see step). */
  private input = 0;

  constructor(outputs?: Float64Array) {
    super(1, outputs);
  }

  /** Adds one value; returns the trendline or NaN while warming up. */
  next(x: number): number {
    this.input = x;
    this.step();
    return this.count > 63 ? this.outputs[0]! : NaN;
  }

  update(bar: Bar): void {
    this.input = bar.close;
    this.step();
  }

  /**
   * One bar, read from `input`: a call V8 does not inline (this is too large) passes no double and
   * returns none, so nothing is boxed on the heap.
   */
  private step(): void {
    const x = this.input;
    if (x - x !== 0) rejectInput('HT_TRENDLINE', 'input', x);
    const n = this.count++;
    const ring = this.ring;
    /** newest value, with at least 63 older ones below it */
    const top = (n & MASK) + RING;
    ring[top - RING] = x;
    ring[top] = x;
    if (n < 3) {
      if (n === 0) {
        this.periodWMASub = x;
        this.periodWMASum = x;
      } else {
        this.periodWMASub += x;
        this.periodWMASum += x * (n + 1);
      }
      return;
    }
    // DO_PRICE_WMA
    let sub = this.periodWMASub + x;
    sub -= this.trailingWMAValue;
    let sum = this.periodWMASum + x * 4.0;
    this.trailingWMAValue = ring[top - 3]!;
    const smoothedValue = sum * 0.1;
    sum -= sub;
    this.periodWMASub = sub;
    this.periodWMASum = sum;
    if (n < 37) return;

    const adjustedPrevPeriod = 0.075 * this.period + 0.54;
    const h = this.hilbert;
    const hIdx = this.hilbertIdx;
    // Even and odd bars use their own Hilbert buffers and i1 history; one code path with `even`
    // (rather than two copies of the four transforms) keeps next() within V8's inlining budget.
    const even = (n & 1) ^ 1;
    const i1 = even === 1 ? this.i1ForEvenPrev3 : this.i1ForOddPrev3;
    const detrender = hilbertTransform(h, DETRENDER, hIdx, even, smoothedValue, adjustedPrevPeriod);
    const q1 = hilbertTransform(h, Q1, hIdx, even, detrender, adjustedPrevPeriod);
    const jI = hilbertTransform(h, JI, hIdx, even, i1, adjustedPrevPeriod);
    const jQ = hilbertTransform(h, JQ, hIdx, even, q1, adjustedPrevPeriod);
    const q2 = 0.2 * (q1 + jI) + 0.8 * this.prevQ2;
    const i2 = 0.2 * (i1 - jQ) + 0.8 * this.prevI2;
    if (even === 1) {
      if (++this.hilbertIdx === 3) this.hilbertIdx = 0;
      this.i1ForOddPrev3 = this.i1ForOddPrev2;
      this.i1ForOddPrev2 = detrender;
    } else {
      this.i1ForEvenPrev3 = this.i1ForEvenPrev2;
      this.i1ForEvenPrev2 = detrender;
    }
    const prevI2 = this.prevI2;
    const prevQ2 = this.prevQ2;
    const re = 0.2 * (i2 * prevI2 + q2 * prevQ2) + 0.8 * this.re;
    const im = 0.2 * (i2 * prevQ2 - q2 * prevI2) + 0.8 * this.im;
    this.re = re;
    this.im = im;
    this.prevQ2 = q2;
    this.prevI2 = i2;
    const prevPeriod = this.period;
    let period = prevPeriod;
    if (im !== 0.0 && re !== 0.0) period = 360.0 / (Math.atan(im / re) * RAD2DEG);
    let limit = 1.5 * prevPeriod;
    if (period > limit) period = limit;
    limit = 0.67 * prevPeriod;
    if (period < limit) period = limit;
    if (period < 6) period = 6;
    else if (period > 50) period = 50;
    period = 0.2 * period + 0.8 * prevPeriod;
    this.period = period;
    const smoothPeriod = 0.33 * period + 0.67 * this.smoothPeriod;
    this.smoothPeriod = smoothPeriod;

    // Trendline: mean of the last DCPeriodInt raw inputs, newest first.
    // (The additions form one chain in TA-Lib's order; four per loop step only saves loop overhead.)
    const dcPeriodInt = Math.trunc(smoothPeriod + 0.5);
    let t = 0.0;
    let j = top;
    const end = top - dcPeriodInt;
    for (; j - 4 >= end; j -= 4) {
      t += ring[j]!;
      t += ring[j - 1]!;
      t += ring[j - 2]!;
      t += ring[j - 3]!;
    }
    for (; j > end; j--) t += ring[j]!;
    if (dcPeriodInt > 0) t = t / dcPeriodInt;
    const out = (4.0 * t + 3.0 * this.iTrend1 + 2.0 * this.iTrend2 + this.iTrend3) / 10.0;
    this.iTrend3 = this.iTrend2;
    this.iTrend2 = this.iTrend1;
    this.iTrend1 = t;
    if (n < 63) return;
    this.outputs[0] = out;
  }

  snapshot(): IndicatorState {
    return {
      count: this.count,
      ring: encodeArray(this.ring.subarray(0, RING)),
      hilbert: encodeArray(this.hilbert),
      s: [
        this.periodWMASum,
        this.periodWMASub,
        this.trailingWMAValue,
        this.hilbertIdx,
        this.period,
        this.smoothPeriod,
        this.prevI2,
        this.prevQ2,
        this.re,
        this.im,
        this.i1ForOddPrev2,
        this.i1ForOddPrev3,
        this.i1ForEvenPrev2,
        this.i1ForEvenPrev3,
        this.iTrend1,
        this.iTrend2,
        this.iTrend3,
      ],
      out: encodeArray(this.outputs),
    };
  }

  restore(st: IndicatorState): void {
    this.count = st.count as number;
    const ring = this.ring;
    decodeInto(ring.subarray(0, RING), st.ring);
    ring.copyWithin(RING, 0, RING);
    decodeInto(this.hilbert, st.hilbert);
    const s = st.s as number[];
    this.periodWMASum = s[0]!;
    this.periodWMASub = s[1]!;
    this.trailingWMAValue = s[2]!;
    this.hilbertIdx = s[3]!;
    this.period = s[4]!;
    this.smoothPeriod = s[5]!;
    this.prevI2 = s[6]!;
    this.prevQ2 = s[7]!;
    this.re = s[8]!;
    this.im = s[9]!;
    this.i1ForOddPrev2 = s[10]!;
    this.i1ForOddPrev3 = s[11]!;
    this.i1ForEvenPrev2 = s[12]!;
    this.i1ForEvenPrev3 = s[13]!;
    this.iTrend1 = s[14]!;
    this.iTrend2 = s[15]!;
    this.iTrend3 = s[16]!;
    decodeInto(this.outputs, st.out);
  }
}

/** Batch HT_TRENDLINE with TA-Lib's name and warm-up (first valid index 63). */
export function htTrendline(real: ArrayLike<number>): Float64Array {
  const ind = new HtTrendline();
  const n = real.length;
  const out = new Float64Array(n);
  let i = 0;
  try {
    for (; i < n; i++) out[i] = ind.next(real[i]!);
  } catch (e) {
    rethrowAtIndex('HT_TRENDLINE', ['input'], [real], i, e);
  }
  return out;
}

/** TA-Lib's lower-case name. */
export const ht_trendline = htTrendline;

export const htTrendlineSpec: IndicatorSpec<Record<string, never>> = {
  name: 'HT_TRENDLINE',
  group: 'overlap',
  summary: 'Hilbert transform instantaneous trendline',
  inputs: ['close'],
  outputs: ['real'],
  defaults: {},
  create: (_p, out) => new HtTrendline(out),
  batch: ([x]) => [htTrendline(x!)],
  talib: { name: 'HT_TRENDLINE', optIn: () => ({}), outputs: ['outReal'] },
};
