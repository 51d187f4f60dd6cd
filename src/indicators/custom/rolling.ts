/**
 * Building blocks for the custom indicators: sliding-window extreme (monotonic deque), sliding-window
 * sum and sliding-window mean/variance. All preallocate their buffers in the constructor and allocate
 * nothing per push; all are O(1) amortised per push.
 *
 * Accuracy over millions of bars: the sliding sums (RollingSum, RollingMoments) are updated by adding
 * the new value and subtracting the value that leaves, which lets rounding errors accumulate; every
 * `period` pushes (when the ring wraps) they are recomputed from the window itself, so the error never
 * grows beyond what `period` add/subtract steps produce. RollingMoments additionally works on values
 * shifted by a recent mean, which removes the cancellation of a naive sum of squares.
 */
import { decodeInto, decodeNumber, encodeArray, encodeNumber } from '../state.js';
import type { IndicatorState } from '../types.js';

/**
 * Highest (or lowest) of the last `period` values. A monotonic deque of (value, index) pairs in typed
 * rings: on ties the LATEST index is kept, so `index` is the most recent bar holding the extreme.
 */
export class RollingExtreme {
  readonly period: number;
  private readonly isMax: boolean;
  /** deque (circular, capacity period): values and their push indexes */
  private readonly dqVal: Float64Array;
  private readonly dqIdx: Float64Array;
  private head = 0;
  private size = 0;
  /** number of values pushed */
  count = 0;

  constructor(period: number, isMax: boolean) {
    this.period = period;
    this.isMax = isMax;
    this.dqVal = new Float64Array(period);
    this.dqIdx = new Float64Array(period);
  }

  push(x: number): void {
    const p = this.period;
    const i = this.count++;
    const vals = this.dqVal;
    let head = this.head;
    let size = this.size;
    // drop the front when it left the window [i-p+1, i] (at most one per push)
    if (size > 0 && this.dqIdx[head]! <= i - p) {
      if (++head === p) head = 0;
      size--;
    }
    // drop dominated values from the back (<= for max, >= for min: the newer one wins ties)
    let back = head + size - 1;
    if (back >= p) back -= p;
    if (this.isMax) {
      while (size > 0 && vals[back]! <= x) {
        size--;
        if (--back < 0) back = p - 1;
      }
    } else {
      while (size > 0 && vals[back]! >= x) {
        size--;
        if (--back < 0) back = p - 1;
      }
    }
    if (++back === p) back = 0;
    vals[back] = x;
    this.dqIdx[back] = i;
    this.head = head;
    this.size = size + 1;
  }

  /** The extreme of the window (of what was pushed so far while fewer than `period`). */
  get value(): number {
    return this.dqVal[this.head]!;
  }

  /** 0-based push index of the (latest) bar holding the extreme. */
  get index(): number {
    return this.dqIdx[this.head]!;
  }

  snapshot(): IndicatorState {
    return { count: this.count, head: this.head, size: this.size, dqVal: encodeArray(this.dqVal), dqIdx: encodeArray(this.dqIdx) };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.head = s.head as number;
    this.size = s.size as number;
    decodeInto(this.dqVal, s.dqVal);
    decodeInto(this.dqIdx, s.dqIdx);
  }
}

/**
 * Sum of the last `period` values, with the number of non-zero values in the window (so an all-zero
 * window is recognised exactly, whatever rounding residue the running sum carries).
 */
export class RollingSum {
  readonly period: number;
  private readonly ring: Float64Array;
  sum = 0;
  nonZero = 0;
  count = 0;

  constructor(period: number) {
    this.period = period;
    this.ring = new Float64Array(period);
  }

  push(x: number): void {
    const p = this.period;
    const n = this.count++;
    const slot = n % p;
    if (n >= p) {
      const old = this.ring[slot]!;
      this.sum -= old;
      if (old !== 0) this.nonZero--;
    }
    this.ring[slot] = x;
    this.sum += x;
    if (x !== 0) this.nonZero++;
    if (slot === p - 1) {
      // the ring holds the window oldest first: recompute the sum from scratch
      const r = this.ring;
      let s = 0;
      for (let k = 0; k < p; k++) s += r[k]!;
      this.sum = s;
    }
  }

  snapshot(): IndicatorState {
    return { count: this.count, sum: this.sum, nonZero: this.nonZero, ring: encodeArray(this.ring) };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.sum = s.sum as number;
    this.nonZero = s.nonZero as number;
    decodeInto(this.ring, s.ring);
  }
}

/**
 * Rolling z-score of the last `period` values: (x - mean) / population standard deviation.
 * Sums are kept of (x - shift), shift being the window mean at the last recompute (every `period`
 * pushes), so the variance S2/n - (S1/n)^2 has no catastrophic cancellation. A window whose values
 * are all equal (tracked exactly with a run length) or a non-positive computed variance gives 0.
 */
export class RollingZScore {
  readonly period: number;
  private readonly ring: Float64Array;
  private shift = 0;
  private s1 = 0;
  private s2 = 0;
  /** length of the run of equal values ending at the last push */
  private run = 0;
  private last = NaN;
  count = 0;

  constructor(period: number) {
    this.period = period;
    this.ring = new Float64Array(period);
  }

  /** Pushes x; returns its z-score in the window ending with it, NaN while fewer than `period`. */
  push(x: number): number {
    const p = this.period;
    const n = this.count++;
    const slot = n % p;
    if (n === 0) this.shift = x;
    const k = this.shift;
    if (n >= p) {
      const d = this.ring[slot]! - k;
      this.s1 -= d;
      this.s2 -= d * d;
    }
    this.ring[slot] = x;
    const dx = x - k;
    this.s1 += dx;
    this.s2 += dx * dx;
    this.run = x === this.last ? this.run + 1 : 1;
    this.last = x;
    if (slot === p - 1) this.recompute();
    if (n < p - 1) return NaN;
    if (this.run >= p) return 0;
    const m1 = this.s1 / p;
    const variance = this.s2 / p - m1 * m1;
    if (!(variance > 0)) return 0;
    return (x - this.shift - m1) / Math.sqrt(variance);
  }

  private recompute(): void {
    const r = this.ring;
    const p = this.period;
    let s = 0;
    for (let i = 0; i < p; i++) s += r[i]!;
    const mean = s / p;
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < p; i++) {
      const d = r[i]! - mean;
      s1 += d;
      s2 += d * d;
    }
    this.shift = mean;
    this.s1 = s1;
    this.s2 = s2;
  }

  snapshot(): IndicatorState {
    return {
      count: this.count,
      shift: this.shift,
      s1: this.s1,
      s2: this.s2,
      run: this.run,
      last: encodeNumber(this.last),
      ring: encodeArray(this.ring),
    };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.shift = s.shift as number;
    this.s1 = s.s1 as number;
    this.s2 = s.s2 as number;
    this.run = s.run as number;
    this.last = decodeNumber(s.last);
    decodeInto(this.ring, s.ring);
  }
}
