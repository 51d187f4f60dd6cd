/**
 * GET /api/learning/improvements: week-over-week win rate and P/L (ISO weeks of the exit time), the best
 * and worst three heads, and the trend.
 *
 * Trend rule (TREND_RULE): the resolved signals in exit order are split into the most recent window of
 * w = min(50, ⌊n/2⌋) trades and the w trades before it. With w < 10 the trend is 'insufficient_data'.
 * Otherwise each of two votes counts +1, −1 or 0: the win-rate change (recent − previous) when it is at
 * least ±5 percentage points, and the change of the average net P/L per trade when it is at least ±0.05
 * percentage points. Sum > 0 → 'improving', < 0 → 'declining', 0 → 'stable'.
 *
 * Head ranking: heads that agreed with at least one resolved signal, by the Laplace-smoothed win rate
 * when agreeing ((wins + 1) / (n + 2), so a head with 1 win of 1 does not outrank one with 30 of 40), ties
 * by sample size; best = top three, worst = bottom three (a head can be in both with fewer than six).
 */
import type { WeekRow } from '../../analytics/report-types.js';
import { weekOverWeek } from '../../analytics/metrics.js';
import type { Store } from '../../store/database.js';
import { loadAnalysis, type Analysis } from './analysis.js';
import { headSpecialties, metricsOf } from './performance.js';

export const TREND_RULE = {
  maxWindow: 50,
  minWindow: 10,
  winRateDelta: 0.05,
  avgNetPctDelta: 0.05,
  text:
    'recent window = the last w = min(50, floor(n/2)) resolved signals (exit order), previous = the w before; ' +
    "w < 10 → 'insufficient_data'; votes: win rate change ≥ +5 pts → +1, ≤ −5 pts → −1; average net P/L change ≥ +0.05 pts → +1, ≤ −0.05 → −1; " +
    "sum > 0 → 'improving', < 0 → 'declining', else 'stable'",
} as const;

export type Trend = 'improving' | 'stable' | 'declining' | 'insufficient_data';

export type WindowStats = { trades: number; wins: number; winRate: number | null; avgNetPct: number | null; totalNetPct: number; from: number | null; to: number | null };

export type RankedHead = { head: string; specialty: string; signalsContributed: number; winsWhenAgreed: number; winRateWhenAgreed: number; smoothedWinRate: number; currentWeight: number; suggestedWeight: number };

export type Improvements = {
  weeks: WeekRow[];
  currentWeek: WeekRow | null;
  previousWeek: WeekRow | null;
  weekOverWeek: { winRateChange: number | null; avgNetPctChange: number | null; totalNetPctChange: number | null } | null;
  bestHeads: RankedHead[];
  worstHeads: RankedHead[];
  trend: {
    direction: Trend;
    rule: string;
    window: number;
    recent: WindowStats;
    previous: WindowStats;
    winRateChange: number | null;
    avgNetPctChange: number | null;
  };
};

function windowStats(trades: Analysis['trades']): WindowStats {
  const m = metricsOf(trades);
  return {
    trades: m.trades,
    wins: m.wins,
    winRate: m.winRate,
    avgNetPct: m.avgNetPct,
    totalNetPct: m.totalNetPct,
    from: trades.length > 0 ? Math.min(...trades.map((t) => t.time)) : null,
    to: trades.length > 0 ? Math.max(...trades.map((t) => t.exitTime)) : null,
  };
}

const diff = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a - b);

export function trendOf(trades: Analysis['trades']): Improvements['trend'] {
  const n = trades.length;
  const w = Math.min(TREND_RULE.maxWindow, Math.floor(n / 2));
  const recent = windowStats(trades.slice(n - w));
  const previous = windowStats(trades.slice(n - 2 * w, n - w));
  const winRateChange = w > 0 ? diff(recent.winRate, previous.winRate) : null;
  const avgNetPctChange = w > 0 ? diff(recent.avgNetPct, previous.avgNetPct) : null;
  let direction: Trend = 'insufficient_data';
  if (w >= TREND_RULE.minWindow) {
    // a change of exactly the threshold counts (1e-12 absorbs float noise such as 0.55 − 0.5)
    const vote = (d: number | null, threshold: number) => (d === null ? 0 : d >= threshold - 1e-12 ? 1 : d <= -threshold + 1e-12 ? -1 : 0);
    const score = vote(winRateChange, TREND_RULE.winRateDelta) + vote(avgNetPctChange, TREND_RULE.avgNetPctDelta);
    direction = score > 0 ? 'improving' : score < 0 ? 'declining' : 'stable';
  }
  return { direction, rule: TREND_RULE.text, window: w, recent, previous, winRateChange, avgNetPctChange };
}

export function rankHeads(a: Analysis): RankedHead[] {
  const names = headSpecialties();
  return a.effectiveness.heads
    .filter((h) => h.agreed > 0)
    .map((h) => ({
      head: h.head,
      specialty: names.get(h.head) ?? h.head,
      signalsContributed: h.agreed,
      winsWhenAgreed: h.agreedWins,
      winRateWhenAgreed: h.agreedWins / h.agreed,
      smoothedWinRate: h.winRateWhenAgreed ?? 0,
      currentWeight: Number.isFinite(h.currentWeight) ? h.currentWeight : 0,
      suggestedWeight: h.suggestedWeight,
    }))
    .sort((x, y) => y.smoothedWinRate - x.smoothedWinRate || y.signalsContributed - x.signalsContributed || x.head.localeCompare(y.head));
}

const derived = new WeakMap<Analysis, Improvements>();

export async function getImprovements(store: Store): Promise<Improvements> {
  const a = await loadAnalysis(store);
  let im = derived.get(a);
  if (!im) derived.set(a, (im = improvementsOf(a)));
  return im;
}

/** The improvements view of an analysis (pure). */
export function improvementsOf(a: Analysis): Improvements {
  const weeks = weekOverWeek(a.trades);
  const currentWeek = weeks.length > 0 ? weeks[weeks.length - 1]! : null;
  const previousWeek = weeks.length > 1 ? weeks[weeks.length - 2]! : null;
  const ranked = rankHeads(a);
  return {
    weeks,
    currentWeek,
    previousWeek,
    weekOverWeek:
      currentWeek && previousWeek
        ? {
            winRateChange: diff(currentWeek.winRate, previousWeek.winRate),
            avgNetPctChange: diff(currentWeek.avgNetPct, previousWeek.avgNetPct),
            totalNetPctChange: currentWeek.totalNetPct - previousWeek.totalNetPct,
          }
        : null,
    bestHeads: ranked.slice(0, 3),
    worstHeads: ranked.slice(-3).reverse(),
    trend: trendOf(a.trades),
  };
}
