/**
 * Weekly head-parameter search: the part of the weekly job that tunes the heads' own parameters (EMA
 * periods, vote thresholds, component weights, …) within the bounds of each head's ParamTable. Unlike
 * head weights and thresholds, head parameters change the votes themselves, so every candidate needs the
 * heads re-run over the window ("revote") before the cached-vote simulation (`simulateWindow`) can judge
 * it. Pure and deterministic: a seeded PRNG, no clock, no I/O (the caller records and deploys).
 *
 * Candidates (`headParamCandidates`): each perturbs 1–3 randomly chosen parameters of 1–2 randomly chosen
 * heads (of SEARCH_HEADS: A–H) by ± (0.25..1)·spread·(max − min), rounded (integers stay integers, reals
 * to 1e-6), clamped into [min, max] (the other way when the bound would leave the value unchanged), and
 * validated with resolveParams. Head I is not searched: it is the learning head, its model is learned
 * online from outcomes and tied to its periods, so a re-run head I (untrained) would not vote like the live
 * one, and new periods would discard the model.
 *
 * Revote (`revote`): rebuilds the 1m candles from the cache's OHLCV (closeTime = openTime + 59 999, the
 * other fields 0: no head reads them) and runs them from the cache's OLDEST candle up to `to`:
 *   - full (default): a fresh SymbolEngine with createHeads(headParams) and a new VoteCache as its cache,
 *     `warmup = true` before `from` — indicators, regime and all nine heads are recomputed;
 *   - spliced (`opts.heads`): only the listed heads are re-run (a fresh IndicatorSet with just their
 *     requirements), with the regime and setup timeframe of the cache as context; every other vote and
 *     every decision input is copied from the cache. A head's vote depends only on its own parameters, the
 *     candle history and (tf, regime), so with the same history this equals the full revote for those
 *     heads, exactly; and the unchanged heads keep the live votes — including head I's trained model and
 *     the live engine's fully warm regime — which the full revote cannot reproduce. The weekly stage uses it.
 * Warm-up cost/benefit: the live cache holds only the window (windowDays · 1440 candles), so a revote starts
 * cold at the window start and warms up on its early part (`headWarmupHours`, excluded from judging).
 * 2 days warm the 1m–1h indicators, but 4h-timeframe indicators are NOT fully warm on a 7-day window (a 4h
 * EMA(21) is first ready after 3.5 days, a 4h MACD after 5.5, and EMAs keep converging after that), so a
 * re-run head reading 4h values votes somewhat differently from a live one with a long history. Replaying
 * more history would need stored candles and cost proportionally more per candidate; instead every best
 * candidate is also compared with a "control": the same heads re-run cold with the CURRENT parameters,
 * which carries the same warm-up artefacts, and the candidate must beat both the live votes and the control.
 *
 * The stage (`headParamSearch`), for the weights and thresholds chosen by the weekly search (or the
 * current ones): window [now − windowDays, now) split as the weekly search splits it; judged spans:
 * training [from + headWarmupHours, split), held-out [split, now). The current head parameters are judged
 * on the cached (live) votes. Each candidate is revoted (spliced: its changed heads) and simulated on the
 * training span; the best (highest expectancy with ≥ minTrades, ties → lowest index; the current parameters
 * take part as index 0) is simulated on the held-out span with its control, and deployed only when it
 * differs from the current parameters, has ≥ minTrades held-out trades, and
 * (E_cand − E_cur) / max(|E_cur|, 0.01) > minImprovement on the held-out span, against the current
 * parameters and (when the control has trades) against the control. A candidate whose re-run heads give a
 * non-finite confidence or an invalid direction is discarded.
 *
 * Taking effect: `best.headParams` (the learned overrides in force, with each changed letter replaced by its
 * complete overrides) is stored with the deployed version (LearnedState.headParams); the live engine builds
 * its heads once at start, so they apply when it is (re)started from that version. `best.indicatorsChanged`
 * tells whether the new heads need other indicators: an engine restarted from a checkpoint taken with the
 * old heads cannot restore its indicator set then and must warm up from candles instead.
 */
import { AlphaPulseError } from '../core/errors.js';
import { paramDefaults, resolveParams, type ParamTable, type ParamValues } from '../core/params.js';
import type { Candle } from '../core/candle.js';
import { newDecisionInputs } from '../engine/decide.js';
import type { EngineParams } from '../engine/engine-params.js';
import { SymbolEngine, type LearnedVectors } from '../engine/symbol-engine.js';
import { VoteCache } from '../engine/vote-cache.js';
import { A_PARAMS } from '../heads/a-trend.js';
import { B_PARAMS } from '../heads/b-mean-reversion.js';
import { C_PARAMS } from '../heads/c-momentum.js';
import { D_PARAMS } from '../heads/d-volume-flow.js';
import { E_PARAMS } from '../heads/e-volatility-breakout.js';
import { F_PARAMS } from '../heads/f-candlestick.js';
import { G_PARAMS } from '../heads/g-support-resistance.js';
import { H_PARAMS } from '../heads/h-multi-timeframe.js';
import { I_PARAMS } from '../heads/i-statistical.js';
import { mergeRequirements } from '../heads/require.js';
import { HEAD_IDS, newVoteSlot, type DirectionCode, type Head, type HeadContext, type HeadId, type VoteSlot } from '../heads/types.js';
import { indicatorKey, IndicatorSet } from '../indicators/indicator-set.js';
import type { OutcomeParams } from '../outcomes/resolve.js';
import { prng, searchSeed, simulateWindow, type CacheView, type Candidate, type WeeklyParams, type WindowResult } from './weekly-search.js';

export const HEAD_SEARCH_PARAMS = {
  headCandidates: { default: 6, min: 0, max: 200, integer: true, doc: 'head-parameter candidates the weekly job re-runs the heads for (0 disables the stage)' },
  headSpread: { default: 0.1, min: 0.005, max: 0.5, doc: 'a perturbed head parameter moves by ± (0.25..1) · headSpread · (max − min) of its bounds' },
  headWarmupHours: {
    default: 48,
    min: 0,
    max: 600,
    doc: 'hours at the start of the window the re-run heads warm up on (not judged; 4h indicators stay partly cold on a 7-day window)',
  },
} as const satisfies ParamTable;
export type HeadSearchParams = ParamValues<typeof HEAD_SEARCH_PARAMS>;
export const DEFAULT_HEAD_SEARCH_PARAMS: HeadSearchParams = paramDefaults(HEAD_SEARCH_PARAMS);

/** The head-search parameters among other settings (e.g. the weekly job's), defaults for the missing ones, checked. */
export function headSearchParamsFrom(settings: object | undefined, where = 'jobs.weekly'): HeadSearchParams {
  const s = (settings ?? {}) as Record<string, unknown>;
  const given: Record<string, number> = {};
  for (const k of Object.keys(HEAD_SEARCH_PARAMS)) if (s[k] !== undefined) given[k] = s[k] as number;
  return resolveParams(HEAD_SEARCH_PARAMS, given, where);
}

/** Per head letter, its parameter table. */
export const HEAD_PARAM_TABLES: Readonly<Record<HeadId, ParamTable>> = {
  A: A_PARAMS,
  B: B_PARAMS,
  C: C_PARAMS,
  D: D_PARAMS,
  E: E_PARAMS,
  F: F_PARAMS,
  G: G_PARAMS,
  H: H_PARAMS,
  I: I_PARAMS,
};

/** Heads whose parameters the search perturbs (not I, the learning head: see the module comment). */
export const SEARCH_HEADS: readonly HeadId[] = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];

export type HeadParams = Readonly<Record<string, Readonly<Record<string, number>>>>;
export type CreateHeads = (headParams: HeadParams) => Head[];

/**
 * The per-letter overrides the heads are built with when `learned` (LearnedState.headParams) is applied
 * over the configured `base` (EngineParams.heads) the way the CLI builds them: createHeads({ ...base,
 * ...learned }) — a letter in `learned` replaces that letter's configured overrides.
 */
export function effectiveHeadParams(base: HeadParams, learned: HeadParams): HeadParams {
  return { ...base, ...learned };
}

export type HeadParamChange = { readonly head: HeadId; readonly param: string; readonly from: number; readonly to: number };

export type HeadParamCandidate = {
  /** the full per-letter overrides: `current` with the changed letters replaced (their complete overrides) */
  readonly headParams: HeadParams;
  /** indexes (0 = A … 8 = I) of the heads whose parameters changed, ascending */
  readonly heads: readonly number[];
  readonly changes: readonly HeadParamChange[];
};

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

function pickDistinct<T>(items: readonly T[], k: number, rnd: () => number): T[] {
  const pool = [...items];
  const out: T[] = [];
  for (let i = 0; i < k && pool.length > 0; i++) out.push(pool.splice(Math.min(pool.length - 1, Math.floor(rnd() * pool.length)), 1)[0]!);
  return out;
}

function canonical(hp: HeadParams): string {
  return JSON.stringify(
    Object.keys(hp)
      .sort()
      .map((l) => [l, Object.keys(hp[l]!).sort().map((k) => [k, hp[l]![k]])]),
  );
}

/**
 * `n` candidates around `current` (per-letter overrides, as createHeads takes them), from the stream `rnd`
 * (see the module comment). Each differs from `current` and from the others; the same stream gives the
 * same candidates. Throws when `current` itself is out of bounds.
 */
export function headParamCandidates(current: HeadParams, rnd: () => number, n: number, spread: number, heads: readonly HeadId[] = SEARCH_HEADS): HeadParamCandidate[] {
  const resolved = new Map<HeadId, Record<string, number>>();
  for (const l of HEAD_IDS) resolved.set(l, resolveParams(HEAD_PARAM_TABLES[l], current[l], `headParams.${l}`));
  const seen = new Set<string>([canonical(current)]);
  const out: HeadParamCandidate[] = [];
  for (let c = 0; c < n; c++) {
    for (let attempt = 0; attempt < 50; attempt++) {
      const letters = pickDistinct(heads, 1 + Math.min(1, Math.floor(rnd() * 2)), rnd).sort();
      const next: Record<string, Readonly<Record<string, number>>> = { ...current };
      const changes: HeadParamChange[] = [];
      for (const l of letters) {
        const table = HEAD_PARAM_TABLES[l];
        const cur = resolved.get(l)!;
        const overrides: Record<string, number> = { ...current[l] };
        for (const key of pickDistinct(Object.keys(table), 1 + Math.min(2, Math.floor(rnd() * 3)), rnd)) {
          const def = table[key]!;
          const from = cur[key]!;
          const step = spread * (def.max - def.min) * (0.25 + 0.75 * rnd()) * (rnd() < 0.5 ? -1 : 1);
          const move = (delta: number): number => {
            let v = def.integer ? Math.round(from + delta) : round6(from + delta);
            if (def.integer && v === from) v += delta < 0 ? -1 : 1;
            return v < def.min ? def.min : v > def.max ? def.max : v;
          };
          let to = move(step);
          if (to === from) to = move(-step);
          if (to === from) continue;
          overrides[key] = to;
          changes.push({ head: l, param: key, from, to });
        }
        resolveParams(table, overrides, `headParams.${l}`);
        next[l] = overrides;
      }
      const key = canonical(next);
      if (changes.length === 0 || seen.has(key)) continue;
      seen.add(key);
      const idx = [...new Set(changes.map((ch) => HEAD_IDS.indexOf(ch.head)))].sort((a, b) => a - b);
      out.push({ headParams: next, heads: idx, changes });
      break;
    }
  }
  return out;
}

function candleAt(c: CacheView, s: number): Candle {
  const openTime = c.f.openTime[s]!;
  return {
    openTime,
    open: c.f.open[s]!,
    high: c.f.high[s]!,
    low: c.f.low[s]!,
    close: c.f.close[s]!,
    volume: c.f.volume[s]!,
    closeTime: openTime + 59_999,
    quoteVolume: 0,
    trades: 0,
    takerBuyBaseVolume: 0,
    takerBuyQuoteVolume: 0,
  };
}

export type RevoteOptions = {
  /** re-run only these heads (indexes 0..8) and copy everything else from the cache (see the module comment) */
  readonly heads?: readonly number[];
};

/**
 * The caches as they would be with the heads built from `headParams` (see the module comment): per cache,
 * its candles from the oldest up to `to` (exclusive) replayed through fresh heads; warm-up (no decisions)
 * before `from`. Returns one new VoteCache per cache, holding exactly those candles.
 */
export function revote(
  caches: readonly CacheView[],
  headParams: HeadParams,
  createHeads: CreateHeads,
  params: EngineParams,
  learned: LearnedVectors,
  from: number,
  to: number,
  opts: RevoteOptions = {},
): VoteCache[] {
  return caches.map((cache, k) => {
    const end = cache.firstAtOrAfter(to);
    const out = new VoteCache(Math.max(1, end));
    if (end === 0) return out;
    if (opts.heads) {
      spliced(cache, end, createHeads(headParams), opts.heads, out);
      return out;
    }
    const engine = new SymbolEngine(`s${k}`, params, createHeads(headParams), { weights: Float64Array.from(learned.weights), thresholds: Float64Array.from(learned.thresholds) });
    engine.cache = out;
    for (let i = 0; i < end; i++) {
      const c = candleAt(cache, cache.slot(i));
      engine.step(c, c.openTime < from);
    }
    return out;
  });
}

function spliced(cache: CacheView, end: number, heads: readonly Head[], which: readonly number[], out: VoteCache): void {
  if (heads.length !== 9) throw new AlphaPulseError('AP_ERR_CONFIG', `revote: createHeads gave ${heads.length} heads, expected 9`);
  const idx = [...new Set(which)].sort((a, b) => a - b);
  for (const i of idx) if (!(Number.isInteger(i) && i >= 0 && i < 9)) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `revote: head index ${i} is not in 0..8`);
  const run = idx.map((i) => heads[i]!);
  const set = new IndicatorSet(mergeRequirements(run.map((h) => h.requires())));
  for (const h of run) h.bind(set);
  const votes: VoteSlot[] = Array.from({ length: 9 }, () => newVoteSlot());
  const inp = newDecisionInputs();
  const ctx: { -readonly [K in keyof HeadContext]: HeadContext[K] } = { values: set.values, candle: undefined as unknown as Candle, tf: 0, regime: 2 };
  const f = cache.f;
  for (let k = 0; k < end; k++) {
    const s = cache.slot(k);
    const candle = candleAt(cache, s);
    if (run.length > 0) set.update(candle);
    ctx.candle = candle;
    ctx.tf = cache.tf[s]!;
    ctx.regime = cache.regime[s]!;
    for (let h = 0; h < 9; h++) {
      votes[h]!.direction = cache.dir[s * 9 + h]! as DirectionCode;
      votes[h]!.confidence = cache.conf[s * 9 + h]!;
      votes[h]!.reasons = 0;
    }
    for (let j = 0; j < run.length; j++) run[j]!.evaluate(ctx, votes[idx[j]!]!);
    inp.openTime = candle.openTime;
    inp.close = candle.close;
    inp.volume = candle.volume;
    inp.regime = ctx.regime;
    inp.tf = ctx.tf;
    inp.atr = f.atr[s]!;
    inp.swingHigh = f.swingHigh[s]!;
    inp.swingLow = f.swingLow[s]!;
    inp.volumeZ = f.volumeZ[s]!;
    out.push(candle, inp, votes);
  }
}

/** The indicator keys the heads need, sorted and joined. */
function requirementKeys(heads: readonly Head[]): string {
  return mergeRequirements(heads.map((h) => h.requires()))
    .map((c) => indicatorKey(c.name, c.params, c.timeframe))
    .sort()
    .join(' ');
}

/**
 * Whether heads built from `a` need other indicators than heads built from `b` (then an indicator-set
 * snapshot taken with one cannot be restored into an engine with the other).
 */
export function headIndicatorsDiffer(createHeads: CreateHeads, a: HeadParams, b: HeadParams): boolean {
  return requirementKeys(createHeads(a)) !== requirementKeys(createHeads(b));
}

/** Why the votes of `heads` in the caches cannot be used (non-finite confidence, bad direction), or null. */
function badVotes(caches: readonly CacheView[], heads: readonly number[]): string | null {
  for (const c of caches) {
    for (let k = 0; k < c.size; k++) {
      const s = c.slot(k);
      for (const h of heads) {
        const d = c.dir[s * 9 + h]!;
        const conf = c.conf[s * 9 + h]!;
        if (!Number.isFinite(conf) || (d !== 0 && d !== 1 && d !== -1)) {
          return `head ${HEAD_IDS[h]} voted direction ${d} with confidence ${conf} at ${new Date(c.f.openTime[s]!).toISOString()}`;
        }
      }
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// The stage

export type HeadSearchInput = {
  readonly caches: readonly CacheView[];
  /** end of the window (exclusive) */
  readonly now: number;
  /** the weights and thresholds every head-parameter candidate is judged with */
  readonly vectors: Candidate;
  /** the learned head parameters in force (LearnedState.headParams) */
  readonly headParams: HeadParams;
  /** the configured head overrides (EngineParams.heads) the learned ones apply over */
  readonly baseHeadParams: HeadParams;
  readonly createHeads: CreateHeads;
  readonly params: EngineParams;
  readonly outcome: OutcomeParams;
  /** window, split and gate (windowDays, holdoutShare, minTrades, minImprovement, seed) */
  readonly weekly: WeeklyParams;
  readonly head: HeadSearchParams;
};

export type HeadCandidateResult = {
  readonly index: number;
  readonly heads: readonly string[];
  readonly changes: readonly HeadParamChange[];
  /** training span; null when the candidate was discarded */
  readonly train: WindowResult | null;
  /** why it was discarded (bad votes), else null */
  readonly invalid: string | null;
};

export type HeadSearchResult = {
  readonly status: 'deploy' | 'keep' | 'skipped';
  readonly reason: string;
  /** training [evalFrom, split), held-out [split, to); [from, evalFrom) is warm-up only */
  readonly window: { readonly from: number; readonly evalFrom: number; readonly split: number; readonly to: number };
  readonly seed: number;
  readonly params: HeadSearchParams;
  /** the current head parameters on the cached (live) votes */
  readonly current: { readonly train: WindowResult | null; readonly holdout: WindowResult | null };
  /** every candidate (index 1..n; 0 is the current parameters) */
  readonly candidates: readonly HeadCandidateResult[];
  /** the best on the training span with its held-out result and its control, null when none or the current one */
  readonly best: {
    readonly index: number;
    readonly heads: readonly string[];
    readonly changes: readonly HeadParamChange[];
    readonly train: WindowResult;
    readonly holdout: WindowResult;
    /** the same heads re-run cold with the current parameters */
    readonly control: { readonly train: WindowResult; readonly holdout: WindowResult };
    /**
     * whether the candidate's heads need other indicators than the current ones: an engine restored from a
     * checkpoint taken with the current heads cannot restore its indicator set then (it must warm up anew)
     */
    readonly indicatorsChanged: boolean;
    /** what to store as LearnedState.headParams: the learned overrides with the changed letters' complete overrides */
    readonly headParams: HeadParams;
  } | null;
  /** held-out (E_best − E_cur) / max(|E_cur|, 0.01), null when not computable */
  readonly improvement: number | null;
  /** held-out (E_best − E_control) / max(|E_control|, 0.01), null when not computable */
  readonly controlImprovement: number | null;
  readonly ms: { readonly revote: number; readonly simulate: number };
};

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** mixed into the weekly seed so the head-parameter stream differs from the weights stream */
const HEAD_STREAM = 0x48454144;
const fmt = (x: number | null): string => (x === null ? 'none' : x.toFixed(4));
const rel = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : (a - b) / Math.max(Math.abs(b), 0.01));

/** One head-parameter stage (see the module comment). Deterministic for the same inputs. */
export function headParamSearch(input: HeadSearchInput): HeadSearchResult {
  const { caches, now, vectors, params, outcome, weekly, head } = input;
  const windowMs = weekly.windowDays * DAY;
  const from = now - windowMs;
  const to = now;
  const split = from + Math.round(((1 - weekly.holdoutShare) * windowMs) / MINUTE) * MINUTE;
  const evalFrom = from + Math.round((head.headWarmupHours * HOUR) / MINUTE) * MINUTE;
  const seed = (searchSeed(weekly.seed, from) ^ HEAD_STREAM) >>> 0;
  const ms = { revote: 0, simulate: 0 };
  const base = { window: { from, evalFrom, split, to }, seed, params: { ...head } };
  const none = { current: { train: null, holdout: null }, candidates: [], best: null, improvement: null, controlImprovement: null };
  if (head.headCandidates === 0) return { status: 'skipped', reason: 'head-parameter search disabled (headCandidates 0)', ...base, ...none, ms };
  if (evalFrom >= split) {
    return { status: 'skipped', reason: `the ${head.headWarmupHours} h warm-up leaves no training span before the held-out part`, ...base, ...none, ms };
  }
  if (!caches.some((c) => c.size > 0 && c.firstAtOrAfter(evalFrom) < c.firstAtOrAfter(split) && c.firstAtOrAfter(split) < c.firstAtOrAfter(to))) {
    return { status: 'skipped', reason: 'no cached candles in the judged training or held-out span', ...base, ...none, ms };
  }
  const current = effectiveHeadParams(input.baseHeadParams, input.headParams);
  const create = input.createHeads;
  const sim = (cs: readonly CacheView[], a: number, b: number): WindowResult => {
    const t = performance.now();
    const r = simulateWindow(cs, a, b, vectors, params, outcome);
    ms.simulate += performance.now() - t;
    return r;
  };
  const rerun = (hp: HeadParams, heads: readonly number[]): VoteCache[] => {
    const t = performance.now();
    const r = revote(caches, hp, create, params, vectors, from, to, { heads });
    ms.revote += performance.now() - t;
    return r;
  };

  const curTrain = sim(caches, evalFrom, split);
  const cands = headParamCandidates(current, prng(seed), head.headCandidates, head.headSpread);
  const revoted: (VoteCache[] | null)[] = [];
  const results: HeadCandidateResult[] = cands.map((c, i) => {
    const cs = rerun(c.headParams, c.heads);
    const invalid = badVotes(cs, c.heads);
    revoted.push(invalid ? null : cs);
    const heads = c.heads.map((h) => HEAD_IDS[h]!);
    return { index: i + 1, heads, changes: c.changes, train: invalid ? null : sim(cs, evalFrom, split), invalid };
  });

  // Training: the current parameters are index 0.
  let bestIndex = -1;
  let bestE = -Infinity;
  const consider = (i: number, r: WindowResult | null): void => {
    if (r && r.trades >= weekly.minTrades && r.expectancy !== null && r.expectancy > bestE) {
      bestE = r.expectancy;
      bestIndex = i;
    }
  };
  consider(0, curTrain);
  results.forEach((r) => consider(r.index, r.train));
  const curHold = sim(caches, split, to);
  const result = (status: 'deploy' | 'keep', reason: string, best: HeadSearchResult['best'] = null): HeadSearchResult => ({
    status,
    reason,
    ...base,
    current: { train: curTrain, holdout: curHold },
    candidates: results,
    best,
    improvement: best ? rel(best.holdout.expectancy, curHold.expectancy) : null,
    controlImprovement: best ? rel(best.holdout.expectancy, best.control.holdout.expectancy) : null,
    ms,
  });
  if (results.length === 0) return result('keep', 'no head-parameter candidate could be drawn');
  if (bestIndex < 0) return result('keep', `no head-parameter candidate had ${weekly.minTrades} trades on the training span (current: ${curTrain.trades})`);
  if (bestIndex === 0) return result('keep', `the current head parameters are the best on the training span (expectancy ${fmt(curTrain.expectancy)}% over ${curTrain.trades} trades)`);

  const cand = cands[bestIndex - 1]!;
  const cr = results[bestIndex - 1]!;
  const cs = revoted[bestIndex - 1]!;
  const ctl = rerun(current, cand.heads);
  const best = {
    index: bestIndex,
    heads: cr.heads,
    changes: cr.changes,
    train: cr.train!,
    holdout: sim(cs, split, to),
    control: { train: sim(ctl, evalFrom, split), holdout: sim(ctl, split, to) },
    indicatorsChanged: headIndicatorsDiffer(create, cand.headParams, current),
    // what to store: the learned overrides in force with the changed letters replaced by their complete
    // overrides (configured ones included, as a letter replaces the configured one when the heads are built)
    headParams: { ...input.headParams, ...Object.fromEntries(cr.heads.map((l) => [l, cand.headParams[l]!])) },
  };
  const what = `head-parameter candidate ${bestIndex} (${cr.changes.map((c) => `${c.head}.${c.param} ${c.from}→${c.to}`).join(', ')}; training ${fmt(best.train.expectancy)}% over ${best.train.trades} trades vs current ${fmt(curTrain.expectancy)}% over ${curTrain.trades})`;
  const eCur = curHold.expectancy;
  const eBest = best.holdout.expectancy;
  const imp = rel(eBest, eCur);
  const ctlImp = rel(eBest, best.control.holdout.expectancy);
  if (eCur === null) return result('keep', `${what}: the current head parameters have no held-out trades to compare with`, best);
  if (eBest === null || best.holdout.trades < weekly.minTrades) return result('keep', `${what}: ${best.holdout.trades} held-out trades, fewer than ${weekly.minTrades}`, best);
  const held = `held-out ${fmt(eBest)}% over ${best.holdout.trades} trades vs current ${fmt(eCur)}% over ${curHold.trades} (improvement ${fmt(imp)}), vs control ${fmt(best.control.holdout.expectancy)}% over ${best.control.holdout.trades} (improvement ${fmt(ctlImp)})`;
  if (!(imp! > weekly.minImprovement)) return result('keep', `${what}: ${held}: not above ${weekly.minImprovement} over the current parameters`, best);
  if (ctlImp !== null && !(ctlImp > weekly.minImprovement)) return result('keep', `${what}: ${held}: not above ${weekly.minImprovement} over the control (warm-up artefact)`, best);
  return result('deploy', `${what}: ${held} > ${weekly.minImprovement}`, best);
}
