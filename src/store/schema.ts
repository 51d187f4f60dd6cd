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

export interface SignalHistoryTable extends TradeColumns {
  expires_at: number;
}

export interface RejectedSignalsTable extends TradeColumns {
  category: string;
}

export interface Database {
  scan_history: ScanHistoryTable;
  live_signals: LiveSignalsTable;
  signal_history: SignalHistoryTable;
  rejected_signals: RejectedSignalsTable;
  series: SeriesTable;
  candles: CandlesTable;
  import_runs: ImportRunsTable;
}
