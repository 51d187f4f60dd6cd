/**
 * The real AlphaPulse API with the dashboard, in-process, for the dashboard test: a temp SQLite store with
 * a few days of the bundled sample, replayed through the engine with recording, seed learning and the
 * scheduled jobs (like the demo), then buildApp + replayControls + addDashboard on 127.0.0.1:<free port>.
 * `live` is the service's LiveEvents: what the test feeds it reaches the browser over /api/events with
 * the service's own payloads.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.js';
import type { Engine } from '../../src/engine/engine.js';
import type { EngineRecorder } from '../../src/engine/engine-recorder.js';
import { resolveEngineParams } from '../../src/engine/engine-params.js';
import { runScan, type ScanResult } from '../../src/engine/scan.js';
import { createHeads } from '../../src/heads/index.js';
import { LiveEvents } from '../../src/service/live-events.js';
import { replayControls } from '../../src/service/replay-controls.js';
import { addDashboard } from '../../src/service/web-routes.js';
import { writeCandles } from '../../src/store/candles.js';
import { openStore, type Store } from '../../src/store/database.js';
import { sampleSeries } from '../helpers/market-data.js';

export const SYMBOLS = ['BTCUSDT', 'ETHUSDT'] as const;

export type RealServer = {
  readonly url: string;
  readonly token: string;
  readonly store: Store;
  readonly live: LiveEvents;
  readonly scan: ScanResult;
  /** open time of the first and the last stored 1m candle */
  readonly from: number;
  readonly to: number;
  readonly app: FastifyInstance;
  close(): Promise<void>;
};

export async function startRealServer(webRoot: string, days: number): Promise<RealServer> {
  const dir = mkdtempSync(join(tmpdir(), 'alphapulse-web-db-'));
  const store = await openStore(`sqlite:${join(dir, 'web.db')}`);
  for (const symbol of SYMBOLS) await writeCandles(store, { exchange: 'binance', symbol, interval: '1m' }, sampleSeries(symbol).candles.slice(0, days * 1440));
  const from = sampleSeries('BTCUSDT').candles[0]!.openTime;
  const to = from + days * 86_400_000 - 60_000;
  let engine: Engine | null = null;
  let recorder: EngineRecorder | null = null;
  const scan = await runScan(store, {
    symbols: SYMBOLS,
    from,
    to,
    // looser than the defaults, so that a few days give signals (open and closed) to show
    params: resolveEngineParams({
      consensus: { minAgreeing: 3, minConfluence: 0.6, minConfidenceTrendingUp: 0.4, minConfidenceTrendingDown: 0.4, minConfidenceRanging: 0.45, minConfidenceVolatile: 0.5 },
      filters: { minStopPct: 0.001, minHistory: 10000 },
      limits: { maxPerDayTrendingUp: 8, maxPerDayTrendingDown: 8, maxPerDayRanging: 6, maxPerDayVolatile: 4 },
    }),
    learning: { mode: 'seed', perRegime: false, params: { minOutcomes: 1 } },
    createHeads: (hp) => createHeads(hp),
    record: true,
    checkpoint: 'web-test',
    jobs: { enabled: true, params: { dailyMinOutcomes: 1 } },
    onDone: (e, r) => {
      engine = e;
      recorder = r;
    },
  });
  if (!engine || !recorder) throw new Error('runScan gave no engine and recorder');
  const live = new LiveEvents();
  const token = randomBytes(16).toString('hex');
  const app = await buildApp({ store, controls: replayControls(store, engine, recorder, live, SYMBOLS, to), token });
  const { dashboard } = await addDashboard(app, webRoot);
  if (!dashboard) throw new Error(`no index.html in ${webRoot}`);
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    token,
    store,
    live,
    scan,
    from,
    to,
    app,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
