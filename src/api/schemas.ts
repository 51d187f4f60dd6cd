/**
 * JSON schemas of every route: query parameters, bodies and responses. Fastify validates inputs with
 * them (ajv, query strings coerced to their types) and serialises responses with them — a property not
 * declared here never leaves the server — and @fastify/swagger turns them into the OpenAPI document.
 */
import { INTERVAL_MS } from '../core/intervals.js';
import { JOB_NAMES } from '../jobs/schedule.js';
import { MAX_CANDLES } from './services/candles.js';

type Schema = Record<string, unknown>;

const N: Schema = { type: 'number' };
const I: Schema = { type: 'integer' };
const S: Schema = { type: 'string' };
const B: Schema = { type: 'boolean' };
const nN: Schema = { type: ['number', 'null'] };
const nI: Schema = { type: ['integer', 'null'] };
const nS: Schema = { type: ['string', 'null'] };
const T: Schema = { type: 'integer', description: 'epoch milliseconds (UTC)' };
const nT: Schema = { type: ['integer', 'null'], description: 'epoch milliseconds (UTC)' };
const arr = (items: Schema, description?: string): Schema => ({ type: 'array', items, ...(description ? { description } : {}) });

/** An object whose every listed property is required and nothing else is allowed. */
export function obj(properties: Record<string, Schema>, description?: string): Schema {
  return { type: 'object', properties, required: Object.keys(properties), additionalProperties: false, ...(description ? { description } : {}) };
}

const nullable = (s: Schema): Schema => ({ anyOf: [s, { type: 'null' }] });
const anyObject = (description: string): Schema => ({ type: 'object', additionalProperties: true, description });

// ---------------------------------------------------------------- errors

export const ERROR_SCHEMA_ID = 'ApiError';

export const errorSchema: Schema = {
  $id: ERROR_SCHEMA_ID,
  type: 'object',
  description: 'every error: a stable code (AP_ERR_*) and a message; 5xx messages never carry details',
  properties: { error: obj({ code: S, message: S }) },
  required: ['error'],
  additionalProperties: false,
};

const errorRef: Schema = { $ref: `${ERROR_SCHEMA_ID}#` };

/** Adds the shared error responses (4xx, 5xx) to a route's responses. */
export function responses(ok: Schema, extra: Record<string, Schema> = {}): Record<string, Schema> {
  return { 200: ok, ...extra, '4xx': errorRef, '5xx': errorRef };
}

// ---------------------------------------------------------------- query parameters

const SYMBOL_PATTERN = '^[A-Za-z0-9]{2,30}$';
const TIME_PATTERN = '^(\\d{1,15}|\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?)?(Z|[+-]\\d{2}:?\\d{2})?)$';

export const symbolParam: Schema = { type: 'string', pattern: SYMBOL_PATTERN, description: 'a symbol such as BTCUSDT (2 to 30 letters and digits)' };
const timeParam = (what: string): Schema => ({
  type: 'string',
  pattern: TIME_PATTERN,
  description: `epoch milliseconds or an ISO 8601 time such as 2025-06-01T00:00:00Z (UTC when no zone is given); ${what}`,
});
// validation messages use a pattern's description up to the first ';' ("must be epoch milliseconds or …")
const limitParam = (max: number, dflt: number): Schema => ({ type: 'integer', minimum: 1, maximum: max, default: dflt, description: `page size, 1 to ${max}` });
const offsetParam: Schema = { type: 'integer', minimum: 0, maximum: 1_000_000_000, default: 0, description: 'items to skip' };

function query(properties: Record<string, Schema>, required: string[] = []): Schema {
  return { type: 'object', properties, required, additionalProperties: false };
}

export const noQuery: Schema = query({});

export const headWeightsQuery = query({
  days: { type: 'integer', minimum: 1, maximum: 3650, default: 30, description: 'versions created in the last N days' },
  limit: { type: 'integer', minimum: 1, maximum: 10_000, default: 1000, description: 'most versions returned (the newest in the window)' },
});

export const schedulerQuery = query({
  job: { type: 'string', enum: [...JOB_NAMES], description: 'only this job in the history' },
  limit: limitParam(500, 50),
  offset: offsetParam,
});

export const signalsQuery = query({
  status: { type: 'string', enum: ['open', 'closed', 'all'], default: 'all', description: 'open (live_signals), closed (signal_history) or all' },
  symbol: symbolParam,
  from: timeParam('decision time at or after'),
  to: timeParam('decision time at or before'),
  limit: limitParam(1000, 100),
  offset: offsetParam,
});

export const candlesQuery = query(
  {
    symbol: symbolParam,
    interval: { type: 'string', enum: Object.keys(INTERVAL_MS), default: '1m', description: 'kline interval' },
    exchange: { type: 'string', pattern: '^[a-z0-9]{2,30}$', default: 'binance', description: 'an exchange id such as binance (lower-case letters and digits)' },
    from: timeParam('first open time; with it the first `limit` candles from there, without it the last `limit` up to `to`'),
    to: timeParam('last open time'),
    limit: limitParam(MAX_CANDLES, 1000),
  },
  ['symbol'],
);

export const versionsQuery = query({ limit: limitParam(1000, 100), offset: offsetParam });

export const rollbackBody: Schema = {
  type: 'object',
  properties: {
    version: { type: 'integer', minimum: 1, description: 'learning_state version to activate' },
    reason: { type: 'string', minLength: 1, maxLength: 500, description: 'why (recorded with the rollback event)' },
  },
  required: ['version'],
  additionalProperties: false,
};

// ---------------------------------------------------------------- responses

const tradeMetricsProps = {
  trades: { type: 'integer', description: 'resolved signals: the sample size of every rate here' },
  wins: I,
  winRate: nN,
  avgNetPct: nN,
  totalNetPct: N,
  profitFactor: nN,
};

export const performanceResponse = obj({
  overall: obj(
    {
      ...tradeMetricsProps,
      losses: I,
      sharpe: { ...nN, description: 'mean / sample stdev of per-trade net %, not annualised; null with < 2 trades' },
      sortino: nN,
      maxDrawdownPct: { ...N, description: 'largest peak-to-trough fall of the compounded equity, %' },
      bestStreak: I,
      worstStreak: I,
      avgHoldingHours: nN,
      signalsPerDay: N,
      byResult: obj({ tp: I, sl: I, time: I }),
      openSignals: I,
      from: nT,
      to: nT,
    },
    'all resolved signals (signal_history), via tradeMetrics',
  ),
  heads: arr(
    obj({
      head: S,
      specialty: S,
      signalsContributed: { type: 'integer', description: 'resolved signals the head voted for (sample size)' },
      winsWhenAgreed: I,
      winRateWhenAgreed: nN,
      smoothedWinRate: { ...nN, description: '(wins + 1) / (n + 2)' },
      opposed: I,
      winsWhenOpposed: I,
      currentWeight: N,
      suggestedWeight: N,
    }),
  ),
  regimes: arr(obj({ regime: S, ...tradeMetricsProps })),
  patterns: arr(obj({ pattern: S, trades: I, wins: I, losses: I, winRate: N })),
  learning: obj({
    outcomesProcessed: I,
    shadowOutcomesProcessed: I,
    weightUpdates: I,
    thresholdChanges: I,
    versions: I,
    currentVersion: nI,
    mode: nS,
    activatedAt: nT,
  }),
});

const versionSignals = obj({ trades: I, wins: I, winRate: nN, avgNetPct: nN }, 'resolved signals decided with this version');

export const headWeightsResponse = obj({
  days: I,
  window: obj({ from: T, to: T }),
  heads: arr(S),
  regimes: arr(S),
  current: nullable(
    obj({
      version: I,
      createdAt: T,
      activatedAt: T,
      reason: S,
      mode: S,
      weights: arr(obj({ head: S, weight: N })),
      thresholds: arr(obj({ regime: S, threshold: N })),
      regimeWeights: nullable(arr(obj({ regime: S, weights: arr(N) }))),
    }),
  ),
  total: { type: 'integer', description: 'versions in the window' },
  truncated: B,
  history: arr(
    obj({
      version: I,
      createdAt: T,
      reason: S,
      mode: S,
      parentVersion: nI,
      weights: arr(N, 'head weights in `heads` order'),
      thresholds: arr(N, 'confidence thresholds in `regimes` order'),
      metrics: anyObject('stored with the version: outcomes, shadows and updates learning had seen'),
      signals: versionSignals,
    }),
  ),
});

const weekRow = obj({ weekStart: T, trades: I, winRate: nN, avgNetPct: nN, totalNetPct: N });
const windowStats = obj({ trades: I, wins: I, winRate: nN, avgNetPct: nN, totalNetPct: N, from: nT, to: nT });
const rankedHead = obj({ head: S, specialty: S, signalsContributed: I, winsWhenAgreed: I, winRateWhenAgreed: N, smoothedWinRate: N, currentWeight: N, suggestedWeight: N });

export const improvementsResponse = obj({
  weeks: arr(weekRow, 'ISO weeks (Monday 00:00 UTC) of the exit time, oldest first'),
  currentWeek: nullable(weekRow),
  previousWeek: nullable(weekRow),
  weekOverWeek: nullable(obj({ winRateChange: nN, avgNetPctChange: nN, totalNetPctChange: nN })),
  bestHeads: arr(rankedHead),
  worstHeads: arr(rankedHead),
  trend: obj({
    direction: { type: 'string', enum: ['improving', 'stable', 'declining', 'insufficient_data'] },
    rule: S,
    window: I,
    recent: windowStats,
    previous: windowStats,
    winRateChange: nN,
    avgNetPctChange: nN,
  }),
});

export const recommendationsResponse = obj({
  generatedFrom: obj({ resolvedSignals: I, resolvedShadows: I, activeVersion: nI }),
  thresholds: obj({ minOutcomes: I, minHeadSamples: I, weightGap: N, weightGapHigh: N, lowWinRate: N, minCategoryResolved: I, missedRateHigh: N, minRegimeTrades: I, highWinRate: N, minWeekTrades: I, winRateDrop: N }),
  recommendations: arr(
    obj({
      id: S,
      kind: S,
      priority: { type: 'string', enum: ['high', 'medium', 'low'] },
      title: S,
      message: S,
      evidence: { type: 'object', additionalProperties: { type: ['number', 'string', 'null'] }, description: 'the numbers behind the recommendation' },
    }),
  ),
});

const engineStatus = obj({ candlesProcessed: I, openSignals: I, openShadows: I, weightsVersion: I, startedAt: T });
const streamStatus = obj({ symbol: S, connected: B, lastCandleTime: nT, reconnects: I });
const scheduledJob = obj({ job: S, nextRun: nT, schedule: nS });

export const statsResponse = obj({
  learning: obj({
    outcomesProcessed: I,
    shadowOutcomesProcessed: I,
    weightUpdates: I,
    thresholdChanges: I,
    rollbacks: I,
    jobRuns: I,
    versions: I,
    lastUpdateAt: { ...nT, description: 'created_at of the newest learned-state version' },
    lastEventAt: nT,
    currentVersion: nI,
    mode: nS,
  }),
  signals: obj({ open: I, closed: I }),
  shadows: obj({ tracked: I, resolved: I }),
  monitor: engineStatus,
  streams: arr(streamStatus),
  scheduler: arr(scheduledJob),
});

const rejectionGroupProps = {
  candidates: { type: 'integer', description: 'rejected candidates with a would-be trade (rejected_signals)' },
  resolved: I,
  goodRejections: I,
  missedOpportunities: I,
  rejectionAccuracy: nN,
  missedRate: nN,
  missedNetPct: N,
  avoidedLossPct: N,
};
const shadowTrade = obj({ id: S, symbol: S, time: T, direction: S, category: S, regime: S, result: nS, exitTime: nT, netPct: N });

export const rejectionAnalysisResponse = obj({
  decisions: obj({ total: I, signals: I, rejections: I, rejectionRate: nN, byCategory: arr(obj({ category: S, count: I })) }),
  totals: obj({ ...rejectionGroupProps, unresolved: I }),
  byCategory: arr(obj({ category: S, decisions: { type: 'integer', description: 'rejections of this category in scan_history' }, ...rejectionGroupProps })),
  byRegime: arr(obj({ regime: S, ...rejectionGroupProps })),
  byDay: arr(obj({ day: T, candidates: I, resolved: I, goodRejections: I, missedOpportunities: I, rejectionAccuracy: nN }), 'UTC days: candidates by decision day, resolutions by resolution day'),
  topMissed: arr(shadowTrade),
  topGood: arr(shadowTrade),
});

const jobRun = obj({ job: S, scheduledFor: T, startedAt: T, finishedAt: T, durationMs: N, status: S, summary: S, error: nS });

export const schedulerResponse = obj({
  jobs: arr(obj({ job: S, schedule: nS, nextRun: nT, triggerable: B, lastRun: nullable(jobRun), runs: obj({ total: I, ok: I, skipped: I, failed: I }) })),
  history: obj({ total: I, limit: I, offset: I, items: arr(jobRun) }),
});

export const triggerResponse = obj({ job: S, status: { type: 'string', enum: ['ok', 'skipped', 'failed'] }, summary: S, at: T });

const vote = {
  type: 'object',
  properties: { head: S, specialty: S, direction: S, confidence: N, reasons: arr(S) },
  additionalProperties: true,
};
const consensusRecord = nullable({
  type: 'object',
  description: 'the consensus record as stored: votes with reasons, weights, thresholds, consensus, regime, timeframe, indicator snapshot',
  properties: {
    votes: arr(vote),
    weights: arr(N),
    thresholds: { type: 'object', additionalProperties: true },
    consensus: { type: 'object', additionalProperties: true },
    regime: S,
    timeframe: S,
    indicators: { type: 'object', additionalProperties: nN },
  },
  additionalProperties: true,
});

export const signalsResponse = obj({
  status: S,
  total: I,
  limit: I,
  offset: I,
  items: arr(
    obj({
      id: S,
      status: { type: 'string', enum: ['open', 'closed'] },
      symbol: S,
      time: T,
      direction: S,
      entry: N,
      stop: N,
      target: N,
      rewardRisk: N,
      confidence: N,
      confluence: N,
      agreeing: I,
      regime: S,
      timeframe: S,
      setupKind: I,
      weightsVersion: I,
      expiresAt: T,
      outcome: nullable(obj({ result: S, exitTime: T, exitPrice: nN, grossPct: nN, netPct: nN, holdingMs: nI, maePct: nN, mfePct: nN, won: B })),
      consensus: consensusRecord,
    }),
  ),
});

export const candlesResponse = obj({
  exchange: S,
  symbol: S,
  interval: S,
  aggregatedFrom: { ...nS, description: "'1m' when the interval is not stored and the bars were built from stored 1m candles (UTC-aligned buckets); null for stored candles" },
  count: I,
  limit: I,
  hasMore: { type: 'boolean', description: 'more candles match beyond this page' },
  candles: arr(
    obj({
      openTime: T,
      open: N,
      high: N,
      low: N,
      close: N,
      volume: N,
      closeTime: T,
      quoteVolume: N,
      trades: I,
      takerBuyBaseVolume: N,
      takerBuyQuoteVolume: N,
    }),
  ),
});

export const versionsResponse = obj({
  total: I,
  limit: I,
  offset: I,
  activeVersion: nI,
  items: arr(
    obj({
      version: I,
      createdAt: T,
      reason: S,
      mode: S,
      parentVersion: nI,
      active: B,
      headWeights: arr(N),
      thresholds: arr(N),
      regimeWeights: nullable(arr(arr(N))),
      metrics: anyObject('stored with the version'),
    }),
  ),
});

export const rollbackResponse = obj({ version: I, previousVersion: nI, reason: S });

export const healthResponse = obj({
  status: { type: 'string', enum: ['ok', 'degraded', 'down'] },
  time: T,
  db: obj({ ok: B, dialect: S, latencyMs: N }),
  service: nullable(
    obj({ weightsVersion: I, candlesProcessed: I, openSignals: I, startedAt: T, uptimeSeconds: I, streams: obj({ total: I, connected: I }) }),
  ),
});

export const textResponse = (mediaType: string, description: string): Schema => ({
  description,
  content: { [mediaType]: { schema: { type: 'string' } } },
});
