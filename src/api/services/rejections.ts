/**
 * GET /api/learning/rejection-analysis: what the rejections were and whether they were right.
 *
 * - decisions: every decision of scan_history, rejections by category (including those without a
 *   direction, which have no would-be trade);
 * - candidates: rejected candidates with a would-be trade (rejected_signals), followed as shadow
 *   positions; once resolved, a shadow that would have lost is a good rejection, one that would have won
 *   a missed opportunity. rejectionAccuracy = good / resolved, missedRate = missed / resolved;
 * - byDay: candidates by decision day (rejected_signals), resolved/good/missed by resolution day (the
 *   daily aggregates in rejection_learning_metrics) — UTC days;
 * - topMissed / topGood: the ten largest missed gains and avoided losses (net % of the shadow trade).
 */
import { sql } from 'kysely';
import type { Store } from '../../store/database.js';
import { DAY_MS, num, num0, ratio, rows } from './common.js';

export type RejectionGroup = {
  key: string;
  /** rejected candidates (rejected_signals rows) */
  candidates: number;
  resolved: number;
  goodRejections: number;
  missedOpportunities: number;
  rejectionAccuracy: number | null;
  missedRate: number | null;
  /** Σ net % of the missed opportunities (gains forgone) */
  missedNetPct: number;
  /** −Σ net % of the good rejections (losses avoided) */
  avoidedLossPct: number;
};

export type ShadowTrade = { id: string; symbol: string; time: number; direction: string; category: string; regime: string; result: string | null; exitTime: number | null; netPct: number };

export type RejectionAnalysis = {
  decisions: { total: number; signals: number; rejections: number; rejectionRate: number | null; byCategory: { category: string; count: number }[] };
  totals: Omit<RejectionGroup, 'key'> & { unresolved: number };
  byCategory: (Omit<RejectionGroup, 'key'> & { category: string; decisions: number })[];
  byRegime: (Omit<RejectionGroup, 'key'> & { regime: string })[];
  byDay: { day: number; candidates: number; resolved: number; goodRejections: number; missedOpportunities: number; rejectionAccuracy: number | null }[];
  topMissed: ShadowTrade[];
  topGood: ShadowTrade[];
};

type GroupRow = { k: string; n: number; resolved: number; good: number; missed: number; missed_net: number | null; good_net: number | null };

function group(r: GroupRow): RejectionGroup {
  const resolved = num0(r.resolved);
  const good = num0(r.good);
  const missed = num0(r.missed);
  return {
    key: r.k,
    candidates: num0(r.n),
    resolved,
    goodRejections: good,
    missedOpportunities: missed,
    rejectionAccuracy: ratio(good, resolved),
    missedRate: ratio(missed, resolved),
    missedNetPct: num0(r.missed_net),
    avoidedLossPct: -num0(r.good_net),
  };
}

const strip = ({ key: _key, ...rest }: RejectionGroup) => rest;

async function grouped(store: Store, column: 'category' | 'regime'): Promise<RejectionGroup[]> {
  const r = await rows(
    store,
    sql<GroupRow>`SELECT ${sql.ref(column)} AS k, COUNT(*) AS n,
        SUM(CASE WHEN result IS NOT NULL THEN 1 ELSE 0 END) AS resolved,
        SUM(CASE WHEN result IS NOT NULL AND won = 0 THEN 1 ELSE 0 END) AS good,
        SUM(CASE WHEN result IS NOT NULL AND won = 1 THEN 1 ELSE 0 END) AS missed,
        SUM(CASE WHEN result IS NOT NULL AND won = 1 THEN net_pct ELSE 0 END) AS missed_net,
        SUM(CASE WHEN result IS NOT NULL AND won = 0 THEN net_pct ELSE 0 END) AS good_net
      FROM rejected_signals GROUP BY ${sql.ref(column)} ORDER BY COUNT(*) DESC, ${sql.ref(column)}`,
  );
  return r.map(group);
}

type ShadowRow = { id: string; symbol: string; time: number; direction: string; category: string; regime: string; result: string | null; exit_time: number | null; net_pct: number };

function shadow(r: ShadowRow): ShadowTrade {
  return { id: r.id, symbol: r.symbol, time: num0(r.time), direction: r.direction, category: r.category, regime: r.regime, result: r.result, exitTime: num(r.exit_time), netPct: num0(r.net_pct) };
}

export async function getRejectionAnalysis(store: Store): Promise<RejectionAnalysis> {
  const decisionRows = await rows(store, sql<{ action: string; category: string; n: number }>`SELECT action, category, COUNT(*) AS n FROM scan_history GROUP BY action, category`);
  let total = 0;
  let signals = 0;
  const byDecisionCategory = new Map<string, number>();
  for (const r of decisionRows) {
    const n = num0(r.n);
    total += n;
    if (r.action === 'signal') signals += n;
    else byDecisionCategory.set(r.category, (byDecisionCategory.get(r.category) ?? 0) + n);
  }
  const rejections = total - signals;

  const byCategory = await grouped(store, 'category');
  const byRegime = await grouped(store, 'regime');
  const totals = byCategory.reduce(
    (t, g) => ({
      key: '',
      candidates: t.candidates + g.candidates,
      resolved: t.resolved + g.resolved,
      goodRejections: t.goodRejections + g.goodRejections,
      missedOpportunities: t.missedOpportunities + g.missedOpportunities,
      rejectionAccuracy: null,
      missedRate: null,
      missedNetPct: t.missedNetPct + g.missedNetPct,
      avoidedLossPct: t.avoidedLossPct + g.avoidedLossPct,
    }),
    { key: '', candidates: 0, resolved: 0, goodRejections: 0, missedOpportunities: 0, rejectionAccuracy: null, missedRate: null, missedNetPct: 0, avoidedLossPct: 0 } as RejectionGroup,
  );
  totals.rejectionAccuracy = ratio(totals.goodRejections, totals.resolved);
  totals.missedRate = ratio(totals.missedOpportunities, totals.resolved);

  const categories = new Set<string>([...byDecisionCategory.keys(), ...byCategory.map((g) => g.key)]);
  const empty = (key: string): RejectionGroup => ({ key, candidates: 0, resolved: 0, goodRejections: 0, missedOpportunities: 0, rejectionAccuracy: null, missedRate: null, missedNetPct: 0, avoidedLossPct: 0 });
  const categoryRows = [...categories]
    .map((category) => ({ category, decisions: byDecisionCategory.get(category) ?? 0, ...strip(byCategory.find((g) => g.key === category) ?? empty(category)) }))
    .sort((a, b) => b.decisions - a.decisions || b.candidates - a.candidates || a.category.localeCompare(b.category));

  const perDayCandidates = await rows(store, sql<{ day: number; n: number }>`SELECT time - (time % ${sql.lit(DAY_MS)}) AS day, COUNT(*) AS n FROM rejected_signals GROUP BY 1`);
  const perDayMetrics = await rows(
    store,
    sql<{ day: number; resolved: number; good: number; missed: number }>`SELECT day, SUM(resolved) AS resolved, SUM(good_rejections) AS good, SUM(missed_opportunities) AS missed FROM rejection_learning_metrics GROUP BY day`,
  );
  const days = new Map<number, RejectionAnalysis['byDay'][number]>();
  const dayRow = (day: number) => {
    let d = days.get(day);
    if (!d) days.set(day, (d = { day, candidates: 0, resolved: 0, goodRejections: 0, missedOpportunities: 0, rejectionAccuracy: null }));
    return d;
  };
  for (const r of perDayCandidates) dayRow(num0(r.day)).candidates += num0(r.n);
  for (const r of perDayMetrics) {
    const d = dayRow(num0(r.day));
    d.resolved += num0(r.resolved);
    d.goodRejections += num0(r.good);
    d.missedOpportunities += num0(r.missed);
  }
  for (const d of days.values()) d.rejectionAccuracy = ratio(d.goodRejections, d.resolved);

  const cols = sql`id, symbol, time, direction, category, regime, result, exit_time, net_pct`;
  const topMissed = await rows(store, sql<ShadowRow>`SELECT ${cols} FROM rejected_signals WHERE result IS NOT NULL AND won = 1 ORDER BY net_pct DESC, id LIMIT 10`);
  const topGood = await rows(store, sql<ShadowRow>`SELECT ${cols} FROM rejected_signals WHERE result IS NOT NULL AND won = 0 ORDER BY net_pct ASC, id LIMIT 10`);

  return {
    decisions: {
      total,
      signals,
      rejections,
      rejectionRate: ratio(rejections, total),
      byCategory: [...byDecisionCategory.entries()].map(([category, count]) => ({ category, count })).sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
    },
    totals: { ...strip(totals), unresolved: totals.candidates - totals.resolved },
    byCategory: categoryRows,
    byRegime: byRegime.map((g) => ({ regime: g.key, ...strip(g) })),
    byDay: [...days.values()].sort((a, b) => a.day - b.day),
    topMissed: topMissed.map(shadow),
    topGood: topGood.map(shadow),
  };
}
