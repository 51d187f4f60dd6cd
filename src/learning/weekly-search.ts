/**
 * Weekly retraining search: re-simulates the last `windowDays` of cached votes (VoteCache) under candidate
 * head weights and confidence thresholds, and deploys a candidate only when it beats the weights in force
 * on a later, held-out slice of the window (walk-forward). Pure and deterministic: a seeded PRNG, no clock,
 * no I/O (the caller records the returned numbers and applies a 'deploy').
 *
 * Simulation (`simulateWindow`): for each symbol's cache independently, fresh SignalLimits, SetupHistory
 * and position books, then per cached candle with openTime in [from, to), in the live engine's order:
 *   1. the open signals, then the open shadows (rejected candidates), are resolved on the candle (a
 *      PositionBook each, fees/slippage/tolerance from OutcomeParams); every outcome — real or shadow —
 *      is recorded into the SetupHistory, as the live engine does;
 *   2. decideFromVotes (the function the live engine runs) with the cached inputs and votes and the
 *      candidate's weight row and threshold for the cached regime;
 *   3. a signal opens a position, a rejected candidate a shadow (at most MAX_OPEN_SHADOWS open, the engine's
 *      default): entry/stop/target of the decision, openedAt = decision time, expiresAt = decision time +
 *      params.risk.maxHoldMinutes·60000, id `${symbol}-${time}` (symbol = the cache's index, `s0`, `s1`, …).
 * Signals still open after the last candle of the span are closed at that candle's close (mark to market,
 * same fee/slippage formula: computePnl), so every candidate is judged on exactly the same span and no trade
 * is dropped; a signal given on the very last candle is closed at its entry and costs the round trip.
 * Shadows only feed the history, so those still open are dropped. Objective: expectancy = mean net % per
 * trade over all symbols (null without trades).
 *
 * The search (`weeklySearch`): window [now − windowDays, now) — cached candles at or after `now` are
 * ignored — training part = the first (1 − holdoutShare) of it (whole minutes), held-out part = the rest.
 * Candidate 0 is the current vector; the others perturb it (see `generateCandidates`). All are evaluated
 * on the training part; the best (highest expectancy with ≥ minTrades trades, ties → lowest index) and the
 * current one are evaluated on the held-out part, and the candidate is deployed only when it differs from
 * the current one, both have held-out trades, it has ≥ minTrades of them and
 * (E_cand − E_cur) / max(|E_cur|, 0.01) > minImprovement.
 *
 * Parallel evaluation: `createWorkerEvaluator` runs candidates on worker threads (weekly-worker.ts) that
 * read the caches from SharedArrayBuffers (copied once per search). Each candidate is simulated by the same
 * `simulateWindow` over the same values, so results are identical to the sequential path. The worker runs
 * from the compiled output (dist/learning/weekly-worker.js, emitted by `npm run build`); under vitest/tsx
 * (sources in src/) it is looked up in dist/, so it needs a build first (`npm test` builds first).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { newConsensusResult } from '../consensus/consensus.js';
import { SetupHistory } from '../consensus/filters.js';
import { SignalLimits } from '../consensus/limits.js';
import { AlphaPulseError } from '../core/errors.js';
import { paramDefaults, type ParamTable, type ParamValues } from '../core/params.js';
import { decideFromVotes, newDecisionInputs } from '../engine/decide.js';
import { newDecision } from '../engine/decision.js';
import type { EngineParams } from '../engine/engine-params.js';
import { newVoteSlot, type DirectionCode, type VoteSlot } from '../heads/types.js';
import { PositionBook } from '../outcomes/position-book.js';
import { computePnl, type Outcome, type OutcomeParams } from '../outcomes/resolve.js';
import { DEFAULT_THRESHOLD_PARAMS } from './thresholds.js';
import { normaliseWeights, type LearningParams } from './weights.js';

export const WEEKLY_PARAMS = {
  windowDays: { default: 7, min: 3, max: 28, integer: true, doc: 'days of cached votes the weekly search re-simulates (ending now)' },
  holdoutShare: { default: 0.3, min: 0.1, max: 0.5, doc: 'latest share of the window held out: candidates are chosen on the rest and judged on it' },
  candidates: { default: 48, min: 1, max: 1000, integer: true, doc: 'candidate vectors evaluated, the current one included' },
  minOutcomes: { default: 50, min: 0, max: 1_000_000, integer: true, doc: 'resolved outcomes (real + shadow) before the weekly search runs at all' },
  minTrades: { default: 8, min: 1, max: 100_000, integer: true, doc: 'trades a candidate needs on the training part and on the held-out part to count' },
  minImprovement: {
    default: 0.03,
    min: 0,
    max: 10,
    doc: 'deploy only when (E_cand − E_cur) / max(|E_cur|, 0.01) on the held-out part is above this (E = mean net % per trade)',
  },
  weightNoise: { default: 0.35, min: 0, max: 3, doc: 'candidate head weights: w · exp(weightNoise · N(0,1)) per head, then normalised into the bounds' },
  thresholdStep: { default: 0.05, min: 0, max: 0.2, doc: 'candidate thresholds: current + thresholdStep · {−1, 0, +1} per regime, within [minThreshold, maxThreshold]' },
  seed: { default: 1, min: 0, max: 4_294_967_295, integer: true, doc: 'PRNG seed of the candidate generator (mixed with the window start)' },
} as const satisfies ParamTable;
export type WeeklyParams = ParamValues<typeof WEEKLY_PARAMS>;
export const DEFAULT_WEEKLY_PARAMS: WeeklyParams = paramDefaults(WEEKLY_PARAMS);

/** Whether enough outcomes (real + shadow) were resolved for the weekly search to run. */
export function enoughOutcomes(counts: { readonly outcomes: number; readonly shadows: number }, weekly: Pick<WeeklyParams, 'minOutcomes'> = DEFAULT_WEEKLY_PARAMS): boolean {
  return counts.outcomes + counts.shadows >= weekly.minOutcomes;
}

/** A vector set to judge: 4 × 9 head weights (row r for regime r) and 4 confidence thresholds. */
export type Candidate = { readonly weights: Float64Array; readonly thresholds: Float64Array };

export type WindowResult = {
  /** signals opened in the span (resolved or marked to market at its end) */
  readonly trades: number;
  /** trades with netPct > 0 */
  readonly wins: number;
  readonly sumNetPct: number;
  /** sumNetPct / trades, null without trades */
  readonly expectancy: number | null;
};

const CACHE_FIELDS = ['openTime', 'open', 'high', 'low', 'close', 'volume', 'atr', 'swingHigh', 'swingLow', 'volumeZ'] as const;
export type CacheField = (typeof CACHE_FIELDS)[number];

/** What the simulation reads from a vote cache; a VoteCache is one, so is a shared copy (`viewSharedCache`). */
export interface CacheView {
  readonly size: number;
  readonly f: Readonly<Record<CacheField, Float64Array>>;
  readonly regime: Int8Array;
  readonly tf: Int8Array;
  readonly dir: Int8Array;
  readonly conf: Float64Array;
  /** physical slot of the k-th oldest entry */
  slot(k: number): number;
  /** logical index of the first entry with openTime >= t (size when none) */
  firstAtOrAfter(t: number): number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Shadows tracked at once per symbol (the live engine's default `maxOpenShadows`). */
export const MAX_OPEN_SHADOWS = 5000;

type MutableCandle = {
  openTime: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  closeTime: number;
  quoteVolume: number;
  trades: number;
  takerBuyBaseVolume: number;
  takerBuyQuoteVolume: number;
};

/** Per-call scratch of the simulation: reused for every candle (nothing allocated per candle). */
type Scratch = {
  readonly votes: VoteSlot[];
  readonly inp: ReturnType<typeof newDecisionInputs>;
  readonly cons: ReturnType<typeof newConsensusResult>;
  readonly d: ReturnType<typeof newDecision>;
  readonly candle: MutableCandle;
  readonly out: Outcome[];
  readonly rows: Float64Array[];
};

function newScratch(): Scratch {
  return {
    votes: Array.from({ length: 9 }, () => newVoteSlot()),
    inp: newDecisionInputs(),
    cons: newConsensusResult(),
    d: newDecision(''),
    candle: { openTime: 0, open: 0, high: 0, low: 0, close: 0, volume: 0, closeTime: 0, quoteVolume: 0, trades: 0, takerBuyBaseVolume: 0, takerBuyQuoteVolume: 0 },
    out: [],
    rows: [],
  };
}

function checkCandidate(c: Candidate): void {
  if (c.weights.length !== 36) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `weekly search: a candidate needs 36 weights (4 regimes × 9 heads), got ${c.weights.length}`);
  if (c.thresholds.length !== 4) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `weekly search: a candidate needs 4 thresholds, got ${c.thresholds.length}`);
}

/** A trade the position book accepts: finite positive prices on the right sides of the entry. */
function validTrade(dir: number, entry: number, stop: number, target: number): boolean {
  if (!(entry > 0 && stop > 0 && target > 0 && entry < Infinity && stop < Infinity && target < Infinity)) return false;
  return dir === 1 ? stop < entry && entry < target : target < entry && entry < stop;
}

/**
 * Re-simulates the caches over [from, to) with one candidate (see the module comment for the rules).
 * Symbols are independent; their trades are pooled into one result.
 */
export function simulateWindow(
  caches: readonly CacheView[],
  from: number,
  to: number,
  cand: Candidate,
  params: EngineParams,
  outcome: OutcomeParams,
): WindowResult {
  checkCandidate(cand);
  const sc = newScratch();
  sc.rows.length = 0;
  for (let r = 0; r < 4; r++) sc.rows.push(cand.weights.subarray(r * 9, r * 9 + 9));
  const acc = { trades: 0, wins: 0, sum: 0 };
  for (let k = 0; k < caches.length; k++) simulateSymbol(caches[k]!, `s${k}`, from, to, cand.thresholds, params, outcome, sc, acc);
  return { trades: acc.trades, wins: acc.wins, sumNetPct: acc.sum, expectancy: acc.trades > 0 ? acc.sum / acc.trades : null };
}

function simulateSymbol(
  cache: CacheView,
  symbol: string,
  from: number,
  to: number,
  thresholds: Float64Array,
  params: EngineParams,
  outcome: OutcomeParams,
  sc: Scratch,
  acc: { trades: number; wins: number; sum: number },
): void {
  const start = cache.firstAtOrAfter(from);
  const end = cache.firstAtOrAfter(to);
  if (end <= start) return;
  const limits = new SignalLimits(params.limits);
  const history = new SetupHistory();
  const signals = new PositionBook(symbol, outcome);
  const shadows = new PositionBook(symbol, outcome);
  /** setup kind of each open position (signals and shadows), by id */
  const kinds = new Map<string, number>();
  const { votes, inp, cons, d, candle, out, rows } = sc;
  const { openTime: fOpenTime, open: fOpen, high: fHigh, low: fLow, close: fClose, volume: fVolume, atr: fAtr, swingHigh: fSwingHigh, swingLow: fSwingLow, volumeZ: fVolumeZ } = cache.f;
  const regimes = cache.regime;
  const tfs = cache.tf;
  const dirs = cache.dir;
  const confs = cache.conf;
  const holdMs = params.risk.maxHoldMinutes * MINUTE;
  let lastClose = NaN;
  for (let k = start; k < end; k++) {
    const s = cache.slot(k);
    const openTime = fOpenTime[s]!;
    candle.openTime = openTime;
    candle.open = fOpen[s]!;
    candle.high = fHigh[s]!;
    candle.low = fLow[s]!;
    candle.close = fClose[s]!;
    candle.volume = fVolume[s]!;
    candle.closeTime = openTime + MINUTE - 1;
    lastClose = candle.close;
    // 1. resolve (signals, then shadows — the engine's order)
    if (signals.size > 0) {
      out.length = 0;
      signals.onCandle(candle, out);
      for (let i = 0; i < out.length; i++) {
        const o = out[i]!;
        history.record(kinds.get(o.id)!, o.won);
        kinds.delete(o.id);
        acc.trades++;
        if (o.won) acc.wins++;
        acc.sum += o.netPct;
      }
    }
    if (shadows.size > 0) {
      out.length = 0;
      shadows.onCandle(candle, out);
      for (let i = 0; i < out.length; i++) {
        const o = out[i]!;
        history.record(kinds.get(o.id)!, o.won);
        kinds.delete(o.id);
      }
    }
    // 2. decide on the cached inputs and votes
    const regime = regimes[s]!;
    inp.openTime = openTime;
    inp.close = candle.close;
    inp.volume = candle.volume;
    inp.regime = regime;
    inp.tf = tfs[s]!;
    inp.atr = fAtr[s]!;
    inp.swingHigh = fSwingHigh[s]!;
    inp.swingLow = fSwingLow[s]!;
    inp.volumeZ = fVolumeZ[s]!;
    const base = s * 9;
    for (let h = 0; h < 9; h++) {
      const v = votes[h]!;
      v.direction = dirs[base + h]! as DirectionCode;
      v.confidence = confs[base + h]!;
    }
    decideFromVotes(inp, votes, rows[regime]!, thresholds[regime]!, params, history, limits, cons, d);
    // 3. track the candidate (hasCandidate: a direction and a would-be trade)
    if (d.direction === 0 || d.entry !== d.entry) continue;
    const shadow = d.action !== 'signal';
    const book = shadow ? shadows : signals;
    if (shadow && book.size >= MAX_OPEN_SHADOWS) continue;
    const dir = d.direction === 1 ? 1 : -1;
    // The live engine would throw on such a trade (PositionBook validation); here it is not tracked.
    if (!validTrade(dir, d.entry, d.stop, d.target)) continue;
    const time = d.time;
    const id = `${symbol}-${time}`;
    kinds.set(id, d.setupKind);
    book.add({ id, symbol, direction: dir, entry: d.entry, stop: d.stop, target: d.target, openedAt: time, expiresAt: time + holdMs });
  }
  // Mark to market: signals still open are closed at the last candle's close.
  if (signals.size > 0) {
    for (const p of signals.positions()) {
      const net = computePnl(p.direction, p.entry, lastClose, outcome).netPct;
      acc.trades++;
      if (net > 0) acc.wins++;
      acc.sum += net;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Candidates

/** mulberry32: a small, fast 32-bit PRNG; the same seed gives the same stream everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    // (x + 0.5) / 2^32: strictly inside (0, 1), so log() below never sees 0
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4_294_967_296;
  };
}

function mix32(h: number, x: number): number {
  h = Math.imul(h ^ (x >>> 0), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The generator's seed: the configured seed mixed with the window start (whole minutes), so each week explores differently. */
export function searchSeed(seed: number, from: number): number {
  const minute = Math.floor(from / MINUTE);
  return mix32(mix32(mix32(0x9e3779b9, seed), minute % 4_294_967_296), Math.floor(minute / 4_294_967_296));
}

function round9(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/**
 * Candidate 0 is `current` (copied); the others, from the seeded stream, in order: per candidate, the
 * weight noise z ~ N(0, 1) (Box–Muller) per head — one row copied to all 4 regimes (perturbing the current
 * regime-0 row) unless `perRegime`, then one row per regime — w_i · exp(weightNoise · z_i), normalised into
 * [minWeight, maxWeight] with sum 1 (normaliseWeights); then per regime a threshold step from {−1, 0, +1}
 * (uniform): current + thresholdStep · step, clamped to [minThreshold, maxThreshold] of the threshold
 * adaptation (0.40, 0.85) and rounded to 1e-9.
 */
export function generateCandidates(current: Candidate, perRegime: boolean, weekly: WeeklyParams, learning: LearningParams, seed: number): Candidate[] {
  checkCandidate(current);
  const rnd = prng(seed);
  let spare = NaN;
  const normal = (): number => {
    if (spare === spare) {
      const z = spare;
      spare = NaN;
      return z;
    }
    const r = Math.sqrt(-2 * Math.log(rnd()));
    const t = 2 * Math.PI * rnd();
    spare = r * Math.sin(t);
    return r * Math.cos(t);
  };
  const lo = DEFAULT_THRESHOLD_PARAMS.minThreshold;
  const hi = DEFAULT_THRESHOLD_PARAMS.maxThreshold;
  const out: Candidate[] = [{ weights: Float64Array.from(current.weights), thresholds: Float64Array.from(current.thresholds) }];
  const v = new Float64Array(9);
  for (let c = 1; c < weekly.candidates; c++) {
    const weights = new Float64Array(36);
    const rows = perRegime ? 4 : 1;
    for (let r = 0; r < rows; r++) {
      for (let i = 0; i < 9; i++) v[i] = current.weights[r * 9 + i]! * Math.exp(weekly.weightNoise * normal());
      normaliseWeights(v, learning, weights.subarray(r * 9, r * 9 + 9));
    }
    if (!perRegime) for (let r = 1; r < 4; r++) weights.copyWithin(r * 9, 0, 9);
    const thresholds = new Float64Array(4);
    for (let r = 0; r < 4; r++) {
      const step = Math.min(2, Math.floor(rnd() * 3)) - 1;
      const t = current.thresholds[r]! + weekly.thresholdStep * step;
      thresholds[r] = round9(t < lo ? lo : t > hi ? hi : t);
    }
    out.push({ weights, thresholds });
  }
  return out;
}

function sameCandidate(a: Candidate, b: Candidate): boolean {
  for (let i = 0; i < 36; i++) if (a.weights[i] !== b.weights[i]) return false;
  for (let i = 0; i < 4; i++) if (a.thresholds[i] !== b.thresholds[i]) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------------
// The search

/** What an evaluator needs besides the candidates and the span; one object per search. */
export type SearchData = { readonly caches: readonly CacheView[]; readonly params: EngineParams; readonly outcome: OutcomeParams };

/** Evaluates candidates over [from, to); results in candidate order, each as `simulateWindow` returns it. */
export type Evaluate = (cands: readonly Candidate[], from: number, to: number, data: SearchData) => Promise<WindowResult[]>;

/** The sequential evaluator (the reference the worker evaluator must match). */
export const sequentialEvaluate: Evaluate = (cands, from, to, data) =>
  Promise.resolve(cands.map((c) => simulateWindow(data.caches, from, to, c, data.params, data.outcome)));

export type WeeklySearchInput = {
  readonly caches: readonly CacheView[];
  /** end of the window (exclusive); nothing at or after it is used */
  readonly now: number;
  /** the vectors in force: 36 weights (4 regimes × 9) and 4 thresholds */
  readonly current: Candidate;
  /** weights learned per regime (else one vector is perturbed and copied to all 4 rows) */
  readonly perRegime: boolean;
  readonly params: EngineParams;
  readonly outcome: OutcomeParams;
  readonly weekly: WeeklyParams;
  readonly learning: LearningParams;
};

export type WeeklyResult = {
  readonly status: 'deploy' | 'keep' | 'skipped';
  readonly reason: string;
  /** training part [from, split), held-out part [split, to) */
  readonly window: { readonly from: number; readonly split: number; readonly to: number };
  /** the current vectors' results (null when not evaluated: skipped) */
  readonly current: { readonly train: WindowResult | null; readonly holdout: WindowResult | null };
  /** the best candidate on the training part (null when skipped or none had minTrades trades) */
  readonly best: {
    readonly index: number;
    readonly train: WindowResult;
    readonly holdout: WindowResult | null;
    readonly weights: number[];
    readonly thresholds: number[];
  } | null;
  /** candidates evaluated (the current one included), 0 when skipped */
  readonly candidates: number;
  /** training-part results of every candidate, in candidate order (index 0 = current) */
  readonly train: readonly WindowResult[];
  /** (E_cand − E_cur) / max(|E_cur|, 0.01) on the held-out part, null when either has no trades (or no best) */
  readonly improvement: number | null;
  /** the seed of the candidate stream and the gate's parameters, for the record */
  readonly seed: number;
  readonly weekly: WeeklyParams;
};

const fmt = (x: number | null): string => (x === null ? 'none' : x.toFixed(4));

/**
 * One weekly search (see the module comment). `evaluate` defaults to the sequential path; pass
 * `createWorkerEvaluator(n).evaluate` to spread candidates over worker threads (same results).
 * The caller checks `enoughOutcomes` first; a window the caches do not cover is 'skipped'.
 */
export async function weeklySearch(input: WeeklySearchInput, evaluate: Evaluate = sequentialEvaluate): Promise<WeeklyResult> {
  const { caches, now, current, perRegime, weekly, learning } = input;
  checkCandidate(current);
  if (!Number.isFinite(now)) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `weekly search: now ${now} is not a time`);
  const windowMs = weekly.windowDays * DAY;
  const from = now - windowMs;
  const to = now;
  const split = from + Math.round(((1 - weekly.holdoutShare) * windowMs) / MINUTE) * MINUTE;
  const window = { from, split, to };
  const seed = searchSeed(weekly.seed, from);
  const base = { window, seed, weekly: { ...weekly } };
  const skipped = (reason: string): WeeklyResult => ({ status: 'skipped', reason, ...base, current: { train: null, holdout: null }, best: null, candidates: 0, train: [], improvement: null });

  // Coverage: some cache must reach back to the window start and hold candles in both parts.
  let oldest = Infinity;
  let inTrain = 0;
  let inHoldout = 0;
  for (const c of caches) {
    if (c.size === 0) continue;
    const t = c.f.openTime[c.slot(0)]!;
    if (t < oldest) oldest = t;
    const a = c.firstAtOrAfter(from);
    const b = c.firstAtOrAfter(split);
    inTrain += b - a;
    inHoldout += c.firstAtOrAfter(to) - b;
  }
  if (oldest === Infinity) return skipped('the vote caches are empty');
  if (oldest > from) {
    const days = Math.max(0, (to - oldest) / DAY);
    return skipped(`the vote caches are too short: they reach back ${days.toFixed(2)} days (to ${new Date(oldest).toISOString()}), the window needs ${weekly.windowDays} days (from ${new Date(from).toISOString()})`);
  }
  if (inTrain === 0 || inHoldout === 0) return skipped(`no cached candles in the ${inTrain === 0 ? 'training' : 'held-out'} part of the window`);

  const data: SearchData = { caches, params: input.params, outcome: input.outcome };
  const cands = generateCandidates(current, perRegime, weekly, learning, seed);
  const train = await evaluate(cands, from, split, data);
  if (train.length !== cands.length) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `weekly search: the evaluator returned ${train.length} results for ${cands.length} candidates`);
  let bestIndex = -1;
  let bestE = -Infinity;
  for (let i = 0; i < train.length; i++) {
    const r = train[i]!;
    if (r.trades >= weekly.minTrades && r.expectancy !== null && r.expectancy > bestE) {
      bestE = r.expectancy;
      bestIndex = i;
    }
  }
  const isCurrent = bestIndex === 0 || (bestIndex > 0 && sameCandidate(cands[bestIndex]!, cands[0]!));
  const holdout = await evaluate(bestIndex > 0 && !isCurrent ? [cands[0]!, cands[bestIndex]!] : [cands[0]!], split, to, data);
  const curHold = holdout[0]!;
  const bestHold = bestIndex < 0 ? null : isCurrent ? curHold : holdout[1]!;
  const best: WeeklyResult['best'] =
    bestIndex < 0
      ? null
      : { index: bestIndex, train: train[bestIndex]!, holdout: bestHold, weights: Array.from(cands[bestIndex]!.weights), thresholds: Array.from(cands[bestIndex]!.thresholds) };
  const eCur = curHold.expectancy;
  const eBest = bestHold?.expectancy ?? null;
  const improvement = bestIndex >= 0 && eCur !== null && eBest !== null ? (eBest - eCur) / Math.max(Math.abs(eCur), 0.01) : null;
  const result = (status: 'deploy' | 'keep', reason: string): WeeklyResult => ({
    status,
    reason,
    ...base,
    current: { train: train[0]!, holdout: curHold },
    best,
    candidates: cands.length,
    train,
    improvement,
  });

  if (bestIndex < 0) return result('keep', `no candidate had ${weekly.minTrades} trades on the training part (current: ${train[0]!.trades})`);
  if (isCurrent) return result('keep', `the current vectors are the best on the training part (expectancy ${fmt(train[0]!.expectancy)}% over ${train[0]!.trades} trades)`);
  const bt = train[bestIndex]!;
  const head = `candidate ${bestIndex} (training: ${fmt(bt.expectancy)}% over ${bt.trades} trades vs current ${fmt(train[0]!.expectancy)}% over ${train[0]!.trades})`;
  if (eCur === null) return result('keep', `${head}: the current vectors have no held-out trades to compare with`);
  if (eBest === null || bestHold!.trades < weekly.minTrades) {
    return result('keep', `${head}: ${bestHold!.trades} held-out trades, fewer than ${weekly.minTrades}`);
  }
  const held = `held-out ${fmt(eBest)}% over ${bestHold!.trades} trades vs current ${fmt(eCur)}% over ${curHold.trades}, improvement ${fmt(improvement)}`;
  if (!(improvement! > weekly.minImprovement)) return result('keep', `${head}: ${held}, not above ${weekly.minImprovement}`);
  return result('deploy', `${head}: ${held} > ${weekly.minImprovement}`);
}

// ---------------------------------------------------------------------------------------------------------
// Shared caches and the worker evaluator

/**
 * A cache copied into one SharedArrayBuffer in logical order (oldest first): the 10 Float64 fields
 * (n each), conf (9n), then the Int8 regime (n), tf (n) and dir (9n).
 */
export type SharedCache = { readonly n: number; readonly buffer: SharedArrayBuffer };

export function shareCache(c: CacheView): SharedCache {
  const n = c.size;
  const buffer = new SharedArrayBuffer(8 * 19 * n + 11 * n);
  const v = viewSharedCache({ n, buffer });
  for (let k = 0; k < n; k++) {
    const s = c.slot(k);
    for (const name of CACHE_FIELDS) v.f[name][k] = c.f[name][s]!;
    v.regime[k] = c.regime[s]!;
    v.tf[k] = c.tf[s]!;
    for (let h = 0; h < 9; h++) {
      v.dir[k * 9 + h] = c.dir[s * 9 + h]!;
      v.conf[k * 9 + h] = c.conf[s * 9 + h]!;
    }
  }
  return { n, buffer };
}

/** A CacheView over a shared copy (no copying). */
export function viewSharedCache(s: SharedCache): CacheView {
  const { n, buffer } = s;
  const f = {} as Record<CacheField, Float64Array>;
  CACHE_FIELDS.forEach((name, i) => (f[name] = new Float64Array(buffer, 8 * i * n, n)));
  const conf = new Float64Array(buffer, 8 * 10 * n, 9 * n);
  const i8 = 8 * 19 * n;
  const regime = new Int8Array(buffer, i8, n);
  const tf = new Int8Array(buffer, i8 + n, n);
  const dir = new Int8Array(buffer, i8 + 2 * n, 9 * n);
  const openTime = f.openTime;
  return {
    size: n,
    f,
    regime,
    tf,
    dir,
    conf,
    slot: (k) => k,
    firstAtOrAfter(t) {
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (openTime[mid]! < t) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
  };
}

/** Messages between the evaluator and its workers. */
export type WorkerRequest =
  | { readonly type: 'load'; readonly id: number; readonly caches: readonly SharedCache[]; readonly params: EngineParams; readonly outcome: OutcomeParams }
  | { readonly type: 'eval'; readonly job: number; readonly id: number; readonly cands: readonly Candidate[]; readonly from: number; readonly to: number };
export type WorkerReply = { readonly job: number; readonly results?: WindowResult[]; readonly error?: string };

export type WorkerEvaluator = {
  readonly threads: number;
  readonly evaluate: Evaluate;
  /** Terminates the workers; pending evaluations are rejected. */
  close(): Promise<void>;
};

/** Where the compiled worker is: beside this module in dist/, or dist/learning/ when this runs from src/. */
export function workerFileUrl(): URL {
  const here = new URL('./weekly-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL('../../dist/learning/weekly-worker.js', import.meta.url);
}

/**
 * `threads` worker threads evaluating candidates in parallel: each evaluate() splits the candidates into
 * contiguous chunks, one per worker, and joins the results in order. The caches of a search (one
 * SearchData object) are copied into SharedArrayBuffers once, on its first evaluate(). Workers do not keep
 * the process alive while idle; call close() when done. Throws when the compiled worker is missing.
 */
export function createWorkerEvaluator(threads: number, options: { readonly workerUrl?: URL } = {}): WorkerEvaluator {
  if (!Number.isInteger(threads) || threads < 1) throw new AlphaPulseError('AP_ERR_CONFIG', `weekly search: threads must be a positive integer, got ${threads}`);
  const url = options.workerUrl ?? workerFileUrl();
  if (!existsSync(fileURLToPath(url))) {
    throw new AlphaPulseError(
      'AP_ERR_CONFIG',
      `weekly search: the compiled worker ${fileURLToPath(url)} is missing — run \`npm run build\` (the worker runs from dist/, also under vitest/tsx)`,
    );
  }
  type Pending = { resolve: (r: WindowResult[]) => void; reject: (e: Error) => void };
  const pending = new Map<number, Pending>();
  let nextJob = 1;
  let nextLoad = 1;
  let closed = false;
  /** set when a worker failed: the evaluator cannot be used any more */
  let broken: Error | null = null;
  const loaded = new WeakMap<SearchData, number>();
  const fail = (e: Error): void => {
    broken ??= e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  const workers = Array.from({ length: threads }, () => {
    const w = new Worker(url);
    w.unref();
    w.on('message', (m: WorkerReply) => {
      const p = pending.get(m.job);
      if (!p) return;
      pending.delete(m.job);
      if (pending.size === 0) for (const x of workers) x.unref();
      if (m.error !== undefined) p.reject(new AlphaPulseError('AP_ERR_BAD_INPUT', `weekly search worker: ${m.error}`));
      else p.resolve(m.results!);
    });
    w.on('error', (e) => fail(e instanceof Error ? e : new Error(String(e))));
    w.on('exit', (code) => {
      if (!closed) fail(new AlphaPulseError('AP_ERR_BAD_INPUT', `weekly search worker exited with code ${code}`));
    });
    return w;
  });

  const evaluate: Evaluate = async (cands, from, to, data) => {
    if (closed) throw new AlphaPulseError('AP_ERR_BAD_INPUT', 'weekly search: the worker evaluator is closed');
    if (broken) throw broken;
    if (cands.length === 0) return [];
    let id = loaded.get(data);
    if (id === undefined) {
      id = nextLoad++;
      loaded.set(data, id);
      const msg: WorkerRequest = { type: 'load', id, caches: data.caches.map(shareCache), params: data.params, outcome: data.outcome };
      for (const w of workers) w.postMessage(msg);
    }
    const chunks = Math.min(workers.length, cands.length);
    const size = Math.ceil(cands.length / chunks);
    const parts: Promise<WindowResult[]>[] = [];
    for (let c = 0, start = 0; start < cands.length; c++, start += size) {
      const job = nextJob++;
      const w = workers[c]!;
      const msg: WorkerRequest = { type: 'eval', job, id, cands: cands.slice(start, start + size), from, to };
      parts.push(new Promise<WindowResult[]>((resolve, reject) => pending.set(job, { resolve, reject })));
      w.ref();
      w.postMessage(msg);
    }
    return (await Promise.all(parts)).flat();
  };

  return {
    threads,
    evaluate,
    async close() {
      if (closed) return;
      closed = true;
      fail(new AlphaPulseError('AP_ERR_BAD_INPUT', 'weekly search: the worker evaluator was closed'));
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
