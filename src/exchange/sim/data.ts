/**
 * The simulator's market data: candles per symbol and interval, loaded from archive CSV/zip files
 * (SYMBOL-INTERVAL-YYYY-MM(-DD).csv|zip) or given in memory. Intervals that are not loaded are
 * aggregated on demand from the finest loaded interval that divides them (usually 1m).
 */
import type { Candle } from '../../core/candle.js';
import { AlphaPulseError } from '../../core/errors.js';
import { INTERVAL_MS, intervalMs, isInterval } from '../../core/intervals.js';
import { expandArchivePaths, parseArchiveName, readArchiveText } from '../../data/archive-files.js';
import { parseKlineCsv } from '../../data/kline-csv.js';

/** A removed stretch of candles (exchange outage); `symbol` undefined means every symbol. */
export type SimHole = { readonly symbol?: string; readonly from: number; readonly to: number };

export type SimSeriesInput = { readonly symbol: string; readonly interval: string; readonly candles: readonly Candle[] };

export class SimMarketData {
  /** symbol -> interval -> ascending candles */
  private readonly series = new Map<string, Map<string, Candle[]>>();

  constructor(inputs: readonly SimSeriesInput[], holes: readonly SimHole[] = []) {
    for (const s of inputs) {
      const symbol = s.symbol.toUpperCase();
      intervalMs(s.interval);
      let byInterval = this.series.get(symbol);
      if (!byInterval) this.series.set(symbol, (byInterval = new Map()));
      const list = byInterval.get(s.interval) ?? [];
      for (const c of s.candles) list.push(c);
      byInterval.set(s.interval, list);
    }
    for (const [symbol, byInterval] of this.series) {
      for (const [interval, list] of byInterval) {
        list.sort((a, b) => a.openTime - b.openTime);
        const dedup: Candle[] = [];
        for (const c of list) {
          if (dedup.length > 0 && dedup[dedup.length - 1]!.openTime === c.openTime) dedup[dedup.length - 1] = c;
          else dedup.push(c);
        }
        const relevant = holes.filter((h) => h.symbol === undefined || h.symbol.toUpperCase() === symbol);
        byInterval.set(interval, relevant.length === 0 ? dedup : dedup.filter((c) => !relevant.some((h) => c.openTime >= h.from && c.openTime <= h.to)));
      }
    }
  }

  /** Loads every archive file of the folders/files given; `symbols` limits which files are read. */
  static fromArchives(paths: readonly string[], opts: { symbols?: readonly string[]; holes?: readonly SimHole[] } = {}): SimMarketData {
    const wanted = opts.symbols?.map((s) => s.toUpperCase());
    const inputs: SimSeriesInput[] = [];
    for (const file of expandArchivePaths(paths)) {
      const name = parseArchiveName(file);
      if (name === null || !isInterval(name.interval)) continue;
      if (wanted && !wanted.includes(name.symbol)) continue;
      const parsed = parseKlineCsv(readArchiveText(file), intervalMs(name.interval));
      if (parsed.problem) {
        throw new AlphaPulseError('AP_ERR_BAD_FILE', `${file}:${parsed.problem.line}: ${parsed.problem.error}`, { file, line: parsed.problem.line });
      }
      inputs.push({ symbol: name.symbol, interval: name.interval, candles: parsed.candles });
    }
    const data = new SimMarketData(inputs, opts.holes);
    if (data.symbols().length === 0) {
      throw new AlphaPulseError('AP_ERR_BAD_INPUT', `no archive kline files (SYMBOL-INTERVAL-YYYY-MM.csv|zip) found in ${paths.join(', ')}`);
    }
    return data;
  }

  symbols(): string[] {
    return [...this.series.keys()].sort();
  }

  hasSymbol(symbol: string): boolean {
    return this.series.has(symbol.toUpperCase());
  }

  /** Ascending candles of a series; empty when the symbol is unknown or the interval cannot be built. */
  candles(symbol: string, interval: string): readonly Candle[] {
    const byInterval = this.series.get(symbol.toUpperCase());
    if (!byInterval || !isInterval(interval)) return [];
    const direct = byInterval.get(interval);
    if (direct) return direct;
    const target = INTERVAL_MS[interval];
    let best: { interval: string; ms: number } | null = null;
    for (const k of byInterval.keys()) {
      if (!isInterval(k)) continue;
      const ms = INTERVAL_MS[k];
      if (ms < target && target % ms === 0 && (best === null || ms > best.ms)) best = { interval: k, ms };
    }
    if (best === null) return [];
    const built = aggregate(byInterval.get(best.interval)!, target);
    byInterval.set(interval, built);
    return built;
  }

  /** First and last open time over all series (ms), or null without data. */
  span(): { first: number; last: number } | null {
    let first = Infinity;
    let last = -Infinity;
    for (const byInterval of this.series.values()) {
      for (const list of byInterval.values()) {
        if (list.length === 0) continue;
        first = Math.min(first, list[0]!.openTime);
        last = Math.max(last, list[list.length - 1]!.closeTime);
      }
    }
    return first === Infinity ? null : { first, last };
  }
}

/** Aggregates ascending candles into `targetMs` buckets (a bucket with any candle yields one candle). */
export function aggregate(list: readonly Candle[], targetMs: number): Candle[] {
  const out: Candle[] = [];
  let cur: { -readonly [K in keyof Candle]: Candle[K] } | null = null;
  for (const c of list) {
    const bucket = Math.floor(c.openTime / targetMs) * targetMs;
    if (cur === null || cur.openTime !== bucket) {
      if (cur) out.push(cur);
      cur = { ...c, openTime: bucket, closeTime: bucket + targetMs - 1 };
      continue;
    }
    cur.high = Math.max(cur.high, c.high);
    cur.low = Math.min(cur.low, c.low);
    cur.close = c.close;
    cur.volume += c.volume;
    cur.quoteVolume += c.quoteVolume;
    cur.trades += c.trades;
    cur.takerBuyBaseVolume += c.takerBuyBaseVolume;
    cur.takerBuyQuoteVolume += c.takerBuyQuoteVolume;
  }
  if (cur) out.push(cur);
  // sums of decimals pick up float noise (0.1 + 0.2); the exchange reports at most 8 decimals
  return out.map((c) => ({
    ...c,
    volume: round8(c.volume),
    quoteVolume: round8(c.quoteVolume),
    takerBuyBaseVolume: round8(c.takerBuyBaseVolume),
    takerBuyQuoteVolume: round8(c.takerBuyQuoteVolume),
  }));
}

function round8(n: number): number {
  return Number(n.toFixed(8));
}

/** Index of the first candle with openTime >= t. */
export function lowerBound(list: readonly Candle[], t: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.openTime < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The part of a candle "seen so far" at fraction f (0..1) of its interval: a plausible in-progress kline. */
export function partialCandle(c: Candle, f: number): Candle {
  const frac = Math.min(1, Math.max(0, f));
  const close = c.open + (c.close - c.open) * frac;
  const high = Math.min(c.high, Math.max(c.open, close, c.open + (c.high - c.open) * frac));
  const low = Math.max(c.low, Math.min(c.open, close, c.open - (c.open - c.low) * frac));
  return {
    ...c,
    high,
    low: Math.min(low, close, c.open),
    close,
    volume: c.volume * frac,
    quoteVolume: c.quoteVolume * frac,
    trades: Math.floor(c.trades * frac),
    takerBuyBaseVolume: c.takerBuyBaseVolume * frac,
    takerBuyQuoteVolume: c.takerBuyQuoteVolume * frac,
  };
}
