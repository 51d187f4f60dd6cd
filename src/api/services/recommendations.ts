/**
 * GET /api/learning/recommendations: rule-based suggestions, each with its priority and the numbers
 * behind it. The rules and their thresholds (RECOMMENDATION_THRESHOLDS, returned with the answer):
 *
 * - too_few_outcomes (high): fewer than `minOutcomes` resolved signals — no rate below is reliable yet;
 * - declining_performance (high): the improvements trend is 'declining' (see improvements.ts);
 * - falling_win_rate (medium): the current ISO week's win rate is at least `winRateDrop` below the
 *   previous week's, both weeks with ≥ `minWeekTrades` resolved signals;
 * - negative_expectancy (high): ≥ minOutcomes resolved signals and an average net P/L below 0;
 * - low_win_rate (high): ≥ minOutcomes resolved signals and a win rate below `lowWinRate`;
 * - adjust_head_weight (high when |suggested − current| ≥ `weightGapHigh`, else medium; low while there
 *   are fewer than minOutcomes resolved signals): a head that agreed with ≥ `minHeadSamples` signals and
 *   whose suggested weight (effectiveness) differs from its current one by ≥ `weightGap`;
 * - raise_threshold (medium): a regime with ≥ `minRegimeTrades` resolved signals and a win rate below
 *   `lowWinRate` — its confidence threshold lets weak setups through;
 * - lower_threshold (low): a regime whose signals win at least `highWinRate` (≥ minRegimeTrades of them)
 *   while ≥ `missedRateHigh` of its ≥ `minCategoryResolved` resolved rejected candidates would have won;
 * - loosen_filter (medium): a rejection category with ≥ `minCategoryResolved` resolved shadows of which
 *   at least `missedRateHigh` would have won;
 * - head_never_agrees (low): ≥ minOutcomes resolved signals and a head that agreed with none of them;
 * - learning_off (low): the active version was produced with learning mode 'off'.
 */
import type { Store } from '../../store/database.js';
import { loadAnalysis } from './analysis.js';
import { weekOverWeek } from '../../analytics/metrics.js';
import { REGIMES } from '../../heads/types.js';
import { trendOf } from './improvements.js';
import { headSpecialties, metricsOf } from './performance.js';
import { getRejectionAnalysis } from './rejections.js';

export const RECOMMENDATION_THRESHOLDS = {
  minOutcomes: 30,
  minHeadSamples: 10,
  weightGap: 0.05,
  weightGapHigh: 0.1,
  lowWinRate: 0.4,
  minCategoryResolved: 30,
  missedRateHigh: 0.5,
  minRegimeTrades: 20,
  highWinRate: 0.6,
  minWeekTrades: 10,
  winRateDrop: 0.1,
} as const;

export type Priority = 'high' | 'medium' | 'low';

export type Recommendation = {
  id: string;
  kind: string;
  priority: Priority;
  title: string;
  message: string;
  evidence: Record<string, number | string | null>;
};

export type Recommendations = {
  generatedFrom: { resolvedSignals: number; resolvedShadows: number; activeVersion: number | null };
  thresholds: typeof RECOMMENDATION_THRESHOLDS;
  recommendations: Recommendation[];
};

const RANK: Record<Priority, number> = { high: 0, medium: 1, low: 2 };
const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);

export async function getRecommendations(store: Store): Promise<Recommendations> {
  const T = RECOMMENDATION_THRESHOLDS;
  const a = await loadAnalysis(store);
  const rej = await getRejectionAnalysis(store);
  const m = metricsOf(a.trades);
  const enough = m.trades >= T.minOutcomes;
  const out: Recommendation[] = [];
  const names = headSpecialties();

  if (!enough) {
    out.push({
      id: 'too_few_outcomes',
      kind: 'too_few_outcomes',
      priority: 'high',
      title: 'Too few resolved signals',
      message: `only ${m.trades} resolved signals; win rates and weight suggestions are not reliable before ${T.minOutcomes}`,
      evidence: { resolvedSignals: m.trades, required: T.minOutcomes },
    });
  }
  const trend = trendOf(a.trades);
  if (trend.direction === 'declining') {
    out.push({
      id: 'declining_performance',
      kind: 'declining_performance',
      priority: 'high',
      title: 'Performance is declining',
      message: `the last ${trend.window} signals won ${pct(trend.recent.winRate)} (avg net ${trend.recent.avgNetPct?.toFixed(3)}%) against ${pct(trend.previous.winRate)} (avg net ${trend.previous.avgNetPct?.toFixed(3)}%) before; review recent weight changes or roll back`,
      evidence: {
        window: trend.window,
        recentWinRate: trend.recent.winRate,
        previousWinRate: trend.previous.winRate,
        recentAvgNetPct: trend.recent.avgNetPct,
        previousAvgNetPct: trend.previous.avgNetPct,
        winRateChange: trend.winRateChange,
        avgNetPctChange: trend.avgNetPctChange,
      },
    });
  }
  const weeks = weekOverWeek(a.trades);
  const cur = weeks[weeks.length - 1];
  const prev = weeks[weeks.length - 2];
  if (cur && prev && cur.trades >= T.minWeekTrades && prev.trades >= T.minWeekTrades && cur.winRate !== null && prev.winRate !== null && prev.winRate - cur.winRate >= T.winRateDrop) {
    out.push({
      id: 'falling_win_rate',
      kind: 'falling_win_rate',
      priority: 'medium',
      title: 'The win rate fell week over week',
      message: `this week ${pct(cur.winRate)} of ${cur.trades} signals won against ${pct(prev.winRate)} of ${prev.trades} the week before`,
      evidence: { weekStart: cur.weekStart, trades: cur.trades, winRate: cur.winRate, previousWeekStart: prev.weekStart, previousTrades: prev.trades, previousWinRate: prev.winRate, change: cur.winRate - prev.winRate },
    });
  }
  if (enough && m.avgNetPct !== null && m.avgNetPct < 0) {
    out.push({
      id: 'negative_expectancy',
      kind: 'negative_expectancy',
      priority: 'high',
      title: 'Signals lose money on average',
      message: `the average net P/L per signal is ${m.avgNetPct.toFixed(3)}% over ${m.trades} signals; raise the confidence thresholds or the minimum reward/risk`,
      evidence: { resolvedSignals: m.trades, avgNetPct: m.avgNetPct, totalNetPct: m.totalNetPct, profitFactor: m.profitFactor },
    });
  }
  if (enough && m.winRate !== null && m.winRate < T.lowWinRate) {
    out.push({
      id: 'low_win_rate',
      kind: 'low_win_rate',
      priority: 'high',
      title: 'Low win rate',
      message: `${pct(m.winRate)} of ${m.trades} signals won (threshold ${pct(T.lowWinRate)}); require more agreeing heads or a higher confluence`,
      evidence: { resolvedSignals: m.trades, wins: m.wins, winRate: m.winRate, threshold: T.lowWinRate },
    });
  }
  for (const h of a.effectiveness.heads) {
    if (!Number.isFinite(h.currentWeight)) continue;
    const gap = h.suggestedWeight - h.currentWeight;
    if (h.agreed < T.minHeadSamples || Math.abs(gap) < T.weightGap) continue;
    const priority: Priority = !enough ? 'low' : Math.abs(gap) >= T.weightGapHigh ? 'high' : 'medium';
    out.push({
      id: `adjust_head_weight:${h.head}`,
      kind: 'adjust_head_weight',
      priority,
      title: `${gap > 0 ? 'Raise' : 'Lower'} the weight of head ${h.head} (${names.get(h.head) ?? h.head})`,
      message: `head ${h.head} won ${h.agreedWins} of ${h.agreed} signals it agreed with; its suggested weight ${h.suggestedWeight.toFixed(3)} differs from the current ${h.currentWeight.toFixed(3)} by ${gap >= 0 ? '+' : ''}${gap.toFixed(3)}`,
      evidence: {
        head: h.head,
        signalsContributed: h.agreed,
        winsWhenAgreed: h.agreedWins,
        winRateWhenAgreed: h.agreedWins / h.agreed,
        currentWeight: h.currentWeight,
        suggestedWeight: h.suggestedWeight,
        difference: gap,
      },
    });
  }
  const thresholds = a.active?.state.thresholds ?? [];
  for (const [i, regime] of REGIMES.entries()) {
    const rm = metricsOf(a.trades.filter((t) => t.regime === regime));
    const threshold = thresholds[i] ?? null;
    if (rm.trades >= T.minRegimeTrades && rm.winRate !== null && rm.winRate < T.lowWinRate) {
      out.push({
        id: `raise_threshold:${regime}`,
        kind: 'raise_threshold',
        priority: 'medium',
        title: `Raise the confidence threshold in ${regime}`,
        message: `only ${pct(rm.winRate)} of ${rm.trades} ${regime} signals won; the threshold ${threshold ?? 'n/a'} lets weak setups through`,
        evidence: { regime, trades: rm.trades, wins: rm.wins, winRate: rm.winRate, avgNetPct: rm.avgNetPct, threshold },
      });
    }
    const shadows = rej.byRegime.find((r) => r.regime === regime);
    if (rm.trades >= T.minRegimeTrades && rm.winRate !== null && rm.winRate >= T.highWinRate && shadows && shadows.resolved >= T.minCategoryResolved && shadows.missedRate !== null && shadows.missedRate >= T.missedRateHigh) {
      out.push({
        id: `lower_threshold:${regime}`,
        kind: 'lower_threshold',
        priority: 'low',
        title: `Consider a lower confidence threshold in ${regime}`,
        message: `${pct(rm.winRate)} of ${rm.trades} ${regime} signals won and ${pct(shadows.missedRate)} of ${shadows.resolved} rejected candidates would have won too`,
        evidence: { regime, trades: rm.trades, winRate: rm.winRate, threshold, rejectedResolved: shadows.resolved, missedRate: shadows.missedRate },
      });
    }
  }
  for (const c of rej.byCategory) {
    if (c.resolved < T.minCategoryResolved || c.missedRate === null || c.missedRate < T.missedRateHigh) continue;
    out.push({
      id: `loosen_filter:${c.category}`,
      kind: 'loosen_filter',
      priority: 'medium',
      title: `Rejections by ${c.category} miss more winners than they avoid losers`,
      message: `${c.missedOpportunities} of ${c.resolved} resolved shadows rejected by ${c.category} would have won (${pct(c.missedRate)}); consider loosening it`,
      evidence: { category: c.category, resolved: c.resolved, missedOpportunities: c.missedOpportunities, goodRejections: c.goodRejections, missedRate: c.missedRate, missedNetPct: c.missedNetPct },
    });
  }
  if (enough) {
    for (const h of a.effectiveness.heads) {
      if (h.agreed > 0) continue;
      out.push({
        id: `head_never_agrees:${h.head}`,
        kind: 'head_never_agrees',
        priority: 'low',
        title: `Head ${h.head} (${names.get(h.head) ?? h.head}) never agreed with a signal`,
        message: `head ${h.head} agreed with none of ${m.trades} resolved signals (opposed ${h.opposed}); check its parameters`,
        evidence: { head: h.head, resolvedSignals: m.trades, opposed: h.opposed, currentWeight: h.currentWeight },
      });
    }
  }
  if (a.active?.mode === 'off') {
    out.push({
      id: 'learning_off',
      kind: 'learning_off',
      priority: 'low',
      title: 'Learning is off',
      message: `version ${a.active.version} was produced with learning off: weights stay static whatever the outcomes`,
      evidence: { version: a.active.version, mode: a.active.mode },
    });
  }
  out.sort((x, y) => RANK[x.priority] - RANK[y.priority]);
  return {
    generatedFrom: { resolvedSignals: m.trades, resolvedShadows: rej.totals.resolved, activeVersion: a.active?.version ?? null },
    thresholds: T,
    recommendations: out,
  };
}
