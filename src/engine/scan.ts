/**
 * Replays stored candles of several symbols through the engine in time order (interleaved, as live
 * would receive them): decisions, signals, shadow signals, outcomes and learning. With `record`, every
 * event is persisted in batches with checkpoints, and a later run with the same checkpoint name carries
 * on exactly where the last committed batch ended. The backtest wraps this; `alphapulse scan` prints it.
 */
import type { Candle } from '../core/candle.js';
import { thresholdVector } from '../consensus/consensus.js';
import { REJECTION_CATEGORIES } from '../consensus/filters.js';
import { REGIMES, type Head } from '../heads/types.js';
import type { CoordinatorConfig } from '../learning/coordinator.js';
import { initialLearnedState, type LearnedState } from '../learning/learned-state.js';
import { DEFAULT_OUTCOME_PARAMS, type OutcomeParams } from '../outcomes/resolve.js';
import { readCandles } from '../store/candles.js';
import type { Store } from '../store/database.js';
import { ensureInitialVersion, loadActive, loadCheckpoint } from '../store/learning.js';
import type { Decision } from './decision.js';
import { Engine, type EngineEvent, type EngineState, type JobsConfig } from './engine.js';
import type { JobContext } from './jobs.js';
import type { EngineParams } from './engine-params.js';
import { EngineRecorder, type RecorderOptions } from './engine-recorder.js';

export type ScanTally = {
  candles: number;
  signals: number;
  rejections: number;
  /** rejections / decisions */
  rejectionRate: number;
  /** rejections that had a would-be trade (tracked as shadow signals) */
  rejectedCandidates: number;
  byCategory: Record<string, number>;
  byRegime: Record<string, Record<string, number>>;
  first: number | null;
  last: number | null;
};

export type OutcomeTally = { resolved: number; won: number; netPctSum: number; shadowResolved: number; goodRejections: number; missedOpportunities: number };

export type ScanOptions = {
  readonly symbols: readonly string[];
  readonly from?: number;
  readonly to?: number;
  readonly exchange?: string;
  readonly params: EngineParams;
  readonly outcome?: OutcomeParams;
  readonly learning?: CoordinatorConfig;
  readonly createHeads: (headParams: LearnedState['headParams']) => Head[];
  /** persist every event (and checkpoints when `checkpoint` is named) */
  readonly record?: boolean;
  readonly checkpoint?: string;
  readonly recorder?: Omit<RecorderOptions, 'checkpoint'>;
  readonly onEvents?: (engine: Engine, events: readonly EngineEvent[]) => void;
  /** receives the engine and its recorder when the replay ends (to keep serving it, e.g. the demo) */
  readonly onDone?: (engine: Engine, recorder: EngineRecorder | null) => void;
  /** scheduled jobs (daily, weekly, hourly) on the candles' clock */
  readonly jobs?: JobsConfig;
  /** candidate evaluator for the weekly search (worker threads); default in-process */
  readonly evaluate?: JobContext['evaluate'];
  readonly onProgress?: (done: number, total: number) => void;
};

export type ScanResult = {
  total: ScanTally;
  bySymbol: Record<string, ScanTally>;
  outcomes: OutcomeTally;
  learning: { version: number; outcomes: number; shadows: number; updates: number; weights: number[]; thresholds: number[] };
  /** where a resumed run started (per symbol, open time of the first candle fed), null for a fresh run */
  resumedFrom: Record<string, number> | null;
  written: EngineRecorder['written'] | null;
};

function emptyTally(): ScanTally {
  const byCategory: Record<string, number> = { signal: 0 };
  for (const c of REJECTION_CATEGORIES) byCategory[c] = 0;
  const byRegime: Record<string, Record<string, number>> = {};
  for (const r of REGIMES) byRegime[r] = { ...byCategory };
  return { candles: 0, signals: 0, rejections: 0, rejectionRate: 0, rejectedCandidates: 0, byCategory, byRegime, first: null, last: null };
}

function tally(t: ScanTally, d: Decision): void {
  t.candles++;
  if (d.action === 'signal') t.signals++;
  else {
    t.rejections++;
    if (d.direction !== 0 && d.entry === d.entry) t.rejectedCandidates++;
  }
  t.byCategory[d.category]!++;
  t.byRegime[REGIMES[d.regime]!]![d.category]!++;
  t.first ??= d.time;
  t.last = d.time;
}

const CHUNK_MS = 7 * 86_400_000;

export async function runScan(store: Store, opts: ScanOptions): Promise<ScanResult> {
  const learning: CoordinatorConfig = opts.learning ?? { mode: 'off', perRegime: false };
  const initial = initialLearnedState(thresholdVector(opts.params.consensus), learning.perRegime);
  const from = opts.from ?? 0;
  const to = opts.to ?? Number.MAX_SAFE_INTEGER;
  const start = opts.record ? await ensureInitialVersion(store, initial, learning.mode, from) : { version: 1, state: initial };
  const engine = new Engine({
    symbols: opts.symbols,
    params: opts.params,
    outcome: opts.outcome ?? DEFAULT_OUTCOME_PARAMS,
    learning,
    createHeads: opts.createHeads,
    start: { version: start.version, state: start.state },
    ...(opts.jobs ? { jobs: opts.jobs } : {}),
  });
  const next = new Map<string, number>(opts.symbols.map((s) => [s, from]));
  let resumedFrom: Record<string, number> | null = null;
  if (opts.record && opts.checkpoint) {
    const cp = await loadCheckpoint<EngineState>(store, opts.checkpoint);
    let restored = false;
    if (cp) {
      // a checkpoint taken with other indicators (a deployed head-parameter change) is set aside: start afresh
      if (engine.fits(cp.state)) {
        engine.restore(cp.state);
        restored = true;
      }
    }
    if (cp && restored) {
      // a rollback (or a deployed version) activated while the engine was stopped wins over the checkpoint
      const active = await loadActive(store);
      if (active && active.version !== engine.coordinator.version) engine.coordinator.adopt(active.version, active.state);
      resumedFrom = {};
      for (const s of opts.symbols) {
        const last = cp.state.symbols[s]?.engine.lastOpenTime ?? null;
        if (last !== null) next.set(s, Math.max(from, last + 60_000));
        resumedFrom[s] = next.get(s)!;
      }
    }
  }
  const recorder = opts.record ? new EngineRecorder(store, engine, { ...opts.recorder, ...(opts.checkpoint ? { checkpoint: opts.checkpoint } : {}) }) : null;
  const total = emptyTally();
  const bySymbol: Record<string, ScanTally> = {};
  for (const s of opts.symbols) bySymbol[s] = emptyTally();
  const outcomes: OutcomeTally = { resolved: 0, won: 0, netPctSum: 0, shadowResolved: 0, goodRejections: 0, missedOpportunities: 0 };
  const exchange = opts.exchange ?? 'binance';
  const firstStart = Math.min(...next.values());
  for (let chunkStart = firstStart; chunkStart <= to; chunkStart += CHUNK_MS) {
    const chunkEnd = Math.min(to, chunkStart + CHUNK_MS - 1);
    const lists: Candle[][] = [];
    for (const s of opts.symbols) {
      const lo = Math.max(chunkStart, next.get(s)!);
      lists.push(lo > chunkEnd ? [] : await readCandles(store, { exchange, symbol: s, interval: '1m' }, lo, chunkEnd));
    }
    const pos = lists.map(() => 0);
    for (;;) {
      let k = -1;
      let t = Infinity;
      for (let j = 0; j < lists.length; j++) {
        const c = lists[j]![pos[j]!];
        if (c !== undefined && c.openTime < t) {
          t = c.openTime;
          k = j;
        }
      }
      if (k < 0) break;
      const symbol = opts.symbols[k]!;
      const events = engine.step(symbol, lists[k]![pos[k]!++]!);
      for (const e of events) {
        if (e.kind === 'decision') {
          tally(total, e.decision);
          tally(bySymbol[symbol]!, e.decision);
        } else if (e.kind === 'outcome') {
          if (e.shadow) {
            outcomes.shadowResolved++;
            if (e.outcome.won) outcomes.missedOpportunities++;
            else outcomes.goodRejections++;
          } else {
            outcomes.resolved++;
            if (e.outcome.won) outcomes.won++;
            outcomes.netPctSum += e.outcome.netPct;
          }
        }
      }
      opts.onEvents?.(engine, events);
      recorder?.add(events);
      if (engine.hasPendingJobs) {
        const jobEvents = await engine.runPendingJobs(opts.evaluate);
        opts.onEvents?.(engine, jobEvents);
        recorder?.add(jobEvents);
      }
      if (recorder?.full) await recorder.flush();
    }
    if (chunkEnd >= to || lists.every((l) => l.length === 0 && chunkStart > Date.now())) opts.onProgress?.(1, 1);
    else opts.onProgress?.(chunkEnd - firstStart, Math.max(1, Math.min(to, Date.now()) - firstStart));
    if (chunkStart > Date.now()) break;
  }
  if (recorder) await recorder.flush(true);
  opts.onDone?.(engine, recorder);
  for (const t of [total, ...Object.values(bySymbol)]) t.rejectionRate = t.candles > 0 ? t.rejections / t.candles : 0;
  const c = engine.coordinator;
  const st = c.state();
  return {
    total,
    bySymbol,
    outcomes,
    learning: { version: c.version, ...c.counts, weights: [...st.headWeights], thresholds: [...st.thresholds] },
    resumedFrom,
    written: recorder ? recorder.written : null,
  };
}
