/**
 * Candles for the chart: aggregation of 1m candles into a larger timeframe (client-side, when the API
 * cannot build that interval itself) and merging of live candles. Pure functions, no DOM. Times in epoch ms, UTC.
 */
export type Bar = { time: number; open: number; high: number; low: number; close: number; volume: number };

export const TIMEFRAMES = { '1m': 60_000, '5m': 300_000, '15m': 900_000, '1h': 3_600_000, '4h': 14_400_000, '1d': 86_400_000 } as const;
export type Timeframe = keyof typeof TIMEFRAMES;

export function isTimeframe(s: string): s is Timeframe {
  return Object.prototype.hasOwnProperty.call(TIMEFRAMES, s);
}

/** Start of the bucket of `tfMs` that holds `time`. */
export function bucketStart(time: number, tfMs: number): number {
  return Math.floor(time / tfMs) * tfMs;
}

/** The smallest positive gap between consecutive candles (the series' interval), or 0 with fewer than 2. */
export function spacing(bars: readonly Bar[]): number {
  let best = 0;
  for (let i = 1; i < bars.length; i++) {
    const d = bars[i]!.time - bars[i - 1]!.time;
    if (d > 0 && (best === 0 || d < best)) best = d;
  }
  return best;
}

/** Sorts by time and drops duplicates (the later one wins). */
export function normalize(bars: readonly Bar[]): Bar[] {
  const byTime = new Map<number, Bar>();
  for (const b of bars) byTime.set(b.time, b);
  return [...byTime.values()].sort((a, b) => a.time - b.time);
}

/** Aggregates candles (any finer interval) into buckets of `tfMs`. Input need not be sorted. */
export function aggregate(bars: readonly Bar[], tfMs: number): Bar[] {
  const out: Bar[] = [];
  for (const b of normalize(bars)) {
    const t = bucketStart(b.time, tfMs);
    const last = out[out.length - 1];
    if (last && last.time === t) {
      last.high = Math.max(last.high, b.high);
      last.low = Math.min(last.low, b.low);
      last.close = b.close;
      last.volume += b.volume;
    } else {
      out.push({ time: t, open: b.open, high: b.high, low: b.low, close: b.close, volume: b.volume });
    }
  }
  return out;
}

/**
 * Folds one live 1m candle into `bars` (aggregated to `tfMs`, sorted) in place. Returns the bar to
 * draw, or null when the candle is older than what is shown. `lastMinute` is the open time of the
 * last 1m candle already folded in, so a repeated candle is not counted twice.
 */
export function mergeLive(bars: Bar[], candle: Bar, tfMs: number, lastMinute: number): Bar | null {
  const t = bucketStart(candle.time, tfMs);
  const last = bars[bars.length - 1];
  if (!last || t > last.time) {
    const bar = { ...candle, time: t };
    bars.push(bar);
    return bar;
  }
  if (t < last.time) return null;
  if (tfMs <= 60_000 || candle.time <= lastMinute) {
    // The same bucket again: a repeated or corrected candle replaces the bar (1m), or is ignored.
    if (tfMs > 60_000) return null;
    Object.assign(last, candle, { time: t });
    return last;
  }
  last.high = Math.max(last.high, candle.high);
  last.low = Math.min(last.low, candle.low);
  last.close = candle.close;
  last.volume += candle.volume;
  return last;
}
