/**
 * Persists the engine's events in batches, each batch in ONE transaction together with a checkpoint
 * of the engine's state — so a crash or kill at any moment loses at most the batch in flight, and a
 * restart from the checkpoint replays the same candles into the same events. Every write is
 * idempotent (primary keys, idempotency keys), so nothing is ever recorded twice:
 *  - every decision → scan_history; a signal → live_signals (with its consensus record); a rejected
 *    candidate → rejected_signals (compact record);
 *  - a signal's outcome moves it from live_signals to signal_history; a shadow's outcome updates its
 *    rejected_signals row with the classification (good rejection / missed opportunity);
 *  - each outcome processed, weight update and threshold change → learning_events (keyed), and each
 *    new learned version → learning_state, the last one active.
 */
import { directionName, REGIMES, SETUP_TIMEFRAMES } from '../heads/types.js';
import type { Store } from '../store/database.js';
import { insertVersion, recordEvent, saveCheckpoint, setActive, type LearningEventRow } from '../store/learning.js';
import { refreshRejectionMetrics } from '../store/rejection-metrics.js';
import { insertRows, withTransaction, type SqlRunner } from '../store/sql-runner.js';
import type { Outcome } from '../outcomes/resolve.js';
import { hasCandidate } from './decision.js';
import type { Engine, EngineEvent } from './engine.js';
import type { JobRunEvent } from './jobs.js';

const SCAN_COLUMNS = ['symbol', 'time', 'action', 'category', 'direction', 'confidence', 'confluence', 'agreeing', 'regime', 'timeframe', 'weights_version'];
const TRADE_COLUMNS = ['id', 'symbol', 'time', 'direction', 'entry', 'stop', 'target', 'reward_risk', 'confidence', 'confluence', 'agreeing', 'regime', 'timeframe', 'setup_kind', 'weights_version', 'record'];
const OUTCOME_COLUMNS = ['result', 'exit_time', 'exit_price', 'gross_pct', 'net_pct', 'holding_ms', 'mae_pct', 'mfe_pct', 'won'];

export type RecorderCounts = { decisions: number; signals: number; rejectedCandidates: number; outcomes: number; shadowOutcomes: number; versions: number; events: number };

type PendingVersion = { version: number; parent: number; time: number; reason: string };

export type RecorderOptions = {
  /** checkpoint name; one per engine (e.g. 'live', 'backtest:seed') */
  readonly checkpoint?: string;
  readonly batchSize?: number;
  /** decisions per batch are always written; set false to skip scan_history (large replays) */
  readonly scanHistory?: boolean;
  /** test hook: called at named points of a flush; throwing there simulates a crash */
  readonly crashPoint?: (point: 'before-write' | 'after-decisions' | 'after-outcomes' | 'after-learning' | 'before-commit') => void;
  /**
   * Write the checkpoint every N flushes (default 1). Between checkpoints a restart replays from the
   * older one; every write is idempotent, so the replayed events are not recorded twice.
   */
  readonly checkpointEvery?: number;
};

export class EngineRecorder {
  private scans: unknown[][] = [];
  private signals: unknown[][] = [];
  private rejected: unknown[][] = [];
  private outcomes: { o: Outcome; time: number }[] = [];
  private shadows: { o: Outcome; time: number }[] = [];
  private events: LearningEventRow[] = [];
  private versions: PendingVersion[] = [];
  private jobs: JobRunEvent[] = [];
  private paperOpen: unknown[][] = [];
  private paperClosed: { id: string; o: Outcome; pnl: number; equityAfter: number }[] = [];
  private lastTime = 0;
  private flushes = 0;
  readonly written: RecorderCounts = { decisions: 0, signals: 0, rejectedCandidates: 0, outcomes: 0, shadowOutcomes: 0, versions: 0, events: 0 };

  constructor(
    private readonly store: Store,
    private readonly engine: Engine,
    private readonly opts: RecorderOptions = {},
  ) {}

  get pending(): number {
    return this.scans.length;
  }

  get full(): boolean {
    return this.scans.length >= (this.opts.batchSize ?? 5000);
  }

  /** Copies what must be persisted from one step's events. */
  add(events: readonly EngineEvent[]): void {
    const version = this.engine.coordinator.version;
    for (const e of events) {
      if (e.kind === 'decision') {
        const d = e.decision;
        this.lastTime = d.time;
        const regime = REGIMES[d.regime]!;
        const tf = SETUP_TIMEFRAMES[d.tf]!;
        if (this.opts.scanHistory !== false) this.scans.push([d.symbol, d.time, d.action, d.category, d.direction, d.confidence, d.confluence, d.agreeing, regime, tf, version]);
        else this.scans.push([]);
        if (!hasCandidate(d)) continue;
        const base = [`${d.symbol}-${d.time}`, d.symbol, d.time, directionName(d.direction), d.entry, d.stop, d.target, d.rewardRisk, d.confidence, d.confluence, d.agreeing, regime, tf, d.setupKind, version];
        if (d.action === 'signal') {
          this.signals.push([...base, JSON.stringify(e.engine.consensusRecord()), d.time + e.engine.params.risk.maxHoldMinutes * 60_000]);
          const id = `${d.symbol}-${d.time}`;
          this.paperOpen.push([id, d.symbol, directionName(d.direction), d.time, d.entry, d.stop, d.target, this.engine.paperNotional(id), 'open']);
        } else {
          const votes = e.engine.votes.map((v, i) => [e.engine.heads[i]!.id, v.direction, Math.round(v.confidence * 1e4) / 1e4]);
          this.rejected.push([...base, JSON.stringify({ votes, weights: Array.from(e.engine.weightsFor(d.regime), (w) => Math.round(w * 1e6) / 1e6) }), d.category]);
        }
      } else if (e.kind === 'outcome') {
        const o = e.outcome;
        (e.shadow ? this.shadows : this.outcomes).push({ o, time: o.exitTime });
        if (e.paper) this.paperClosed.push({ id: o.id, o, pnl: e.paper.pnl, equityAfter: e.paper.equityAfter });
        this.events.push({
          key: `${e.shadow ? 'shadow' : 'outcome'}:${o.id}`,
          time: o.exitTime,
          kind: e.shadow ? 'shadow_processed' : 'outcome_processed',
          signalId: o.id,
          versionBefore: null,
          versionAfter: null,
          detail: { result: o.result, netPct: o.netPct, won: o.won, category: e.category, regime: REGIMES[e.regime] },
        });
      } else if (e.kind === 'weights_updated') {
        this.events.push({ key: e.key, time: e.time, kind: e.kind, signalId: e.signalId, versionBefore: e.versionBefore, versionAfter: e.versionAfter, detail: { rule: e.rule, shadow: e.shadow, regime: e.regime, before: e.before, after: e.after } });
        this.versions.push({ version: e.versionAfter, parent: e.versionBefore, time: e.time, reason: e.shadow ? 'shadow outcome' : 'outcome' });
      } else if (e.kind === 'job_run') {
        this.jobs.push(e);
        this.events.push({ key: e.key, time: e.at, kind: 'job_run', signalId: null, versionBefore: e.versionBefore, versionAfter: e.versionAfter, detail: { job: e.job, status: e.status, summary: e.summary, error: e.error } });
        if (e.versionAfter !== e.versionBefore && !this.versions.some((v) => v.version === e.versionAfter)) {
          this.versions.push({ version: e.versionAfter, parent: e.versionBefore, time: e.at, reason: `${e.job} job` });
        }
      } else {
        this.events.push({ key: e.key, time: e.time, kind: e.kind, signalId: null, versionBefore: e.versionBefore, versionAfter: e.versionAfter, detail: { regime: e.regime, from: e.from, to: e.to, reason: e.reason, ...e.numbers } });
        this.versions.push({ version: e.versionAfter, parent: e.versionBefore, time: e.time, reason: `threshold ${e.regime}: ${e.reason}` });
      }
    }
  }

  /**
   * Writes everything pending, and (every `checkpointEvery` flushes, and always when `final`) the engine
   * checkpoint, in one transaction.
   */
  async flush(final = false): Promise<void> {
    const crash = this.opts.crashPoint ?? (() => undefined);
    crash('before-write');
    const scans = this.scans.filter((r) => r.length > 0);
    const { signals, rejected, outcomes, shadows, events, versions, jobs, paperOpen, paperClosed } = this;
    this.flushes++;
    const checkpointNow = final || this.flushes % (this.opts.checkpointEvery ?? 1) === 0;
    const c = this.engine.coordinator;
    const state = c.state();
    const snapshot = this.opts.checkpoint && checkpointNow ? this.engine.snapshot() : null;
    const lastTime = this.lastTime;
    await withTransaction(this.store, async (runner) => {
      const w = this.written;
      const n1 = await insertRows(runner, 'scan_history', SCAN_COLUMNS, scans, true);
      w.signals += await insertRows(runner, 'live_signals', [...TRADE_COLUMNS, 'expires_at'], signals, true);
      w.rejectedCandidates += await insertRows(runner, 'rejected_signals', [...TRADE_COLUMNS, 'category'], rejected, true);
      await insertRows(runner, 'paper_positions', ['id', 'symbol', 'direction', 'opened_at', 'entry', 'stop', 'target', 'notional', 'status'], paperOpen, true);
      crash('after-decisions');
      for (const { o } of outcomes) if (await moveToHistory(runner, o)) w.outcomes++;
      for (const p of paperClosed) {
        await runner.run("UPDATE paper_positions SET status = 'closed', closed_at = ?, exit_price = ?, result = ?, net_pct = ?, pnl = ?, equity_after = ? WHERE id = ?", [
          p.o.exitTime,
          p.o.exitPrice,
          p.o.result,
          p.o.netPct,
          p.pnl,
          p.equityAfter,
          p.id,
        ]);
      }
      for (const { o } of shadows) if (await resolveShadow(runner, o)) w.shadowOutcomes++;
      if (shadows.length > 0) await refreshRejectionMetrics(runner, shadows.map((s) => s.time));
      crash('after-outcomes');
      for (const v of versions) {
        const vState = c.stateAt(v.version) ?? state;
        await insertVersion(runner, { version: v.version, createdAt: v.time, reason: v.reason, mode: c.mode, parentVersion: v.parent, state: vState, metrics: c.counts });
      }
      for (const e of events) if (await recordEvent(runner, e)) w.events++;
      for (const j of jobs) {
        await runner.run(
          'INSERT INTO job_runs (job, scheduled_for, started_at, finished_at, duration_ms, status, summary, result, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
          [j.job, j.at, j.at, j.at, j.durationMs, j.status, j.summary, JSON.stringify(j.result), j.error],
        );
      }
      if (versions.length > 0) await setActive(runner, c.version, versions[versions.length - 1]!.time);
      crash('after-learning');
      if (snapshot && this.opts.checkpoint) await saveCheckpoint(runner, this.opts.checkpoint, lastTime, snapshot);
      crash('before-commit');
      w.decisions += n1;
      w.versions += versions.length;
    });
    this.scans = [];
    this.signals = [];
    this.rejected = [];
    this.outcomes = [];
    this.shadows = [];
    this.events = [];
    this.versions = [];
    this.jobs = [];
    this.paperOpen = [];
    this.paperClosed = [];
    c.forgetStatesUpTo(c.version);
  }
}

async function moveToHistory(runner: SqlRunner, o: Outcome): Promise<boolean> {
  const cols = [...TRADE_COLUMNS, 'expires_at'].join(', ');
  const n = await runner.run(
    `INSERT INTO signal_history (${cols}, ${OUTCOME_COLUMNS.join(', ')}) SELECT ${cols}, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM live_signals WHERE id = ? ON CONFLICT DO NOTHING`,
    [o.result, o.exitTime, o.exitPrice, o.grossPct, o.netPct, o.holdingMs, o.maePct, o.mfePct, o.won ? 1 : 0, o.id],
  );
  await runner.run('DELETE FROM live_signals WHERE id = ?', [o.id]);
  return n > 0;
}

async function resolveShadow(runner: SqlRunner, o: Outcome): Promise<boolean> {
  const n = await runner.run(
    `UPDATE rejected_signals SET result = ?, exit_time = ?, exit_price = ?, gross_pct = ?, net_pct = ?, holding_ms = ?, mae_pct = ?, mfe_pct = ?, won = ?, classification = ? WHERE id = ? AND result IS NULL`,
    [o.result, o.exitTime, o.exitPrice, o.grossPct, o.netPct, o.holdingMs, o.maePct, o.mfePct, o.won ? 1 : 0, o.won ? 'missed_opportunity' : 'good_rejection', o.id],
  );
  return n > 0;
}
