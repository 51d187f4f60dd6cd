/**
 * One transaction, one way to run SQL on both dialects: statements are written once with `?`
 * placeholders; SQLite runs them as cached prepared statements on Kysely's own connection (between
 * BEGIN and COMMIT), PostgreSQL through Kysely's transaction with `$n` placeholders. Used where many
 * rows go in at once (decisions, outcomes, learning events) and everything must commit together.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, type Transaction } from 'kysely';
import type { Store } from './database.js';
import type { Database } from './schema.js';

export interface SqlRunner {
  /** Runs a statement; returns the number of rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Runs a query; returns its rows. */
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  readonly dialect: 'sqlite' | 'postgres';
}

const statements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

function prepared(db: BetterSqlite3.Database, text: string): BetterSqlite3.Statement {
  let m = statements.get(db);
  if (!m) statements.set(db, (m = new Map()));
  let st = m.get(text);
  if (!st) {
    st = db.prepare(text);
    if (m.size > 500) m.clear();
    m.set(text, st);
  }
  return st;
}

function toPg(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

/** Runs `fn` inside one transaction; it commits when fn resolves and rolls back when it throws. */
export async function withTransaction<T>(store: Store, fn: (runner: SqlRunner) => Promise<T>): Promise<T> {
  if (store.dialect === 'sqlite') {
    const raw = store.sqlite!;
    return store.db.connection().execute(async () => {
      const runner: SqlRunner = {
        dialect: 'sqlite',
        run: async (text, params = []) => prepared(raw, text).run(params as unknown[]).changes,
        all: async <R>(text: string, params: readonly unknown[] = []) => prepared(raw, text).all(params as unknown[]) as R[],
      };
      raw.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(runner);
        raw.exec('COMMIT');
        return result;
      } catch (e) {
        if (raw.inTransaction) raw.exec('ROLLBACK');
        throw e;
      }
    });
  }
  return store.db.transaction().execute(async (trx: Transaction<Database>) => {
    const runner: SqlRunner = {
      dialect: 'postgres',
      run: async (text, params = []) => Number((await trx.executeQuery(CompiledQuery.raw(toPg(text), [...params]))).numAffectedRows ?? 0),
      all: async <R>(text: string, params: readonly unknown[] = []) => (await trx.executeQuery<R>(CompiledQuery.raw(toPg(text), [...params]))).rows,
    };
    return fn(runner);
  });
}

/**
 * Inserts rows with multi-row statements (chunked under each dialect's parameter limit). With
 * `ignoreConflicts`, rows whose key exists already are skipped. Returns rows inserted.
 */
export async function insertRows(runner: SqlRunner, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], ignoreConflicts = false): Promise<number> {
  if (rows.length === 0) return 0;
  const maxParams = runner.dialect === 'sqlite' ? 30_000 : 60_000;
  const per = Math.max(1, Math.min(500, Math.floor(maxParams / columns.length)));
  const one = `(${columns.map(() => '?').join(', ')})`;
  const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
  const tail = ignoreConflicts ? ' ON CONFLICT DO NOTHING' : '';
  let inserted = 0;
  const params: unknown[] = [];
  for (let i = 0; i < rows.length; i += per) {
    const n = Math.min(per, rows.length - i);
    params.length = 0;
    for (let r = 0; r < n; r++) for (const v of rows[i + r]!) params.push(v);
    inserted += await runner.run(head + Array.from({ length: n }, () => one).join(', ') + tail, params);
  }
  return inserted;
}
