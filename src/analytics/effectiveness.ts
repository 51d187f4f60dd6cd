/**
 * Effectiveness of what makes the decisions, from resolved signals (pure): per head (win rate when it
 * agreed, signals it contributed to, current vs suggested weight), per reason / indicator (presence in
 * wins vs losses), per candlestick pattern, per regime. Every rate comes with its sample size.
 */
import { paramDefaults } from '../core/params.js';
import { LEARNING_PARAMS, normaliseWeights } from '../learning/weights.js';

export type ResolvedSignal = {
  readonly direction: 'LONG' | 'SHORT';
  readonly won: boolean;
  readonly netPct: number;
  readonly regime: string;
  /** votes from the consensus record */
  readonly votes: readonly { head: string; direction: string; confidence: number; reasons: readonly string[] }[];
};

export type HeadEffectiveness = {
  head: string;
  /** signals where the head voted the signal's direction */
  agreed: number;
  agreedWins: number;
  /** Laplace-smoothed (wins + 1) / (agreed + 2); null without any */
  winRateWhenAgreed: number | null;
  opposed: number;
  opposedWins: number;
  currentWeight: number;
  suggestedWeight: number;
};

export type RateRow = { key: string; wins: number; losses: number; winRate: number; n: number };

export type Effectiveness = {
  signals: number;
  wins: number;
  heads: HeadEffectiveness[];
  reasons: RateRow[];
  patterns: RateRow[];
  regimes: (RateRow & { avgNetPct: number })[];
};

/** Numbers in a reason are what changes from signal to signal; the reason's kind is the rest. */
export function reasonKey(reason: string): string {
  return reason.replace(/-?\d+(\.\d+)?(e-?\d+)?%?/g, '#').replace(/\s+/g, ' ').trim();
}

function rows(map: Map<string, { wins: number; losses: number }>, min = 1): RateRow[] {
  return [...map.entries()]
    .map(([key, v]) => ({ key, wins: v.wins, losses: v.losses, n: v.wins + v.losses, winRate: v.wins / Math.max(1, v.wins + v.losses) }))
    .filter((r) => r.n >= min)
    .sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
}

export function effectiveness(signals: readonly ResolvedSignal[], currentWeights: readonly number[], heads: readonly string[] = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']): Effectiveness {
  const per = heads.map(() => ({ agreed: 0, agreedWins: 0, opposed: 0, opposedWins: 0 }));
  const reasons = new Map<string, { wins: number; losses: number }>();
  const patterns = new Map<string, { wins: number; losses: number }>();
  const regimes = new Map<string, { wins: number; losses: number; net: number }>();
  let wins = 0;
  for (const s of signals) {
    if (s.won) wins++;
    const r = regimes.get(s.regime) ?? { wins: 0, losses: 0, net: 0 };
    if (s.won) r.wins++;
    else r.losses++;
    r.net += s.netPct;
    regimes.set(s.regime, r);
    const seen = new Set<string>();
    const seenPatterns = new Set<string>();
    for (const v of s.votes) {
      const i = heads.indexOf(v.head);
      if (i < 0 || v.direction === 'NEUTRAL') continue;
      if (v.direction === s.direction) {
        per[i]!.agreed++;
        if (s.won) per[i]!.agreedWins++;
        for (const reason of v.reasons) {
          seen.add(`${v.head}: ${reasonKey(reason)}`);
          for (const m of reason.matchAll(/CDL[A-Z0-9]+|\b(?:bullish|bearish) [a-z][a-z -]+/gi)) seenPatterns.add(m[0].toLowerCase());
        }
      } else {
        per[i]!.opposed++;
        if (s.won) per[i]!.opposedWins++;
      }
    }
    for (const k of seen) {
      const e = reasons.get(k) ?? { wins: 0, losses: 0 };
      if (s.won) e.wins++;
      else e.losses++;
      reasons.set(k, e);
    }
    for (const k of seenPatterns) {
      const e = patterns.get(k) ?? { wins: 0, losses: 0 };
      if (s.won) e.wins++;
      else e.losses++;
      patterns.set(k, e);
    }
  }
  const smoothed = per.map((p) => (p.agreedWins + 1) / (p.agreed + 2));
  const total = smoothed.reduce((a, b) => a + b, 0);
  const suggested = new Float64Array(heads.length);
  normaliseWeights(Float64Array.from(smoothed, (x) => x / total), paramDefaults(LEARNING_PARAMS), suggested);
  return {
    signals: signals.length,
    wins,
    heads: heads.map((h, i) => ({
      head: h,
      agreed: per[i]!.agreed,
      agreedWins: per[i]!.agreedWins,
      winRateWhenAgreed: per[i]!.agreed > 0 ? smoothed[i]! : null,
      opposed: per[i]!.opposed,
      opposedWins: per[i]!.opposedWins,
      currentWeight: currentWeights[i] ?? NaN,
      suggestedWeight: suggested[i]!,
    })),
    reasons: rows(reasons),
    patterns: rows(patterns),
    regimes: [...regimes.entries()].map(([key, v]) => ({ key, wins: v.wins, losses: v.losses, n: v.wins + v.losses, winRate: v.wins / Math.max(1, v.wins + v.losses), avgNetPct: v.net / Math.max(1, v.wins + v.losses) })),
  };
}
