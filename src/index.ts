/** `alphapulse`: the public library API (the engine, replay and analytics join as they land). */
export * from './core/candle.js';
export { AlphaPulseError, ERROR_CODES, type ErrorCode } from './core/errors.js';
export { INTERVAL_MS, intervalMs, isInterval, type Interval } from './core/intervals.js';
export { SimulatedClock, systemClock, type Clock } from './core/clock.js';
export { loadConfig, configSchema, type AppConfig } from './config/config.js';
export { openStore, type Store, type StoreDialect } from './store/database.js';
export { writeCandles, readCandles, countCandles, findGaps, lastOpenTime, firstOpenTime, type CandleWriteResult, type Gap, type GapReport } from './store/candles.js';
export { parseKlineCsv, formatKlineCsvRow } from './data/kline-csv.js';
export { importArchives, type ImportSummary, type ImportFailure } from './data/import-archives.js';
