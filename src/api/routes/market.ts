/** /api/signals and /api/candles. */
import type { FastifyInstance } from 'fastify';
import { candlesQuery, candlesResponse, responses, signalsQuery, signalsResponse } from '../schemas.js';
import { getCandles } from '../services/candles.js';
import { checkRange, parseTime } from '../services/common.js';
import { getSignals, type SignalStatus } from '../services/signals.js';
import type { RouteContext } from './context.js';

type SignalsQuery = { status: SignalStatus; symbol?: string; from?: string; to?: string; limit: number; offset: number };
type CandlesQuery = { symbol: string; interval: string; exchange: string; from?: string; to?: string; limit: number };

export function marketRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { store } = ctx;

  app.get<{ Querystring: SignalsQuery }>(
    '/api/signals',
    {
      schema: {
        tags: ['signals'],
        summary: 'Open (live_signals) and closed (signal_history) signals, newest first, with the consensus record',
        querystring: signalsQuery,
        response: responses(signalsResponse),
      },
    },
    async (req) => {
      const q = req.query;
      const from = parseTime('from', q.from);
      const to = parseTime('to', q.to);
      checkRange(from, to);
      return getSignals(store, {
        status: q.status,
        ...(q.symbol !== undefined ? { symbol: q.symbol.toUpperCase() } : {}),
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
        limit: q.limit,
        offset: q.offset,
      });
    },
  );

  app.get<{ Querystring: CandlesQuery }>(
    '/api/candles',
    {
      schema: {
        tags: ['market'],
        summary: 'Candles of one series, ascending (at most 5000); intervals that are not stored are built from the stored 1m candles',
        description:
          'With `from`: the first `limit` candles from there; without: the last `limit` up to `to` (default: the newest). ' +
          'An interval that is not stored (5m, 15m, 1h, 4h, 1d, …) is aggregated from the stored 1m candles of the symbol: UTC-aligned buckets ' +
          '(a bar opens at openTime − openTime mod interval), open of the first 1m candle, close of the last, high = max, low = min, volumes and trades summed, ' +
          'closeTime of the last 1m candle (a bar is complete when closeTime = openTime + interval − 1; the newest may be partial), no bar for a bucket without 1m candles; ' +
          '`from`, `to` and `limit` apply to the bars, and `aggregatedFrom` is "1m". 404 when neither the interval nor 1m candles are stored for the symbol.',
        querystring: candlesQuery,
        response: responses(candlesResponse),
      },
    },
    async (req) => {
      const q = req.query;
      const from = parseTime('from', q.from);
      const to = parseTime('to', q.to);
      checkRange(from, to);
      return getCandles(store, {
        exchange: q.exchange,
        symbol: q.symbol.toUpperCase(),
        interval: q.interval,
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
        limit: q.limit,
      });
    },
  );
}
