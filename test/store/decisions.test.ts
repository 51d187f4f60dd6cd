/**
 * Decisions are recorded in batches on both databases: every decision in scan_history, signals with
 * their consensus record in live_signals, rejected candidates in rejected_signals; recording the same
 * replay again writes nothing twice.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { resolveEngineParams } from '../../src/engine/engine-params.js';
import { runScan } from '../../src/engine/scan.js';
import { createHeads } from '../../src/heads/index.js';
import { writeCandles } from '../../src/store/candles.js';
import { STORE_CASES, cleanupStores } from '../helpers/databases.js';
import { sampleSeries } from '../helpers/market-data.js';

afterAll(cleanupStores);

const DAYS = 6;

describe.each(STORE_CASES.map((c) => [c.name, c] as const))('decision recording on %s', (_name, sc) => {
  it.skipIf(!sc.available)('stores every decision once, signals with their record, candidates for shadow tracking', async () => {
    const store = await sc.open();
    const candles = sampleSeries('BTCUSDT').candles.slice(0, DAYS * 1440);
    await writeCandles(store, { exchange: 'binance', symbol: 'BTCUSDT', interval: '1m' }, candles);
    const params = resolveEngineParams({ filters: { minStopPct: 0.001 } });
    const opts = { symbols: ['BTCUSDT'], from: candles[0]!.openTime, to: candles[candles.length - 1]!.openTime, params, createHeads: () => createHeads(), record: true };
    const result = await runScan(store, opts);
    const t = result.total;
    expect(t.candles).toBe(candles.length);
    const count = async (table: 'scan_history' | 'live_signals' | 'rejected_signals' | 'signal_history') =>
      Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(await count('scan_history')).toBe(t.candles);
    // a signal is open (live_signals) until its outcome moves it to signal_history
    expect((await count('live_signals')) + (await count('signal_history'))).toBe(t.signals);
    expect(await count('signal_history')).toBe(result.outcomes.resolved);
    expect(await count('rejected_signals')).toBe(t.rejectedCandidates);
    expect(t.rejectedCandidates).toBeGreaterThan(0);
    const byCategory = await store.db.selectFrom('scan_history').select(['category', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('category').execute();
    for (const row of byCategory) expect(Number(row.n)).toBe(t.byCategory[row.category]);
    if (t.signals > 0) {
      const s = await store.db.selectFrom('signal_history').selectAll().orderBy('time').executeTakeFirstOrThrow();
      expect(['tp', 'sl', 'time']).toContain(s.result);
      expect(s.net_pct!).toBeLessThan(s.gross_pct!);
      const record = JSON.parse(s.record);
      expect(record.votes).toHaveLength(9);
      expect(record.weights).toHaveLength(9);
      expect(s.expires_at - s.time).toBe(72 * 3_600_000);
      expect(s.direction === 'LONG' ? s.stop < s.entry && s.target > s.entry : s.stop > s.entry && s.target < s.entry).toBe(true);
    }
    // the same replay recorded again adds nothing
    const live = await count('live_signals');
    await runScan(store, opts);
    expect(await count('scan_history')).toBe(t.candles);
    expect(await count('live_signals')).toBe(live);
    expect(await count('signal_history')).toBe(result.outcomes.resolved);
    expect(await count('rejected_signals')).toBe(t.rejectedCandidates);
  });
});
