/**
 * Persists decisions in batches: every decision as a compact scan_history row; signals into
 * live_signals with their full consensus record; rejected candidates (with a direction and a would-be
 * trade) into rejected_signals with a compact record, so they can be tracked as shadow signals.
 */
import { directionName, REGIMES, SETUP_TIMEFRAMES } from '../heads/types.js';
import { insertBatches } from '../store/bulk.js';
import type { Store } from '../store/database.js';
import { hasCandidate, type Decision } from './decision.js';
import type { SymbolEngine } from './symbol-engine.js';

const SCAN_COLUMNS = ['symbol', 'time', 'action', 'category', 'direction', 'confidence', 'confluence', 'agreeing', 'regime', 'timeframe', 'weights_version'];
const TRADE_COLUMNS = ['id', 'symbol', 'time', 'direction', 'entry', 'stop', 'target', 'reward_risk', 'confidence', 'confluence', 'agreeing', 'regime', 'timeframe', 'setup_kind', 'weights_version', 'record'];

export type RecorderCounts = { decisions: number; signals: number; rejectedCandidates: number };

export class DecisionRecorder {
  private scans: unknown[][] = [];
  private signals: unknown[][] = [];
  private rejected: unknown[][] = [];
  readonly written: RecorderCounts = { decisions: 0, signals: 0, rejectedCandidates: 0 };

  constructor(
    private readonly store: Store,
    private readonly opts: { batchSize?: number; weightsVersion?: () => number } = {},
  ) {}

  /** Number of decisions waiting to be written. */
  get pending(): number {
    return this.scans.length;
  }

  /** Copies the decision (and, for a signal or candidate, its record) into the next batch. */
  add(engine: SymbolEngine, d: Decision): void {
    const version = this.opts.weightsVersion?.() ?? 0;
    const regime = REGIMES[d.regime]!;
    const tf = SETUP_TIMEFRAMES[d.tf]!;
    this.scans.push([d.symbol, d.time, d.action, d.category, d.direction, d.confidence, d.confluence, d.agreeing, regime, tf, version]);
    if (!hasCandidate(d)) return;
    const id = `${d.symbol}-${d.time}`;
    const base = [id, d.symbol, d.time, directionName(d.direction), d.entry, d.stop, d.target, d.rewardRisk, d.confidence, d.confluence, d.agreeing, regime, tf, d.setupKind, version];
    if (d.action === 'signal') {
      const expires = d.time + engine.params.risk.maxHoldMinutes * 60_000;
      this.signals.push([...base, JSON.stringify(engine.consensusRecord()), expires]);
    } else {
      const votes = engine.votes.map((v, i) => [engine.heads[i]!.id, v.direction, Math.round(v.confidence * 1e4) / 1e4]);
      this.rejected.push([...base, JSON.stringify({ votes, weights: Array.from(engine.weightsFor(d.regime), (w) => Math.round(w * 1e6) / 1e6) }), d.category]);
    }
  }

  /** True when the batch is full and should be flushed. */
  get full(): boolean {
    return this.scans.length >= (this.opts.batchSize ?? 5000);
  }

  /** Writes everything pending in one transaction. Rewriting the same decision is a no-op. */
  async flush(): Promise<void> {
    const scans = this.scans;
    const signals = this.signals;
    const rejected = this.rejected;
    this.scans = [];
    this.signals = [];
    this.rejected = [];
    const [a, b, c] = await insertBatches(this.store, [
      { table: 'scan_history', columns: SCAN_COLUMNS, rows: scans, onConflictIgnore: true },
      { table: 'live_signals', columns: [...TRADE_COLUMNS, 'expires_at'], rows: signals, onConflictIgnore: true },
      { table: 'rejected_signals', columns: [...TRADE_COLUMNS, 'category'], rows: rejected, onConflictIgnore: true },
    ]);
    this.written.decisions += a!;
    this.written.signals += b!;
    this.written.rejectedCandidates += c!;
  }
}
