/** Small helpers shared by the API services (no HTTP here). */
import { sql, type RawBuilder } from 'kysely';
import { AlphaPulseError } from '../../core/errors.js';
import type { Store } from '../../store/database.js';

export const DAY_MS = 86_400_000;

/** Runs a raw query (portable SQL, bound parameters) and returns its rows. */
export async function rows<T>(store: Store, query: RawBuilder<T>): Promise<T[]> {
  return (await query.execute(store.db)).rows;
}

/** A number from a driver value (PostgreSQL numeric/bigint arrive parsed, SQLite as numbers); null stays null. */
export function num(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/** Like num, with 0 for null. */
export function num0(v: unknown): number {
  return num(v) ?? 0;
}

/** A finite number or null (NaN and ±∞ are not JSON). */
export function finiteOrNull(v: number | null | undefined): number | null {
  return v === null || v === undefined || !Number.isFinite(v) ? null : v;
}

export function ratio(a: number, b: number): number | null {
  return b > 0 ? a / b : null;
}

/** COUNT(*) of a table, optionally with a WHERE clause given as a raw builder. */
export async function countRows(store: Store, table: string, where?: RawBuilder<unknown>): Promise<number> {
  const q = where ? sql<{ n: number }>`SELECT COUNT(*) AS n FROM ${sql.table(table)} WHERE ${where}` : sql<{ n: number }>`SELECT COUNT(*) AS n FROM ${sql.table(table)}`;
  const r = await rows(store, q);
  return num0(r[0]?.n);
}

/**
 * A time parameter: epoch milliseconds ("1748736000000") or ISO 8601 ("2025-06-01", "2025-06-01T12:00",
 * "2025-06-01T12:00:00Z"; without a zone the time is UTC). Throws AP_ERR_BAD_INPUT naming the parameter.
 */
export function parseTime(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const bad = (): never => {
    throw new AlphaPulseError('AP_ERR_BAD_INPUT', `${name}: "${value}" is not a time (epoch milliseconds or ISO 8601, e.g. 2025-06-01T00:00:00Z)`);
  };
  if (/^\d{1,15}$/.test(value)) return Number(value);
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?))?(Z|[+-]\d{2}:?\d{2})?$/.exec(value);
  if (!m) return bad();
  const iso = `${m[1]}T${m[2] ?? '00:00:00'}${m[3] ?? 'Z'}`;
  const t = Date.parse(iso);
  if (!Number.isFinite(t) || t < 0) return bad();
  // Date.parse rolls 2025-02-30 over to March: reject dates that do not exist
  if (new Date(Date.parse(`${m[1]}T00:00:00Z`)).toISOString().slice(0, 10) !== m[1]) return bad();
  return t;
}

/** Checks from <= to when both are given. */
export function checkRange(from: number | undefined, to: number | undefined): void {
  if (from !== undefined && to !== undefined && from > to) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `from: ${new Date(from).toISOString()} is after to (${new Date(to).toISOString()})`);
}

/**
 * Memoises a computation per store while a cheap fingerprint of the data it depends on is unchanged.
 * Within `freshMs` of the last check the cached value is served without asking for the fingerprint
 * again (bounded staleness under load); `invalidate` forgets a store's value (after the API's own
 * writes). Concurrent callers share one computation; a failed computation is not kept.
 */
export type FingerprintCache<T> = {
  get(store: Store, fingerprint: () => Promise<string>, compute: () => Promise<T>): Promise<T>;
  invalidate(store: Store): void;
};

export function fingerprintCache<T>(freshMs: number): FingerprintCache<T> {
  const cache = new WeakMap<Store, { key: string; value: Promise<T>; checkedAt: number }>();
  return {
    async get(store, fingerprint, compute) {
      const hit = cache.get(store);
      const now = performance.now();
      if (hit && now - hit.checkedAt < freshMs) return hit.value;
      const key = await fingerprint();
      const current = cache.get(store);
      if (current && current.key === key) {
        current.checkedAt = now;
        return current.value;
      }
      const value = compute();
      const entry = { key, value, checkedAt: now };
      cache.set(store, entry);
      value.catch(() => {
        if (cache.get(store) === entry) cache.delete(store);
      });
      return value;
    },
    invalidate(store) {
      cache.delete(store);
    },
  };
}
