/**
 * The engine: one deterministic step per closed candle of any watched symbol. In order:
 *  1. the symbol's open signals and shadow signals (rejected candidates) are resolved on the candle;
 *     each outcome teaches the learning coordinator, the setup history and the statistical head;
 *  2. the symbol engine decides (with the weights as they are after step 1);
 *  3. a signal opens a position; a rejected candidate opens a shadow position;
 *  4. once per UTC day the confidence thresholds are reviewed.
 * It returns the events of the step (a reused array); adapters persist and publish them. Live and replay
 * run exactly this code; only the candle source and the clock differ.
 */
import type { Candle } from '../core/candle.js';
import { AlphaPulseError } from '../core/errors.js';
import type { Head, HeadContext } from '../heads/types.js';
import { initialLearnedState, type LearnedState } from '../learning/learned-state.js';
import { LearningCoordinator, type CoordinatorConfig, type LearningEvent } from '../learning/coordinator.js';
import type { LearningOutcome } from '../learning/weights.js';
import { PositionBook } from '../outcomes/position-book.js';
import { type Outcome, type OutcomeParams, type Position } from '../outcomes/resolve.js';
import { thresholdVector } from '../consensus/consensus.js';
import { hasCandidate, type Decision } from './decision.js';
import type { EngineParams } from './engine-params.js';
import { SymbolEngine, type SymbolEngineState } from './symbol-engine.js';

/** A head that learns from outcomes (head I). */
type LearningHead = Head & {
  readonly featureCount: number;
  captureFeatures(ctx: HeadContext, out: Float64Array): boolean;
  learn(features: Float64Array, direction: 1 | -1, won: boolean): boolean;
};

function isLearningHead(h: Head): h is LearningHead {
  return typeof (h as Partial<LearningHead>).learn === 'function' && typeof (h as Partial<LearningHead>).captureFeatures === 'function';
}

/** What learning needs to remember about an open signal or shadow until it resolves. */
type OpenMeta = {
  readonly votes: Int8Array;
  readonly confidences: Float64Array;
  readonly regime: number;
  readonly setupKind: number;
  readonly features: Float64Array | null;
  /** rejection category for shadows, 'signal' for signals */
  readonly category: string;
};

export type DecisionEvent = { readonly kind: 'decision'; readonly engine: SymbolEngine; readonly decision: Decision };
export type OutcomeEvent = {
  readonly kind: 'outcome';
  readonly outcome: Outcome;
  readonly shadow: boolean;
  /** 'signal' or the rejection category of a shadow */
  readonly category: string;
  readonly regime: number;
};
export type EngineEvent = DecisionEvent | OutcomeEvent | LearningEvent;

export type EngineConfig = {
  readonly symbols: readonly string[];
  readonly params: EngineParams;
  readonly outcome: OutcomeParams;
  readonly learning: CoordinatorConfig;
  readonly createHeads: (headParams: LearnedState['headParams']) => Head[];
  /** the learned state to start from (default: equal weights, the parameters' thresholds) */
  readonly start?: { readonly version: number; readonly state: LearnedState };
  /** shadow positions tracked at once per symbol; candidates beyond are counted, not tracked */
  readonly maxOpenShadows?: number;
};

type SymbolUnit = {
  readonly engine: SymbolEngine;
  readonly signals: PositionBook;
  readonly shadows: PositionBook;
  readonly learner: LearningHead | null;
};

export type EngineState = {
  readonly coordinator: ReturnType<LearningCoordinator['snapshot']>;
  readonly symbols: Record<string, { engine: SymbolEngineState; signals: unknown; shadows: unknown }>;
  readonly open: Record<string, { votes: number[]; confidences: number[]; regime: number; setupKind: number; features: number[] | null; category: string }>;
  readonly untrackedShadows: number;
};

export class Engine {
  readonly coordinator: LearningCoordinator;
  private readonly units = new Map<string, SymbolUnit>();
  private readonly open = new Map<string, OpenMeta>();
  private readonly events: EngineEvent[] = [];
  private readonly resolved: Outcome[] = [];
  private readonly maxOpenShadows: number;
  /** rejected candidates not tracked because too many shadows were open */
  untrackedShadows = 0;

  constructor(readonly config: EngineConfig) {
    const start = config.start ?? { version: 1, state: initialLearnedState(thresholdVector(config.params.consensus), config.learning.perRegime) };
    this.coordinator = new LearningCoordinator(config.learning, start);
    this.maxOpenShadows = config.maxOpenShadows ?? 5000;
    for (const symbol of config.symbols) {
      const heads = config.createHeads(start.state.headParams);
      const engine = new SymbolEngine(symbol, config.params, heads, this.coordinator.vectors);
      this.units.set(symbol, {
        engine,
        signals: new PositionBook(symbol, config.outcome),
        shadows: new PositionBook(symbol, config.outcome),
        learner: heads.find(isLearningHead) ?? null,
      });
    }
  }

  symbol(symbol: string): SymbolEngine {
    return this.unit(symbol).engine;
  }

  private unit(symbol: string): SymbolUnit {
    const u = this.units.get(symbol);
    if (!u) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `symbol ${symbol} is not watched by this engine`);
    return u;
  }

  /** Open signals and shadows of a symbol (for inspection and persistence). */
  openPositions(symbol: string): { signals: Position[]; shadows: Position[] } {
    const u = this.unit(symbol);
    return { signals: u.signals.positions(), shadows: u.shadows.positions() };
  }

  /** One closed candle of one symbol; returns this step's events (valid until the next step). */
  step(symbol: string, candle: Candle): readonly EngineEvent[] {
    const u = this.unit(symbol);
    const events = this.events;
    events.length = 0;
    const time = candle.openTime + 60_000;
    this.resolve(u, u.signals, candle, false, time);
    this.resolve(u, u.shadows, candle, true, time);
    const d = u.engine.step(candle);
    events.push({ kind: 'decision', engine: u.engine, decision: d });
    if (hasCandidate(d)) this.track(u, d, time);
    for (const e of this.coordinator.maybeReviewThresholds(time)) events.push(e);
    return events;
  }

  private resolve(u: SymbolUnit, book: PositionBook, candle: Candle, shadow: boolean, time: number): void {
    if (book.size === 0) return;
    const out = this.resolved;
    out.length = 0;
    book.onCandle(candle, out);
    for (const o of out) {
      const meta = this.open.get(o.id);
      this.open.delete(o.id);
      if (!meta) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `outcome for unknown position ${o.id}`);
      this.events.push({ kind: 'outcome', outcome: o, shadow, category: meta.category, regime: meta.regime });
      u.engine.history.record(meta.setupKind, o.won);
      if (meta.features && u.learner) u.learner.learn(meta.features, o.direction, o.won);
      const lo: LearningOutcome = { direction: o.direction, won: o.won, votes: meta.votes, confidences: meta.confidences, shadow };
      const e = this.coordinator.onOutcome(o.id, time, meta.regime, lo);
      if (e) this.events.push(e);
    }
  }

  private track(u: SymbolUnit, d: Decision, time: number): void {
    const shadow = d.action !== 'signal';
    const book = shadow ? u.shadows : u.signals;
    if (shadow && book.size >= this.maxOpenShadows) {
      this.untrackedShadows++;
      return;
    }
    const id = `${d.symbol}-${d.time}`;
    const votes = new Int8Array(9);
    const confidences = new Float64Array(9);
    u.engine.votes.forEach((v, i) => {
      votes[i] = v.direction;
      confidences[i] = v.confidence;
    });
    let features: Float64Array | null = null;
    if (u.learner) {
      features = new Float64Array(u.learner.featureCount);
      if (!u.learner.captureFeatures(u.engine.context, features)) features = null;
    }
    this.open.set(id, { votes, confidences, regime: d.regime, setupKind: d.setupKind, features, category: d.category });
    book.add({
      id,
      symbol: d.symbol,
      direction: d.direction as 1 | -1,
      entry: d.entry,
      stop: d.stop,
      target: d.target,
      openedAt: time,
      expiresAt: time + this.config.params.risk.maxHoldMinutes * 60_000,
    });
  }

  snapshot(): EngineState {
    const symbols: EngineState['symbols'] = {};
    for (const [s, u] of this.units) symbols[s] = { engine: u.engine.snapshot(), signals: u.signals.snapshot(), shadows: u.shadows.snapshot() };
    const open: EngineState['open'] = {};
    for (const [id, m] of this.open) {
      open[id] = { votes: Array.from(m.votes), confidences: Array.from(m.confidences), regime: m.regime, setupKind: m.setupKind, features: m.features ? Array.from(m.features) : null, category: m.category };
    }
    return { coordinator: this.coordinator.snapshot(), symbols, open, untrackedShadows: this.untrackedShadows };
  }

  restore(s: EngineState): void {
    this.coordinator.restore(s.coordinator);
    for (const [sym, st] of Object.entries(s.symbols)) {
      const u = this.unit(sym);
      u.engine.restore(st.engine);
      u.signals.restore(st.signals as Parameters<PositionBook['restore']>[0]);
      u.shadows.restore(st.shadows as Parameters<PositionBook['restore']>[0]);
    }
    this.open.clear();
    for (const [id, m] of Object.entries(s.open)) {
      this.open.set(id, {
        votes: Int8Array.from(m.votes),
        confidences: Float64Array.from(m.confidences),
        regime: m.regime,
        setupKind: m.setupKind,
        features: m.features ? Float64Array.from(m.features) : null,
        category: m.category,
      });
    }
    this.untrackedShadows = s.untrackedShadows;
  }
}
