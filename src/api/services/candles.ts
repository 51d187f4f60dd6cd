/**
 * GET /api/candles: stored candles of one series, ascending by open time, at most `limit` (≤ 5000).
 * With `from`: the first `limit` candles at or after it (up to `to`); without: the last `limit` candles
 * at or before `to` (the newest when `to` is absent), so a chart gets the latest stretch by default.
 */
import { AlphaPulseError } from '../../core/errors.js';
import { seriesId } from '../../store/candles.js';
import type { Store } from '../../store/database.js';
import { num0 } from './common.js';

export const MAX_CANDLES = 5000;

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

export type CandlePage = { exchange: string; symbol: string; interval: string; count: number; limit: number; hasMore: boolean; candles: CandleView[] };

export async function getCandles(store: Store, q: CandleQuery): Promise<CandlePage> {
  const id = await seriesId(store, { exchange: q.exchange, symbol: q.symbol, interval: q.interval }, false);
  if (id === null) throw new AlphaPulseError('AP_ERR_NOT_FOUND', `no candles are stored for ${q.symbol} ${q.interval} on ${q.exchange}`);
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
