/**
 * Backfill: fills every missing candle of a series from the exchange's REST klines. Missing ranges
 * come from findGaps; each range is paged (pageSize per request, ascending) and every page is written
 * at once (writeCandles, idempotent), so an interruption loses nothing and a rerun with the same
 * arguments resumes where it stopped.
 */
import type { SeriesKey } from '../core/candle.js';
import { AlphaPulseError } from '../core/errors.js';
import { intervalMs } from '../core/intervals.js';
import { findGaps, lastOpenTime, writeCandles } from '../store/candles.js';
import type { Store } from '../store/database.js';
import type { ExchangeClient } from './client.js';

export type BackfillOptions = {
  readonly symbol: string;
  /** Default 1m. */
  readonly interval?: string;
  /** First open time wanted (epoch ms). Default: the newest stored candle. */
  readonly from?: number;
  /** Last open time wanted (epoch ms). Default and upper bound: the newest closed candle by the exchange's clock. */
  readonly to?: number;
  /** Stops between (or during a retry wait before) pages; what was written stays. */
  readonly signal?: AbortSignal;
  readonly onPage?: (progress: BackfillProgress) => void;
};

export type BackfillProgress = {
  readonly pages: number;
  readonly fetched: number;
  readonly inserted: number;
  /** Candles still missing when the run started. */
  readonly missingBefore: number;
  /** Newest open time written so far. */
  readonly lastOpenTime: number;
};

export type BackfillResult = {
  symbol: string;
  interval: string;
  exchange: string;
  from: number | null;
  to: number;
  fetched: number;
  inserted: number;
  updated: number;
  duplicates: number;
  pages: number;
  gapsBefore: number;
  missingBefore: number;
  gapsAfter: number;
  missingAfter: number;
  aborted: boolean;
  ms: number;
};

export async function backfill(store: Store, client: ExchangeClient, opts: BackfillOptions): Promise<BackfillResult> {
  const started = performance.now();
  const interval = opts.interval ?? '1m';
  const iv = intervalMs(interval);
  const symbol = opts.symbol.toUpperCase();
  const key: SeriesKey = { exchange: client.name, symbol, interval };
  const log = client.logger;
  const lastClosed = await client.lastClosedOpenTime(interval, opts.signal);
  const to = opts.to === undefined ? lastClosed : Math.min(Math.floor(opts.to / iv) * iv, lastClosed);
  const from = opts.from !== undefined ? Math.ceil(opts.from / iv) * iv : await lastOpenTime(store, key);
  if (from === null) {
    throw new AlphaPulseError('AP_ERR_BAD_INPUT', `no ${symbol} ${interval} candles of ${client.name} are stored yet: say where to start with --from`);
  }
  const result: BackfillResult = {
    symbol,
    interval,
    exchange: client.name,
    from,
    to,
    fetched: 0,
    inserted: 0,
    updated: 0,
    duplicates: 0,
    pages: 0,
    gapsBefore: 0,
    missingBefore: 0,
    gapsAfter: 0,
    missingAfter: 0,
    aborted: false,
    ms: 0,
  };
  if (from > to) {
    result.ms = Math.round(performance.now() - started);
    return result;
  }
  const before = await findGaps(store, key, { from, to });
  result.gapsBefore = before.gaps.length;
  result.missingBefore = before.totalMissing;
  log.info({ symbol, interval, from: new Date(from).toISOString(), to: new Date(to).toISOString(), gaps: before.gaps.length, missing: before.totalMissing }, 'backfill starting');
  try {
    for (const gap of before.gaps) {
      let since = gap.from;
      while (since <= gap.to) {
        opts.signal?.throwIfAborted();
        const page = await client.fetchKlines(symbol, interval, since, client.pageSize, { until: gap.to, signal: opts.signal });
        if (page.length === 0) {
          log.info({ symbol, interval, from: new Date(since).toISOString(), to: new Date(gap.to).toISOString() }, 'the exchange has no candles here (outage); left as a gap');
          break;
        }
        const w = await writeCandles(store, key, page);
        result.pages++;
        result.fetched += page.length;
        result.inserted += w.inserted;
        result.updated += w.updated;
        result.duplicates += w.duplicates;
        const last = page[page.length - 1]!.openTime;
        opts.onPage?.({ pages: result.pages, fetched: result.fetched, inserted: result.inserted, missingBefore: result.missingBefore, lastOpenTime: last });
        log.debug({ symbol, interval, page: result.pages, rows: page.length, last: new Date(last).toISOString() }, 'backfill page stored');
        since = last + iv;
      }
    }
  } catch (e) {
    if (!opts.signal?.aborted) throw e;
    result.aborted = true;
    log.warn({ symbol, interval, pages: result.pages, inserted: result.inserted }, 'backfill interrupted; rerun with the same arguments to resume');
  }
  const after = await findGaps(store, key, { from, to });
  result.gapsAfter = after.gaps.length;
  result.missingAfter = after.totalMissing;
  result.ms = Math.round(performance.now() - started);
  log.info({ ...result }, 'backfill finished');
  return result;
}
