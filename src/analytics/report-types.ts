/**
 * The backtest report as data (JSON); the HTML report renders exactly this. Every rate carries its
 * sample size. Times are epoch ms UTC; percentages are in percent (1.5 = 1.5%).
 */

/** One resolved trade (a signal's outcome), net of fees and slippage. */
export type TradeRow = {
  readonly id: string;
  readonly symbol: string;
  readonly direction: 'LONG' | 'SHORT';
  /** decision time = entry */
  readonly time: number;
  readonly exitTime: number;
  readonly result: 'tp' | 'sl' | 'time';
  readonly grossPct: number;
  readonly netPct: number;
  readonly holdingMs: number;
  readonly regime: string;
  readonly won: boolean;
};

export type TradeMetrics = {
  /** number of resolved trades (the sample size of every rate below) */
  readonly trades: number;
  readonly wins: number;
  readonly winRate: number | null;
  readonly avgNetPct: number | null;
  readonly totalNetPct: number;
  /** gross profit / gross loss of net P/L; null without losses */
  readonly profitFactor: number | null;
  /** mean / stdev of per-trade net returns (not annualised); null with < 2 trades */
  readonly sharpe: number | null;
  /** mean / downside deviation of per-trade net returns; null with < 2 trades or no downside */
  readonly sortino: number | null;
  /** largest peak-to-trough fall of the cumulative net P/L (compounded equity), in % */
  readonly maxDrawdownPct: number;
  readonly bestStreak: number;
  readonly worstStreak: number;
  readonly signalsPerDay: number;
  readonly avgHoldingHours: number | null;
  readonly byResult: { readonly tp: number; readonly sl: number; readonly time: number };
};

export type DecisionMetrics = {
  readonly decisions: number;
  readonly signals: number;
  readonly rejections: number;
  readonly rejectionRate: number;
  readonly shadowsResolved: number;
  readonly goodRejections: number;
  readonly missedOpportunities: number;
  /** good rejections / shadows resolved; null without shadows */
  readonly rejectionAccuracy: number | null;
  readonly byCategory: Readonly<Record<string, number>>;
};

export type WeekRow = { readonly weekStart: number; readonly trades: number; readonly winRate: number | null; readonly avgNetPct: number | null; readonly totalNetPct: number };

export type WeightPoint = { readonly time: number; readonly version: number; readonly weights: readonly number[] };

export type SymbolReport = { readonly symbol: string; readonly trades: TradeMetrics; readonly decisions: DecisionMetrics };

export type JobRunRow = { readonly job: string; readonly time: number; readonly status: 'ok' | 'skipped' | 'failed'; readonly summary: string };

export type ModeReport = {
  readonly mode: 'off' | 'seed' | 'hedge';
  /** all symbols together */
  readonly overall: SymbolReport;
  readonly bySymbol: readonly SymbolReport[];
  readonly weekly: readonly WeekRow[];
  readonly weights: readonly WeightPoint[];
  /** cumulative net P/L (compounded, %) after each trade, for the equity chart */
  readonly equity: readonly { readonly time: number; readonly equityPct: number }[];
  readonly jobs: readonly JobRunRow[];
  readonly finalVersion: number;
};

export type BootstrapDiff = {
  readonly mode: string;
  readonly baseline: string;
  /** mean net P/L per trade of mode minus baseline, in % */
  readonly diffPct: number | null;
  readonly ci95: readonly [number, number] | null;
  readonly tradesMode: number;
  readonly tradesBaseline: number;
  readonly days: number;
  readonly samples: number;
  readonly method: string;
};

export type BuyAndHold = { readonly symbol: string; readonly firstClose: number; readonly lastClose: number; readonly returnPct: number };

export type BacktestReport = {
  readonly generatedAt: number;
  readonly from: number;
  readonly to: number;
  readonly symbols: readonly string[];
  readonly candles: number;
  readonly warmupDays: number;
  readonly seconds: number;
  readonly modes: readonly ModeReport[];
  readonly buyAndHold: readonly BuyAndHold[];
  readonly learningVsStatic: readonly BootstrapDiff[];
  readonly settings: Readonly<Record<string, unknown>>;
};
