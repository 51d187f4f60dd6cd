import { afterAll, it } from 'vitest';
import { sql } from 'kysely';
import { STORE_CASES, cleanupStores } from '../helpers/databases.js';
import { seedStore } from './fixture.js';
import { makeApp } from './helpers.js';
afterAll(cleanupStores);
it('perf', async () => {
  const f = await seedStore(await STORE_CASES[0]!.open());
  const { app } = await makeApp(f.store);
  await app.inject({ url: '/api/learning/performance' });
  for (const url of ['/api/learning/performance', '/api/learning/improvements', '/api/learning/recommendations', '/api/learning/rejection-analysis', '/api/learning/stats', '/api/signals?limit=100', '/api/candles?symbol=BTCUSDT&limit=5000', '/api/learning/head-weights', '/metrics', '/health']) {
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) await app.inject({ url });
    console.log(url, ((performance.now() - t0) / 200).toFixed(3), 'ms');
  }
  for (const q of ['SELECT COUNT(*) FROM signal_history', 'SELECT COUNT(*) FROM learning_state', 'SELECT MAX(id) FROM learning_events', 'SELECT MAX(exit_time) FROM signal_history', 'SELECT COUNT(*) FROM live_signals']) {
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) await sql.raw(q).execute(f.store.db);
    console.log(q, ((performance.now() - t0) / 200).toFixed(3), 'ms');
  }
  console.log(f.store.sqlite!.prepare("EXPLAIN QUERY PLAN SELECT COUNT(*) FROM learning_state").all());
}, 300_000);
