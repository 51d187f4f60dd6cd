/**
 * Builds higher-timeframe candles (5m, 15m, 1h, 4h, 1d by default; any interval of core/intervals)
 * incrementally from CLOSED 1m candles, allocation-free per candle.
 *
 * Alignment: a higher bar of interval I covers [T, T + I) with T a multiple of I since the UTC epoch
 * (so 1d bars are UTC days, 4h bars start at 00:00, 04:00, ... UTC). Each 1m candle belongs to exactly
 * one bar per timeframe; candles of different bars are never merged.
 *
 * Contents: open = first constituent's open, high = max, low = min, close = last constituent's close,
 * volume, quoteVolume, trades, takerBuyBaseVolume and takerBuyQuoteVolume summed, openTime = T (the
 * aligned bar start, even when its first minutes are missing), closeTime = T + I - 1, plus `minutes`
 * (number of 1m candles merged) and `complete` (minutes === I / 1m).
 *
 * When a bar is emitted (closed) — exactly one of:
 *  1. on the 1m candle whose openTime is T + I - 1m (the bar's last minute): the bar closes on that
 *     candle, complete or not (earlier minutes may be missing);
 *  2. on the first candle belonging to a LATER bar, when the bar's last minute never came (a gap):
 *     the partial bar is emitted as closed on that candle, with `minutes` < I / 1m and
 *     `complete` false. That same candle may also close its own bar (rule 1), so one update can close
 *     two bars of one timeframe: `closedCount(k)` says how many, `closedBar(k, i)` reads them in time
 *     order, `bar(k)` is always the latest.
 * No bar is ever emitted for a period without candles. A bar whose last minute is missing stays open
 * until a later candle arrives.
 *
 * Input: 1m candles in strictly increasing openTime order (gaps allowed), openTime a multiple of 1m;
 * anything else throws AP_ERR_BAD_INPUT (duplicates would double-count volume).
 *
 * Returned bar objects are preallocated and reused: copy them if you need to keep them past the next
 * update. snapshot()/restore() are JSON-safe and continue exactly.
 */
import type { Candle } from '../core/candle.js';
import { AlphaPulseError } from '../core/errors.js';
import { intervalMs, type Interval } from '../core/intervals.js';

const MINUTE = 60_000;

export const DEFAULT_TIMEFRAMES: readonly Interval[] = ['5m', '15m', '1h', '4h', '1d'];

/** A higher-timeframe candle built from 1m candles. */
export type AggregatedCandle = Candle & {
  /** Number of 1m candles merged into this bar. */
  readonly minutes: number;
  /** Whether every minute of the bar was present (minutes === interval / 1m). */
  readonly complete: boolean;
};

/** JSON-safe state of a TimeframeAggregator (NaN encoded as null). */
export type AggregatorState = {
  readonly intervals: readonly string[];
  readonly lastOpenTime: number | null;
  /** bars under construction, 12 numbers per timeframe (0 constituent minutes = none) */
  readonly acc: readonly (number | null)[];
  readonly slots: readonly (readonly (number | null)[])[];
  readonly last: readonly number[];
  readonly closed: readonly number[];
};

type MutableAggregatedCandle = { -readonly [K in keyof AggregatedCandle]: AggregatedCandle[K] };

/** Numeric fields start as NaN so V8 gives them a double representation from the start. */
function emptyBar(): MutableAggregatedCandle {
  return {
    openTime: NaN,
    open: NaN,
    high: NaN,
    low: NaN,
    close: NaN,
    volume: NaN,
    closeTime: NaN,
    quoteVolume: NaN,
    trades: NaN,
    takerBuyBaseVolume: NaN,
    takerBuyQuoteVolume: NaN,
    minutes: NaN,
    complete: false,
  };
}

// Layout of one timeframe's bar under construction in the `acc` typed array (stride F_N).
const F_OT = 0;
const F_O = 1;
const F_H = 2;
const F_L = 3;
const F_C = 4;
const F_V = 5;
const F_CT = 6;
const F_QV = 7;
const F_TR = 8;
const F_TBB = 9;
const F_TBQ = 10;
/** constituent minutes; 0 = no bar under construction */
const F_MIN = 11;
const F_N = 12;

const BAR_KEYS = [
  'openTime',
  'open',
  'high',
  'low',
  'close',
  'volume',
  'closeTime',
  'quoteVolume',
  'trades',
  'takerBuyBaseVolume',
  'takerBuyQuoteVolume',
  'minutes',
] as const;

function encodeBar(b: MutableAggregatedCandle): (number | null)[] {
  const out: (number | null)[] = [];
  for (const k of BAR_KEYS) out.push(Number.isNaN(b[k]) ? null : b[k]);
  out.push(b.complete ? 1 : 0);
  return out;
}

function decodeBar(b: MutableAggregatedCandle, src: unknown): void {
  if (!Array.isArray(src) || src.length !== BAR_KEYS.length + 1) throw new Error('aggregator snapshot: malformed bar');
  BAR_KEYS.forEach((k, i) => {
    b[k] = src[i] === null ? NaN : (src[i] as number);
  });
  b.complete = src[BAR_KEYS.length] === 1;
}

function badInput(message: string): never {
  throw new AlphaPulseError('AP_ERR_BAD_INPUT', `TimeframeAggregator: ${message}`);
}

export class TimeframeAggregator {
  /** The timeframes, in the order of their indexes (bit k of update()'s result is intervals[k]). */
  readonly intervals: readonly Interval[];
  /** Interval lengths in ms, by index. */
  readonly intervalMs: readonly number[];
  private readonly n: number;
  private readonly ms: Float64Array;
  /** the bar under construction per timeframe, F_N numbers each (layout F_*) */
  private readonly acc: Float64Array;
  /** two emitted-bar slots per timeframe (2k, 2k+1); last[k] = slot of the latest (-1: none yet) */
  private readonly slots: MutableAggregatedCandle[];
  private readonly last: Int8Array;
  private readonly closed: Int8Array;
  /** object handed out by pending() */
  private readonly pendingBar: MutableAggregatedCandle = emptyBar();
  private lastOpenTime = -Infinity;

  constructor(intervals: readonly string[] = DEFAULT_TIMEFRAMES) {
    if (intervals.length === 0) badInput('give at least one interval');
    const ms = intervals.map((i) => intervalMs(i));
    for (let k = 0; k < ms.length; k++) {
      if (ms[k]! % MINUTE !== 0) badInput(`interval ${intervals[k]} is not a multiple of 1m`);
      if (ms.indexOf(ms[k]!) !== k) badInput(`interval ${intervals[k]} is given twice`);
    }
    this.intervals = intervals as readonly Interval[];
    this.intervalMs = ms;
    this.n = ms.length;
    this.ms = Float64Array.from(ms);
    this.acc = new Float64Array(this.n * F_N);
    this.slots = [];
    for (let k = 0; k < 2 * this.n; k++) this.slots.push(emptyBar());
    this.last = new Int8Array(this.n).fill(-1);
    this.closed = new Int8Array(this.n);
  }

  /** Index of `interval` among this aggregator's timeframes, or -1. */
  indexOf(interval: string): number {
    return this.intervals.indexOf(interval as Interval);
  }

  /**
   * Feeds one closed 1m candle. Returns a bitmask: bit k set when at least one bar of intervals[k]
   * closed on this candle (read it with bar(k); closedCount(k) tells whether two closed).
   */
  update(c: Candle): number {
    const t = c.openTime;
    if (!(t > this.lastOpenTime)) outOfOrder(t, this.lastOpenTime);
    const { open: o, high: h, low: l, close: cl, volume: v } = c;
    const qv = c.quoteVolume;
    const tr = c.trades;
    const tbb = c.takerBuyBaseVolume;
    const tbq = c.takerBuyQuoteVolume;
    if (o - o !== 0 || h - h !== 0 || l - l !== 0 || cl - cl !== 0 || v - v !== 0 || t % MINUTE !== 0) badCandle(c);
    this.lastOpenTime = t;
    const a = this.acc;
    let mask = 0;
    for (let k = 0, j = 0; k < this.n; k++, j += F_N) {
      this.closed[k] = 0;
      let minutes = a[j + F_MIN]!;
      if (minutes > 0 && t > a[j + F_CT]!) {
        // a later bar started while this one never saw its last minute: emit it as partial
        this.emit(k);
        mask |= 1 << k;
        minutes = 0;
      }
      if (minutes === 0) {
        const I = this.ms[k]!;
        const start = t - (t % I);
        a[j + F_OT] = start;
        a[j + F_CT] = start + I - 1;
        a[j + F_O] = o;
        a[j + F_H] = h;
        a[j + F_L] = l;
        a[j + F_V] = v;
        a[j + F_QV] = qv;
        a[j + F_TR] = tr;
        a[j + F_TBB] = tbb;
        a[j + F_TBQ] = tbq;
      } else {
        if (h > a[j + F_H]!) a[j + F_H] = h;
        if (l < a[j + F_L]!) a[j + F_L] = l;
        a[j + F_V] += v;
        a[j + F_QV] += qv;
        a[j + F_TR] += tr;
        a[j + F_TBB] += tbb;
        a[j + F_TBQ] += tbq;
      }
      a[j + F_C] = cl;
      a[j + F_MIN] = minutes + 1;
      if (t + MINUTE > a[j + F_CT]!) {
        // the bar's last minute (closeTime = start + I - 1, so t = start + I - 1m)
        this.emit(k);
        mask |= 1 << k;
      }
    }
    return mask;
  }

  private emit(k: number): void {
    const a = this.acc;
    const j = k * F_N;
    const slotIndex = this.last[k] === 0 ? 1 : 0;
    const s = this.slots[2 * k + slotIndex]!;
    s.openTime = a[j + F_OT]!;
    s.open = a[j + F_O]!;
    s.high = a[j + F_H]!;
    s.low = a[j + F_L]!;
    s.close = a[j + F_C]!;
    s.volume = a[j + F_V]!;
    s.closeTime = a[j + F_CT]!;
    s.quoteVolume = a[j + F_QV]!;
    s.trades = a[j + F_TR]!;
    s.takerBuyBaseVolume = a[j + F_TBB]!;
    s.takerBuyQuoteVolume = a[j + F_TBQ]!;
    s.minutes = a[j + F_MIN]!;
    s.complete = s.minutes * MINUTE === this.ms[k]!;
    a[j + F_MIN] = 0;
    this.last[k] = slotIndex;
    this.closed[k]++;
  }

  /** The latest closed bar of timeframe k, or undefined before the first one. Reused object. */
  bar(k: number): AggregatedCandle | undefined {
    const s = this.last[k];
    return s === undefined || s < 0 ? undefined : this.slots[2 * k + s];
  }

  /** How many bars of timeframe k closed on the last update (0, 1 or 2). */
  closedCount(k: number): number {
    return this.closed[k] ?? 0;
  }

  /** The i-th (time order) of the closedCount(k) bars of timeframe k that closed on the last update. */
  closedBar(k: number, i: number): AggregatedCandle {
    const count = this.closed[k] ?? 0;
    if (!(i >= 0 && i < count)) badInput(`closedBar(${k}, ${i}): only ${count} bar(s) closed on the last update`);
    const s = this.last[k]!;
    return this.slots[2 * k + (i === count - 1 ? s : s ^ 1)]!;
  }

  /**
   * The bar of timeframe k under construction (not closed yet), or undefined. One reused object shared
   * by all timeframes: read it before the next pending() call.
   */
  pending(k: number): AggregatedCandle | undefined {
    const j = k * F_N;
    if (!(this.acc[j + F_MIN]! > 0)) return undefined;
    const b = this.pendingBar;
    BAR_KEYS.forEach((key, i) => {
      b[key] = this.acc[j + i]!;
    });
    b.complete = b.minutes * MINUTE === this.ms[k]!;
    return b;
  }

  snapshot(): AggregatorState {
    return {
      intervals: [...this.intervals],
      lastOpenTime: Number.isFinite(this.lastOpenTime) ? this.lastOpenTime : null,
      acc: Array.from(this.acc, (v) => (Number.isNaN(v) ? null : v)),
      slots: this.slots.map(encodeBar),
      last: Array.from(this.last),
      closed: Array.from(this.closed),
    };
  }

  restore(s: AggregatorState): void {
    const iv = s.intervals;
    if (!Array.isArray(iv) || iv.length !== this.n || iv.some((x, k) => x !== this.intervals[k])) {
      badInput('snapshot was taken with other intervals');
    }
    if (!Array.isArray(s.acc) || s.acc.length !== this.acc.length) badInput('malformed snapshot');
    this.lastOpenTime = s.lastOpenTime === null ? -Infinity : s.lastOpenTime;
    for (let i = 0; i < this.acc.length; i++) this.acc[i] = s.acc[i] ?? NaN;
    for (let k = 0; k < this.n; k++) {
      this.last[k] = s.last[k]!;
      this.closed[k] = s.closed[k]!;
    }
    for (let k = 0; k < 2 * this.n; k++) decodeBar(this.slots[k]!, s.slots[k]);
  }
}

function outOfOrder(t: number, previous: number): never {
  badInput(`candle openTime ${t} is not after the previous one (${previous}); feed each 1m candle once, in order`);
}

function badCandle(c: Candle): never {
  if (c.openTime % MINUTE !== 0) badInput(`candle openTime ${c.openTime} is not aligned to 1m`);
  badInput(`candle at ${c.openTime} has a non-finite open/high/low/close/volume`);
}
