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

export interface Database {
  series: SeriesTable;
  candles: CandlesTable;
  import_runs: ImportRunsTable;
}
