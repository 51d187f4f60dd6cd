/**
 * Binance spot kline wire formats, shared by the simulator (which writes them) and the client
 * (which reads and validates them):
 * - REST /api/v3/klines row: [openTime, "open", "high", "low", "close", "volume", closeTime,
 *   "quoteVolume", trades, "takerBuyBase", "takerBuyQuote", "0"]
 * - WebSocket kline event: { e: "kline", E, s, k: { t, T, s, i, f, L, o, c, h, l, v, n, x, q, V, Q, B } }
 */
import { candleProblem, type Candle } from '../core/candle.js';

/** Binance writes decimals with 8 places ("96376.01000000"); kept only when that round-trips exactly. */
export function formatDecimal(n: number): string {
  const fixed = n.toFixed(8);
  return Number(fixed) === n ? fixed : String(n);
}

export type KlineRow = [number, string, string, string, string, string, number, string, number, string, string, string];

export function toKlineRow(c: Candle): KlineRow {
  return [
    c.openTime,
    formatDecimal(c.open),
    formatDecimal(c.high),
    formatDecimal(c.low),
    formatDecimal(c.close),
    formatDecimal(c.volume),
    c.closeTime,
    formatDecimal(c.quoteVolume),
    c.trades,
    formatDecimal(c.takerBuyBaseVolume),
    formatDecimal(c.takerBuyQuoteVolume),
    '0',
  ];
}

export type KlineEvent = {
  e: 'kline';
  E: number;
  s: string;
  k: {
    t: number;
    T: number;
    s: string;
    i: string;
    f: number;
    L: number;
    o: string;
    c: string;
    h: string;
    l: string;
    v: string;
    n: number;
    x: boolean;
    q: string;
    V: string;
    Q: string;
    B: string;
  };
};

export function toKlineEvent(symbol: string, interval: string, c: Candle, closed: boolean, eventTime: number, firstTradeId: number): KlineEvent {
  return {
    e: 'kline',
    E: eventTime,
    s: symbol,
    k: {
      t: c.openTime,
      T: c.closeTime,
      s: symbol,
      i: interval,
      f: c.trades > 0 ? firstTradeId : -1,
      L: c.trades > 0 ? firstTradeId + c.trades - 1 : -1,
      o: formatDecimal(c.open),
      c: formatDecimal(c.close),
      h: formatDecimal(c.high),
      l: formatDecimal(c.low),
      v: formatDecimal(c.volume),
      n: c.trades,
      x: closed,
      q: formatDecimal(c.quoteVolume),
      V: formatDecimal(c.takerBuyBaseVolume),
      Q: formatDecimal(c.takerBuyQuoteVolume),
      B: '0',
    },
  };
}

/** The stream name of a kline subscription, e.g. btcusdt@kline_1m. */
export function klineStreamName(symbol: string, interval: string): string {
  return `${symbol.toLowerCase()}@kline_${interval}`;
}

/** Parses a decimal field sent as a JSON string (Binance) or number; anything else is NaN. */
function decimal(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string' || v.trim().length === 0) return NaN;
  return Number(v);
}

function integer(v: unknown): number {
  const n = typeof v === 'string' && v.trim().length > 0 ? Number(v) : typeof v === 'number' ? v : NaN;
  return Number.isSafeInteger(n) ? n : NaN;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/** Reads one REST kline row and validates it (candleProblem); the problem text names the field. */
export function parseKlineRow(row: unknown, intervalMs: number): Parsed<Candle> {
  if (!Array.isArray(row)) return { ok: false, problem: `row is not an array (${typeof row})` };
  if (row.length < 11) return { ok: false, problem: `row has ${row.length} fields, expected 12` };
  const openTime = integer(row[0]);
  const closeTime = integer(row[6]);
  if (Number.isNaN(openTime)) return { ok: false, problem: `open time ${JSON.stringify(row[0])} is not an integer` };
  if (Number.isNaN(closeTime)) return { ok: false, problem: `close time ${JSON.stringify(row[6])} is not an integer` };
  const names = ['', 'open', 'high', 'low', 'close', 'volume', '', 'quote volume', 'trades', 'taker buy base volume', 'taker buy quote volume'];
  for (const i of [1, 2, 3, 4, 5, 7, 9, 10]) {
    if (!Number.isFinite(decimal(row[i]))) return { ok: false, problem: `${names[i]} ${JSON.stringify(row[i])} is not a number (open time ${openTime})` };
  }
  const trades = integer(row[8]);
  if (Number.isNaN(trades)) return { ok: false, problem: `trades ${JSON.stringify(row[8])} is not an integer (open time ${openTime})` };
  const c: Candle = {
    openTime,
    open: decimal(row[1]),
    high: decimal(row[2]),
    low: decimal(row[3]),
    close: decimal(row[4]),
    volume: decimal(row[5]),
    closeTime,
    quoteVolume: decimal(row[7]),
    trades,
    takerBuyBaseVolume: decimal(row[9]),
    takerBuyQuoteVolume: decimal(row[10]),
  };
  const problem = candleProblem(c, intervalMs);
  if (problem !== null) return { ok: false, problem: `${problem} (open time ${openTime})` };
  return { ok: true, value: c };
}

export type ParsedKlineEvent = { symbol: string; interval: string; closed: boolean; candle: Candle };

/**
 * Reads a kline event, raw ({e:'kline',...}) or wrapped by a combined stream ({stream, data}).
 * Returns null for messages that are not kline events (subscription replies, other streams).
 */
export function parseKlineEvent(msg: unknown, intervalMsOf: (interval: string) => number): Parsed<ParsedKlineEvent> | null {
  if (msg === null || typeof msg !== 'object') return { ok: false, problem: 'message is not a JSON object' };
  let m = msg as Record<string, unknown>;
  if ('stream' in m && 'data' in m && m.data !== null && typeof m.data === 'object') m = m.data as Record<string, unknown>;
  if (m.e !== 'kline') return null;
  const k = m.k as Record<string, unknown> | undefined;
  if (!k || typeof k !== 'object') return { ok: false, problem: 'kline event without "k"' };
  const symbol = typeof k.s === 'string' ? k.s : typeof m.s === 'string' ? m.s : undefined;
  if (!symbol) return { ok: false, problem: 'kline event without symbol' };
  if (typeof k.i !== 'string') return { ok: false, problem: `kline event of ${symbol} without interval` };
  if (typeof k.x !== 'boolean') return { ok: false, problem: `kline event of ${symbol} without a boolean "x"` };
  let ms: number;
  try {
    ms = intervalMsOf(k.i);
  } catch {
    return { ok: false, problem: `kline event of ${symbol} has an unknown interval ${JSON.stringify(k.i)}` };
  }
  const row = [k.t, k.o, k.h, k.l, k.c, k.v, k.T, k.q, k.n, k.V, k.Q, k.B];
  const parsed = parseKlineRow(row, ms);
  if (!parsed.ok) return { ok: false, problem: `kline event of ${symbol} ${k.i}: ${parsed.problem}` };
  return { ok: true, value: { symbol: symbol.toUpperCase(), interval: k.i, closed: k.x, candle: parsed.value } };
}
