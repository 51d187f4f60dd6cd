/**
 * Learning state versions, the active pointer, the audit trail, rollback, and engine checkpoints.
 * Activating a version and recording why is one transaction.
 */
import { AlphaPulseError } from '../core/errors.js';
import { validateLearnedState, type LearnedState } from '../learning/learned-state.js';
import type { Store } from './database.js';
import { withTransaction, type SqlRunner } from './sql-runner.js';

export type StoredVersion = { version: number; createdAt: number; reason: string; mode: string; parentVersion: number | null; state: LearnedState; metrics: Record<string, unknown> };

export async function insertVersion(
  runner: SqlRunner,
  v: { version: number; createdAt: number; reason: string; mode: string; parentVersion: number | null; state: LearnedState; metrics: Record<string, unknown> },
): Promise<void> {
  await runner.run(
    'INSERT INTO learning_state (version, created_at, reason, mode, parent_version, state, metrics) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    [v.version, v.createdAt, v.reason, v.mode, v.parentVersion, JSON.stringify(v.state), JSON.stringify(v.metrics)],
  );
}

export async function setActive(runner: SqlRunner, version: number, time: number): Promise<void> {
  const n = await runner.run('UPDATE active_learning_state SET version = ?, activated_at = ? WHERE id = 1', [version, time]);
  if (n === 0) await runner.run('INSERT INTO active_learning_state (id, version, activated_at) VALUES (1, ?, ?)', [version, time]);
}

export type LearningEventRow = { key: string; time: number; kind: string; signalId: string | null; versionBefore: number | null; versionAfter: number | null; detail: unknown };

/** Records an event once: the idempotency key makes a repeat a no-op. Returns whether it was new. */
export async function recordEvent(runner: SqlRunner, e: LearningEventRow): Promise<boolean> {
  const n = await runner.run(
    'INSERT INTO learning_events (key, time, kind, signal_id, version_before, version_after, detail) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    [e.key, e.time, e.kind, e.signalId, e.versionBefore, e.versionAfter, JSON.stringify(e.detail)],
  );
  return n > 0;
}

function rowToVersion(r: { version: number; created_at: number; reason: string; mode: string; parent_version: number | null; state: string; metrics: string }): StoredVersion {
  return {
    version: Number(r.version),
    createdAt: Number(r.created_at),
    reason: r.reason,
    mode: r.mode,
    parentVersion: r.parent_version === null ? null : Number(r.parent_version),
    state: validateLearnedState(JSON.parse(r.state), `learning_state version ${r.version}`),
    metrics: JSON.parse(r.metrics) as Record<string, unknown>,
  };
}

/** The active version, or null before the first start. */
export async function loadActive(store: Store): Promise<StoredVersion | null> {
  const a = await store.db.selectFrom('active_learning_state').select('version').where('id', '=', 1).executeTakeFirst();
  if (!a) return null;
  return loadVersion(store, Number(a.version));
}

export async function loadVersion(store: Store, version: number): Promise<StoredVersion> {
  const r = await store.db.selectFrom('learning_state').selectAll().where('version', '=', version).executeTakeFirst();
  if (!r) throw new AlphaPulseError('AP_ERR_NOT_FOUND', `learning state version ${version} does not exist`);
  return rowToVersion(r);
}

export async function listVersions(store: Store, opts: { since?: number; limit?: number } = {}): Promise<StoredVersion[]> {
  let q = store.db.selectFrom('learning_state').selectAll().orderBy('version', 'desc');
  if (opts.since !== undefined) q = q.where('created_at', '>=', opts.since);
  const rows = await q.limit(opts.limit ?? 1000).execute();
  return rows.map(rowToVersion);
}

/** Stores version 1 and activates it when the database has no learning state yet; returns the active one. */
export async function ensureInitialVersion(store: Store, state: LearnedState, mode: string, time: number): Promise<StoredVersion> {
  const active = await loadActive(store);
  if (active) return active;
  await withTransaction(store, async (runner) => {
    await insertVersion(runner, { version: 1, createdAt: time, reason: 'initial', mode, parentVersion: null, state, metrics: {} });
    await setActive(runner, 1, time);
    await recordEvent(runner, { key: 'initial:1', time, kind: 'initial_state', signalId: null, versionBefore: null, versionAfter: 1, detail: { headWeights: state.headWeights, thresholds: state.thresholds } });
  });
  return (await loadActive(store))!;
}

/**
 * Activates an earlier version; records the rollback as an event. The running engine picks the state
 * up through its learning coordinator (adopt). Returns the version now active.
 */
export async function rollbackTo(store: Store, version: number, time: number, reason = 'manual rollback'): Promise<StoredVersion> {
  const target = await loadVersion(store, version);
  await withTransaction(store, async (runner) => {
    const rows = await runner.all<{ version: number }>('SELECT version FROM active_learning_state WHERE id = 1');
    const before = rows[0] ? Number(rows[0].version) : null;
    await setActive(runner, version, time);
    const n = await runner.all<{ n: number }>("SELECT COUNT(*) AS n FROM learning_events WHERE kind = 'rollback'");
    await recordEvent(runner, {
      key: `rollback:${Number(n[0]!.n) + 1}:${time}`,
      time,
      kind: 'rollback',
      signalId: null,
      versionBefore: before,
      versionAfter: version,
      detail: { reason, headWeights: target.state.headWeights, thresholds: target.state.thresholds },
    });
  });
  return target;
}

export async function saveCheckpoint(runner: SqlRunner, name: string, time: number, state: unknown): Promise<void> {
  const json = JSON.stringify(state);
  const n = await runner.run('UPDATE engine_checkpoints SET time = ?, state = ? WHERE name = ?', [time, json, name]);
  if (n === 0) await runner.run('INSERT INTO engine_checkpoints (name, time, state) VALUES (?, ?, ?)', [name, time, json]);
}

export async function loadCheckpoint<T>(store: Store, name: string): Promise<{ time: number; state: T } | null> {
  const r = await store.db.selectFrom('engine_checkpoints').select(['time', 'state']).where('name', '=', name).executeTakeFirst();
  return r ? { time: Number(r.time), state: JSON.parse(r.state) as T } : null;
}
