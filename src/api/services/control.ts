/**
 * The learning_state versions (paged) and the two actions the API can take on the running service:
 * trigger a job now, roll back to an earlier version. A job is not triggered twice at once (the second
 * request gets AP_ERR_BUSY while the first runs).
 */
import { sql } from 'kysely';
import type { Store } from '../../store/database.js';
import { loadVersion } from '../../store/learning.js';
import { ApiError } from '../errors.js';
import { invalidateAnalysis } from './analysis.js';
import type { ServiceControls, TriggerableJob, TriggeredJob } from '../ports.js';
import { num, num0, rows } from './common.js';

export type VersionView = {
  version: number;
  createdAt: number;
  reason: string;
  mode: string;
  parentVersion: number | null;
  active: boolean;
  headWeights: number[];
  thresholds: number[];
  regimeWeights: number[][] | null;
  metrics: Record<string, unknown>;
};

export type VersionPage = { total: number; limit: number; offset: number; activeVersion: number | null; items: VersionView[] };

type Row = { version: number; created_at: number; reason: string; mode: string; parent_version: number | null; state: string; metrics: string };

function obj(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const vec = (v: unknown): number[] => (Array.isArray(v) ? v.map((x) => (typeof x === 'number' && Number.isFinite(x) ? x : 0)) : []);

export async function getVersions(store: Store, opts: { limit: number; offset: number }): Promise<VersionPage> {
  const [total] = await rows(store, sql<{ n: number }>`SELECT COUNT(*) AS n FROM learning_state`);
  const [active] = await rows(store, sql<{ version: number }>`SELECT version FROM active_learning_state WHERE id = 1`);
  const activeVersion = num(active?.version);
  const list = await rows(store, sql<Row>`SELECT version, created_at, reason, mode, parent_version, state, metrics FROM learning_state ORDER BY version DESC LIMIT ${opts.limit} OFFSET ${opts.offset}`);
  return {
    total: num0(total?.n),
    limit: opts.limit,
    offset: opts.offset,
    activeVersion,
    items: list.map((r) => {
      const state = obj(r.state);
      const version = num0(r.version);
      return {
        version,
        createdAt: num0(r.created_at),
        reason: r.reason,
        mode: r.mode,
        parentVersion: num(r.parent_version),
        active: version === activeVersion,
        headWeights: vec(state.headWeights),
        thresholds: vec(state.thresholds),
        regimeWeights: Array.isArray(state.regimeWeights) ? state.regimeWeights.map(vec) : null,
        metrics: obj(r.metrics),
      };
    }),
  };
}

export type RollbackResult = { version: number; previousVersion: number | null; reason: string };

/** Checks that the version exists (404 otherwise), then asks the service to activate and adopt it. */
export async function rollback(store: Store, controls: ServiceControls, version: number, reason: string): Promise<RollbackResult> {
  await loadVersion(store, version); // AP_ERR_NOT_FOUND when it does not exist
  const [before] = await rows(store, sql<{ version: number }>`SELECT version FROM active_learning_state WHERE id = 1`);
  const done = await controls.rollback(version, reason);
  invalidateAnalysis(store);
  return { version: done.version, previousVersion: num(before?.version), reason };
}

const running = new WeakMap<ServiceControls, Set<TriggerableJob>>();

export async function triggerJob(store: Store, controls: ServiceControls, job: TriggerableJob): Promise<TriggeredJob> {
  let set = running.get(controls);
  if (!set) running.set(controls, (set = new Set()));
  if (set.has(job)) throw new ApiError('AP_ERR_BUSY', `the ${job} job is already running; try again when it has finished`);
  set.add(job);
  try {
    const r = await controls.triggerJob(job);
    invalidateAnalysis(store);
    if (!r || typeof r.summary !== 'string') throw new Error(`the service returned no result for the ${job} job`);
    return { job: r.job, status: r.status, summary: r.summary, at: r.at };
  } finally {
    set.delete(job);
  }
}
