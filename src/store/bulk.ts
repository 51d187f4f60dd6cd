/** Batched inserts of several tables' rows in one transaction (both dialects, see sql-runner.ts). */
import type { Store } from './database.js';
import type { Database } from './schema.js';
import { insertRows, withTransaction } from './sql-runner.js';

export type BulkRows = { readonly table: keyof Database; readonly columns: readonly string[]; readonly rows: readonly (readonly unknown[])[]; readonly onConflictIgnore?: boolean };

/** Inserts every batch in ONE transaction; returns rows inserted per batch. */
export async function insertBatches(store: Store, batches: readonly BulkRows[]): Promise<number[]> {
  if (batches.every((b) => b.rows.length === 0)) return batches.map(() => 0);
  return withTransaction(store, async (runner) => {
    const counts: number[] = [];
    for (const b of batches) counts.push(await insertRows(runner, b.table, b.columns, b.rows, b.onConflictIgnore));
    return counts;
  });
}
