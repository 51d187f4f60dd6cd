/**
 * A closed OHLCV candle. Times are UTC epoch milliseconds (integers).
 * Prices and volumes are float64; every value read from a source's decimal text round-trips
 * through `String(n)` to the shortest form of that text (e.g. "96376.01000000" -> 96376.01).
 */
export type Candle = {
  readonly openTime: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
  /** Last millisecond of the candle: openTime + interval - 1. */
  readonly closeTime: number;
  readonly quoteVolume: number;
  readonly trades: number;
  readonly takerBuyBaseVolume: number;
  readonly takerBuyQuoteVolume: number;
};

/** Identifies one candle series. */
export type SeriesKey = {
  readonly exchange: string;
  readonly symbol: string;
  readonly interval: string;
};

/**
 * Returns a description of what is wrong with the candle, or null when it is valid:
 * finite numbers, low <= min(open, close), max(open, close) <= high, volume >= 0,
 * open time aligned to the interval and close time = open time + interval - 1.
 */
export function candleProblem(c: Candle, intervalMs: number): string | null {
  const { open, high, low, close, volume } = c;
  if (!Number.isFinite(open)) return `open is not a finite number (${open})`;
  if (!Number.isFinite(high)) return `high is not a finite number (${high})`;
  if (!Number.isFinite(low)) return `low is not a finite number (${low})`;
  if (!Number.isFinite(close)) return `close is not a finite number (${close})`;
  if (!Number.isFinite(volume)) return `volume is not a finite number (${volume})`;
  if (!Number.isSafeInteger(c.openTime) || c.openTime < 0) return `open_time is not a valid epoch time (${c.openTime})`;
  if (high < low) return `high ${high} is below low ${low}`;
  if (low > open || low > close) return `low ${low} is above ${low > open ? `open ${open}` : `close ${close}`}`;
  if (high < open || high < close) return `high ${high} is below ${high < open ? `open ${open}` : `close ${close}`}`;
  if (volume < 0) return `volume ${volume} is negative`;
  if (c.openTime % intervalMs !== 0) return `open_time ${c.openTime} is not aligned to the ${intervalMs} ms interval`;
  if (c.closeTime !== c.openTime + intervalMs - 1) {
    return `close_time ${c.closeTime} is not open_time + interval - 1 (${c.openTime + intervalMs - 1})`;
  }
  if (!(c.quoteVolume >= 0) || !(c.trades >= 0) || !(c.takerBuyBaseVolume >= 0) || !(c.takerBuyQuoteVolume >= 0)) {
    return 'quote volume, trades and taker-buy volumes must be finite and non-negative';
  }
  return null;
}

/** Builds a candle from OHLCV with the optional fields zeroed (unknown). */
export function candleFromOhlcv(
  openTime: number,
  open: number,
  high: number,
  low: number,
  close: number,
  volume: number,
  intervalMs: number,
): Candle {
  return {
    openTime,
    open,
    high,
    low,
    close,
    volume,
    closeTime: openTime + intervalMs - 1,
    quoteVolume: 0,
    trades: 0,
    takerBuyBaseVolume: 0,
    takerBuyQuoteVolume: 0,
  };
}
