/**
 * Test data for the API: ~5 days of the bundled sample (BTCUSDT, ETHUSDT) written as candles and replayed
 * through the engine with recording, seed learning and the scheduled jobs — so every table the API reads
 * (scan_history, live_signals, signal_history, rejected_signals, rejection_learning_metrics,
 * learning_state, learning_events, job_runs) holds realistic rows.
 */
import { resolveEngineParams } from '../../src/engine/engine-params.js';
import { runScan, type ScanResult } from '../../src/engine/scan.js';
import { createHeads } from '../../src/heads/index.js';
import { writeCandles } from '../../src/store/candles.js';
import type { Store } from '../../src/store/database.js';
import { sampleSeries } from '../helpers/market-data.js';

export const FIXTURE_DAYS = 5;
export const FIXTURE_SYMBOLS = ['BTCUSDT', 'ETHUSDT'] as const;

export type Fixture = { readonly store: Store; readonly scan: ScanResult; readonly from: number; readonly to: number };

/** Fills a fresh store: candles, then runScan(record: true, learning seed, jobs on). */
export async function seedStore(store: Store, days = FIXTURE_DAYS): Promise<Fixture> {
  for (const symbol of FIXTURE_SYMBOLS) {
    await writeCandles(store, { exchange: 'binance', symbol, interval: '1m' }, sampleSeries(symbol).candles.slice(0, days * 1440));
  }
  const from = sampleSeries('BTCUSDT').candles[0]!.openTime;
  const to = from + days * 86_400_000 - 60_000;
  const scan = await runScan(store, {
    symbols: FIXTURE_SYMBOLS,
    from,
    to,
    params: resolveEngineParams({
      consensus: { minAgreeing: 3, minConfluence: 0.6, minConfidenceTrendingUp: 0.4, minConfidenceTrendingDown: 0.4, minConfidenceRanging: 0.45, minConfidenceVolatile: 0.5 },
      filters: { minStopPct: 0.001, minHistory: 10000 },
      limits: { maxPerDayTrendingUp: 8, maxPerDayTrendingDown: 8, maxPerDayRanging: 6, maxPerDayVolatile: 4 },
    }),
    learning: { mode: 'seed', perRegime: false, params: { minOutcomes: 1, minChangeToWrite: 0.001 } },
    createHeads: (hp) => createHeads(hp),
    record: true,
    checkpoint: 'api-test',
    jobs: { enabled: true, params: { dailyMinOutcomes: 1 }, weekly: { minOutcomes: 10 } },
  });
  return { store, scan, from, to };
}
