/**
 * Shared machinery of the candlestick patterns (TA-Lib TA_CDL*):
 * - TA-Lib's default candle settings (ta_global.c, TA_CandleDefaultSettings): range type, averaging
 *   period and factor of BodyLong, BodyVeryLong, BodyShort, BodyDoji, ShadowLong, ShadowVeryLong,
 *   ShadowShort, ShadowVeryShort, Near, Far and Equal;
 * - the candlestick macros of ta_utility.h (TA_REALBODY, TA_UPPERSHADOW, TA_LOWERSHADOW,
 *   TA_HIGHLOWRANGE, TA_CANDLECOLOR, TA_CANDLERANGE, TA_CANDLEAVERAGE, TA_REALBODYGAPUP/DOWN,
 *   TA_CANDLEGAPUP/DOWN) with the same floating-point operations;
 * - `CandleWindow`: the last 16 bars (OHLC) in ring buffers plus the running period totals that every
 *   TA_CDL* function keeps (e.g. BodyLongPeriodTotal), seeded and rolled exactly like the C loops.
 *
 * Nothing here allocates after construction.
 */
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

/** Ring size of `CandleWindow` (power of two); a pattern can look back at most RING - 1 bars. */
const RING = 16;
const MASK = RING - 1;
// Sections of CandleWindow.derived: per-bar values computed once when the bar arrives.
const D_REAL_BODY = 0 * RING;
const D_HIGH_LOW = 1 * RING;
const D_SHADOWS = 2 * RING;
const D_UPPER = 3 * RING;
const D_LOWER = 4 * RING;
/** derived section of each RangeType (RealBody, HighLow, Shadows) */
const RANGE_BASE = [D_REAL_BODY, D_HIGH_LOW, D_SHADOWS];

/**
 * A running period total of one candle setting, for the candle `offset` bars before the current one
 * (TA-Lib: e.g. `BodyLongPeriodTotal` with offset 1 for the candle i-1).
 */
export type TotalSpec = readonly [setting: CandleSetting, offset: number];

/**
 * The last bars of a pattern plus its running period totals.
 *
 * TA-Lib seeds each total `T` of setting S at offset k with the ranges of the candles
 * [lookback-k-S.avgPeriod, lookback-k-1], added one by one, then after every output i does
 * `T += range(i-k) - range(i-k-S.avgPeriod)`. `push` and `advance` reproduce that exactly.
 *
 * Besides OHLC, each bar's real body, high-low range, upper and lower shadow and shadow sum are
 * computed once on arrival with the macros' exact operations (so reading them back gives the same
 * doubles as re-evaluating the macro, as TA-Lib does).
 */
export class CandleWindow {
  readonly open = new Float64Array(RING);
  readonly high = new Float64Array(RING);
  readonly low = new Float64Array(RING);
  readonly close = new Float64Array(RING);
  /** real body, high-low range, shadow sum, upper shadow, lower shadow: RING entries each */
  private readonly derived = new Float64Array(5 * RING);
  /** Running totals, in the order of the `totals` given to the constructor. */
  readonly totals: Float64Array;
  /** per total: section of `derived` holding its range type */
  private readonly base: Int32Array;
  private readonly period: Int32Array;
  private readonly offset: Int32Array;
  private readonly seedFrom: Int32Array;
  private readonly lookback: number;
  private readonly name: string;

  constructor(name: string, lookback: number, totals: readonly TotalSpec[]) {
    this.name = name;
    this.lookback = lookback;
    const n = totals.length;
    this.totals = new Float64Array(n);
    this.base = new Int32Array(n);
    this.period = new Int32Array(n);
    this.offset = new Int32Array(n);
    this.seedFrom = new Int32Array(n);
    for (let t = 0; t < n; t++) {
      const [s, k] = totals[t]!;
      if (k + s.avgPeriod > MASK || lookback - k - s.avgPeriod < 0) throw new Error(`${name}: total ${s.name}[${k}] does not fit the window`);
      this.base[t] = RANGE_BASE[s.rangeType]!;
      this.period[t] = s.avgPeriod;
      this.offset[t] = k;
      this.seedFrom[t] = lookback - k - s.avgPeriod;
    }
  }

  /**
   * Checks and stores the bar with index `i` (0-based count of bars before it); while warming up
   * (i < lookback) adds its ranges to the totals whose seeding window contains it.
   */
  push(bar: Bar, i: number): void {
    const o = bar.open;
    const h = bar.high;
    const l = bar.low;
    const c = bar.close;
    if (o - o !== 0) rejectInput(this.name, 'open', o);
    if (h - h !== 0) rejectInput(this.name, 'high', h);
    if (l - l !== 0) rejectInput(this.name, 'low', l);
    if (c - c !== 0) rejectInput(this.name, 'close', c);
    const j = i & MASK;
    this.open[j] = o;
    this.high[j] = h;
    this.low[j] = l;
    this.close[j] = c;
    this.derive(j);
    if (i < this.lookback) this.seed(i);
  }

  /** TA_REALBODY, TA_HIGHLOWRANGE, TA_UPPERSHADOW, TA_LOWERSHADOW and their sum for ring slot j. */
  private derive(j: number): void {
    const o = this.open[j]!;
    const h = this.high[j]!;
    const l = this.low[j]!;
    const c = this.close[j]!;
    const d = this.derived;
    const up = h - (c >= o ? c : o);
    const lo = (c >= o ? o : c) - l;
    d[D_REAL_BODY + j] = Math.abs(c - o);
    d[D_HIGH_LOW + j] = h - l;
    d[D_SHADOWS + j] = up + lo;
    d[D_UPPER + j] = up;
    d[D_LOWER + j] = lo;
  }

  /** Warm-up: adds the ranges of bar i to the totals whose seeding window contains it (cold path). */
  private seed(i: number): void {
    const tot = this.totals;
    const d = this.derived;
    for (let t = 0; t < tot.length; t++) {
      const from = this.seedFrom[t]!;
      if (i >= from && i < from + this.period[t]!) tot[t] += d[this.base[t]! + (i & MASK)]!;
    }
  }

  /** After the output of bar i: each total adds the range of candle i-k and drops the one of i-k-period. */
  advance(i: number): void {
    const tot = this.totals;
    const d = this.derived;
    for (let t = 0; t < tot.length; t++) {
      const b = this.base[t]!;
      const idx = i - this.offset[t]!;
      tot[t] += d[b + (idx & MASK)]! - d[b + ((idx - this.period[t]!) & MASK)]!;
    }
  }

  /** TA_REALBODY */
  realBody(i: number): number {
    return this.derived[D_REAL_BODY + (i & MASK)]!;
  }

  /** TA_UPPERSHADOW */
  upperShadow(i: number): number {
    return this.derived[D_UPPER + (i & MASK)]!;
  }

  /** TA_LOWERSHADOW */
  lowerShadow(i: number): number {
    return this.derived[D_LOWER + (i & MASK)]!;
  }

  /** TA_HIGHLOWRANGE */
  highLowRange(i: number): number {
    return this.derived[D_HIGH_LOW + (i & MASK)]!;
  }

  /** TA_CANDLECOLOR: 1 white (close >= open), -1 black */
  color(i: number): number {
    const j = i & MASK;
    return this.close[j]! >= this.open[j]! ? 1 : -1;
  }

  o(i: number): number {
    return this.open[i & MASK]!;
  }

  h(i: number): number {
    return this.high[i & MASK]!;
  }

  l(i: number): number {
    return this.low[i & MASK]!;
  }

  c(i: number): number {
    return this.close[i & MASK]!;
  }

  /** max(open, close) as TA-Lib's max macro */
  bodyTop(i: number): number {
    const j = i & MASK;
    const o = this.open[j]!;
    const c = this.close[j]!;
    return c > o ? c : o;
  }

  /** min(open, close) as TA-Lib's min macro */
  bodyBottom(i: number): number {
    const j = i & MASK;
    const o = this.open[j]!;
    const c = this.close[j]!;
    return c < o ? c : o;
  }

  /** TA_CANDLERANGE for a range type */
  range(kind: RangeType, i: number): number {
    return this.derived[RANGE_BASE[kind]! + (i & MASK)]!;
  }

  /** TA_CANDLEAVERAGE(setting, sum, i) */
  avg(s: CandleSetting, sum: number, i: number): number {
    const p = s.avgPeriod;
    return (s.factor * (p !== 0 ? sum / p : this.range(s.rangeType, i))) / (s.rangeType === RangeType.Shadows ? 2.0 : 1.0);
  }

  /** TA_REALBODYGAPUP(i2, i1): min(o,c) of i2 above max(o,c) of i1 */
  realBodyGapUp(i2: number, i1: number): boolean {
    return this.bodyBottom(i2) > this.bodyTop(i1);
  }

  /** TA_REALBODYGAPDOWN(i2, i1) */
  realBodyGapDown(i2: number, i1: number): boolean {
    return this.bodyTop(i2) < this.bodyBottom(i1);
  }

  /** TA_CANDLEGAPUP(i2, i1): low of i2 above high of i1 */
  candleGapUp(i2: number, i1: number): boolean {
    return this.low[i2 & MASK]! > this.high[i1 & MASK]!;
  }

  /** TA_CANDLEGAPDOWN(i2, i1) */
  candleGapDown(i2: number, i1: number): boolean {
    return this.high[i2 & MASK]! < this.low[i1 & MASK]!;
  }

  snapshot(): IndicatorState {
    return {
      open: encodeArray(this.open),
      high: encodeArray(this.high),
      low: encodeArray(this.low),
      close: encodeArray(this.close),
      totals: encodeArray(this.totals),
    };
  }

  restore(s: IndicatorState): void {
    decodeInto(this.open, s.open);
    decodeInto(this.high, s.high);
    decodeInto(this.low, s.low);
    decodeInto(this.close, s.close);
    decodeInto(this.totals, s.totals);
    for (let j = 0; j < RING; j++) this.derive(j);
  }
}

/** TA-Lib's range for optInPenetration: 0 .. 3e37. */
export const PENETRATION_MAX = 3e37;
