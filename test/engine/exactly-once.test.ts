/**
 * Exactly once, whatever moment a crash hits: a replay recorded in batches is killed at every step of a
 * batch write (before anything, after the decisions, after the outcomes, after the learning records,
 * before the commit), restarted from its checkpoint, and must end with exactly the database an
 * uninterrupted run produces — no missing or duplicated decision, signal, outcome or learning event.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { resolveEngineParams } from '../../src/engine/engine-params.js';
import { runScan, type ScanOptions } from '../../src/engine/scan.js';
import { createHeads } from '../../src/heads/index.js';
import { writeCandles } from '../../src/store/candles.js';
import type { Store } from '../../src/store/database.js';
import { STORE_CASES, cleanupStores } from '../helpers/databases.js';
import { sampleSeries } from '../helpers/market-data.js';

afterAll(cleanupStores);

const DAYS = 5;
const POINTS = ['before-write', 'after-decisions', 'after-outcomes', 'after-learning', 'before-commit'] as const;

async function seeded(open: () => Promise<Store>): Promise<Store> {
  const store = await open();
  for (const symbol of ['BTCUSDT', 'ETHUSDT'] as const) {
    await writeCandles(store, { exchange: 'binance', symbol, interval: '1m' }, sampleSeries(symbol).candles.slice(0, DAYS * 1440));
  }
  return store;
}

function options(crashPoint?: ScanOptions['recorder']): ScanOptions {
  const params = resolveEngineParams({ filters: { minStopPct: 0.001, minHistory: 10000 } });
  const first = sampleSeries('BTCUSDT').candles[0]!.openTime;
  return {
    symbols: ['BTCUSDT', 'ETHUSDT'],
    from: first,
    to: first + DAYS * 86_400_000 - 60_000,
    params,
    learning: { mode: 'seed', perRegime: false, params: { minOutcomes: 1, minChangeToWrite: 0.001 } },
    createHeads: (hp) => createHeads(hp),
    record: true,
    checkpoint: 'exactly-once',
    recorder: { batchSize: 700, ...crashPoint },
  };
}

async function fingerprint(store: Store) {
  const q = async (sql: string) => {
    const { sql: tag } = await import('kysely');
    return (await tag.raw<Record<string, unknown>>(sql).execute(store.db)).rows;
  };
  return {
    scans: await q('SELECT COUNT(*) AS n, COUNT(DISTINCT symbol || time) AS d FROM scan_history'),
    live: await q('SELECT id FROM live_signals ORDER BY id'),
    history: await q('SELECT id, result, net_pct, won FROM signal_history ORDER BY id'),
    rejected: await q('SELECT COUNT(*) AS n, SUM(CASE WHEN result IS NULL THEN 0 ELSE 1 END) AS resolved, SUM(won) AS won FROM rejected_signals'),
    events: await q('SELECT kind, COUNT(*) AS n, COUNT(DISTINCT key) AS d FROM learning_events GROUP BY kind ORDER BY kind'),
    versions: await q('SELECT version, state FROM learning_state ORDER BY version'),
    active: await q('SELECT version FROM active_learning_state'),
    paper: await q('SELECT id, status, notional, pnl, equity_after FROM paper_positions ORDER BY id'),
  };
}

describe.each(STORE_CASES.map((c) => [c.name, c] as const))('exactly-once recording on %s', (_name, sc) => {
  it.skipIf(!sc.available)('a crash at any step of any batch, then a restart, gives the same database as no crash', async () => {
    const clean = await seeded(() => sc.open());
    const cleanResult = await runScan(clean, options());
    const want = await fingerprint(clean);
    // the run is not trivial: signals resolved, shadows resolved, weights learned
    expect(cleanResult.outcomes.resolved).toBeGreaterThan(0);
    expect(cleanResult.outcomes.shadowResolved).toBeGreaterThan(0);
    expect(cleanResult.learning.updates).toBeGreaterThan(0);
    // outcomes processed = signals resolved; every event once
    const processed = want.events.find((e) => e.kind === 'outcome_processed');
    expect(Number(processed?.n)).toBe(want.history.length);
    for (const e of want.events) expect(Number(e.n)).toBe(Number(e.d));
    expect(Number(want.scans[0]!.n)).toBe(Number(want.scans[0]!.d));
    // paper trading: one position per signal, closed with its outcome
    expect(want.paper.length).toBe(want.history.length + want.live.length);
    expect(want.paper.filter((p) => p.status === 'closed').length).toBe(want.history.length);

    for (const point of POINTS) {
      for (const batch of [1, 4]) {
        const store = await seeded(() => sc.open());
        let flushes = 0;
        let crashed = false;
        const crashing = options({
          crashPoint: (p) => {
            if (p === 'before-write') flushes++;
            if (!crashed && p === point && flushes === batch) {
              crashed = true;
              throw new Error(`simulated crash at ${p} of batch ${batch}`);
            }
          },
        });
        await expect(runScan(store, crashing)).rejects.toThrow(/simulated crash/);
        const resumed = await runScan(store, options());
        // a crash in the first batch leaves no checkpoint: the restart begins afresh
        if (batch > 1) expect(resumed.resumedFrom).not.toBeNull();
        expect(await fingerprint(store)).toEqual(want);
      }
    }
  }, 180_000);
});

describe.each(STORE_CASES.map((c) => [c.name, c] as const))('rejection metrics on %s', (_name, sc) => {
  it.skipIf(!sc.available)('daily aggregates equal a recount of the resolved shadows, accuracy = good / resolved', async () => {
    const store = await seeded(() => sc.open());
    await runScan(store, options());
    const { sql } = await import('kysely');
    const metrics = (await sql.raw<{ resolved: number; good_rejections: number; missed_opportunities: number; rejection_accuracy: number }>('SELECT * FROM rejection_learning_metrics').execute(store.db)).rows;
    const sum = (k: 'resolved' | 'good_rejections' | 'missed_opportunities') => metrics.reduce((a, m) => a + Number(m[k]), 0);
    const recount = (await sql.raw<{ n: number; good: number }>("SELECT COUNT(*) AS n, SUM(CASE WHEN classification = 'good_rejection' THEN 1 ELSE 0 END) AS good FROM rejected_signals WHERE result IS NOT NULL").execute(store.db)).rows[0]!;
    expect(sum('resolved')).toBe(Number(recount.n));
    expect(sum('good_rejections')).toBe(Number(recount.good));
    expect(sum('good_rejections') + sum('missed_opportunities')).toBe(sum('resolved'));
    for (const m of metrics) expect(Number(m.rejection_accuracy)).toBeCloseTo(Number(m.good_rejections) / Number(m.resolved), 12);
  }, 60_000);
});
