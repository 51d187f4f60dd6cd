/**
 * The learning coordinator: turns each resolved outcome (real or shadow) into a head-weight update with
 * the selected rule (seed or hedge; 'off' learns nothing), globally or for the outcome's regime only,
 * and reviews the per-regime confidence thresholds once per UTC day. Every applied change gets a new
 * version number and an event with an idempotency key. Pure and deterministic: no clock, no I/O.
 */
import { paramDefaults } from '../core/params.js';
import type { LearnedVectors } from '../engine/symbol-engine.js';
import { REGIMES } from '../heads/types.js';
import type { LearnedState, LearningMode } from './learned-state.js';
import { THRESHOLD_PARAMS, ThresholdAdapter, type ThresholdParams } from './thresholds.js';
import { hedgeUpdate, LEARNING_PARAMS, seedUpdate, type LearningOutcome, type LearningParams } from './weights.js';

export type WeightsUpdatedEvent = {
  readonly kind: 'weights_updated';
  readonly key: string;
  readonly time: number;
  readonly signalId: string;
  readonly shadow: boolean;
  /** regime whose vector changed, or null for the global vector */
  readonly regime: string | null;
  readonly rule: LearningMode;
  readonly versionBefore: number;
  readonly versionAfter: number;
  readonly before: number[];
  readonly after: number[];
};

export type ThresholdChangedEvent = {
  readonly kind: 'threshold_changed';
  readonly key: string;
  readonly time: number;
  readonly regime: string;
  readonly from: number;
  readonly to: number;
  readonly reason: string;
  readonly versionBefore: number;
  readonly versionAfter: number;
  readonly numbers: Record<string, number>;
};

export type LearningEvent = WeightsUpdatedEvent | ThresholdChangedEvent;

export type CoordinatorConfig = {
  readonly mode: LearningMode;
  readonly perRegime: boolean;
  readonly params?: Partial<LearningParams>;
  readonly thresholdParams?: Partial<ThresholdParams>;
  /** adapt thresholds (default true unless mode is 'off') */
  readonly adaptThresholds?: boolean;
};

const DAY = 86_400_000;

export class LearningCoordinator {
  /** The vectors the symbol engines read (shared by reference). */
  readonly vectors: LearnedVectors = { weights: new Float64Array(36), thresholds: new Float64Array(4) };
  readonly mode: LearningMode;
  readonly perRegime: boolean;
  private readonly params: LearningParams;
  private readonly thresholds: ThresholdAdapter;
  private readonly adapt: boolean;
  private current = 0;
  private highest = 0;
  private outcomes = 0;
  private shadows = 0;
  private updates = 0;
  private lastReviewDay = -1;
  private headParams: LearnedState['headParams'] = {};
  private readonly scratch = new Float64Array(9);
  /** the state of each version created since the recorder last stored them */
  private readonly log = new Map<number, LearnedState>();

  constructor(cfg: CoordinatorConfig, start: { version: number; state: LearnedState }) {
    this.mode = cfg.mode;
    this.perRegime = cfg.perRegime;
    this.params = { ...paramDefaults(LEARNING_PARAMS), ...cfg.params };
    this.thresholds = new ThresholdAdapter({ ...paramDefaults(THRESHOLD_PARAMS), ...cfg.thresholdParams });
    this.adapt = cfg.adaptThresholds ?? cfg.mode !== 'off';
    this.adopt(start.version, start.state);
  }

  get version(): number {
    return this.current;
  }

  /** Outcomes seen so far: real, shadow, and weight updates applied. */
  get counts(): { outcomes: number; shadows: number; updates: number } {
    return { outcomes: this.outcomes, shadows: this.shadows, updates: this.updates };
  }

  /** Makes `state` the one in force as `version` (start, rollback, a deployed weekly candidate). */
  adopt(version: number, state: LearnedState): void {
    for (let r = 0; r < 4; r++) {
      const row = this.perRegime && state.regimeWeights ? state.regimeWeights[r]! : state.headWeights;
      for (let i = 0; i < 9; i++) this.vectors.weights[r * 9 + i] = row[i]!;
      this.vectors.thresholds[r] = state.thresholds[r]!;
    }
    this.headParams = state.headParams;
    this.current = version;
    if (version > this.highest) this.highest = version;
  }

  /** The state in force now, as a storable value. */
  state(): LearnedState {
    const w = this.vectors.weights;
    return {
      headWeights: Array.from(w.subarray(0, 9)),
      regimeWeights: this.perRegime ? [0, 1, 2, 3].map((r) => Array.from(w.subarray(r * 9, r * 9 + 9))) : null,
      thresholds: Array.from(this.vectors.thresholds),
      headParams: this.headParams,
    };
  }

  private nextVersion(): number {
    this.highest += 1;
    this.current = this.highest;
    return this.current;
  }

  /** The state as it was when `version` was created, while not yet forgotten (see forgetStatesUpTo). */
  stateAt(version: number): LearnedState | undefined {
    return this.log.get(version);
  }

  /** Drops the logged states of versions up to `version` (after they were stored). */
  forgetStatesUpTo(version: number): void {
    for (const v of this.log.keys()) if (v <= version) this.log.delete(v);
  }

  /**
   * Learns from one resolved outcome (idempotency is the caller's: call once per signal/shadow id).
   * Returns the weights event when the weights changed.
   */
  onOutcome(signalId: string, time: number, regime: number, o: LearningOutcome): WeightsUpdatedEvent | null {
    if (o.shadow) this.shadows++;
    else {
      this.outcomes++;
      this.thresholds.recordOutcome(regime, time, o.won);
    }
    if (this.mode === 'off' || this.outcomes < this.params.minOutcomes) return null;
    const rows = this.perRegime ? [regime] : [0, 1, 2, 3];
    const w = this.vectors.weights.subarray(rows[0]! * 9, rows[0]! * 9 + 9);
    const before = Array.from(w);
    const changed = this.mode === 'seed' ? seedUpdate(w, o, this.params, this.scratch) : hedgeUpdate(w, o, this.params, this.scratch);
    if (!changed) return null;
    for (const r of rows) this.vectors.weights.set(this.scratch, r * 9);
    this.updates++;
    const versionBefore = this.current;
    const versionAfter = this.nextVersion();
    this.log.set(versionAfter, this.state());
    return {
      kind: 'weights_updated',
      key: `weights:${o.shadow ? 'shadow' : 'signal'}:${signalId}`,
      time,
      signalId,
      shadow: o.shadow,
      regime: this.perRegime ? REGIMES[regime]! : null,
      rule: this.mode,
      versionBefore,
      versionAfter,
      before,
      after: Array.from(this.scratch),
    };
  }

  /**
   * The daily job's incremental update: the last day's outcomes (real and shadow) applied in order with
   * the daily rate (seed: learningRate = rate; hedge: η scaled by rate / learningRate), as ONE new
   * version when the result moves some weight by at least minChangeToWrite. Per regime when learning
   * per regime (each outcome updates its regime's vector).
   */
  dailyUpdate(key: string, time: number, outcomes: readonly { regime: number; lo: LearningOutcome }[], rate: number): WeightsUpdatedEvent | null {
    if (this.mode === 'off' || outcomes.length === 0) return null;
    const scale = rate / this.params.learningRate;
    const p: LearningParams = { ...this.params, learningRate: rate, shadowLearningRate: this.params.shadowLearningRate * scale, hedgeEta: this.params.hedgeEta * scale, minChangeToWrite: 0 };
    const before = Float64Array.from(this.vectors.weights);
    const work = Float64Array.from(this.vectors.weights);
    for (const { regime, lo } of outcomes) {
      const rows = this.perRegime ? [regime] : [0];
      const w = work.subarray(rows[0]! * 9, rows[0]! * 9 + 9);
      const changed = this.mode === 'seed' ? seedUpdate(w, lo, p, this.scratch) : hedgeUpdate(w, lo, p, this.scratch);
      if (!changed) continue;
      if (this.perRegime) work.set(this.scratch, regime * 9);
      else for (let r = 0; r < 4; r++) work.set(this.scratch, r * 9);
    }
    let maxRel = 0;
    for (let i = 0; i < 36; i++) maxRel = Math.max(maxRel, Math.abs(work[i]! - before[i]!) / before[i]!);
    if (maxRel < this.params.minChangeToWrite) return null;
    this.vectors.weights.set(work);
    this.updates++;
    const versionBefore = this.current;
    const versionAfter = this.nextVersion();
    this.log.set(versionAfter, this.state());
    return {
      kind: 'weights_updated',
      key,
      time,
      signalId: key,
      shadow: false,
      regime: null,
      rule: this.mode,
      versionBefore,
      versionAfter,
      before: Array.from(before.subarray(0, 9)),
      after: Array.from(work.subarray(0, 9)),
    };
  }

  /** A new version made by a job (a deployed weekly candidate): adopted and logged. */
  deploy(time: number, state: LearnedState): { versionBefore: number; versionAfter: number } {
    const versionBefore = this.current;
    this.highest += 1;
    this.adopt(this.highest, state);
    this.updates++;
    this.log.set(this.current, this.state());
    void time;
    return { versionBefore, versionAfter: this.current };
  }

  /** Reviews the thresholds at most once per UTC day (call on every candle; cheap otherwise). */
  maybeReviewThresholds(time: number): ThresholdChangedEvent[] {
    const day = Math.floor(time / DAY);
    if (!this.adapt || day === this.lastReviewDay) return NO_EVENTS;
    this.lastReviewDay = day;
    return this.reviewThresholds(time);
  }

  /** One threshold review now (the daily job calls this). */
  reviewThresholds(time: number): ThresholdChangedEvent[] {
    const changes = this.thresholds.review(time, this.vectors.thresholds);
    if (changes.length === 0) return NO_EVENTS;
    return changes.map((c) => {
      const r = REGIMES.indexOf(c.regime as (typeof REGIMES)[number]);
      this.vectors.thresholds[r] = c.to;
      const versionBefore = this.current;
      const versionAfter = this.nextVersion();
      this.log.set(versionAfter, this.state());
      return {
        kind: 'threshold_changed' as const,
        key: `threshold:${c.regime}:${time}`,
        time,
        regime: c.regime,
        from: c.from,
        to: c.to,
        reason: c.reason,
        versionBefore,
        versionAfter,
        numbers: { winRate: c.winRate, signalsPerDay: c.signalsPerDay, sample: c.sample },
      };
    });
  }

  snapshot() {
    return {
      current: this.current,
      highest: this.highest,
      outcomes: this.outcomes,
      shadows: this.shadows,
      updates: this.updates,
      lastReviewDay: this.lastReviewDay,
      weights: Array.from(this.vectors.weights),
      thresholds: Array.from(this.vectors.thresholds),
      headParams: this.headParams,
      adapter: this.thresholds.snapshot(),
    };
  }

  restore(s: ReturnType<LearningCoordinator['snapshot']>): void {
    this.current = s.current;
    this.highest = s.highest;
    this.outcomes = s.outcomes;
    this.shadows = s.shadows;
    this.updates = s.updates;
    this.lastReviewDay = s.lastReviewDay;
    this.vectors.weights.set(s.weights);
    this.vectors.thresholds.set(s.thresholds);
    this.headParams = s.headParams;
    this.thresholds.restore(s.adapter);
  }
}

const NO_EVENTS: ThresholdChangedEvent[] = [];
