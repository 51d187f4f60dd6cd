/**
 * The live service end to end against the local exchange (real sockets, real ccxt): the simulator
 * streams real candles fast; the service backfills, warms up, trades on paper, resolves outcomes,
 * learns, runs jobs — and its records are complete and unique.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { readEnv } from '../../src/config/env.js';
import { silentLogger } from '../../src/core/logger.js';
import { ExchangeClient } from '../../src/exchange/client.js';
import { ExchangeSim, SimMarketData } from '../../src/exchange/sim/index.js';
import { LiveService } from '../../src/service/live-service.js';
import { openStore } from '../../src/store/database.js';
import { SAMPLE_DIR } from '../helpers/market-data.js';

const START = Date.UTC(2025, 5, 8, 0, 0);

async function counts(store: Awaited<ReturnType<typeof openStore>>) {
  const one = async (q: string) => (await sql.raw<Record<string, number>>(q).execute(store.db)).rows[0]!;
  return {
    candles: await one('SELECT COUNT(*) AS n FROM candles'),
    scans: await one('SELECT COUNT(*) AS n, COUNT(DISTINCT symbol || time) AS d FROM scan_history'),
    signals: await one('SELECT (SELECT COUNT(*) FROM live_signals) + (SELECT COUNT(*) FROM signal_history) AS n'),
    outcomes: await one("SELECT (SELECT COUNT(*) FROM signal_history) AS history, (SELECT COUNT(*) FROM learning_events WHERE kind = 'outcome_processed') AS events"),
    shadows: await one("SELECT (SELECT COUNT(*) FROM rejected_signals WHERE result IS NOT NULL) AS resolved, (SELECT COUNT(*) FROM learning_events WHERE kind = 'shadow_processed') AS events"),
    events: await one('SELECT COUNT(*) AS n, COUNT(DISTINCT key) AS d FROM learning_events'),
    jobs: await one('SELECT COUNT(*) AS n FROM job_runs'),
  };
}

describe('live service against exchange-sim', () => {
  it('backfills, warms up, trades on paper, resolves, learns and runs jobs with complete, unique records', async () => {
    const data = SimMarketData.fromArchives([join(SAMPLE_DIR, 'BTCUSDT-1m-2025-06.zip'), join(SAMPLE_DIR, 'ETHUSDT-1m-2025-06.zip')]);
    const sim = new ExchangeSim({ data, startTime: START, speed: 3000, tickMs: 5 });
    const { url } = await sim.start();
    const dir = mkdtempSync(join(tmpdir(), 'ap-live-'));
    const config = loadConfig({ db: `sqlite:${join(dir, 'live.db')}` }, { ...readEnv({}), exchangeUrl: url });
    const configWithLearning = { ...config, learning: { ...config.learning, params: { minOutcomes: 1 } } };
    const store = await openStore(config.db);
    const client = new ExchangeClient({ id: 'binance', url, maxRetryMs: 20_000, pageSize: 1000 });
    const { service, checkpoint } = await LiveService.create({ config: configWithLearning, store, client, logger: silentLogger, symbols: ['BTCUSDT', 'ETHUSDT'], warmupDays: 4, pollMs: 200 });
    expect(checkpoint).toBeNull();
    const summary = await service.start(false);
    expect(summary.backfill.BTCUSDT!.inserted).toBeGreaterThan(4 * 1440 - 10);
    expect(summary.learned.version).toBe(1);
    // let the simulated market run ~15 hours
    await new Promise((r) => setTimeout(r, 18_000));
    await service.stop();
    await client.close();
    await sim.stop();
    const c = await counts(store);
    const status = service.status();
    const traded = status.engine.counters.decisions!;
    expect(traded).toBeGreaterThan(2 * 60 * 5);
    expect(Number(c.scans.n)).toBe(traded);
    expect(Number(c.scans.d)).toBe(traded);
    expect(Number(c.outcomes.history)).toBe(Number(c.outcomes.events));
    expect(Number(c.shadows.resolved)).toBe(Number(c.shadows.events));
    expect(Number(c.shadows.resolved)).toBeGreaterThan(0);
    expect(Number(c.events.n)).toBe(Number(c.events.d));
    expect(Number(c.jobs.n)).toBeGreaterThan(5);
    // the candles stored have no hole from the backfill start to the last one
    for (const s of ['BTCUSDT', 'ETHUSDT']) {
      const g = (await sql.raw<{ n: number; first: number; last: number }>(`SELECT COUNT(*) AS n, MIN(open_time) AS first, MAX(open_time) AS last FROM candles c JOIN series s ON s.id = c.series_id WHERE s.symbol = '${s}'`).execute(store.db)).rows[0]!;
      expect(Number(g.n)).toBe((Number(g.last) - Number(g.first)) / 60_000 + 1);
    }
    await store.close();
  }, 90_000);
});
