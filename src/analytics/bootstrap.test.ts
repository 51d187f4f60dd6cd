import { describe, expect, it } from 'vitest';
import { blockBootstrapDiff, mulberry32, percentile } from './bootstrap.js';
import type { TradeRow } from './report-types.js';

const H = 3_600_000;
const D = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const DAYS = 60;
const SPAN = { from: T0, to: T0 + DAYS * D };

function trade(id: string, time: number, netPct: number): TradeRow {
  return { id, symbol: 'BTCUSDT', direction: 'LONG', time, exitTime: time + H, result: netPct > 0 ? 'tp' : 'sl', grossPct: netPct, netPct, holdingMs: H, regime: 'range', won: netPct > 0 };
}

/** Standard normal draws from a seeded uniform (Box–Muller). */
function gaussian(seed: number): () => number {
  const u = mulberry32(seed);
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

/** `perDay` trades a day over `days` days, net = day's market effect (sd `market`) + noise (sd 1). */
function run(seed: number, days: number, perDay: number, market = 1): TradeRow[] {
  const g = gaussian(seed);
  const out: TradeRow[] = [];
  for (let d = 0; d < days; d++) {
    const day = market * g();
    for (let k = 0; k < perDay; k++) out.push(trade(`s${seed}d${d}k${k}`, T0 + d * D + (k + 1) * H, day + g()));
  }
  return out;
}

describe('mulberry32 and percentile', () => {
  it('the PRNG is reproducible per seed and stays in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(xs);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });

  it('percentile interpolates linearly between order statistics: of 0..10, p=0.025 → 0.25, p=0.975 → 9.75', () => {
    const xs = Array.from({ length: 11 }, (_, i) => i);
    expect(percentile(xs, 0.025)).toBeCloseTo(0.25, 12);
    expect(percentile(xs, 0.975)).toBeCloseTo(9.75, 12);
    expect(percentile(xs, 0.5)).toBe(5);
    expect(percentile([], 0.5)).toBeNaN();
  });
});

describe('blockBootstrapDiff — paired block bootstrap by UTC day', () => {
  const baseline = run(1, DAYS, 3);

  it('identical runs: diff 0 and CI exactly [0, 0] (same days drawn for both runs)', () => {
    const r = blockBootstrapDiff({ name: 'hedge', trades: baseline }, { name: 'off', trades: baseline }, { ...SPAN, samples: 500, seed: 3 });
    expect(r.diffPct).toBe(0);
    expect(r.ci95).toEqual([0, 0]);
    expect(r).toMatchObject({ mode: 'hedge', baseline: 'off', tradesMode: 180, tradesBaseline: 180, days: DAYS, samples: 500, skipped: 0, requestedSamples: 500 });
    expect(r.method).toMatch(/block bootstrap by UTC day/);
    expect(r.method).toMatch(/same days for both runs/);
  });

  it('a mode that adds +1% to every baseline trade: diff 1 and CI ≈ [1, 1] whatever the market noise', () => {
    const plusOne = baseline.map((t) => ({ ...t, netPct: t.netPct + 1 }));
    const r = blockBootstrapDiff({ name: 'seed', trades: plusOne }, { name: 'off', trades: baseline }, { ...SPAN, seed: 5 });
    expect(r.samples).toBe(2000); // the default
    expect(r.diffPct).toBeCloseTo(1, 10);
    expect(r.ci95![0]).toBeCloseTo(1, 10);
    expect(r.ci95![1]).toBeCloseTo(1, 10);
  });

  it('is reproducible with the same seed and differs with another seed', () => {
    const mode = run(2, DAYS, 2);
    const a = blockBootstrapDiff({ name: 'm', trades: mode }, { name: 'b', trades: baseline }, { ...SPAN, samples: 300, seed: 42 });
    const b = blockBootstrapDiff({ name: 'm', trades: mode }, { name: 'b', trades: baseline }, { ...SPAN, samples: 300, seed: 42 });
    const c = blockBootstrapDiff({ name: 'm', trades: mode }, { name: 'b', trades: baseline }, { ...SPAN, samples: 300, seed: 43 });
    expect(b).toEqual(a);
    expect(c.diffPct).toBe(a.diffPct); // the point estimate does not depend on the seed
    expect(c.ci95).not.toEqual(a.ci95);
  });

  it('noisy synthetic case: the mode is the baseline + 0.4 + noise (sd 1) — the 95% CI holds the true 0.4 and the point estimate', () => {
    const g = gaussian(11);
    const mode = baseline.map((t) => ({ ...t, id: `m${t.id}`, netPct: t.netPct + 0.4 + g() }));
    const r = blockBootstrapDiff({ name: 'hedge', trades: mode }, { name: 'off', trades: baseline }, { ...SPAN, seed: 9 });
    const [lo, hi] = r.ci95!;
    expect(lo).toBeLessThan(0.4);
    expect(hi).toBeGreaterThan(0.4);
    expect(lo).toBeLessThan(r.diffPct!);
    expect(hi).toBeGreaterThan(r.diffPct!);
    // mean of 180 N(0,1) differences: standard error ≈ 1/√180 ≈ 0.075, so the CI is about ±0.15 wide
    expect(hi - lo).toBeGreaterThan(0.15);
    expect(hi - lo).toBeLessThan(0.5);
  });

  it('pairing cancels the shared market: with a large day effect (sd 5) the CI of baseline + 0.5 stays narrow', () => {
    const market = run(4, DAYS, 3, 5);
    const g = gaussian(12);
    const mode = market.map((t) => ({ ...t, netPct: t.netPct + 0.5 + 0.1 * g() }));
    const r = blockBootstrapDiff({ name: 'seed', trades: mode }, { name: 'off', trades: market }, { ...SPAN, seed: 1 });
    const [lo, hi] = r.ci95!;
    expect(lo).toBeLessThan(0.5);
    expect(hi).toBeGreaterThan(0.5);
    expect(hi - lo).toBeLessThan(0.1);
  });

  it('a run without trades → diff and CI null, no sampling', () => {
    const a = blockBootstrapDiff({ name: 'm', trades: [] }, { name: 'b', trades: baseline }, SPAN);
    expect(a).toMatchObject({ diffPct: null, ci95: null, tradesMode: 0, tradesBaseline: 180, samples: 0, skipped: 0 });
    const b = blockBootstrapDiff({ name: 'm', trades: baseline }, { name: 'b', trades: [] }, SPAN);
    expect(b).toMatchObject({ diffPct: null, ci95: null, tradesMode: 180, tradesBaseline: 0 });
    const c = blockBootstrapDiff({ name: 'm', trades: [] }, { name: 'b', trades: [] }, SPAN);
    expect(c.diffPct).toBeNull();
    expect(c.ci95).toBeNull();
  });

  it('samples where a run has no trade on the drawn days are skipped and counted', () => {
    // mode trades only on day 0 of 10: a sample misses day 0 with probability 0.9^10 ≈ 0.35
    const mode = [trade('m', T0 + H, 1)];
    const base = run(5, 10, 1);
    const r = blockBootstrapDiff({ name: 'm', trades: mode }, { name: 'b', trades: base }, { from: T0, to: T0 + 10 * D, samples: 1000, seed: 2 });
    expect(r.skipped).toBeGreaterThan(250);
    expect(r.skipped).toBeLessThan(450);
    expect(r.samples + r.skipped).toBe(1000);
    expect(r.method).toMatch(new RegExp(`${r.skipped} skipped`));
  });

  it('the day population is every UTC day of [from, to) plus days of trades outside it, grouped by entry day', () => {
    const inside = [trade('a', T0 + 23 * H, 1)]; // entry day 0, exits on day 1
    const outside = [trade('b', T0 + 12 * D, -1)];
    const r = blockBootstrapDiff({ name: 'm', trades: inside }, { name: 'b', trades: outside }, { from: T0, to: T0 + 10 * D, samples: 10 });
    expect(r.days).toBe(11);
    expect(r.diffPct).toBe(2);
  });
});
