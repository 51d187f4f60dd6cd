/**
 * Is a learning mode better than the static baseline, beyond luck? A paired block bootstrap by UTC day
 * of the difference in mean net P/L per trade (pure, deterministic: a seeded PRNG, no clock).
 *
 * Method:
 * - Blocks are UTC days (floor(entry time / 86 400 000)) — trades of one day share the market, so
 *   they are resampled together, which keeps their dependence inside the block.
 * - The population of days is every UTC day that intersects [from, to) plus any day holding a trade
 *   of either run outside it (no trade is dropped). Days without trades stay in the population: how
 *   many trading days a resample holds is part of the variation.
 * - One bootstrap sample draws D days (D = the population size) uniformly with replacement. The SAME
 *   drawn days are used for both runs (pairing): both runs traded the same market days, so the
 *   market's day-to-day luck is common to both and cancels in the difference; what is left is the
 *   difference the decisions make. (Consequence: two identical runs give exactly 0 in every sample.)
 * - In a sample, each run's mean net % is Σ net of its trades on the drawn days (a day drawn twice
 *   counts twice) / their number; the sample's value is mode mean − baseline mean. A sample in which
 *   either run has no trade is skipped and counted (`skipped`).
 * - ci95 = the 2.5% and 97.5% percentiles of the kept samples' differences (linear interpolation
 *   between order statistics, h = (m − 1) · p); null when every sample was skipped.
 * - diffPct (the point estimate) = mean net of all mode trades − mean net of all baseline trades.
 * - Either run without trades → diffPct and ci95 null, no sampling.
 */
import type { BootstrapDiff, TradeRow } from './report-types.js';

const DAY_MS = 86_400_000;

/** mulberry32: a small seeded PRNG returning uniform floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The p-quantile (0..1) of ascending-sorted values, linear interpolation (h = (m − 1) · p). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export type BootstrapRun = { readonly name: string; readonly trades: readonly TradeRow[] };

export type BootstrapOptions = {
  /** bootstrap samples to draw; default 2000 */
  readonly samples?: number;
  /** PRNG seed; default 1 */
  readonly seed?: number;
  /** span of the runs, epoch ms UTC, [from, to) */
  readonly from: number;
  readonly to: number;
};

export type BootstrapResult = BootstrapDiff & {
  /** samples drawn, kept (`samples`) + skipped */
  readonly requestedSamples: number;
  /** samples skipped because a run had no trade on the drawn days */
  readonly skipped: number;
  readonly seed: number;
};

function mean(trades: readonly TradeRow[]): number {
  let s = 0;
  for (const t of trades) s += t.netPct;
  return s / trades.length;
}

/**
 * Difference in mean net % per trade (mode − baseline) with a 95% percentile CI from a paired block
 * bootstrap by UTC day of entry (see the module comment). `samples` in the result is the number of
 * kept samples the CI is computed from; `days` is the size of the day population.
 */
export function blockBootstrapDiff(mode: BootstrapRun, baseline: BootstrapRun, opts: BootstrapOptions): BootstrapResult {
  const requested = Math.max(0, Math.floor(opts.samples ?? 2000));
  const seed = opts.seed ?? 1;
  const firstDay = Math.floor(opts.from / DAY_MS);
  const lastDay = opts.to > opts.from ? Math.ceil(opts.to / DAY_MS) - 1 : firstDay - 1;
  const daySet = new Set<number>();
  for (let d = firstDay; d <= lastDay; d++) daySet.add(d);
  for (const t of mode.trades) daySet.add(Math.floor(t.time / DAY_MS));
  for (const t of baseline.trades) daySet.add(Math.floor(t.time / DAY_MS));
  const days = [...daySet].sort((a, b) => a - b);
  const index = new Map(days.map((d, i) => [d, i]));
  const D = days.length;

  const method =
    `paired block bootstrap by UTC day of entry: ${D} days resampled with replacement, the same days for both runs; ` +
    `per sample mean net % per trade (mode − baseline); 95% CI = 2.5/97.5% percentiles; seed ${seed}`;
  const base = { mode: mode.name, baseline: baseline.name, tradesMode: mode.trades.length, tradesBaseline: baseline.trades.length, days: D, requestedSamples: requested, seed };
  if (mode.trades.length === 0 || baseline.trades.length === 0) {
    return { ...base, diffPct: null, ci95: null, samples: 0, skipped: 0, method: `${method}; not computed: a run has no trades` };
  }

  // per-day sums and counts of each run, so a sample costs O(D)
  const sumM = new Float64Array(D);
  const cntM = new Float64Array(D);
  const sumB = new Float64Array(D);
  const cntB = new Float64Array(D);
  for (const t of mode.trades) {
    const i = index.get(Math.floor(t.time / DAY_MS))!;
    sumM[i] += t.netPct;
    cntM[i]++;
  }
  for (const t of baseline.trades) {
    const i = index.get(Math.floor(t.time / DAY_MS))!;
    sumB[i] += t.netPct;
    cntB[i]++;
  }

  const rand = mulberry32(seed);
  const diffs: number[] = [];
  let skipped = 0;
  for (let s = 0; s < requested; s++) {
    let sm = 0;
    let cm = 0;
    let sb = 0;
    let cb = 0;
    for (let k = 0; k < D; k++) {
      const i = Math.floor(rand() * D);
      sm += sumM[i]!;
      cm += cntM[i]!;
      sb += sumB[i]!;
      cb += cntB[i]!;
    }
    if (cm === 0 || cb === 0) {
      skipped++;
      continue;
    }
    diffs.push(sm / cm - sb / cb);
  }
  diffs.sort((a, b) => a - b);
  const ci95: readonly [number, number] | null = diffs.length > 0 ? [percentile(diffs, 0.025), percentile(diffs, 0.975)] : null;
  return {
    ...base,
    diffPct: mean(mode.trades) - mean(baseline.trades),
    ci95,
    samples: diffs.length,
    skipped,
    method: `${method}; ${requested} samples drawn, ${skipped} skipped (a run without trades on the drawn days)`,
  };
}
