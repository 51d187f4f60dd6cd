/**
 * Every store test runs against SQLite and PostgreSQL. PostgreSQL is at 127.0.0.1:5432, database
 * `test` (ALPHAPULSE_TEST_PG_URL overrides). Where no server answers, the PostgreSQL cases are skipped
 * with a message — except under CI=true, where an unreachable server fails the run.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { readEnv } from '../../src/config/env.js';
import { openStore, type Store } from '../../src/store/database.js';

const env = readEnv();
export const PG_URL = env.pgTestUrl ?? 'postgres://root@127.0.0.1:5432/test';
export const IS_CI = env.ci;

async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const pgProblem = await probePostgres();
if (pgProblem !== null) {
  if (IS_CI) throw new Error(`CI=true but PostgreSQL at ${PG_URL} does not answer (${pgProblem}): the PostgreSQL tests must run in CI`);
  console.warn(`PostgreSQL at ${PG_URL} does not answer (${pgProblem}): skipping the PostgreSQL cases of the store tests`);
}
export const hasPostgres = pgProblem === null;

export type StoreCase = { readonly name: 'sqlite' | 'postgres'; readonly available: boolean; open(): Promise<Store> };

const cleanups: (() => Promise<void>)[] = [];

/** A fresh, empty store per call: a temp SQLite file, or a new PostgreSQL schema dropped at cleanup. */
export const STORE_CASES: readonly StoreCase[] = [
  {
    name: 'sqlite',
    available: true,
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'alphapulse-test-'));
      const store = await openStore(`sqlite:${join(dir, 'test.db')}`);
      cleanups.push(async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      });
      return store;
    },
  },
  {
    name: 'postgres',
    available: hasPostgres,
    async open() {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const store = await openStore(PG_URL, { schema });
      cleanups.push(async () => {
        await store.close();
        const c = new pg.Client({ connectionString: PG_URL });
        await c.connect();
        await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await c.end();
      });
      return store;
    },
  },
];

/** Closes and removes every store opened through STORE_CASES; call in afterAll. */
export async function cleanupStores(): Promise<void> {
  while (cleanups.length > 0) await cleanups.pop()!();
}
