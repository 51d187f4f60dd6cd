/** Table interfaces (Kysely). Row types are derived from these; times are epoch ms integers. */
import type { Generated } from 'kysely';

/** One row per candle series; candles refer to it by a small integer key. */
export interface SeriesTable {
  id: Generated<number>;
  exchange: string;
  symbol: string;
  interval: string;
}

export interface CandlesTable {
  series_id: number;
  open_time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  close_time: number;
  quote_volume: number;
  trades: number;
  taker_buy_base_volume: number;
  taker_buy_quote_volume: number;
}

export interface ImportRunsTable {
  id: Generated<number>;
  started_at: number;
  finished_at: number;
  files: number;
  rows: number;
  inserted: number;
  updated: number;
  duplicates: number;
  failed: number;
  /** JSON array of {file, line, error} */
  failures: string;
}

/** Every decision, compact: one row per closed candle per symbol. */
export interface ScanHistoryTable {
  symbol: string;
  time: number;
  /** 'signal' | 'reject' */
  action: string;
  category: string;
  direction: number;
  confidence: number;
  confluence: number;
  agreeing: number;
  regime: string;
  timeframe: string;
  weights_version: number;
}

/** Columns shared by open signals, closed signals and rejected candidates. */
interface TradeColumns {
  id: string;
  symbol: string;
  /** decision time (close of the decision candle), epoch ms */
  time: number;
  direction: string;
  entry: number;
  stop: number;
  target: number;
  reward_risk: number;
  confidence: number;
  confluence: number;
  agreeing: number;
  regime: string;
  timeframe: string;
  setup_kind: number;
  weights_version: number;
  /** JSON: the consensus record (votes with reasons, weights, thresholds, indicators) */
  record: string;
}

export interface LiveSignalsTable extends TradeColumns {
  /** time exit at this time, epoch ms */
  expires_at: number;
}

/** How a trade (or a shadow of a rejected candidate) ended; null while open. */
interface OutcomeColumns {
  /** 'tp' | 'sl' | 'time' */
  result: string | null;
  exit_time: number | null;
  exit_price: number | null;
  gross_pct: number | null;
  net_pct: number | null;
  holding_ms: number | null;
  mae_pct: number | null;
  mfe_pct: number | null;
  /** 1 won (net > 0), 0 lost */
  won: number | null;
}

export interface SignalHistoryTable extends TradeColumns, OutcomeColumns {
  expires_at: number;
}

export interface RejectedSignalsTable extends TradeColumns, OutcomeColumns {
  category: string;
  /** 'good_rejection' (would have lost) | 'missed_opportunity' (would have won); null while unresolved */
  classification: string | null;
}

/** Daily shadow-signal aggregates, recomputed from rejected_signals (idempotent). */
export interface RejectionLearningMetricsTable {
  /** UTC day start, epoch ms */
  day: number;
  category: string;
  regime: string;
  resolved: number;
  good_rejections: number;
  missed_opportunities: number;
  /** good / resolved */
  rejection_accuracy: number;
  /** missed / resolved */
  missed_rate: number;
}

/** Every version of every learned state. */
export interface LearningStateTable {
  version: number;
  created_at: number;
  /** why this version exists: 'initial', 'outcome', 'daily', 'weekly', 'rollback', 'threshold' */
  reason: string;
  /** learning rule that produced it: 'off' | 'seed' | 'hedge' */
  mode: string;
  parent_version: number | null;
  /** JSON: the full LearnedState (head weights, per-regime weights, thresholds, head parameters) */
  state: string;
  /** JSON: metrics at that time (outcomes seen, win rate, ...) */
  metrics: string;
}

export interface ActiveLearningStateTable {
  id: number;
  version: number;
  activated_at: number;
}

/** The audit trail: every outcome processed, weight update, threshold change, rollback, job run. */
export interface LearningEventsTable {
  id: Generated<number>;
  /** idempotency key: the same event is never recorded twice */
  key: string;
  time: number;
  kind: string;
  signal_id: string | null;
  version_before: number | null;
  version_after: number | null;
  /** JSON details (before/after vectors, numbers behind a change, ...) */
  detail: string;
}

/** Every scheduled or manual job run: when it was due, when it ran, what it did or why it failed. */
export interface JobRunsTable {
  /** 'daily' | 'weekly' | 'hourly' */
  job: string;
  /** the scheduled (or trigger) time, epoch ms; with job, the run's identity */
  scheduled_for: number;
  /** engine clock at start and end (simulated time in replay) */
  started_at: number;
  finished_at: number;
  /** wall-clock duration of the run */
  duration_ms: number;
  /** 'ok' | 'skipped' | 'failed' */
  status: string;
  summary: string;
  /** JSON report of the run */
  result: string;
  error: string | null;
}

/** Paper trading: every signal as a simulated position sized from the paper equity, fees and slippage included. */
export interface PaperPositionsTable {
  id: string;
  symbol: string;
  direction: string;
  opened_at: number;
  entry: number;
  stop: number;
  target: number;
  /** quote currency committed (a fixed fraction of the equity at opening) */
  notional: number;
  /** 'open' | 'closed' */
  status: string;
  closed_at: number | null;
  exit_price: number | null;
  result: string | null;
  net_pct: number | null;
  pnl: number | null;
  /** paper equity after this position closed */
  equity_after: number | null;
}

export interface BacktestRunsTable {
  id: string;
  created_at: number;
  symbols: string;
  from_time: number;
  to_time: number;
  modes: string;
  /** JSON: the whole report */
  report: string;
}

/** The resolved trades of a backtest, per learning mode: the stored outcomes the report is built from. */
export interface BacktestTradesTable {
  run_id: string;
  mode: string;
  id: string;
  symbol: string;
  direction: string;
  time: number;
  exit_time: number;
  result: string;
  gross_pct: number;
  net_pct: number;
  holding_ms: number;
  regime: string;
  won: number;
}

/** Engine snapshots written with each batch of events, so a restart carries on exactly. */
export interface EngineCheckpointsTable {
  name: string;
  /** time of the last candle the snapshot includes (its open time) */
  time: number;
  state: string;
}

export interface Database {
  scan_history: ScanHistoryTable;
  live_signals: LiveSignalsTable;
  signal_history: SignalHistoryTable;
  rejected_signals: RejectedSignalsTable;
  rejection_learning_metrics: RejectionLearningMetricsTable;
  learning_state: LearningStateTable;
  active_learning_state: ActiveLearningStateTable;
  learning_events: LearningEventsTable;
  engine_checkpoints: EngineCheckpointsTable;
  job_runs: JobRunsTable;
  backtest_runs: BacktestRunsTable;
  paper_positions: PaperPositionsTable;
  backtest_trades: BacktestTradesTable;
  series: SeriesTable;
  candles: CandlesTable;
  import_runs: ImportRunsTable;
}
