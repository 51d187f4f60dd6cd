/**
 * The data behind performance, improvements and recommendations: every resolved signal (signal_history)
 * as a trade and with its votes, per-head effectiveness against the active weights, and the learning
 * counts. Computed once per change of the data (a fingerprint of the tables it reads, checked at most
 * once a second), so a dashboard polling several endpoints, or many clients at once, do not re-read and
 * re-parse every consensus record.
 */
import { sql } from 'kysely';
import { effectiveness, type Effectiveness, type ResolvedSignal } from '../../analytics/effectiveness.js';
import type { TradeRow } from '../../analytics/report-types.js';
import { HEAD_IDS } from '../../heads/types.js';
import { validateLearnedState, type LearnedState } from '../../learning/learned-state.js';
import type { Store } from '../../store/database.js';
import { fingerprintCache, num, num0, rows } from './common.js';

export type ActiveVersion = { version: number; activatedAt: number; createdAt: number; reason: string; mode: string; state: LearnedState };

export type LearningCounts = {
  /** learning_events of kind outcome_processed: real signal outcomes learning has seen */
  outcomesProcessed: number;
  /** shadow (rejected candidate) outcomes learning has seen */
  shadowOutcomesProcessed: number;
  weightUpdates: number;
  thresholdChanges: number;
  rollbacks: number;
  jobRuns: number;
  /** rows of learning_state */
  versions: number;
  /** created_at of the newest learning_state version */
  lastUpdateAt: number | null;
  /** time of the newest learning event */
  lastEventAt: number | null;
};

export type Analysis = {
  /** resolved signals, exit-time order */
  trades: TradeRow[];
  /** the same signals with their votes (for effectiveness) */
  resolved: (ResolvedSignal & { id: string; weightsVersion: number })[];
  effectiveness: Effectiveness;
  active: ActiveVersion | null;
  learning: LearningCounts;
  openSignals: number;
};

type Fingerprint = { closed: unknown; last_exit: unknown; open: unknown; last_event: unknown; version_count: unknown; active: unknown; activated_at: unknown };

async function fingerprint(store: Store): Promise<string> {
  const r = await rows(
    store,
    sql<Fingerprint>`SELECT
      (SELECT COUNT(*) FROM signal_history) AS closed,
      (SELECT MAX(exit_time) FROM signal_history) AS last_exit,
      (SELECT COUNT(*) FROM live_signals) AS open,
      (SELECT MAX(id) FROM learning_events) AS last_event,
      (SELECT MAX(version) FROM learning_state) AS version_count,
      (SELECT version FROM active_learning_state WHERE id = 1) AS active,
      (SELECT activated_at FROM active_learning_state WHERE id = 1) AS activated_at`,
  );
  const f = r[0]!;
  return [f.closed, f.last_exit, f.open, f.last_event, f.version_count, f.active, f.activated_at].map((v) => String(num(v))).join('|');
}

export async function loadActiveVersion(store: Store): Promise<ActiveVersion | null> {
  const r = await rows(
    store,
    sql<{ version: number; activated_at: number; created_at: number; reason: string; mode: string; state: string }>`
      SELECT s.version, a.activated_at, s.created_at, s.reason, s.mode, s.state
      FROM active_learning_state a JOIN learning_state s ON s.version = a.version WHERE a.id = 1`,
  );
  const a = r[0];
  if (!a) return null;
  return {
    version: num0(a.version),
    activatedAt: num0(a.activated_at),
    createdAt: num0(a.created_at),
    reason: a.reason,
    mode: a.mode,
    state: validateLearnedState(JSON.parse(a.state), `learning_state version ${a.version}`),
  };
}

export async function learningCounts(store: Store): Promise<LearningCounts> {
  const kinds = await rows(store, sql<{ kind: string; n: number; last: number | null }>`SELECT kind, COUNT(*) AS n, MAX(time) AS last FROM learning_events GROUP BY kind`);
  const by = (k: string) => num0(kinds.find((r) => r.kind === k)?.n);
  const v = await rows(store, sql<{ n: number; last: number | null }>`SELECT COUNT(*) AS n, MAX(created_at) AS last FROM learning_state`);
  const lastEvent = kinds.reduce<number | null>((m, r) => {
    const t = num(r.last);
    return t === null ? m : m === null ? t : Math.max(m, t);
  }, null);
  return {
    outcomesProcessed: by('outcome_processed'),
    shadowOutcomesProcessed: by('shadow_processed'),
    weightUpdates: by('weights_updated'),
    thresholdChanges: by('threshold_changed'),
    rollbacks: by('rollback'),
    jobRuns: by('job_run'),
    versions: num0(v[0]?.n),
    lastUpdateAt: num(v[0]?.last),
    lastEventAt: lastEvent,
  };
}

type HistoryRow = {
  id: string;
  symbol: string;
  time: number;
  direction: string;
  exit_time: number;
  result: string;
  gross_pct: number;
  net_pct: number;
  holding_ms: number;
  regime: string;
  won: number;
  weights_version: number;
  record: string;
};

async function compute(store: Store): Promise<Analysis> {
  const history = await rows(
    store,
    sql<HistoryRow>`SELECT id, symbol, time, direction, exit_time, result, gross_pct, net_pct, holding_ms, regime, won, weights_version, record
      FROM signal_history WHERE result IS NOT NULL ORDER BY exit_time, time, id`,
  );
  const trades: TradeRow[] = [];
  const resolved: Analysis['resolved'] = [];
  for (const r of history) {
    const direction = r.direction === 'SHORT' ? 'SHORT' : 'LONG';
    const won = num0(r.won) === 1;
    const netPct = num0(r.net_pct);
    trades.push({
      id: r.id,
      symbol: r.symbol,
      direction,
      time: num0(r.time),
      exitTime: num0(r.exit_time),
      result: r.result === 'tp' || r.result === 'sl' ? r.result : 'time',
      grossPct: num0(r.gross_pct),
      netPct,
      holdingMs: num0(r.holding_ms),
      regime: r.regime,
      won,
    });
    let votes: ResolvedSignal['votes'] = [];
    try {
      const rec = JSON.parse(r.record) as { votes?: ResolvedSignal['votes'] };
      if (Array.isArray(rec.votes)) votes = rec.votes;
    } catch {
      // a damaged record counts as a signal without votes
    }
    resolved.push({ id: r.id, direction, won, netPct, regime: r.regime, votes, weightsVersion: num0(r.weights_version) });
  }
  const active = await loadActiveVersion(store);
  const weights = active?.state.headWeights ?? new Array<number>(HEAD_IDS.length).fill(1 / HEAD_IDS.length);
  const open = await rows(store, sql<{ n: number }>`SELECT COUNT(*) AS n FROM live_signals`);
  return {
    trades,
    resolved,
    effectiveness: effectiveness(resolved, weights, HEAD_IDS),
    active,
    learning: await learningCounts(store),
    openSignals: num0(open[0]?.n),
  };
}

/**
 * How long an analysis is served without checking the fingerprint: at most this stale for writes made
 * by the engine; the API's own writes (rollback) invalidate it at once.
 */
export const ANALYSIS_FRESH_MS = 1000;

const cached = fingerprintCache<Analysis>(ANALYSIS_FRESH_MS);

/** The analysis of the store's current data (recomputed only when the data changed). */
export async function loadAnalysis(store: Store): Promise<Analysis> {
  return cached.get(store, () => fingerprint(store), () => compute(store));
}

/** Forgets the cached analysis of a store (call after writing what it depends on). */
export function invalidateAnalysis(store: Store): void {
  cached.invalidate(store);
}
