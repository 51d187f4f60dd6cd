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
import { JobSchedule, type Due, type JobName } from '../jobs/schedule.js';
import { DEFAULT_JOB_PARAMS, runJob, WEEKLY_PARAMS, type JobContext, type JobParams, type JobRunEvent, type RecentOutcome } from './jobs.js';
import { paramDefaults } from '../core/params.js';
import { LEARNING_PARAMS } from '../learning/weights.js';
import type { WeeklyParams } from '../learning/weekly-search.js';
import { VoteCache } from './vote-cache.js';
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
  /** paper trading: quote committed to a signal's position (0 for shadows) */
  readonly notional: number;
};

export type DecisionEvent = { readonly kind: 'decision'; readonly engine: SymbolEngine; readonly decision: Decision };
export type OutcomeEvent = {
  readonly kind: 'outcome';
  readonly outcome: Outcome;
  readonly shadow: boolean;
  /** paper trading result of a real signal: quote committed, profit or loss, equity after */
  readonly paper: { readonly notional: number; readonly pnl: number; readonly equityAfter: number } | null;
  /** 'signal' or the rejection category of a shadow */
  readonly category: string;
  readonly regime: number;
};
export type EngineEvent = DecisionEvent | OutcomeEvent | LearningEvent | JobRunEvent;

export type JobsConfig = {
  /** run the daily, weekly and hourly jobs on the engine's clock (candle close times) */
  readonly enabled: boolean;
  readonly schedule?: Readonly<Record<JobName, string>>;
  readonly params?: Partial<JobParams>;
  readonly weekly?: Partial<WeeklyParams>;
};

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
  readonly jobs?: JobsConfig;
  /** paper trading: starting equity (quote) and the fraction of equity each signal's position takes */
  readonly paper?: { readonly startEquity: number; readonly positionFraction: number };
};

type SymbolUnit = {
  readonly engine: SymbolEngine;
  readonly signals: PositionBook;
  readonly shadows: PositionBook;
  readonly learner: LearningHead | null;
  readonly cache: VoteCache | null;
};

export type EngineState = {
  readonly coordinator: ReturnType<LearningCoordinator['snapshot']>;
  readonly symbols: Record<string, { engine: SymbolEngineState; signals: unknown; shadows: unknown }>;
  readonly open: Record<string, { votes: number[]; confidences: number[]; regime: number; setupKind: number; features: number[] | null; category: string; notional: number }>;
  readonly paperEquity: number;
  readonly untrackedShadows: number;
  readonly schedule: Record<string, number | null> | null;
  readonly pending: Due[];
  readonly recent: { time: number; regime: number; direction: number; won: boolean; shadow: boolean; votes: number[]; confidences: number[] }[];
  readonly caches: Record<string, ReturnType<VoteCache['snapshot']>>;
  readonly counters: Record<string, number>;
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
  readonly schedule: JobSchedule | null;
  private pending: Due[] = [];
  private scheduleStarted = false;
  private readonly due: Due[] = [];
  private recent: RecentOutcome[] = [];
  private readonly jobParams: JobParams;
  private readonly weekly: WeeklyParams;
  readonly counters: Record<string, number> = { decisions: 0, signals: 0, outcomes: 0, shadowOutcomes: 0 };
  /** paper trading equity (quote) after every closed position */
  paperEquity: number;

  constructor(readonly config: EngineConfig) {
    const start = config.start ?? { version: 1, state: initialLearnedState(thresholdVector(config.params.consensus), config.learning.perRegime) };
    this.coordinator = new LearningCoordinator(config.learning, start);
    this.maxOpenShadows = config.maxOpenShadows ?? 5000;
    this.paperEquity = config.paper?.startEquity ?? 10_000;
    this.jobParams = { ...DEFAULT_JOB_PARAMS, ...config.jobs?.params };
    this.weekly = { ...paramDefaults(WEEKLY_PARAMS), ...config.jobs?.weekly };
    this.schedule = config.jobs?.enabled ? new JobSchedule(config.jobs.schedule) : null;
    for (const symbol of config.symbols) {
      const heads = config.createHeads(start.state.headParams);
      const engine = new SymbolEngine(symbol, config.params, heads, this.coordinator.vectors);
      const cache = this.schedule ? new VoteCache(this.weekly.windowDays * 1440) : null;
      engine.cache = cache;
      this.units.set(symbol, {
        engine,
        signals: new PositionBook(symbol, config.outcome),
        shadows: new PositionBook(symbol, config.outcome),
        learner: heads.find(isLearningHead) ?? null,
        cache,
      });
    }
  }

  /** True when jobs became due on the last steps and wait for runPendingJobs. */
  get hasPendingJobs(): boolean {
    return this.pending.length > 0;
  }

  private jobContext(evaluate?: JobContext['evaluate']): JobContext {
    return {
      coordinator: this.coordinator,
      recent: this.recent,
      caches: [...this.units.values()].map((u) => u.cache).filter((c): c is VoteCache => c !== null),
      params: this.config.params,
      outcome: this.config.outcome,
      learningParams: { ...paramDefaults(LEARNING_PARAMS), ...this.config.learning.params },
      jobParams: this.jobParams,
      weekly: this.weekly,
      counters: { ...this.counters, openSignals: [...this.units.values()].reduce((n, u) => n + u.signals.size, 0), openShadows: [...this.units.values()].reduce((n, u) => n + u.shadows.size, 0) },
      ...(evaluate ? { evaluate } : {}),
    };
  }

  /** Runs the jobs that became due, in time order; returns their events (job runs and learning changes). */
  async runPendingJobs(evaluate?: JobContext['evaluate']): Promise<EngineEvent[]> {
    const out: EngineEvent[] = [];
    while (this.pending.length > 0) {
      const due = this.pending.shift()!;
      const { run, events } = await runJob(due.job, due.at, this.jobContext(evaluate));
      out.push(...events, run);
    }
    return out;
  }

  /** Runs a job now, outside its schedule (the API's manual trigger). */
  async triggerJob(job: JobName, at: number, evaluate?: JobContext['evaluate']): Promise<EngineEvent[]> {
    const { run, events } = await runJob(job, at, this.jobContext(evaluate));
    return [...events, { ...run, key: `job:${job}:manual:${at}` }];
  }

  symbol(symbol: string): SymbolEngine {
    return this.unit(symbol).engine;
  }

  private unit(symbol: string): SymbolUnit {
    const u = this.units.get(symbol);
    if (!u) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `symbol ${symbol} is not watched by this engine`);
    return u;
  }

  /** Paper trading: the quote committed to an open signal's position (0 when unknown). */
  paperNotional(id: string): number {
    return this.open.get(id)?.notional ?? 0;
  }

  /** Open signals and shadows of a symbol (for inspection and persistence). */
  openPositions(symbol: string): { signals: Position[]; shadows: Position[] } {
    const u = this.unit(symbol);
    return { signals: u.signals.positions(), shadows: u.shadows.positions() };
  }

  /**
   * One closed candle of one symbol; returns this step's events (valid until the next step). A warm-up
   * candle only feeds the indicators and heads: no decision, position, outcome or job.
   */
  step(symbol: string, candle: Candle, warmup = false): readonly EngineEvent[] {
    const u = this.unit(symbol);
    const events = this.events;
    events.length = 0;
    if (warmup) {
      u.engine.step(candle, true);
      return events;
    }
    const time = candle.openTime + 60_000;
    this.resolve(u, u.signals, candle, false, time);
    this.resolve(u, u.shadows, candle, true, time);
    const d = u.engine.step(candle);
    this.counters.decisions!++;
    if (d.action === 'signal') this.counters.signals!++;
    events.push({ kind: 'decision', engine: u.engine, decision: d });
    if (hasCandidate(d)) this.track(u, d, time);
    if (this.schedule) {
      if (!this.scheduleStarted) {
        // the schedule starts with the first traded candle: no backlog of runs for the time before
        this.schedule.startAt(time - 60_000);
        this.scheduleStarted = true;
      }
      for (const due of this.schedule.takeDue(time, this.due)) this.pending.push(due);
    } else {
      for (const e of this.coordinator.maybeReviewThresholds(time)) events.push(e);
    }
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
      let paper: OutcomeEvent['paper'] = null;
      if (!shadow) {
        const pnl = (meta.notional * o.netPct) / 100;
        this.paperEquity += pnl;
        paper = { notional: meta.notional, pnl, equityAfter: this.paperEquity };
      }
      this.events.push({ kind: 'outcome', outcome: o, shadow, category: meta.category, regime: meta.regime, paper });
      u.engine.history.record(meta.setupKind, o.won);
      if (meta.features && u.learner) u.learner.learn(meta.features, o.direction, o.won);
      const lo: LearningOutcome = { direction: o.direction, won: o.won, votes: meta.votes, confidences: meta.confidences, shadow };
      if (shadow) this.counters.shadowOutcomes!++;
      else this.counters.outcomes!++;
      if (this.schedule) this.remember({ time, regime: meta.regime, lo });
      const e = this.coordinator.onOutcome(o.id, time, meta.regime, lo);
      if (e) this.events.push(e);
    }
  }

  /** Keeps the outcomes the jobs look back on (the weekly window plus a day). */
  private remember(o: RecentOutcome): void {
    this.recent.push(o);
    const horizon = o.time - (this.weekly.windowDays + 1) * 86_400_000;
    if (this.recent[0]!.time < horizon) this.recent = this.recent.filter((r) => r.time >= horizon);
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
    const notional = shadow ? 0 : this.paperEquity * (this.config.paper?.positionFraction ?? 0.1);
    this.open.set(id, { votes, confidences, regime: d.regime, setupKind: d.setupKind, features, category: d.category, notional });
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
      open[id] = { votes: Array.from(m.votes), confidences: Array.from(m.confidences), regime: m.regime, setupKind: m.setupKind, features: m.features ? Array.from(m.features) : null, category: m.category, notional: m.notional };
    }
    const caches: EngineState['caches'] = {};
    for (const [sym, u] of this.units) if (u.cache) caches[sym] = u.cache.snapshot();
    return {
      coordinator: this.coordinator.snapshot(),
      symbols,
      open,
      untrackedShadows: this.untrackedShadows,
      schedule: this.schedule ? this.schedule.snapshot() : null,
      pending: [...this.pending],
      recent: this.recent.map((r) => ({ time: r.time, regime: r.regime, direction: r.lo.direction, won: r.lo.won, shadow: r.lo.shadow, votes: Array.from(r.lo.votes), confidences: Array.from(r.lo.confidences) })),
      caches,
      counters: { ...this.counters },
      paperEquity: this.paperEquity,
    };
  }

  /** Whether a checkpoint was taken with the same indicators per symbol (heads' parameters unchanged). */
  fits(s: EngineState): boolean {
    for (const [sym, u] of this.units) {
      const st = s.symbols[sym];
      if (!st) continue;
      const keys = st.engine.set.slots.map((x) => x.key);
      const mine = u.engine.set.slots.map((x) => x.key);
      if (keys.length !== mine.length || keys.some((k, i) => k !== mine[i])) return false;
    }
    return true;
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
        notional: m.notional ?? 0,
      });
    }
    this.untrackedShadows = s.untrackedShadows;
    if (this.schedule && s.schedule) {
      this.schedule.restore(s.schedule);
      this.scheduleStarted = true;
    }
    this.pending = [...(s.pending ?? [])];
    this.recent = (s.recent ?? []).map((r) => ({
      time: r.time,
      regime: r.regime,
      lo: { direction: r.direction as 1 | -1, won: r.won, shadow: r.shadow, votes: Int8Array.from(r.votes), confidences: Float64Array.from(r.confidences) },
    }));
    for (const [sym, c] of Object.entries(s.caches ?? {})) this.units.get(sym)?.cache?.restore(c);
    Object.assign(this.counters, s.counters ?? {});
    if (typeof s.paperEquity === 'number') this.paperEquity = s.paperEquity;
  }
}
