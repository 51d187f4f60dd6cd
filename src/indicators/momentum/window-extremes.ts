/**
 * Highest high and lowest low of the last `length` bars in O(1) per bar with no data-dependent branch
 * (van Herk / Gil-Werman). Building block for STOCH, STOCHF, WILLR, MIDPOINT, MIDPRICE, DONCHIAN,
 * ICHIMOKU and SWINGS, which read only the extreme values (TA-Lib's rescans and a monotonic deque give
 * the same values; AROON, which needs where the extreme sits, uses HighLowWindow; STOCHRSI's smooth
 * input is cheaper with TA-Lib's rescans, FastKRescan).
 *
 * Bars are cut into blocks of `length` aligned on the bar count, so the window ending at the newest bar
 * is the tail of the previous block plus the head of the current one. Its extremes are those of the
 * previous block's suffix from the window start (computed once per block, when a block completes) and
 * the running extremes of the current block. Market data makes "is this the new extreme?" a coin flip
 * that costs a mispredicted branch each time, so every comparison here selects its result through a
 * two-slot scratch array instead (`pick[+(a > b)]`); the result is always one of the inputs, exactly
 * (only a tie between +0 and -0 may keep the other zero than TA-Lib's scan).
 *
 * State: the ring of the last `length` highs and lows (slot = bar count mod length) and the count;
 * the block extremes are derived from it on restore.
 */
import { decodeInto, encodeArray } from '../state.js';
import { rejectSeriesAt } from '../validate.js';

export class WindowExtremes {
  readonly length: number;
  /** Highest high / lowest low of the last min(count, length) bars. */
  highest = 0;
  lowest = 0;
  /** Bars pushed so far. */
  count = 0;
  protected readonly highs: Float64Array;
  protected readonly lows: Float64Array;
  /** Ring slot of the newest bar. */
  protected slot = -1;
  /** Extremes of the previous block from slot j to its end (index 0 is never read). */
  private readonly sufHigh: Float64Array;
  private readonly sufLow: Float64Array;
  /** Extremes of the current block so far. */
  private preHigh = 0;
  private preLow = 0;
  /** The bar being pushed (see push). */
  private newHigh = 0;
  private newLow = 0;
  private readonly pick = new Float64Array(2);

  constructor(length: number) {
    this.length = length;
    this.highs = new Float64Array(length);
    this.lows = new Float64Array(length);
    this.sufHigh = new Float64Array(length);
    this.sufLow = new Float64Array(length);
  }

  /**
   * Adds one (already checked) bar and updates `highest` and `lowest`. The numbers go through fields:
   * when V8 does not inline a call (its inlining budget runs out in callers that feed several windows),
   * numbers passed as arguments are boxed on the heap, numbers stored in fields are not.
   */
  push(high: number, low: number): void {
    this.newHigh = high;
    this.newLow = low;
    this.advance();
  }

  private advance(): void {
    const high = this.newHigh;
    const low = this.newLow;
    // The selections are written out here rather than in a helper returning a number: when the
    // helper is not inlined (inlining budget), each returned double would be boxed on the heap.
    const len = this.length;
    const pick = this.pick;
    let slot = this.slot + 1;
    if (slot === len) slot = 0;
    this.slot = slot;
    this.highs[slot] = high;
    this.lows[slot] = low;
    let hi = high;
    let lo = low;
    if (slot !== 0) {
      const ph = this.preHigh;
      pick[0] = ph;
      pick[1] = high;
      hi = pick[+(high > ph)]!;
      const pl = this.preLow;
      pick[0] = pl;
      pick[1] = low;
      lo = pick[+(low < pl)]!;
    }
    this.preHigh = hi;
    this.preLow = lo;
    if (slot === len - 1) this.suffixes();
    else if (this.count >= len) {
      // the window: the previous block from slot + 1 on, then the current block
      const sh = this.sufHigh[slot + 1]!;
      pick[0] = sh;
      pick[1] = hi;
      hi = pick[+(hi > sh)]!;
      const sl = this.sufLow[slot + 1]!;
      pick[0] = sl;
      pick[1] = lo;
      lo = pick[+(lo < sl)]!;
    }
    this.highest = hi;
    this.lowest = lo;
    this.count++;
  }

  /** Suffix extremes of the block held by the ring (once per block). */
  private suffixes(): void {
    const len = this.length;
    const highs = this.highs;
    const lows = this.lows;
    const sufHigh = this.sufHigh;
    const sufLow = this.sufLow;
    const pick = this.pick;
    let hi = highs[len - 1]!;
    let lo = lows[len - 1]!;
    sufHigh[len - 1] = hi;
    sufLow[len - 1] = lo;
    for (let j = len - 2; j > 0; j--) {
      const h = highs[j]!;
      pick[0] = hi;
      pick[1] = h;
      sufHigh[j] = hi = pick[+(h > hi)]!;
      const l = lows[j]!;
      pick[0] = lo;
      pick[1] = l;
      sufLow[j] = lo = pick[+(l < lo)]!;
    }
  }

  /** Forgets every bar (then push the window again, oldest first). */
  reset(): void {
    this.count = 0;
    this.slot = -1;
  }

  /** The ring as JSON-safe arrays (slot of bar i = i mod length). */
  ringSnapshot(): { highs: (number | null)[]; lows: (number | null)[] } {
    return { highs: encodeArray(this.highs), lows: encodeArray(this.lows) };
  }

  /** Index of the latest bar holding the highest high / lowest low (for snapshots only; cold). */
  extremeIndexes(): { highestIdx: number; lowestIdx: number } {
    const len = this.length;
    const n = this.count;
    let highestIdx = -1;
    let lowestIdx = -1;
    for (let i = Math.max(0, n - len); i < n; i++) {
      const s = i % len;
      if (this.highs[s] === this.highest) highestIdx = i;
      if (this.lows[s] === this.lowest) lowestIdx = i;
    }
    return { highestIdx, lowestIdx };
  }

  /** Restores from a bar count and the ring (as written by ringSnapshot). */
  restoreRing(count: number, highs: unknown, lows: unknown): void {
    decodeInto(this.highs, highs);
    decodeInto(this.lows, lows);
    this.rebuild(count);
  }

  /**
   * Restores from the monotonic deques older snapshots hold: the candidates for the highest (values
   * decreasing) and for the lowest (values increasing), oldest first, with their bar indexes. The ring
   * gets, for every bar j of the window, the extreme of the bars j..count-1; the extremes of any run of
   * the window that reaches the newest bar — all this structure reads until those slots are
   * overwritten — are then those of the real bars.
   */
  restoreCandidates(count: number, hi: DequeCandidates, lo: DequeCandidates): void {
    const len = this.length;
    let h = 0;
    let l = 0;
    for (let j = Math.max(0, count - len); j < count; j++) {
      while (h < hi.idx.length - 1 && hi.idx[h]! < j) h++;
      while (l < lo.idx.length - 1 && lo.idx[l]! < j) l++;
      this.highs[j % len] = hi.vals[h]!;
      this.lows[j % len] = lo.vals[l]!;
    }
    this.rebuild(count);
  }

  /** Derives the block extremes and the window extremes from the ring and the count. */
  private rebuild(count: number): void {
    const len = this.length;
    this.count = count;
    this.slot = count === 0 ? -1 : (count - 1) % len;
    if (count === 0) return;
    this.suffixes();
    const slot = this.slot;
    let preHigh = this.highs[0]!;
    let preLow = this.lows[0]!;
    for (let j = 1; j <= slot; j++) {
      if (this.highs[j]! > preHigh) preHigh = this.highs[j]!;
      if (this.lows[j]! < preLow) preLow = this.lows[j]!;
    }
    this.preHigh = preHigh;
    this.preLow = preLow;
    if (slot === len - 1 || count <= len) {
      this.highest = preHigh;
      this.lowest = preLow;
    } else {
      this.highest = Math.max(this.sufHigh[slot + 1]!, preHigh);
      this.lowest = Math.min(this.sufLow[slot + 1]!, preLow);
    }
  }
}

/** Candidates of an older snapshot's monotonic deque, oldest first. */
export type DequeCandidates = { vals: number[]; idx: number[] };

/** From a deque kept in a power-of-two ring with unbounded head and tail counters (MIDPOINT, MIDPRICE). */
export function maskedDeque(vals: unknown, idx: unknown, head: unknown, tail: unknown): DequeCandidates {
  const v = vals as number[];
  const x = idx as number[];
  const mask = v.length - 1;
  const out: DequeCandidates = { vals: [], idx: [] };
  for (let k = head as number; k < (tail as number); k++) {
    out.vals.push(v[k & mask]!);
    out.idx.push(x[k & mask]!);
  }
  return out;
}

/** From a RollingExtreme snapshot (circular deque of capacity = its length: head, size, dqVal, dqIdx). */
export function rollingDeque(s: { head?: unknown; size?: unknown; dqVal?: unknown; dqIdx?: unknown }): DequeCandidates {
  const v = s.dqVal as number[];
  const x = s.dqIdx as number[];
  const out: DequeCandidates = { vals: [], idx: [] };
  for (let k = 0; k < (s.size as number); k++) {
    const j = ((s.head as number) + k) % v.length;
    out.vals.push(v[j]!);
    out.idx.push(x[j]!);
  }
  return out;
}

/**
 * Batch (highest high + lowest low) / 2 over `length` bars into `out` (NaN before index length-1) —
 * MIDPOINT (high = low = the input) and MIDPRICE: WindowExtremes' blocks and branch-free selections
 * straight over the input arrays. Checks every value; `names`/`series` name a non-finite one.
 */
export function midpointsInto(
  name: string,
  names: readonly string[],
  series: readonly ArrayLike<number>[],
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  length: number,
  out: Float64Array,
): void {
  const n = out.length;
  const p = length;
  const sufHigh = new Float64Array(p);
  const sufLow = new Float64Array(p);
  const pick = new Float64Array(2);
  // running extremes of the current block (in an array: V8's on-stack-replacement code for the first
  // call sometimes keeps such locals boxed)
  const pre = new Float64Array(2);
  for (let b = 0; b < n; b += p) {
    const last = b + p - 1;
    const end = Math.min(n, b + p);
    for (let i = b; i < end; i++) {
      const h = high[i]!;
      const l = low[i]!;
      if (h - h + (l - l) !== 0) rejectSeriesAt(name, names, series, i);
      let hi = h;
      let lo = l;
      if (i !== b) {
        const ph = pre[0]!;
        pick[0] = ph;
        pick[1] = h;
        hi = pick[+(h > ph)]!;
        const pl = pre[1]!;
        pick[0] = pl;
        pick[1] = l;
        lo = pick[+(l < pl)]!;
      }
      pre[0] = hi;
      pre[1] = lo;
      if (i < p - 1) {
        out[i] = NaN;
        continue;
      }
      if (i !== last) {
        // the window: the previous block from slot i - b + 1 on, then this block up to i
        const j = i - b + 1;
        const sh = sufHigh[j]!;
        pick[0] = sh;
        pick[1] = hi;
        hi = pick[+(hi > sh)]!;
        const sl = sufLow[j]!;
        pick[0] = sl;
        pick[1] = lo;
        lo = pick[+(lo < sl)]!;
      }
      out[i] = (hi + lo) / 2.0;
    }
    if (end === b + p) {
      // the block is complete: its suffix extremes, for the windows that start in it
      let hi = high[last]!;
      let lo = low[last]!;
      for (let j = p - 2; j > 0; j--) {
        const h = high[b + j]!;
        pick[0] = hi;
        pick[1] = h;
        sufHigh[j] = hi = pick[+(h > hi)]!;
        const l = low[b + j]!;
        pick[0] = lo;
        pick[1] = l;
        sufLow[j] = lo = pick[+(l < lo)]!;
      }
      sufHigh[p - 1] = high[last]!;
      sufLow[p - 1] = low[last]!;
    }
  }
}
