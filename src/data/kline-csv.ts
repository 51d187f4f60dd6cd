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
const COLUMNS = ['open_time', 'open', 'high', 'low', 'close', 'volume', 'close_time', 'quote_asset_volume', 'number_of_trades', 'taker_buy_base_asset_volume', 'taker_buy_quote_asset_volume', 'ignore'];
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The number in text[start, end). Fast path for plain decimals of at most 15 digits: the integer of
 * all digits divided by 10^decimals — both exact doubles, so the IEEE division is correctly rounded and
 * equals Number(text). Anything else (exponent, sign, longer) goes through a strict Number(); a field
 * that is not a decimal number is NaN.
 */
function parseNumber(text: string, start: number, end: number): number {
  let m = 0;
  let digits = 0;
  let decimals = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 46 && decimals < 0) {
      decimals = 0;
    } else {
      return slowNumber(text.slice(start, end));
    }
  }
  if (digits === 0) return NaN;
  if (digits > 15) return slowNumber(text.slice(start, end));
  return decimals <= 0 ? m : m / POW10[decimals]!;
}

function slowNumber(s: string): number {
  return DECIMAL.test(s) ? Number(s) : NaN;
}

/**
 * Parses and validates every row. Stops at the first bad row and reports its 1-based line number;
 * `candles` is then empty, so nothing of the file gets written. Rows must be strictly ascending in open time.
 */
export function parseKlineCsv(text: string, intervalMs: number): ParsedKlines {
  const candles: Candle[] = [];
  const len = text.length;
  const bounds = new Int32Array(13);
  const v = new Float64Array(12);
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  let prevOpen = -Infinity;
  const fail = (error: string): ParsedKlines => ({ candles: [], problem: { line, error } });
  while (pos < len) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = len;
    const rowStart = pos;
    let rowEnd = end;
    pos = end + 1;
    line++;
    if (rowEnd > rowStart && text.charCodeAt(rowEnd - 1) === 13) rowEnd--;
    if (rowEnd === rowStart) {
      if (pos >= len) break;
      return fail('empty line');
    }
    if (line === 1) {
      const c = text.charCodeAt(rowStart);
      if (!(c >= 48 && c <= 57)) continue; // header row
    }
    let fields = 0;
    bounds[0] = rowStart;
    for (let i = rowStart; i < rowEnd && fields < 12; i++) {
      if (text.charCodeAt(i) === 44) bounds[++fields] = i + 1;
    }
    if (fields !== 11) {
      let commas = 0;
      for (let i = rowStart; i < rowEnd; i++) if (text.charCodeAt(i) === 44) commas++;
      return fail(`expected 12 columns, found ${commas + 1}`);
    }
    bounds[12] = rowEnd + 1;
    for (let f = 0; f < 11; f++) {
      const x = parseNumber(text, bounds[f]!, bounds[f + 1]! - 1);
      if (Number.isNaN(x)) return fail(`${COLUMNS[f]} "${text.slice(bounds[f]!, bounds[f + 1]! - 1)}" is not a number`);
      v[f] = x;
    }
    let openTime = v[0]!;
    let closeTime = v[6]!;
    if (!Number.isSafeInteger(openTime)) return fail(`open_time "${text.slice(bounds[0]!, bounds[1]! - 1)}" is not an integer`);
    if (!Number.isSafeInteger(closeTime)) return fail(`close_time "${text.slice(bounds[6]!, bounds[7]! - 1)}" is not an integer`);
    if (openTime >= MICROS_THRESHOLD) {
      openTime = Math.floor(openTime / 1000);
      closeTime = Math.floor(closeTime / 1000);
    }
    const c: Candle = {
      openTime,
      open: v[1]!,
      high: v[2]!,
      low: v[3]!,
      close: v[4]!,
      volume: v[5]!,
      closeTime,
      quoteVolume: v[7]!,
      trades: v[8]!,
      takerBuyBaseVolume: v[9]!,
      takerBuyQuoteVolume: v[10]!,
    };
    const problem = candleProblem(c, intervalMs);
    if (problem !== null) return fail(problem);
    if (openTime <= prevOpen) return fail(`open_time ${openTime} is not after the previous row's ${prevOpen} (rows must be ascending, without duplicates)`);
    prevOpen = openTime;
    candles.push(c);
  }
  return { candles, problem: null };
}

/** Formats candles as archive CSV rows (shortest number form), e.g. for the exchange simulator and tests. */
export function formatKlineCsvRow(c: Candle): string {
  return `${c.openTime},${c.open},${c.high},${c.low},${c.close},${c.volume},${c.closeTime},${c.quoteVolume},${c.trades},${c.takerBuyBaseVolume},${c.takerBuyQuoteVolume},0`;
}
