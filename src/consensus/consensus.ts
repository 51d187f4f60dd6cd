/**
 * Weighted consensus of the nine head votes. For each side, the weighted conviction is
 * S_side = Σ w_i · c_i over heads voting that side (w: current head weights summing to 1, c: confidence).
 * The candidate direction is the side with the larger S. Then:
 *   agreeing   = number of heads voting that side
 *   confluence = S_dir / (S_long + S_short)      — how one-sided the directional conviction is
 *   confidence = S_dir / Σ_{i agreeing} w_i       — the weight-averaged confidence of the agreeing heads
 * A consensus needs agreeing ≥ minAgreeing, confluence ≥ minConfluence and confidence ≥ the regime's
 * threshold. Votes do not depend on the weights, so a weight change only re-runs this cheap function.
 */
import { paramDefaults, type ParamTable, type ParamValues } from '../core/params.js';
import type { VoteSlot } from '../heads/types.js';

export const CONSENSUS_PARAMS = {
  minAgreeing: { default: 4, min: 1, max: 9, integer: true, doc: 'heads that must vote the candidate direction' },
  minConfluence: { default: 0.7, min: 0.5, max: 1, doc: 'minimum share of directional conviction on the candidate side' },
  minConfidenceTrendingUp: { default: 0.55, min: 0, max: 1, doc: 'confidence threshold in a rising trend' },
  minConfidenceTrendingDown: { default: 0.55, min: 0, max: 1, doc: 'confidence threshold in a falling trend' },
  minConfidenceRanging: { default: 0.6, min: 0, max: 1, doc: 'confidence threshold in a range' },
  minConfidenceVolatile: { default: 0.65, min: 0, max: 1, doc: 'confidence threshold in a volatile market' },
} as const satisfies ParamTable;
export type ConsensusParams = ParamValues<typeof CONSENSUS_PARAMS>;
export const DEFAULT_CONSENSUS_PARAMS: ConsensusParams = paramDefaults(CONSENSUS_PARAMS);

/** Confidence threshold of a regime code (REGIMES order). */
export function confidenceThreshold(p: ConsensusParams, regime: number): number {
  return regime === 0 ? p.minConfidenceTrendingUp : regime === 1 ? p.minConfidenceTrendingDown : regime === 2 ? p.minConfidenceRanging : p.minConfidenceVolatile;
}

export type ConsensusResult = {
  /** candidate direction: 1, -1, or 0 when no head voted a side */
  direction: number;
  agreeing: number;
  opposing: number;
  confluence: number;
  confidence: number;
  /** weighted conviction of the candidate side */
  score: number;
  /** the two agreeing heads contributing most (w·c), as indexes, -1 when absent */
  lead1: number;
  lead2: number;
  /** whether every consensus condition held */
  passed: boolean;
  /** which condition failed first: 'none' | 'agreeing' | 'confluence' | 'confidence' | 'direction' */
  failed: 'none' | 'direction' | 'agreeing' | 'confluence' | 'confidence';
};

export function newConsensusResult(): ConsensusResult {
  return { direction: 0, agreeing: 0, opposing: 0, confluence: 0, confidence: 0, score: 0, lead1: -1, lead2: -1, passed: false, failed: 'direction' };
}

/** The default per-regime confidence thresholds as a vector (REGIMES order). */
export function thresholdVector(p: ConsensusParams): Float64Array {
  return Float64Array.from([0, 1, 2, 3], (r) => confidenceThreshold(p, r));
}

/**
 * Computes the consensus into `out` (no allocation). `minConfidence` is the confidence threshold in force
 * for the current regime (learned thresholds override the parameters' defaults).
 */
export function computeConsensus(votes: readonly VoteSlot[], weights: Float64Array, p: ConsensusParams, minConfidence: number, out: ConsensusResult): ConsensusResult {
  let sLong = 0;
  let sShort = 0;
  let wLong = 0;
  let wShort = 0;
  let nLong = 0;
  let nShort = 0;
  for (let i = 0; i < votes.length; i++) {
    const v = votes[i]!;
    const w = weights[i]!;
    if (v.direction > 0) {
      sLong += w * v.confidence;
      wLong += w;
      nLong++;
    } else if (v.direction < 0) {
      sShort += w * v.confidence;
      wShort += w;
      nShort++;
    }
  }
  const dir = sLong > sShort ? 1 : sShort > sLong ? -1 : nLong > nShort ? 1 : nShort > nLong ? -1 : 0;
  out.direction = dir;
  const s = dir > 0 ? sLong : dir < 0 ? sShort : 0;
  const wSide = dir > 0 ? wLong : wShort;
  out.score = s;
  out.agreeing = dir > 0 ? nLong : dir < 0 ? nShort : 0;
  out.opposing = dir > 0 ? nShort : dir < 0 ? nLong : 0;
  out.confluence = sLong + sShort > 0 ? s / (sLong + sShort) : 0;
  out.confidence = wSide > 0 ? s / wSide : 0;
  let l1 = -1;
  let l2 = -1;
  let c1 = -1;
  let c2 = -1;
  for (let i = 0; i < votes.length; i++) {
    if (dir === 0 || votes[i]!.direction !== dir) continue;
    const c = weights[i]! * votes[i]!.confidence;
    if (c > c1) {
      l2 = l1;
      c2 = c1;
      l1 = i;
      c1 = c;
    } else if (c > c2) {
      l2 = i;
      c2 = c;
    }
  }
  out.lead1 = l1;
  out.lead2 = l2;
  if (dir === 0) out.failed = 'direction';
  else if (out.agreeing < p.minAgreeing) out.failed = 'agreeing';
  else if (out.confluence < p.minConfluence) out.failed = 'confluence';
  else if (out.confidence < minConfidence) out.failed = 'confidence';
  else out.failed = 'none';
  out.passed = out.failed === 'none';
  return out;
}
