/**
 * Shared machinery of the candlestick patterns (TA-Lib TA_CDL*):
 * - TA-Lib's default candle settings (ta_global.c, TA_CandleDefaultSettings): range type, averaging
 *   period and factor of BodyLong, BodyVeryLong, BodyShort, BodyDoji, ShadowLong, ShadowVeryLong,
 *   ShadowShort, ShadowVeryShort, Near, Far and Equal, and TA_CANDLEAVERAGE of each written out;
 * - `CandleWindow`: the last 16 bars with the values of the candlestick macros of ta_utility.h
 *   (TA_REALBODY, TA_UPPERSHADOW, TA_LOWERSHADOW, TA_HIGHLOWRANGE, TA_CANDLECOLOR, the body top and
 *   bottom of TA_REALBODYGAPUP/DOWN) computed once per bar with the macros' floating-point operations,
 *   plus the running period totals that every TA_CDL* function keeps (e.g. BodyLongPeriodTotal),
 *   seeded and rolled exactly like the C loops, each distinct total once. One window can serve many
 *   patterns: in an IndicatorSet all the patterns of a timeframe read one window (candle-pattern.ts).
 *
 * Nothing here allocates per bar.
 */
import { AlphaPulseError } from '../../core/errors.js';
import { decodeInto, encodeArray } from '../state.js';
import type { Bar, IndicatorState } from '../types.js';
import { rejectInput } from '../validate.js';

/** TA_RangeType: what a candle setting measures. */
export const RangeType = { RealBody: 0, HighLow: 1, Shadows: 2 } as const;
export type RangeType = (typeof RangeType)[keyof typeof RangeType];

/** One TA_CandleSetting: average of `avgPeriod` previous ranges (or the candle's own when 0) times `factor`. */
export interface CandleSetting {
  readonly name: string;
  readonly rangeType: RangeType;
  readonly avgPeriod: number;
  readonly factor: number;
}

function setting(name: string, rangeType: RangeType, avgPeriod: number, factor: number): CandleSetting {
  return Object.freeze({ name, rangeType, avgPeriod, factor });
}

// TA-Lib defaults (ta_global.c, TA_CandleDefaultSettings)
/** real body is long when it's longer than the average of the 10 previous candles' real body */
export const BodyLong = setting('BodyLong', RangeType.RealBody, 10, 1.0);
/** real body is very long when it's longer than 3 times the average of the 10 previous candles' real body */
export const BodyVeryLong = setting('BodyVeryLong', RangeType.RealBody, 10, 3.0);
/** real body is short when it's shorter than the average of the 10 previous candles' real bodies */
export const BodyShort = setting('BodyShort', RangeType.RealBody, 10, 1.0);
/** real body is like doji's body when it's shorter than 10% the average of the 10 previous candles' high-low range */
export const BodyDoji = setting('BodyDoji', RangeType.HighLow, 10, 0.1);
/** shadow is long when it's longer than the real body */
export const ShadowLong = setting('ShadowLong', RangeType.RealBody, 0, 1.0);
/** shadow is very long when it's longer than 2 times the real body */
export const ShadowVeryLong = setting('ShadowVeryLong', RangeType.RealBody, 0, 2.0);
/** shadow is short when it's shorter than half the average of the 10 previous candles' sum of shadows */
export const ShadowShort = setting('ShadowShort', RangeType.Shadows, 10, 1.0);
/** shadow is very short when it's shorter than 10% the average of the 10 previous candles' high-low range */
export const ShadowVeryShort = setting('ShadowVeryShort', RangeType.HighLow, 10, 0.1);
/** when measuring distance between parts of candles or width of gaps "near" means "<= 20% of the average of the 5 previous candles' high-low range" */
export const Near = setting('Near', RangeType.HighLow, 5, 0.2);
/** "far" means ">= 60% of the average of the 5 previous candles' high-low range" */
export const Far = setting('Far', RangeType.HighLow, 5, 0.6);
/** "equal" means "<= 5% of the average of the 5 previous candles' high-low range" */
export const Equal = setting('Equal', RangeType.HighLow, 5, 0.05);

/** All TA-Lib candle settings by name (TA_CandleSettingType order). */
export const CANDLE_SETTINGS = Object.freeze({
  BodyLong,
  BodyVeryLong,
  BodyShort,
  BodyDoji,
  ShadowLong,
  ShadowVeryLong,
  ShadowShort,
  ShadowVeryShort,
  Near,
  Far,
  Equal,
});

/** TA_CANDLEAVERAGE(setting, total, i): `range` is TA_CANDLERANGE of candle i (used when avgPeriod is 0). */
export function candleAverage(s: CandleSetting, total: number, range: number): number {
  const p = s.avgPeriod;
  return (s.factor * (p !== 0 ? total / p : range)) / (s.rangeType === RangeType.Shadows ? 2.0 : 1.0);
}

/** Ring size of `CandleWindow` (power of two); a pattern can look back at most RING - 1 bars. */
export const RING = 16;
const MASK = RING - 1;
// Sections of CandleWindow.d (bar i's value at SECTION + (i & MASK)); the views of the window are
// these sections; `take` writes through `d` (one array: cheaper than eleven).
const OPEN = 0;
const HIGH = 16;
const LOW = 32;
const CLOSE = 48;
const BODY = 64;
const RANGE = 80;
const SHADOWS = 96;
const UPPER = 112;
const LOWER = 128;
const TOP = 144;
const BOTTOM = 160;
const SECTIONS = 11;
/** section of each RangeType (RealBody, HighLow, Shadows) */
const RANGE_SECTION = [BODY, RANGE, SHADOWS];

/**
 * A running period total of one candle setting, for the candle `offset` bars before the current one
 * (TA-Lib: e.g. `BodyLongPeriodTotal` with offset 1 for the candle i-1).
 */
export type TotalSpec = readonly [setting: CandleSetting, offset: number];

/**
 * The last RING bars of one series with their candle geometry, plus the running period totals of the
 * patterns reading it. Used either privately by one pattern (batch, standalone) or shared by all the
 * patterns of an IndicatorSet's timeframe (see candle-pattern.ts).
 *
 * Bar i's values sit in ring slot i & (RING - 1) of each array; `j0` ... `j4` are the slots of the
 * current bar i = n - 1 and the four before it, so that rules read e.g. `w.close[w.j1]` for the close
 * of bar i-1. Rules touch only the window's own fields and methods, which keeps their compiled code
 * free of module-variable lookups.
 *
 * Totals. TA-Lib seeds a pattern's total of setting S (range type R, period p) at offset k with the
 * ranges of candles [m0-p, m0-1], where m0 = lookback - k, added one by one from 0, then rolls it with
 * `T += range(m) - range(m-p)`; the total used for candle m is the sum of its p previous ranges as
 * accumulated that way. Its bits depend on (R, p, m0) only - not on the factor, the pattern or the
 * offset - so the window keeps one series per distinct (R, p, m0), computes its value for candle
 * i + 1 when bar i arrives, and keeps the last RING values: a pattern reads the total of candle i-k as
 * `sums[base + jk]`, where `base` is what `register` returned for that total.
 *
 * `take(bar, i)` must be given bar i = n (an error otherwise: patterns sharing a window must see the
 * same bars).
 */
export class CandleWindow {
  /** Number of bars taken. */
  n = 0;
  /** Ring slot of bar n-1 (the current bar i) */
  j0 = MASK;
  /** Ring slot of bar i-1 */
  j1 = MASK - 1;
  /** Ring slot of bar i-2 */
  j2 = MASK - 2;
  /** Ring slot of bar i-3 */
  j3 = MASK - 3;
  /** Ring slot of bar i-4 */
  j4 = MASK - 4;
  /** All per-bar values: RING slots per section (OPEN ... BOTTOM); the arrays below are views into it. */
  private readonly d = new Float64Array(SECTIONS * RING);
  readonly open = this.view(OPEN);
  readonly high = this.view(HIGH);
  readonly low = this.view(LOW);
  readonly close = this.view(CLOSE);
  /** TA_REALBODY: |close - open| */
  readonly body = this.view(BODY);
  /** TA_HIGHLOWRANGE: high - low */
  readonly range = this.view(RANGE);
  /** TA_UPPERSHADOW: high - max(open, close) */
  readonly upper = this.view(UPPER);
  /** TA_LOWERSHADOW: min(open, close) - low */
  readonly lower = this.view(LOWER);
  /** Top of the real body as TA_REALBODYGAPUP/DOWN take it: close > open ? close : open */
  readonly top = this.view(TOP);
  /** Bottom of the real body as TA_REALBODYGAPUP/DOWN take it: close < open ? close : open */
  readonly bottom = this.view(BOTTOM);
  /** TA_CANDLECOLOR of the last bars: bit b is 1 when bar n-1-b is white (close >= open). */
  colors = 0;
  /** Total of series q for candle m at sums[q * RING + (m & (RING - 1))], for m in [n - RING + 1, n]. */
  sums = new Float64Array(0);
  /** Per series q, at 3q: the section of its range type in `d`, its period p, its first candle m0. */
  private params = new Int32Array(0);
  /**
   * The series grouped by (range type, period), which roll by the same difference of ranges: per
   * group 4 ints (range offset, period, first and end index in `order`); `order` lists the series'
   * bases group by group.
   */
  private groups = new Int32Array(0);
  private order = new Int32Array(0);
  /** From this bar on every series is rolling (none is still being seeded). */
  private steadyFrom = 0;

  private view(section: number): Float64Array {
    return this.d.subarray(section, section + RING);
  }

  /**
   * Adds the totals of a pattern with `lookback` (before the first bar); returns, for each, the base
   * of its series in `sums` (-1 for settings with period 0, which average the candle's own range and
   * keep no total).
   */
  register(name: string, lookback: number, totals: readonly TotalSpec[]): Int32Array {
    if (this.n !== 0) throw new Error(`${name}: cannot join a candle window that has already taken bars`);
    const bases = new Int32Array(totals.length);
    totals.forEach(([s, k], t) => {
      if (k < 0 || k + s.avgPeriod > MASK || lookback - k - s.avgPeriod < 0) throw new Error(`${name}: total ${s.name}[${k}] does not fit the window`);
      if (s.avgPeriod === 0) {
        bases[t] = -1;
        return;
      }
      const r = RANGE_SECTION[s.rangeType]!;
      const m0 = lookback - k;
      const prm = this.params;
      let q = 0;
      while (q * 3 < prm.length && !(prm[3 * q] === r && prm[3 * q + 1] === s.avgPeriod && prm[3 * q + 2] === m0)) q++;
      if (q * 3 === prm.length) {
        const grown = new Int32Array(prm.length + 3);
        grown.set(prm);
        grown.set([r, s.avgPeriod, m0], prm.length);
        this.params = grown;
        this.sums = new Float64Array((q + 1) * RING);
        this.steadyFrom = Math.max(this.steadyFrom, m0);
        this.group();
      }
      bases[t] = q * RING;
    });
    return bases;
  }

  private group(): void {
    const prm = this.params;
    const keys = [...new Set(Array.from({ length: prm.length / 3 }, (_, q) => `${prm[3 * q]!},${prm[3 * q + 1]!}`))];
    const groups: number[] = [];
    const order: number[] = [];
    for (const key of keys) {
      const [r, p] = key.split(',').map(Number) as [number, number];
      const first = order.length;
      for (let q = 0; q * 3 < prm.length; q++) if (prm[3 * q] === r && prm[3 * q + 1] === p) order.push(q * RING);
      groups.push(r, p, first, order.length);
    }
    this.groups = Int32Array.from(groups);
    this.order = Int32Array.from(order);
  }

  /**
   * Takes bar i (= n): checks it, stores it with its geometry and steps every total.
   * Throws when the caller is out of step with the window (it has seen a different number of bars).
   */
  take(bar: Bar, i: number, name: string): void {
    if (this.n !== i) this.outOfStep(name, i);
    const o = bar.open;
    const h = bar.high;
    const l = bar.low;
    const c = bar.close;
    if (o - o !== 0) rejectInput(name, 'open', o);
    if (h - h !== 0) rejectInput(name, 'high', h);
    if (l - l !== 0) rejectInput(name, 'low', l);
    if (c - c !== 0) rejectInput(name, 'close', c);
    const j = i & MASK;
    const d = this.d;
    this.store(d, j, o, h, l, c);
    // `+(a < b)` is 1 or 0 without a branch (the colour is unpredictable)
    this.colors = ((this.colors << 1) | +(c >= o)) & 0xffff;
    this.j0 = j;
    this.j1 = (i - 1) & MASK;
    this.j2 = (i - 2) & MASK;
    this.j3 = (i - 3) & MASK;
    this.j4 = (i - 4) & MASK;
    // Totals of candle i + 1, from those of candle i and the ranges of bar i.
    const sums = this.sums;
    const jn = (i + 1) & MASK;
    if (i >= this.steadyFrom) {
      const groups = this.groups;
      const order = this.order;
      for (let g = 0; g < groups.length; g += 4) {
        const r = groups[g]!;
        const delta = d[r + j]! - d[r + ((i - groups[g + 1]!) & MASK)]!;
        for (let k = groups[g + 2]!, end = groups[g + 3]!; k < end; k++) {
          const b = order[k]!;
          sums[b + jn] = sums[b + j]! + delta;
        }
      }
    } else {
      const prm = this.params;
      for (let q = 0, b = 0; b < sums.length; q += 3, b += RING) {
        const r = prm[q]!;
        const p = prm[q + 1]!;
        const m0 = prm[q + 2]!;
        const t = sums[b + j]!;
        sums[b + jn] = i >= m0 ? t + (d[r + j]! - d[r + ((i - p) & MASK)]!) : i >= m0 - p ? t + d[r + j]! : t;
      }
    }
    this.n = i + 1;
  }

  private outOfStep(name: string, i: number): never {
    throw new AlphaPulseError(
      'AP_ERR_BAD_INPUT',
      `${name}: out of step with its shared candle window (pattern has seen ${i} bars, window ${this.n}); patterns sharing a window must be fed the same bars`,
      { indicator: name },
    );
  }

  /** Stores bar OHLC and geometry in ring slot j of `d` (the macros' exact operations). */
  private store(d: Float64Array, j: number, o: number, h: number, l: number, c: number): void {
    const up = h - (c >= o ? c : o);
    const lo = (c >= o ? o : c) - l;
    const body = Math.abs(c - o);
    d[OPEN + j] = o;
    d[HIGH + j] = h;
    d[LOW + j] = l;
    d[CLOSE + j] = c;
    d[BODY + j] = body;
    d[RANGE + j] = h - l;
    d[SHADOWS + j] = up + lo;
    d[UPPER + j] = up;
    d[LOWER + j] = lo;
    d[TOP + j] = c > o ? c : o;
    d[BOTTOM + j] = c < o ? c : o;
  }

  // TA_CANDLEAVERAGE of each default setting with its numbers written out (methods, so that rules
  // inline them): the operations of `candleAverage` (1.0 * x and x / 1.0 are exact and left out).
  // shared-window.test.ts checks each against `candleAverage` and the settings above.
  /** BodyLong, from the total of the 10 previous real bodies */
  avgBodyLong(total: number): number {
    return total / 10;
  }

  /** BodyVeryLong, from the total of the 10 previous real bodies */
  avgBodyVeryLong(total: number): number {
    return 3.0 * (total / 10);
  }

  /** BodyShort, from the total of the 10 previous real bodies */
  avgBodyShort(total: number): number {
    return total / 10;
  }

  /** BodyDoji, from the total of the 10 previous high-low ranges */
  avgBodyDoji(total: number): number {
    return 0.1 * (total / 10);
  }

  /** ShadowLong, from the candle's own real body */
  avgShadowLong(realBody: number): number {
    return realBody;
  }

  /** ShadowVeryLong, from the candle's own real body */
  avgShadowVeryLong(realBody: number): number {
    return 2.0 * realBody;
  }

  /** ShadowShort, from the total of the 10 previous shadow sums */
  avgShadowShort(total: number): number {
    return total / 10 / 2.0;
  }

  /** ShadowVeryShort, from the total of the 10 previous high-low ranges */
  avgShadowVeryShort(total: number): number {
    return 0.1 * (total / 10);
  }

  /** Near, from the total of the 5 previous high-low ranges */
  avgNear(total: number): number {
    return 0.2 * (total / 5);
  }

  /** Far, from the total of the 5 previous high-low ranges */
  avgFar(total: number): number {
    return 0.6 * (total / 5);
  }

  /** Equal, from the total of the 5 previous high-low ranges */
  avgEqual(total: number): number {
    return 0.05 * (total / 5);
  }

  /**
   * The state a pattern with these totals needs, after `n` bars, in the form of a private TA-Lib-like
   * window: the OHLC rings and each total as that pattern's own running total would hold it now.
   */
  snapshot(bases: Int32Array, offsets: Int32Array): IndicatorState {
    const n = this.n;
    const totals = new Array<number>(bases.length);
    for (let t = 0; t < bases.length; t++) {
      const b = bases[t]!;
      if (b < 0) {
        totals[t] = 0;
        continue;
      }
      // while seeding: the partial sum so far (kept at candle n); then the total of candle n - k
      // (or m0 until the pattern's first output)
      const m0 = this.params[(b / RING) * 3 + 2]!;
      const m = n <= m0 ? n : Math.max(n - offsets[t]!, m0);
      totals[t] = this.sums[b + (m & MASK)]!;
    }
    return {
      open: encodeArray(this.open),
      high: encodeArray(this.high),
      low: encodeArray(this.low),
      close: encodeArray(this.close),
      totals: encodeArray(totals),
    };
  }

  /**
   * Restores what `snapshot` gave, taken after `n` bars. Only the series of these totals are set, so
   * restoring every pattern of a shared window restores all of it; restoring the same state again, by
   * the same or another pattern, writes the same numbers.
   */
  restore(s: IndicatorState, n: number, bases: Int32Array, offsets: Int32Array): void {
    decodeInto(this.open, s.open);
    decodeInto(this.high, s.high);
    decodeInto(this.low, s.low);
    decodeInto(this.close, s.close);
    const totals = new Float64Array(bases.length);
    decodeInto(totals, s.totals);
    this.n = n;
    let colors = 0;
    for (let b = RING - 1; b >= 0; b--) {
      const j = (n - 1 - b) & MASK;
      const o = this.open[j]!;
      const c = this.close[j]!;
      this.store(this.d, j, o, this.high[j]!, this.low[j]!, c);
      colors = (colors << 1) | +(c >= o);
    }
    this.colors = colors;
    this.j0 = (n - 1) & MASK;
    this.j1 = (n - 2) & MASK;
    this.j2 = (n - 3) & MASK;
    this.j3 = (n - 4) & MASK;
    this.j4 = (n - 5) & MASK;
    const d = this.d;
    for (let t = 0; t < bases.length; t++) {
      const b = bases[t]!;
      if (b < 0) continue;
      const q = (b / RING) * 3;
      const r = this.params[q]!;
      const p = this.params[q + 1]!;
      const m0 = this.params[q + 2]!;
      let v = totals[t]!;
      if (n <= m0) {
        this.sums[b + (n & MASK)] = v;
        continue;
      }
      // The pattern's total is that of candle m; roll forward to candle n as `take` did.
      let m = Math.max(n - offsets[t]!, m0);
      this.sums[b + (m & MASK)] = v;
      for (; m < n; m++) {
        v = v + (d[r + (m & MASK)]! - d[r + ((m - p) & MASK)]!);
        this.sums[b + ((m + 1) & MASK)] = v;
      }
    }
  }
}

/** TA-Lib's range for optInPenetration: 0 .. 3e37. */
export const PENETRATION_MAX = 3e37;
