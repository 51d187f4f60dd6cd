/** Import throughput: parse + validate + write archive rows into SQLite and PostgreSQL (rows/s). */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { readArchiveText } from '../src/data/archive-files.js';
import { importArchives } from '../src/data/import-archives.js';
import { parseKlineCsv } from '../src/data/kline-csv.js';
import { openStore } from '../src/store/database.js';
import type { BenchResult, BenchSection } from './types.js';

const PG_URL = process.env.ALPHAPULSE_TEST_PG_URL ?? 'postgres://root@127.0.0.1:5432/test';

function files(dataDir: string): string[] {
  return readdirSync(dataDir)
    .filter((f) => /^(BTC|ETH)USDT-1m-2025-0[5-8]\.(csv|zip)$/.test(f))
    .map((f) => join(dataDir, f));
}

export const importBench: BenchSection = {
  name: 'import',
  async run({ dataDir }) {
    const list = files(dataDir);
    const results: BenchResult[] = [];
    const texts = list.map((f) => readArchiveText(f));
    let rows = 0;
    let t = performance.now();
    for (const text of texts) rows += parseKlineCsv(text, 60_000).candles.length;
    results.push({ name: 'parse + validate', unit: 'rows/s', value: rows / ((performance.now() - t) / 1000), n: rows });

    const dir = mkdtempSync(join(tmpdir(), 'ap-bench-'));
    const store = await openStore(`sqlite:${join(dir, 'bench.db')}`);
    t = performance.now();
    const s1 = await importArchives(store, list);
    results.push({ name: 'import into SQLite (new rows)', unit: 'rows/s', value: s1.rows / ((performance.now() - t) / 1000), n: s1.rows });
    t = performance.now();
    const s2 = await importArchives(store, list);
    results.push({ name: 'import into SQLite (all duplicates)', unit: 'rows/s', value: s2.rows / ((performance.now() - t) / 1000), n: s2.rows });
    await store.close();
    rmSync(dir, { recursive: true, force: true });

    const schema = `bench_${randomBytes(4).toString('hex')}`;
    let pgStore;
    try {
      pgStore = await openStore(PG_URL, { schema });
    } catch (e) {
      results.push({ name: 'import into PostgreSQL', unit: 'rows/s', value: NaN, n: 0, note: `skipped: ${(e as Error).message}` });
      return results;
    }
    t = performance.now();
    const p1 = await importArchives(pgStore, list);
    results.push({ name: 'import into PostgreSQL (new rows)', unit: 'rows/s', value: p1.rows / ((performance.now() - t) / 1000), n: p1.rows });
    t = performance.now();
    const p2 = await importArchives(pgStore, list);
    results.push({ name: 'import into PostgreSQL (all duplicates)', unit: 'rows/s', value: p2.rows / ((performance.now() - t) / 1000), n: p2.rows });
    await pgStore.close();
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`DROP SCHEMA ${schema} CASCADE`);
    await c.end();
    return results;
  },
};
