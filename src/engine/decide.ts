/**
 * From head votes to a decision: consensus → would-be trade → quality filters → regime limits and
 * cooldown. Pure apart from the limits/history state it is given. The live step and the weekly
 * re-simulation over cached votes call exactly this function, so a candidate parameter set is judged
 * by the code that would run it.
 */
import { computeConsensus, type ConsensusResult } from '../consensus/consensus.js';
import { SetupHistory, stopAtr, targetAtr } from '../consensus/filters.js';
import type { SignalLimits } from '../consensus/limits.js';
import type { VoteSlot } from '../heads/types.js';
import type { Decision } from './decision.js';
import type { EngineParams } from './engine-params.js';

/** What the decision needs from the market and the indicators at the decision candle. */
export type DecisionInputs = {
  /** open time of the decision candle */
  openTime: number;
  close: number;
  volume: number;
  regime: number;
  tf: number;
  /** ATR of the setup timeframe */
  atr: number;
  /** last confirmed swing high / low on the setup timeframe */
  swingHigh: number;
  swingLow: number;
  /** 1m volume z-score */
  volumeZ: number;
};

export function newDecisionInputs(): DecisionInputs {
  return { openTime: 0, close: NaN, volume: NaN, regime: 2, tf: 0, atr: NaN, swingHigh: NaN, swingLow: NaN, volumeZ: NaN };
}

const MINUTE = 60_000;

export function decideFromVotes(
  inp: DecisionInputs,
  votes: readonly VoteSlot[],
  weights: Float64Array,
  minConfidence: number,
  p: EngineParams,
  history: SetupHistory,
  limits: SignalLimits,
  cons: ConsensusResult,
  d: Decision,
): Decision {
  const regime = inp.regime;
  computeConsensus(votes, weights, p.consensus, minConfidence, cons);
  d.time = inp.openTime + MINUTE;
  d.openTime = inp.openTime;
  d.action = 'reject';
  d.category = 'no_consensus';
  d.confidence = cons.confidence;
  d.confluence = cons.confluence;
  d.agreeing = cons.agreeing;
  d.regime = regime;
  d.tf = inp.tf;
  d.direction = 0;
  d.entry = NaN;
  d.stop = NaN;
  d.target = NaN;
  d.rewardRisk = NaN;
  d.setupKind = -1;
  const atr = inp.atr;
  d.atr = atr;
  const dir = cons.direction;
  // A candidate exists when a side has enough agreeing heads, even if confluence or confidence fail.
  if (dir === 0 || cons.agreeing < p.consensus.minAgreeing || !(atr > 0)) return d;
  const entry = inp.close;
  const stop = entry - dir * stopAtr(p.risk, regime) * atr;
  let target = entry + dir * targetAtr(p.risk, regime) * atr;
  if (p.risk.levelCap === 1) {
    const level = dir > 0 ? inp.swingHigh : inp.swingLow;
    if (dir > 0 ? level > entry && level < target : level < entry && level > target) target = level;
  }
  // Levels at or below zero (an ATR as large as the price, e.g. corrupt or extreme data) are no trade.
  if (!(stop > 0) || !(target > 0)) {
    if (cons.passed) d.category = 'quality_filter:stop_distance';
    return d;
  }
  d.direction = dir;
  d.entry = entry;
  d.stop = stop;
  d.target = target;
  const risk = Math.abs(entry - stop);
  d.rewardRisk = Math.abs(target - entry) / risk;
  d.setupKind = SetupHistory.kind(dir, regime, cons.lead1, cons.lead2);
  if (!cons.passed) return d;

  const f = p.filters;
  if (!(inp.volume > 0) || !(inp.volumeZ >= f.minVolumeZ)) return reject(d, 'quality_filter:volume');
  if (!(atr / entry >= f.minAtrPct)) return reject(d, 'quality_filter:volatility');
  const stopPct = risk / entry;
  const stopAtrs = risk / atr;
  if (stopPct < f.minStopPct || stopPct > f.maxStopPct || stopAtrs < f.minStopAtr || stopAtrs > f.maxStopAtr) return reject(d, 'quality_filter:stop_distance');
  if (!(d.rewardRisk >= f.minRewardRisk)) return reject(d, 'quality_filter:reward_risk');
  const wins = history.wins[d.setupKind]!;
  const n = wins + history.losses[d.setupKind]!;
  if (n >= f.minHistory && wins / n < f.minWinRate) return reject(d, 'quality_filter:history');
  const limit = limits.check(d.time, regime);
  if (limit !== null) return reject(d, limit);
  limits.record(d.time, regime);
  d.action = 'signal';
  d.category = 'signal';
  return d;
}

function reject(d: Decision, category: Decision['category']): Decision {
  d.category = category;
  return d;
}
