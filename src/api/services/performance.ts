/**
 * GET /api/learning/performance: overall trade metrics of the resolved signals (signal_history, via
 * tradeMetrics), effectiveness per head, per regime and per candlestick pattern, and learning progress.
 * Every rate comes with its sample size.
 */
import { tradeMetrics } from '../../analytics/metrics.js';
import type { TradeMetrics, TradeRow } from '../../analytics/report-types.js';
import { createHeads } from '../../heads/index.js';
import { REGIMES } from '../../heads/types.js';
import type { Store } from '../../store/database.js';
import { loadAnalysis, type Analysis } from './analysis.js';
import { finiteOrNull } from './common.js';

let specialties: Map<string, string> | null = null;

/** 'trend following', … per head letter (from the heads themselves). */
export function headSpecialties(): Map<string, string> {
  specialties ??= new Map(createHeads().map((h) => [h.id, h.specialty]));
  return specialties;
}

export type OverallPerformance = {
  trades: number;
  wins: number;
  losses: number;
  winRate: number | null;
  avgNetPct: number | null;
  totalNetPct: number;
  profitFactor: number | null;
  sharpe: number | null;
  sortino: number | null;
  maxDrawdownPct: number;
  bestStreak: number;
  worstStreak: number;
  avgHoldingHours: number | null;
  signalsPerDay: number;
  byResult: { tp: number; sl: number; time: number };
  openSignals: number;
  /** first decision time .. last exit time of the resolved signals; null without any */
  from: number | null;
  to: number | null;
};

export type RegimePerformance = { regime: string; trades: number; wins: number; winRate: number | null; avgNetPct: number | null; totalNetPct: number; profitFactor: number | null };

export type HeadPerformance = {
  head: string;
  specialty: string;
  /** resolved signals where the head voted the signal's direction (the sample size of winRateWhenAgreed) */
  signalsContributed: number;
  winsWhenAgreed: number;
  /** wins / signalsContributed; null without any */
  winRateWhenAgreed: number | null;
  /** Laplace-smoothed (wins + 1) / (n + 2), what the suggested weight is based on */
  smoothedWinRate: number | null;
  opposed: number;
  winsWhenOpposed: number;
  currentWeight: number;
  suggestedWeight: number;
};

export type Performance = {
  overall: OverallPerformance;
  heads: HeadPerformance[];
  regimes: RegimePerformance[];
  patterns: { pattern: string; trades: number; wins: number; losses: number; winRate: number }[];
  learning: {
    outcomesProcessed: number;
    shadowOutcomesProcessed: number;
    weightUpdates: number;
    thresholdChanges: number;
    versions: number;
    currentVersion: number | null;
    mode: string | null;
    activatedAt: number | null;
  };
};

export function spanOf(trades: readonly TradeRow[]): { from: number; to: number } | null {
  if (trades.length === 0) return null;
  let from = Infinity;
  let to = -Infinity;
  for (const t of trades) {
    from = Math.min(from, t.time);
    to = Math.max(to, t.exitTime);
  }
  return { from, to };
}

export function metricsOf(trades: readonly TradeRow[]): TradeMetrics {
  const span = spanOf(trades) ?? { from: 0, to: 0 };
  return tradeMetrics(trades, span);
}

const derived = new WeakMap<Analysis, Performance>();

export async function getPerformance(store: Store): Promise<Performance> {
  const a = await loadAnalysis(store);
  let p = derived.get(a);
  if (!p) derived.set(a, (p = performanceOf(a)));
  return p;
}

/** The performance view of an analysis (pure). */
export function performanceOf(a: Analysis): Performance {
  const m = metricsOf(a.trades);
  const span = spanOf(a.trades);
  const names = headSpecialties();
  return {
    overall: {
      trades: m.trades,
      wins: m.wins,
      losses: m.trades - m.wins,
      winRate: m.winRate,
      avgNetPct: m.avgNetPct,
      totalNetPct: m.totalNetPct,
      profitFactor: finiteOrNull(m.profitFactor),
      sharpe: finiteOrNull(m.sharpe),
      sortino: finiteOrNull(m.sortino),
      maxDrawdownPct: m.maxDrawdownPct,
      bestStreak: m.bestStreak,
      worstStreak: m.worstStreak,
      avgHoldingHours: m.avgHoldingHours,
      signalsPerDay: m.signalsPerDay,
      byResult: { ...m.byResult },
      openSignals: a.openSignals,
      from: span?.from ?? null,
      to: span?.to ?? null,
    },
    heads: a.effectiveness.heads.map((h) => ({
      head: h.head,
      specialty: names.get(h.head) ?? h.head,
      signalsContributed: h.agreed,
      winsWhenAgreed: h.agreedWins,
      winRateWhenAgreed: h.agreed > 0 ? h.agreedWins / h.agreed : null,
      smoothedWinRate: finiteOrNull(h.winRateWhenAgreed),
      opposed: h.opposed,
      winsWhenOpposed: h.opposedWins,
      currentWeight: finiteOrNull(h.currentWeight) ?? 0,
      suggestedWeight: finiteOrNull(h.suggestedWeight) ?? 0,
    })),
    regimes: [...new Set<string>([...REGIMES, ...a.trades.map((t) => t.regime)])].map((regime) => {
      const rm = tradeMetrics(
        a.trades.filter((t) => t.regime === regime),
        { from: 0, to: 0 },
      );
      return { regime, trades: rm.trades, wins: rm.wins, winRate: rm.winRate, avgNetPct: rm.avgNetPct, totalNetPct: rm.totalNetPct, profitFactor: finiteOrNull(rm.profitFactor) };
    }),
    patterns: a.effectiveness.patterns.map((p) => ({ pattern: p.key, trades: p.n, wins: p.wins, losses: p.losses, winRate: p.winRate })),
    learning: {
      outcomesProcessed: a.learning.outcomesProcessed,
      shadowOutcomesProcessed: a.learning.shadowOutcomesProcessed,
      weightUpdates: a.learning.weightUpdates,
      thresholdChanges: a.learning.thresholdChanges,
      versions: a.learning.versions,
      currentVersion: a.active?.version ?? null,
      mode: a.active?.mode ?? null,
      activatedAt: a.active?.activatedAt ?? null,
    },
  };
}
