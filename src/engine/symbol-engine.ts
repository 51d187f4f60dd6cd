/**
 * The decision pipeline of one symbol, as a deterministic step function over closed 1m candles:
 * indicator set (all timeframes) → regime → setup timeframe → nine head votes → weighted consensus →
 * risk placement → quality filters → regime limits and cooldown → one Decision. Nothing here reads a
 * clock, does I/O or allocates per candle (the consensus record for storage is built on demand).
 */
import { newConsensusResult, thresholdVector, type ConsensusResult } from '../consensus/consensus.js';
import { SetupHistory } from '../consensus/filters.js';
import { SignalLimits } from '../consensus/limits.js';
import { REGIME_INDICATORS, RegimeClassifier } from '../consensus/regime.js';
import type { Candle } from '../core/candle.js';
import { AlphaPulseError } from '../core/errors.js';
import { IndicatorSet, type IndicatorSetState } from '../indicators/indicator-set.js';
import { mergeRequirements } from '../heads/require.js';
import {
  directionName,
  type Head,
  type HeadContext,
  indexOnEachTimeframe,
  newVoteSlot,
  onEachTimeframe,
  REGIMES,
  SETUP_TIMEFRAMES,
  type VoteSlot,
} from '../heads/types.js';
import { newDecision, type Decision } from './decision.js';
import { decideFromVotes, newDecisionInputs } from './decide.js';
import type { VoteCache } from './vote-cache.js';
import type { EngineParams } from './engine-params.js';

const FILTER_INDICATORS = [...onEachTimeframe('ATR'), ...onEachTimeframe('SWINGS'), { name: 'VOLUME_ZSCORE' }];
/** Indicators copied into the consensus record, when the set has them, on the setup timeframe. */
const RECORD_KEYS = ['RSI', 'ADX', 'ATR', 'MACD', 'BBANDS', 'STOCH', 'CCI', 'MFI', 'ZSCORE', 'VOLUME_ZSCORE', 'EMA'];

type MutableContext = { -readonly [K in keyof HeadContext]: HeadContext[K] };

export type ConsensusRecord = {
  readonly votes: { head: string; specialty: string; direction: string; confidence: number; reasons: string[] }[];
  readonly weights: number[];
  readonly thresholds: { minAgreeing: number; minConfluence: number; minConfidence: number };
  readonly consensus: { direction: string; agreeing: number; opposing: number; confluence: number; confidence: number; leading: string[] };
  readonly regime: string;
  readonly timeframe: string;
  readonly indicators: Record<string, number | null>;
};

export type SymbolEngineState = {
  readonly set: IndicatorSetState;
  readonly regime: ReturnType<RegimeClassifier['snapshot']>;
  readonly limits: ReturnType<SignalLimits['snapshot']>;
  readonly history: ReturnType<SetupHistory['snapshot']>;
  readonly heads: Record<string, unknown>;
  readonly lastOpenTime: number | null;
};

export class SymbolEngine {
  readonly set: IndicatorSet;
  readonly regime: RegimeClassifier;
  readonly votes: VoteSlot[];
  readonly consensus: ConsensusResult = newConsensusResult();
  readonly decision: Decision;
  readonly limits: SignalLimits;
  readonly history = new SetupHistory();
  /**
   * What learning controls, shared by reference with the learning coordinator: head weights per regime
   * (4 × 9, row r for regime r; all rows equal without per-regime learning) and the confidence threshold
   * per regime.
   */
  readonly learned: LearnedVectors;
  private readonly ctx: MutableContext;
  private readonly tfByRegime: Int32Array;
  private readonly iAtr: Int32Array;
  private readonly iSwingHigh: Int32Array;
  private readonly iSwingLow: Int32Array;
  private readonly iVolumeZ: number;
  private lastOpenTime = -Infinity;
  private readonly inputs = newDecisionInputs();
  /** When set, every step's decision inputs and votes are kept for re-simulation (weekly search). */
  cache: VoteCache | null = null;

  constructor(
    readonly symbol: string,
    readonly params: EngineParams,
    readonly heads: readonly Head[],
    learned?: LearnedVectors,
  ) {
    if (heads.length !== 9) throw new AlphaPulseError('AP_ERR_CONFIG', `the engine needs 9 heads, got ${heads.length}`);
    this.learned = learned ?? defaultLearnedVectors(params);
    this.set = new IndicatorSet(mergeRequirements([REGIME_INDICATORS, FILTER_INDICATORS, ...heads.map((h) => h.requires())]));
    this.regime = new RegimeClassifier(params.regime);
    this.regime.bind(this.set);
    for (const h of heads) h.bind(this.set);
    this.votes = heads.map(() => newVoteSlot());
    this.limits = new SignalLimits(params.limits);
    this.decision = newDecision(symbol);
    this.tfByRegime = Int32Array.from(params.timeframes, (tf) => (SETUP_TIMEFRAMES as readonly string[]).indexOf(tf));
    this.iAtr = indexOnEachTimeframe(this.set, 'ATR');
    this.iSwingHigh = indexOnEachTimeframe(this.set, 'SWINGS', 'lastSwingHigh');
    this.iSwingLow = indexOnEachTimeframe(this.set, 'SWINGS', 'lastSwingLow');
    this.iVolumeZ = this.set.index('VOLUME_ZSCORE');
    this.ctx = { values: this.set.values, candle: undefined as unknown as Candle, tf: 0, regime: 2 };
  }

  /**
   * Decides on one closed 1m candle. Candles must come once each, in time order. With `warmup`, the
   * indicators, regime and heads take the candle but no decision is made (the returned decision is a
   * plain no_consensus rejection without a candidate, and limits are untouched).
   */
  step(candle: Candle, warmup = false): Decision {
    if (!(candle.openTime > this.lastOpenTime)) {
      throw new AlphaPulseError('AP_ERR_BAD_INPUT', `${this.symbol}: candle ${candle.openTime} is not after the last one (${this.lastOpenTime})`);
    }
    this.lastOpenTime = candle.openTime;
    const values = this.set.values;
    this.set.update(candle);
    const regime = this.regime.update(values, candle);
    const tf = this.tfByRegime[regime]!;
    const ctx = this.ctx;
    ctx.candle = candle;
    ctx.tf = tf;
    ctx.regime = regime;
    const votes = this.votes;
    for (let i = 0; i < 9; i++) this.heads[i]!.evaluate(ctx, votes[i]!);
    const inp = this.inputs;
    inp.openTime = candle.openTime;
    inp.close = candle.close;
    inp.volume = candle.volume;
    inp.regime = regime;
    inp.tf = tf;
    inp.atr = values[this.iAtr[tf]!]!;
    inp.swingHigh = values[this.iSwingHigh[tf]!]!;
    inp.swingLow = values[this.iSwingLow[tf]!]!;
    inp.volumeZ = values[this.iVolumeZ]!;
    if (warmup) {
      const d = this.decision;
      d.time = candle.openTime + 60_000;
      d.openTime = candle.openTime;
      d.action = 'reject';
      d.category = 'no_consensus';
      d.direction = 0;
      d.entry = NaN;
      d.regime = regime;
      d.tf = tf;
      this.cache?.push(candle, inp, votes);
      return d;
    }
    const weights = this.learned.weights.subarray(regime * 9, regime * 9 + 9);
    decideFromVotes(inp, votes, weights, this.learned.thresholds[regime]!, this.params, this.history, this.limits, this.consensus, this.decision);
    this.cache?.push(candle, inp, votes);
    return this.decision;
  }

  /** The consensus record of the last decision: every vote with its reasons, weights, thresholds, indicators. */
  consensusRecord(): ConsensusRecord {
    const ctx = this.ctx as HeadContext;
    const tfName = SETUP_TIMEFRAMES[ctx.tf]!;
    const indicators: Record<string, number | null> = { close: ctx.candle.close };
    for (const slot of this.set.slots) {
      if (slot.timeframe !== tfName || !RECORD_KEYS.includes(slot.name)) continue;
      slot.outputs.forEach((o, k) => {
        const v = this.set.values[slot.offset + k]!;
        indicators[slot.outputs.length === 1 ? slot.key : `${slot.key}.${o}`] = Number.isFinite(v) ? v : null;
      });
    }
    const c = this.consensus;
    return {
      votes: this.heads.map((h, i) => ({
        head: h.id,
        specialty: h.specialty,
        direction: directionName(this.votes[i]!.direction),
        confidence: this.votes[i]!.confidence,
        reasons: h.describe(this.votes[i]!.reasons, ctx),
      })),
      weights: Array.from(this.weightsFor(ctx.regime)),
      thresholds: { minAgreeing: this.params.consensus.minAgreeing, minConfluence: this.params.consensus.minConfluence, minConfidence: this.learned.thresholds[ctx.regime]! },
      consensus: {
        direction: directionName(c.direction),
        agreeing: c.agreeing,
        opposing: c.opposing,
        confluence: c.confluence,
        confidence: c.confidence,
        leading: [c.lead1, c.lead2].filter((i) => i >= 0).map((i) => this.heads[i]!.id),
      },
      regime: REGIMES[ctx.regime]!,
      timeframe: tfName,
      indicators,
    };
  }

  /** What the heads saw on the last candle (valid until the next step). */
  get context(): HeadContext {
    return this.ctx;
  }

  /** The head weights in force for a regime (a view, not a copy). */
  weightsFor(regime: number): Float64Array {
    return this.learned.weights.subarray(regime * 9, regime * 9 + 9);
  }

  snapshot(): SymbolEngineState {
    const heads: Record<string, unknown> = {};
    for (const h of this.heads) if (h.snapshot) heads[h.id] = h.snapshot();
    return {
      set: this.set.snapshot(),
      regime: this.regime.snapshot(),
      limits: this.limits.snapshot(),
      history: this.history.snapshot(),
      heads,
      lastOpenTime: Number.isFinite(this.lastOpenTime) ? this.lastOpenTime : null,
    };
  }

  restore(s: SymbolEngineState): void {
    this.set.restore(s.set);
    this.regime.restore(s.regime);
    this.limits.restore(s.limits);
    this.history.restore(s.history);
    for (const h of this.heads) if (h.restore && s.heads[h.id] !== undefined) h.restore(s.heads[h.id]);
    this.lastOpenTime = s.lastOpenTime ?? -Infinity;
  }
}

/** Head weights per regime (4 × 9) and confidence thresholds per regime (4). */
export type LearnedVectors = { readonly weights: Float64Array; readonly thresholds: Float64Array };

export function defaultLearnedVectors(params: EngineParams): LearnedVectors {
  return { weights: new Float64Array(36).fill(1 / 9), thresholds: thresholdVector(params.consensus) };
}

