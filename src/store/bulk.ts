/**
 * Batched inserts of many rows into one table, for both dialects: SQLite runs prepared multi-row
 * statements on Kysely's own connection (inside one transaction); PostgreSQL goes through Kysely in
 * chunks under its parameter limit. Returns the number of rows inserted (conflicts skipped when
 * `onConflictIgnore`).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import type { Store } from './database.js';
import type { Database } from './schema.js';

const SQLITE_MAX_PARAMS = 30_000;
const PG_MAX_PARAMS = 60_000;
const statements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

function prepared(db: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let m = statements.get(db);
  if (!m) statements.set(db, (m = new Map()));
  let st = m.get(sql);
  if (!st) m.set(sql, (st = db.prepare(sql)));
  return st;
}

export type BulkRows = { readonly table: keyof Database; readonly columns: readonly string[]; readonly rows: readonly (readonly unknown[])[]; readonly onConflictIgnore?: boolean };

/** SQLite only: inserts synchronously; call inside a better-sqlite3 transaction on Kysely's connection. */
export function sqliteInsertRows(db: BetterSqlite3.Database, b: BulkRows): number {
  const cols = b.columns.length;
  const perStatement = Math.max(1, Math.min(500, Math.floor(SQLITE_MAX_PARAMS / cols)));
  const one = `(${b.columns.map(() => '?').join(', ')})`;
  const head = `INSERT ${b.onConflictIgnore ? 'OR IGNORE ' : ''}INTO ${b.table} (${b.columns.join(', ')}) VALUES `;
  let inserted = 0;
  let i = 0;
  const params: unknown[] = [];
  while (i < b.rows.length) {
    const n = Math.min(perStatement, b.rows.length - i);
    params.length = 0;
    for (let r = 0; r < n; r++) {
      const row = b.rows[i + r]!;
      for (let c = 0; c < cols; c++) params.push(row[c]);
    }
    const st = prepared(db, head + Array.from({ length: n }, () => one).join(', '));
    inserted += st.run(params).changes;
    i += n;
  }
  return inserted;
}

async function pgInsertRows(trx: Transaction<Database> | Kysely<Database>, b: BulkRows): Promise<number> {
  const per = Math.max(1, Math.floor(PG_MAX_PARAMS / b.columns.length));
  let inserted = 0;
  for (let i = 0; i < b.rows.length; i += per) {
    const objects = b.rows.slice(i, i + per).map((row) => Object.fromEntries(b.columns.map((c, k) => [c, row[k]])));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let q = trx.insertInto(b.table).values(objects as any);
    if (b.onConflictIgnore) q = q.onConflict((oc) => oc.doNothing());
    const r = await q.executeTakeFirst();
    inserted += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

/** Inserts several tables' rows in ONE transaction; returns rows inserted per batch. */
export async function insertBatches(store: Store, batches: readonly BulkRows[]): Promise<number[]> {
  const todo = batches.filter((b) => b.rows.length > 0);
  const counts = batches.map(() => 0);
  if (todo.length === 0) return counts;
  if (store.dialect === 'sqlite') {
    const raw = store.sqlite!;
    await store.db.connection().execute(async () => {
      raw.transaction(() => {
        batches.forEach((b, k) => {
          if (b.rows.length > 0) counts[k] = sqliteInsertRows(raw, b);
        });
      })();
    });
    return counts;
  }
  await store.db.transaction().execute(async (trx) => {
    for (let k = 0; k < batches.length; k++) if (batches[k]!.rows.length > 0) counts[k] = await pgInsertRows(trx, batches[k]!);
  });
  return counts;
}
