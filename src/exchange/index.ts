export { ExchangeClient, createExchangeClient, overrideApiUrls, parseRetryAfter, type ExchangeClientOptions, type FetchKlinesOptions } from './client.js';
export { backfill, type BackfillOptions, type BackfillProgress, type BackfillResult } from './backfill.js';
export { CandleStream, type CandleListener, type CandleSource, type CandleStreamOptions, type StreamSummary, type SymbolStreamStats } from './stream.js';
export { withRetry, classifyError, backoffMs, realSleep, ExchangeHttpError, type RetryPolicy, type Sleep } from './retry.js';
export { formatDecimal, klineStreamName, parseKlineEvent, parseKlineRow, toKlineEvent, toKlineRow, type KlineEvent, type KlineRow } from './binance-format.js';
