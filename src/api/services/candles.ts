/**
 * GET /api/candles: candles of one series, ascending by open time, at most `limit` (≤ 5000).
 * With `from`: the first `limit` candles at or after it (up to `to`); without: the last `limit` candles
 * at or before `to` (the newest when `to` is absent), so a chart gets the latest stretch by default.
 *
 * Stored candles are served as they are. An interval that is not stored (5m, 15m, 1h, 4h, 1d, …) is built
 * from the stored 1m candles of the same exchange and symbol:
 * - buckets are UTC-aligned: a bar opens at `openTime - openTime % intervalMs` (every interval up to 1d
 *   divides a day, so 1h bars open on the hour and 1d bars at 00:00 UTC);
 * - open = open of the first 1m candle in the bucket, close = close of the last, high = max, low = min,
 *   volume, quoteVolume, trades and the taker volumes = sums;
 * - closeTime = closeTime of the last 1m candle in the bucket: a bar is complete when
 *   closeTime = openTime + intervalMs − 1; the newest bar may be partial (only the closed 1m candles
 *   stored so far — the store holds closed candles only), and so may a bar with missing minutes;
 * - a bucket without any 1m candle has no bar (gaps are not filled);
 * - `from`, `to` and `limit` apply to the bars (their open time), not to the 1m candles: `from` takes
 *   bars opening at or after it, `to` bars opening at or before it (that bar whole);
 * - `aggregatedFrom` is '1m' in the answer (null for stored candles).
 * Only the 1m candles the answer needs are read (a bounded range per query, widened past gaps).
 */
import { sql } from 'kysely';
import { AlphaPulseError } from '../../core/errors.js';
import { INTERVAL_MS, isInterval } from '../../core/intervals.js';
import { seriesId } from '../../store/candles.js';
import type { Store } from '../../store/database.js';
import { num0, rows } from './common.js';

export const MAX_CANDLES = 5000;

/** The stored interval other intervals are built from. */
export const BASE_INTERVAL = '1m';

export type CandleQuery = { exchange: string; symbol: string; interval: string; from?: number; to?: number; limit: number };

export type CandleView = {
  openTime: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  closeTime: number;
  quoteVolume: number;
  trades: number;
  takerBuyBaseVolume: number;
  takerBuyQuoteVolume: number;
};

export type CandlePage = {
  exchange: string;
  symbol: string;
  interval: string;
  /** '1m' when the candles were aggregated from stored 1m candles, null when stored as asked */
  aggregatedFrom: string | null;
  count: number;
  limit: number;
  hasMore: boolean;
  candles: CandleView[];
};

export async function getCandles(store: Store, q: CandleQuery): Promise<CandlePage> {
  const id = await seriesId(store, { exchange: q.exchange, symbol: q.symbol, interval: q.interval }, false);
  if (id !== null) return storedCandles(store, id, q);
  const tf = isInterval(q.interval) ? INTERVAL_MS[q.interval] : 0;
  const base = q.interval === BASE_INTERVAL || tf <= INTERVAL_MS[BASE_INTERVAL] ? null : await seriesId(store, { exchange: q.exchange, symbol: q.symbol, interval: BASE_INTERVAL }, false);
  if (base === null) throw new AlphaPulseError('AP_ERR_NOT_FOUND', `no candles are stored for ${q.symbol} ${q.interval} on ${q.exchange}${q.interval === BASE_INTERVAL ? '' : ` (nor ${BASE_INTERVAL} candles to build them from)`}`);
  return aggregatedCandles(store, base, tf, q);
}

async function storedCandles(store: Store, id: number, q: CandleQuery): Promise<CandlePage> {
  const from = q.from ?? 0;
  const to = q.to ?? Number.MAX_SAFE_INTEGER;
  const ascending = q.from !== undefined;
  const found = await store.db
    .selectFrom('candles')
    .select(['open_time', 'open', 'high', 'low', 'close', 'volume', 'close_time', 'quote_volume', 'trades', 'taker_buy_base_volume', 'taker_buy_quote_volume'])
    .where('series_id', '=', id)
    .where('open_time', '>=', from)
    .where('open_time', '<=', to)
    .orderBy('open_time', ascending ? 'asc' : 'desc')
    .limit(q.limit + 1)
    .execute();
  const hasMore = found.length > q.limit;
  const list = found.slice(0, q.limit);
  if (!ascending) list.reverse();
  return {
    exchange: q.exchange,
    symbol: q.symbol,
    interval: q.interval,
    aggregatedFrom: null,
    count: list.length,
    limit: q.limit,
    hasMore,
    candles: list.map((r) => ({
      openTime: num0(r.open_time),
      open: num0(r.open),
      high: num0(r.high),
      low: num0(r.low),
      close: num0(r.close),
      volume: num0(r.volume),
      closeTime: num0(r.close_time),
      quoteVolume: num0(r.quote_volume),
      trades: num0(r.trades),
      takerBuyBaseVolume: num0(r.taker_buy_base_volume),
      takerBuyQuoteVolume: num0(r.taker_buy_quote_volume),
    })),
  };
}

type BarRow = {
  bucket: number;
  open: number | null;
  high: number;
  low: number;
  close: number | null;
  volume: number;
  close_time: number;
  quote_volume: number;
  trades: number;
  tbb: number;
  tbq: number;
};

/** At most `n` bars of `tf` from the 1m candles with open times in [lo, hi], the first n in `order`. */
async function bars(store: Store, id: number, tf: number, lo: number, hi: number, order: 'asc' | 'desc', n: number): Promise<CandleView[]> {
  const dir = order === 'asc' ? sql`ASC` : sql`DESC`;
  const found = await rows(
    store,
    sql<BarRow>`SELECT b.bucket, b.high, b.low, b.volume, b.close_time, b.quote_volume, b.trades, b.tbb, b.tbq,
        (SELECT c.open FROM candles c WHERE c.series_id = ${id} AND c.open_time = b.first_time) AS open,
        (SELECT c.close FROM candles c WHERE c.series_id = ${id} AND c.open_time = b.last_time) AS close
      FROM (
        SELECT open_time - (open_time % ${sql.lit(tf)}) AS bucket, MIN(open_time) AS first_time, MAX(open_time) AS last_time,
          MAX(high) AS high, MIN(low) AS low, SUM(volume) AS volume, MAX(close_time) AS close_time, SUM(quote_volume) AS quote_volume,
          SUM(trades) AS trades, SUM(taker_buy_base_volume) AS tbb, SUM(taker_buy_quote_volume) AS tbq
        FROM candles WHERE series_id = ${id} AND open_time >= ${lo} AND open_time <= ${hi}
        GROUP BY 1 ORDER BY 1 ${dir} LIMIT ${n}
      ) b ORDER BY b.bucket ${dir}`,
  );
  return found.map((r) => ({
    openTime: num0(r.bucket),
    open: num0(r.open),
    high: num0(r.high),
    low: num0(r.low),
    close: num0(r.close),
    volume: num0(r.volume),
    closeTime: num0(r.close_time),
    quoteVolume: num0(r.quote_volume),
    trades: num0(r.trades),
    takerBuyBaseVolume: num0(r.tbb),
    takerBuyQuoteVolume: num0(r.tbq),
  }));
}

/** The open time of the newest (desc) or oldest (asc) 1m candle in [lo, hi], or null. */
async function edge(store: Store, id: number, lo: number, hi: number, order: 'asc' | 'desc'): Promise<number | null> {
  const r = await store.db.selectFrom('candles').select('open_time').where('series_id', '=', id).where('open_time', '>=', lo).where('open_time', '<=', hi).orderBy('open_time', order).limit(1).executeTakeFirst();
  return r ? num0(r.open_time) : null;
}

/** Past this many range queries (a series full of gaps), one unbounded query takes the rest. */
const MAX_STEPS = 32;

async function aggregatedCandles(store: Store, id: number, tf: number, q: CandleQuery): Promise<CandlePage> {
  const bucket = (t: number) => t - (t % tf);
  const need = q.limit + 1; // one more than asked: is there more?
  // 1m open times that belong to bars opening in [from, to]
  const lowest = q.from === undefined ? 0 : Math.ceil(q.from / tf) * tf;
  const highest = q.to === undefined ? Number.MAX_SAFE_INTEGER : bucket(q.to) + tf - 1;
  const ascending = q.from !== undefined;
  const out: CandleView[] = [];
  // Each step reads the range that holds the bars still missing if there is no gap, starting at the
  // nearest stored 1m candle; a gap leaves bars missing, and the next step starts past it.
  let lo = lowest;
  let hi = highest;
  for (let step = 0; out.length < need && lo <= hi; step++) {
    const missing = need - out.length;
    if (step >= MAX_STEPS) {
      out.push(...(await bars(store, id, tf, lo, hi, ascending ? 'asc' : 'desc', missing)));
      break;
    }
    const t = await edge(store, id, lo, hi, ascending ? 'asc' : 'desc');
    if (t === null) break;
    if (ascending) {
      const start = bucket(t);
      const end = Math.min(hi, start + missing * tf - 1);
      out.push(...(await bars(store, id, tf, start, end, 'asc', missing)));
      lo = end + 1;
    } else {
      const start = Math.max(lo, bucket(t) - (missing - 1) * tf);
      const end = hi;
      out.push(...(await bars(store, id, tf, start, end, 'desc', missing)));
      hi = start - 1;
    }
  }
  const hasMore = out.length > q.limit;
  const list = out.slice(0, q.limit);
  if (!ascending) list.reverse();
  return { exchange: q.exchange, symbol: q.symbol, interval: q.interval, aggregatedFrom: BASE_INTERVAL, count: list.length, limit: q.limit, hasMore, candles: list };
}
