/**
 * GET /api/learning/head-weights: the active weights and every learning_state version created in the
 * last `days` days (up to `limit`, the newest kept), oldest first, each with its stored metrics and the
 * performance of the signals decided with it.
 */
import { sql } from 'kysely';
import { HEAD_IDS, REGIMES } from '../../heads/types.js';
import type { Store } from '../../store/database.js';
import { loadActiveVersion } from './analysis.js';
import { DAY_MS, num, num0, ratio, rows } from './common.js';

export type VersionSignals = { trades: number; wins: number; winRate: number | null; avgNetPct: number | null };

export type WeightVersion = {
  version: number;
  createdAt: number;
  reason: string;
  mode: string;
  parentVersion: number | null;
  /** head weights in HEAD_IDS order */
  weights: number[];
  /** confidence thresholds in REGIMES order */
  thresholds: number[];
  /** as stored with the version (outcomes, shadows, updates seen by learning at that time) */
  metrics: Record<string, unknown>;
  /** resolved signals decided with this version */
  signals: VersionSignals;
};

export type HeadWeights = {
  days: number;
  window: { from: number; to: number };
  heads: string[];
  regimes: string[];
  current: {
    version: number;
    createdAt: number;
    activatedAt: number;
    reason: string;
    mode: string;
    weights: { head: string; weight: number }[];
    thresholds: { regime: string; threshold: number }[];
    regimeWeights: { regime: string; weights: number[] }[] | null;
  } | null;
  /** versions in the window */
  total: number;
  /** true when more versions than `limit` fall in the window (the newest are returned) */
  truncated: boolean;
  history: WeightVersion[];
};

type VersionRow = { version: number; created_at: number; reason: string; mode: string; parent_version: number | null; state: string; metrics: string };

function parseJson(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function vector(v: unknown): number[] {
  return Array.isArray(v) ? v.map((x) => (typeof x === 'number' && Number.isFinite(x) ? x : 0)) : [];
}

export async function getHeadWeights(store: Store, opts: { days: number; limit: number; now: number }): Promise<HeadWeights> {
  const to = opts.now;
  const from = to - opts.days * DAY_MS;
  const [countRow] = await rows(store, sql<{ n: number }>`SELECT COUNT(*) AS n FROM learning_state WHERE created_at >= ${from} AND created_at <= ${to}`);
  const total = num0(countRow?.n);
  const versionRows = await rows(
    store,
    sql<VersionRow>`SELECT version, created_at, reason, mode, parent_version, state, metrics FROM learning_state
      WHERE created_at >= ${from} AND created_at <= ${to} ORDER BY version DESC LIMIT ${opts.limit}`,
  );
  const perVersion = new Map<number, VersionSignals>();
  if (versionRows.length > 0) {
    const lo = Math.min(...versionRows.map((r) => num0(r.version)));
    const stats = await rows(
      store,
      sql<{ v: number; n: number; w: number; avg: number | null }>`SELECT weights_version AS v, COUNT(*) AS n, SUM(won) AS w, AVG(net_pct) AS avg FROM signal_history
        WHERE result IS NOT NULL AND weights_version >= ${lo} GROUP BY weights_version`,
    );
    for (const s of stats) {
      const n = num0(s.n);
      const w = num0(s.w);
      perVersion.set(num0(s.v), { trades: n, wins: w, winRate: ratio(w, n), avgNetPct: num(s.avg) });
    }
  }
  const history = versionRows
    .map((r): WeightVersion => {
      const state = parseJson(r.state);
      const version = num0(r.version);
      return {
        version,
        createdAt: num0(r.created_at),
        reason: r.reason,
        mode: r.mode,
        parentVersion: num(r.parent_version),
        weights: vector(state.headWeights),
        thresholds: vector(state.thresholds),
        metrics: parseJson(r.metrics),
        signals: perVersion.get(version) ?? { trades: 0, wins: 0, winRate: null, avgNetPct: null },
      };
    })
    .reverse();
  const active = await loadActiveVersion(store);
  return {
    days: opts.days,
    window: { from, to },
    heads: [...HEAD_IDS],
    regimes: [...REGIMES],
    current: active && {
      version: active.version,
      createdAt: active.createdAt,
      activatedAt: active.activatedAt,
      reason: active.reason,
      mode: active.mode,
      weights: HEAD_IDS.map((head, i) => ({ head, weight: active.state.headWeights[i] ?? 0 })),
      thresholds: REGIMES.map((regime, i) => ({ regime, threshold: active.state.thresholds[i] ?? 0 })),
      regimeWeights: active.state.regimeWeights ? REGIMES.map((regime, i) => ({ regime, weights: [...(active.state.regimeWeights![i] ?? [])] })) : null,
    },
    total,
    truncated: total > versionRows.length,
    history,
  };
}
