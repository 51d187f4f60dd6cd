/**
 * Parser for Binance public-archive kline CSV (data.binance.vision): 12 columns
 * open_time, open, high, low, close, volume, close_time, quote_asset_volume, number_of_trades,
 * taker_buy_base_asset_volume, taker_buy_quote_asset_volume, ignore — with or without a header row.
 * Times may be epoch milliseconds or (spot archive from 2025) microseconds; both become milliseconds.
 */
import type { Candle } from '../core/candle.js';
import { candleProblem } from '../core/candle.js';

export type CsvProblem = { readonly line: number; readonly error: string };
export type ParsedKlines = { readonly candles: Candle[]; readonly problem: CsvProblem | null };

const MICROS_THRESHOLD = 1e14; // epoch ms stays below this until the year 5138; µs are above it since 1973

function num(field: string): number {
  // Number('') and Number(' ') are 0: an empty or blank field is an error, not a zero.
  return field.length === 0 || field.charCodeAt(0) === 32 ? NaN : Number(field);
}

/**
 * Parses and validates every row. Stops at the first bad row and reports its 1-based line number;
 * `candles` then holds nothing that should be written. Rows must be strictly ascending in open time.
 */
export function parseKlineCsv(text: string, intervalMs: number): ParsedKlines {
  const candles: Candle[] = [];
  const len = text.length;
  let pos = 0;
  let line = 0;
  let prevOpen = -Infinity;
  if (text.charCodeAt(0) === 0xfeff) pos = 1;
  while (pos < len) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = len;
    let row = text.slice(pos, end);
    pos = end + 1;
    line++;
    if (row.length > 0 && row.charCodeAt(row.length - 1) === 13) row = row.slice(0, -1);
    if (row.length === 0) {
      if (pos >= len) break;
      return { candles: [], problem: { line, error: 'empty line' } };
    }
    const f = row.split(',');
    if (line === 1 && !/^\s*\d/.test(f[0]!)) continue; // header row
    if (f.length !== 12) {
      return { candles: [], problem: { line, error: `expected 12 columns, found ${f.length}` } };
    }
    let openTime = num(f[0]!);
    let closeTime = num(f[6]!);
    if (!Number.isSafeInteger(openTime)) return { candles: [], problem: { line, error: `open_time "${f[0]}" is not an integer` } };
    if (!Number.isSafeInteger(closeTime)) return { candles: [], problem: { line, error: `close_time "${f[6]}" is not an integer` } };
    if (openTime >= MICROS_THRESHOLD) {
      openTime = Math.floor(openTime / 1000);
      closeTime = Math.floor(closeTime / 1000);
    }
    const c: Candle = {
      openTime,
      open: num(f[1]!),
      high: num(f[2]!),
      low: num(f[3]!),
      close: num(f[4]!),
      volume: num(f[5]!),
      closeTime,
      quoteVolume: num(f[7]!),
      trades: num(f[8]!),
      takerBuyBaseVolume: num(f[9]!),
      takerBuyQuoteVolume: num(f[10]!),
    };
    const problem = candleProblem(c, intervalMs);
    if (problem !== null) return { candles: [], problem: { line, error: problem } };
    if (openTime <= prevOpen) {
      return {
        candles: [],
        problem: { line, error: `open_time ${openTime} is not after the previous row's ${prevOpen} (rows must be ascending, without duplicates)` },
      };
    }
    prevOpen = openTime;
    candles.push(c);
  }
  return { candles, problem: null };
}

/** Formats candles as archive CSV rows (shortest number form), e.g. for the exchange simulator and tests. */
export function formatKlineCsvRow(c: Candle): string {
  return `${c.openTime},${c.open},${c.high},${c.low},${c.close},${c.volume},${c.closeTime},${c.quoteVolume},${c.trades},${c.takerBuyBaseVolume},${c.takerBuyQuoteVolume},0`;
}
