/**
 * Head-weight learning math: pure, deterministic, no I/O. One resolved outcome (a signal, or the shadow of
 * a rejected candidate) moves the nine head weights by one of two rules, and both end in the same
 * safeguards: every weight changes by at most ±maxChange of itself, the vector is the Euclidean projection
 * onto {Σw = 1, l_i ≤ w_i ≤ u_i} with l_i = max(minWeight, (1−maxChange)·w_i), u_i = min(maxWeight,
 * (1+maxChange)·w_i), and an update whose largest relative change is under minChangeToWrite is dropped.
 *
 *   seed  : s_i = vote_i · direction · y (y = +1 won, −1 lost), v_i = w_i · (1 + rate · c_i · s_i)
 *   hedge : ℓ_i = (1 − p_i·y)/2, p_i = c_i · vote_i · direction; v_i ∝ w_i · e^(−η·ℓ_i); v ← (1−α)·v + α/n
 *           (η and α scaled by shadowLearningRate / learningRate for a shadow)
 *
 * The per-outcome functions allocate nothing: they work in module scratch arrays (they are synchronous,
 * so sharing is safe) and write the result into `out`, which may be `weights` itself or a subarray view.
 * See docs/LEARNING.md for the formulas, the projection and the handling of neutral heads and shadows.
 */
import { AlphaPulseError } from '../core/errors.js';
import { paramDefaults, type ParamTable, type ParamValues } from '../core/params.js';

export const LEARNING_PARAMS = {
  learningRate: { default: 0.05, min: 0.001, max: 0.5, doc: 'relative step per real outcome: w·(1 ± rate·confidence) (seed rule)' },
  shadowLearningRate: {
    default: 0.01,
    min: 0,
    max: 0.5,
    doc: 'relative step per shadow outcome (seed rule); Hedge scales η and the fixed share by shadowLearningRate / learningRate for shadows',
  },
  minWeight: { default: 0.05, min: 0, max: 0.11, doc: 'lowest weight a head can have (9 × minWeight must stay ≤ 1)' },
  maxWeight: { default: 0.3, min: 0.12, max: 1, doc: 'highest weight a head can have (9 × maxWeight must stay ≥ 1)' },
  maxChange: { default: 0.2, min: 0.01, max: 0.9, doc: 'largest change of a weight in one update, as a fraction of that weight' },
  minChangeToWrite: {
    default: 0.01,
    min: 0,
    max: 0.2,
    doc: 'an update whose largest relative weight change |w′−w|/w is under this is not applied (no new version)',
  },
  minOutcomes: { default: 10, min: 0, max: 100_000, integer: true, doc: 'real outcomes (shadows do not count) before any weight update' },
  hedgeEta: { default: 0.5, min: 0.01, max: 5, doc: 'Hedge learning rate η: w_i ← w_i·exp(−η·loss_i), loss in [0, 1]' },
  hedgeShare: { default: 0.02, min: 0, max: 0.5, doc: 'Hedge fixed share α: w ← (1−α)·w + α/9 after each update, so a head can recover' },
} as const satisfies ParamTable;
export type LearningParams = ParamValues<typeof LEARNING_PARAMS>;
export const DEFAULT_LEARNING_PARAMS: LearningParams = paramDefaults(LEARNING_PARAMS);

/** The outcome of one signal (or shadow signal) as learning sees it. */
export type LearningOutcome = {
  /** the signal's direction: 1 LONG, −1 SHORT */
  direction: 1 | -1;
  /** whether the signal (or the shadow) won */
  won: boolean;
  /** the 9 head directions at decision time, −1/0/1 */
  votes: Int8Array;
  /** the 9 head confidences in [0, 1] (0 for a NEUTRAL head) */
  confidences: Float64Array;
  /** a shadow of a rejected candidate rather than a real signal */
  shadow: boolean;
};

/** Slack for sums of weights read back from storage or produced by rounding. */
const SUM_TOLERANCE = 1e-12;

let capacity = 0;
let V = new Float64Array(0);
let L = new Float64Array(0);
let U = new Float64Array(0);
let R = new Float64Array(0);

function ensureScratch(n: number): void {
  if (n <= capacity) return;
  capacity = n;
  V = new Float64Array(n);
  L = new Float64Array(n);
  U = new Float64Array(n);
  R = new Float64Array(n);
}
ensureScratch(9);

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Σ_i clip(v_i − τ, l_i, u_i): continuous, non-increasing, piecewise linear in τ. */
function shiftedSum(v: ArrayLike<number>, l: ArrayLike<number>, u: ArrayLike<number>, n: number, tau: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += clamp(v[i]! - tau, l[i]!, u[i]!);
  return s;
}

/**
 * The projection on the first `n` entries; returns false (writing nothing) when the set is empty
 * (some l_i > u_i, Σl > total or Σu < total beyond rounding).
 */
function project(v: ArrayLike<number>, l: ArrayLike<number>, u: ArrayLike<number>, out: Float64Array, n: number, total: number): boolean {
  let sumL = 0;
  let sumU = 0;
  for (let i = 0; i < n; i++) {
    if (!(l[i]! <= u[i]!)) return false;
    sumL += l[i]!;
    sumU += u[i]!;
  }
  if (!(sumL <= total + SUM_TOLERANCE && sumU >= total - SUM_TOLERANCE)) return false;
  // The box pins everything (or all but rounding): the bound vector is the only point.
  if (sumL >= total) {
    for (let i = 0; i < n; i++) out[i] = l[i]!;
    return true;
  }
  if (sumU <= total) {
    for (let i = 0; i < n; i++) out[i] = u[i]!;
    return true;
  }
  // g(τ) = shiftedSum changes slope only at the 2n breakpoints v_i − u_i and v_i − l_i. Bracket the root
  // between the largest breakpoint with g ≥ total and the smallest with g ≤ total; g is linear in between.
  let lo = -Infinity;
  let gLo = sumU;
  let hi = Infinity;
  let gHi = sumL;
  for (let k = 0; k < 2 * n; k++) {
    const i = k >> 1;
    const p = (k & 1) === 0 ? v[i]! - u[i]! : v[i]! - l[i]!;
    const g = shiftedSum(v, l, u, n, p);
    if (g >= total && p > lo) {
      lo = p;
      gLo = g;
    }
    if (g <= total && p < hi) {
      hi = p;
      gHi = g;
    }
  }
  // sumU > total > sumL, so both ends exist (g = Σu left of every breakpoint, Σl right of every one) —
  // unless rounding in g hides a sum within an ulp of total: then that bound vector is the answer.
  if (lo === -Infinity || hi === Infinity) {
    const b = lo === -Infinity ? u : l;
    for (let i = 0; i < n; i++) out[i] = b[i]!;
    return true;
  }
  const tau = gLo === total ? lo : gHi === total ? hi : lo + ((gLo - total) * (hi - lo)) / (gLo - gHi);
  let s = 0;
  for (let i = 0; i < n; i++) {
    out[i] = clamp(v[i]! - tau, l[i]!, u[i]!);
    s += out[i]!;
  }
  // Rounding leaves |Σ − total| ~ 1e-16; put it on the free entry with the most room, if one has room.
  const r = total - s;
  if (r !== 0) {
    let best = -1;
    let room = 0;
    for (let i = 0; i < n; i++) {
      const x = r > 0 ? u[i]! - out[i]! : out[i]! - l[i]!;
      if (x > room) {
        room = x;
        best = i;
      }
    }
    if (best >= 0 && room >= Math.abs(r)) out[best] = out[best]! + r;
  }
  return true;
}

/**
 * Euclidean projection of `v` onto {Σw = 1, lower_i ≤ w_i ≤ upper_i}: w_i = clip(v_i − τ, lower_i, upper_i)
 * with τ solving Σ w_i = 1, found exactly from the 2n breakpoints of the piecewise-linear sum (O(n²), no
 * allocation). When the box allows only one point (Σlower = 1 or Σupper = 1) that point is returned.
 * Throws AP_ERR_BAD_INPUT when the set is empty (some lower_i > upper_i, Σlower > 1 or Σupper < 1).
 * `out` may be `v`.
 */
export function projectCappedSimplex(v: ArrayLike<number>, lower: ArrayLike<number>, upper: ArrayLike<number>, out: Float64Array): Float64Array {
  const n = out.length;
  if (v.length !== n || lower.length !== n || upper.length !== n) {
    throw new AlphaPulseError('AP_ERR_BAD_INPUT', `projectCappedSimplex: lengths differ (v ${v.length}, lower ${lower.length}, upper ${upper.length}, out ${n})`);
  }
  ensureScratch(n);
  for (let i = 0; i < n; i++) V[i] = v[i]!;
  if (!project(V, lower, upper, out, n, 1)) {
    throw new AlphaPulseError('AP_ERR_BAD_INPUT', 'projectCappedSimplex: no vector summing to 1 fits the bounds');
  }
  return out;
}

function checkBounds(n: number, p: LearningParams): void {
  if (n * p.minWeight > 1 + SUM_TOLERANCE || n * p.maxWeight < 1 - SUM_TOLERANCE || p.minWeight > p.maxWeight) {
    throw new AlphaPulseError('AP_ERR_CONFIG', `learning: ${n} weights cannot sum to 1 within [${p.minWeight}, ${p.maxWeight}]`);
  }
}

/**
 * Projects any non-negative vector onto {Σw = 1, minWeight ≤ w_i ≤ maxWeight} (no change cap): for an
 * initial vector, or a stored one that no longer fits changed bounds. `out` may be `weights`.
 */
export function normaliseWeights(weights: ArrayLike<number>, p: LearningParams, out: Float64Array): Float64Array {
  const n = out.length;
  checkBounds(n, p);
  if (weights.length !== n) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `normaliseWeights: ${weights.length} weights for ${n} slots`);
  ensureScratch(n);
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (!Number.isFinite(w)) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `normaliseWeights: weight ${i} is ${w}`);
    V[i] = w;
    L[i] = p.minWeight;
    U[i] = p.maxWeight;
  }
  project(V, L, U, out, n, 1);
  return out;
}

/**
 * The safeguards shared by both rules. V holds the proposed vector. Caps each change to ±maxChange of the
 * old weight, projects onto the sum-1 simplex within [max(minWeight, (1−maxChange)w), min(maxWeight,
 * (1+maxChange)w)], then applies the minChangeToWrite rule. An old vector outside the feasible set (hand-
 * edited, or bounds changed since) is repaired instead: projected onto the plain bounds, cap ignored.
 */
function finish(weights: ArrayLike<number>, n: number, p: LearningParams, out: Float64Array): boolean {
  const down = 1 - p.maxChange;
  const up = 1 + p.maxChange;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    V[i] = clamp(V[i]!, down * w, up * w);
    L[i] = Math.max(p.minWeight, down * w);
    U[i] = Math.min(p.maxWeight, up * w);
  }
  if (!project(V, L, U, R, n, 1)) {
    for (let i = 0; i < n; i++) {
      L[i] = p.minWeight;
      U[i] = p.maxWeight;
    }
    project(V, L, U, R, n, 1);
  }
  let largest = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    const rel = w > 0 ? Math.abs(R[i]! - w) / w : R[i]! > 0 ? Infinity : 0;
    if (rel > largest) largest = rel;
  }
  if (!(largest >= p.minChangeToWrite) || largest === 0) {
    if (out !== weights) for (let i = 0; i < n; i++) out[i] = weights[i]!;
    return false;
  }
  for (let i = 0; i < n; i++) out[i] = R[i]!;
  return true;
}

function prepare(weights: ArrayLike<number>, o: LearningOutcome, p: LearningParams, out: Float64Array, rule: string): number {
  const n = weights.length;
  if (out.length !== n || o.votes.length < n || o.confidences.length < n) {
    throw new AlphaPulseError(
      'AP_ERR_BAD_INPUT',
      `${rule}: ${n} weights, ${out.length} outputs, ${o.votes.length} votes, ${o.confidences.length} confidences`,
    );
  }
  checkBounds(n, p);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(weights[i]!)) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `${rule}: weight ${i} is ${weights[i]}`);
  }
  ensureScratch(n);
  return n;
}

/** Confidence in [0, 1] of head i, 0 when it did not vote a side (NaN counts as 0). */
function signedConfidence(o: LearningOutcome, i: number): number {
  const vote = o.votes[i]!;
  if (vote === 0) return 0;
  const c = o.confidences[i]!;
  const cc = c > 0 ? (c < 1 ? c : 1) : 0;
  return vote * o.direction > 0 ? cc : -cc;
}

/**
 * The seed rule. For each head: agreed & won or disagreed & lost → w·(1 + rate·c); agreed & lost or
 * disagreed & won → w·(1 − rate·c); NEUTRAL → no step of its own. rate = learningRate, or
 * shadowLearningRate for a shadow. Then the cap, the projection and the minChangeToWrite rule.
 * Writes the new vector (or the old one, unchanged) into `out`; true when it changed.
 */
export function seedUpdate(weights: ArrayLike<number>, o: LearningOutcome, p: LearningParams, out: Float64Array): boolean {
  const n = prepare(weights, o, p, out, 'seedUpdate');
  const rate = o.shadow ? p.shadowLearningRate : p.learningRate;
  const y = o.won ? 1 : -1;
  for (let i = 0; i < n; i++) V[i] = weights[i]! * (1 + rate * signedConfidence(o, i) * y);
  return finish(weights, n, p, out);
}

/**
 * Hedge (multiplicative weights) with fixed share. Loss ℓ_i = (1 − p_i·y)/2 in [0, 1] with p_i = ±c_i
 * (+ when head i voted the signal's direction, − the opposite, 0 when NEUTRAL) and y = ±1 (won/lost);
 * w_i ← w_i·exp(−η·ℓ_i), normalised, then w ← (1−α)·w + α/n, with η = hedgeEta and α = hedgeShare, both
 * × shadowLearningRate/learningRate for a shadow. Then the cap, the projection and the minChangeToWrite
 * rule, as seedUpdate.
 */
export function hedgeUpdate(weights: ArrayLike<number>, o: LearningOutcome, p: LearningParams, out: Float64Array): boolean {
  const n = prepare(weights, o, p, out, 'hedgeUpdate');
  // A shadow counts as shadowLearningRate / learningRate of an outcome: both η and the share are scaled.
  const scale = o.shadow ? p.shadowLearningRate / p.learningRate : 1;
  const eta = p.hedgeEta * scale;
  const alpha = Math.min(1, p.hedgeShare * scale);
  const y = o.won ? 1 : -1;
  // Losses relative to the smallest one: the same vector after normalisation, and no underflow to 0.
  let least = 1;
  for (let i = 0; i < n; i++) {
    V[i] = (1 - signedConfidence(o, i) * y) / 2;
    if (V[i]! < least) least = V[i]!;
  }
  let sum = 0;
  for (let i = 0; i < n; i++) {
    V[i] = weights[i]! * Math.exp(-eta * (V[i]! - least));
    sum += V[i]!;
  }
  const keep = (1 - alpha) / sum;
  const share = alpha / n;
  for (let i = 0; i < n; i++) V[i] = V[i]! * keep + share;
  return finish(weights, n, p, out);
}
