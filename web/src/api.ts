/**
 * The dashboard's only contact with the REST API (src/api): the routes, and small adapters that turn the
 * JSON into the shapes the views use. Field names of the API are read here and nowhere else; the wire
 * shapes are listed next to each adapter (see src/api/schemas.ts for the full schemas). Reading is
 * defensive: a missing or malformed value becomes null (shown as '—'), never an exception.
 * No DOM here: the adapters are unit-tested under Node.
 */
import type { Bar } from './aggregate.js';

// ---------------------------------------------------------------------------------------------------
// Shapes the views use

export type Vote = { head: string; specialty: string; direction: string; confidence: number | null; reasons: string[] };

export type Signal = {
  id: string;
  symbol: string;
  /** decision time, epoch ms */
  time: number;
  direction: string;
  entry: number | null;
  stop: number | null;
  target: number | null;
  confidence: number | null;
  regime: string | null;
  timeframe: string | null;
  status: 'open' | 'closed';
  /** tp / sl / time once closed */
  result: string | null;
  /** net P/L after fees and slippage, in percent */
  netPct: number | null;
  won: boolean | null;
  exitTime: number | null;
  exitPrice: number | null;
  votes: Vote[];
  /** head weights at the decision, A..I */
  weights: number[];
};

export type Overall = {
  trades: number | null;
  wins: number | null;
  winRate: number | null;
  avgNetPct: number | null;
  totalNetPct: number | null;
  profitFactor: number | null;
  sharpe: number | null;
  maxDrawdownPct: number | null;
};

export type HeadPerformance = { head: string; specialty: string; agreed: number | null; winRateWhenAgreed: number | null; currentWeight: number | null; suggestedWeight: number | null };
export type RegimePerformance = { regime: string; trades: number | null; winRate: number | null; avgNetPct: number | null };
export type Performance = { overall: Overall; heads: HeadPerformance[]; regimes: RegimePerformance[] };

export type WeightPoint = { version: number | null; time: number; reason: string; weights: number[] };
export type HeadWeights = {
  current: { version: number | null; createdAt: number | null; weights: number[] } | null;
  /** versions in the window, oldest first */
  history: WeightPoint[];
  /** the window shown, epoch ms; `to` is where the current weights are drawn up to */
  window: { from: number; to: number } | null;
  /** the window ends at the newest version instead of now (nothing was learned in the last N days, e.g. a replay) */
  anchored: boolean;
};

export type Week = {
  weekStart: number;
  trades: number | null;
  winRate: number | null;
  avgNetPct: number | null;
  totalNetPct: number | null;
  profitFactor: number | null;
  maxDrawdownPct: number | null;
};
export type Improvements = { weeks: Week[]; trend: string | null };

export type RejectionRow = {
  category: string;
  /** rejections of this category (every decision, with or without a would-be trade) */
  rejections: number | null;
  /** rejected candidates with a would-be trade, followed as shadow positions */
  candidates: number | null;
  resolved: number | null;
  goodRejections: number | null;
  missedOpportunities: number | null;
  /** good / resolved */
  accuracy: number | null;
};
export type Rejections = { byCategory: RejectionRow[]; totals: RejectionRow | null };

export type JobStatus = {
  job: string;
  schedule: string | null;
  next: number | null;
  triggerable: boolean;
  last: { at: number | null; status: string; summary: string } | null;
  runs: number | null;
};
export type Scheduler = { jobs: JobStatus[] };

export type Version = { version: number; createdAt: number | null; reason: string; mode: string; headWeights: number[]; active: boolean };
export type Versions = { items: Version[]; activeVersion: number | null; total: number | null };

/** A live event from /api/events, already adapted. */
export type LiveEvent =
  | { type: 'candle'; symbol: string | null; interval: string | null; bar: Bar }
  | { type: 'signal'; signal: Signal }
  | { type: 'outcome'; signal: Partial<Signal> & { id: string } }
  | { type: 'weights'; version: number | null; weights: number[]; time: number | null }
  | { type: 'job'; job: string; status: string; summary: string; at: number | null };

export const HEADS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'] as const;

/** Fallback specialties, used when a vote or a head row does not carry one. */
export const HEAD_SPECIALTY: Record<string, string> = {
  A: 'trend following',
  B: 'mean reversion',
  C: 'momentum',
  D: 'volume and flow',
  E: 'volatility breakout',
  F: 'candlestick patterns',
  G: 'support and resistance',
  H: 'multi-timeframe confluence',
  I: 'statistical learner',
};

export const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------------
// Reading loose JSON

type Obj = Record<string, unknown>;

function obj(v: unknown): Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
}

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function num(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

function str(v: unknown, fallback = ''): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : fallback;
}

function optStr(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

function bool(v: unknown): boolean | null {
  return typeof v === 'boolean' ? v : null;
}

/** Epoch ms (the API's times are epoch milliseconds, UTC); an ISO string is accepted too. */
export function time(v: unknown): number | null {
  if (typeof v === 'string' && !/^\s*-?\d+(\.\d+)?\s*$/.test(v)) {
    const t = Date.parse(v);
    return Number.isFinite(t) ? t : null;
  }
  return num(v);
}

/** A rate in [0, 1] (the API sends fractions: winRate 0.55, rejectionAccuracy 0.81, confidence 0.66). */
export function fraction(v: unknown): number | null {
  const n = num(v);
  return n === null || n < 0 || n > 1 ? null : n;
}

/** Nine head weights, A..I: from a number array, or from [{ head, weight }] (head-weights' current). */
function headVector(v: unknown): number[] {
  const a = arr(v);
  if (a.length === 0) return [];
  if (a.every((x) => typeof x !== 'object' || x === null)) return a.map((x) => num(x) ?? NaN);
  const byHead = new Map(a.map((x) => [str(obj(x).head), num(obj(x).weight)] as const));
  return HEADS.map((h) => byHead.get(h) ?? NaN);
}

/** LONG / SHORT / NEUTRAL from the API's names or an outcome event's 1 / -1. */
function direction(v: unknown): string {
  if (typeof v === 'number') return v > 0 ? 'LONG' : v < 0 ? 'SHORT' : 'NEUTRAL';
  const s = str(v).toUpperCase();
  return s === 'BUY' ? 'LONG' : s === 'SELL' ? 'SHORT' : s || 'NEUTRAL';
}

// ---------------------------------------------------------------------------------------------------
// Adapters (one per payload)

/**
 * GET /api/candles → { exchange, symbol, interval, aggregatedFrom, count, limit, hasMore,
 *   candles: [{ openTime, open, high, low, close, volume, closeTime, quoteVolume, trades, … }] }
 * (the live `candle` event carries one such candle, flat, with its symbol).
 */
export function adaptCandle(v: unknown): Bar | null {
  const o = obj(v);
  const t = time(o.openTime);
  const open = num(o.open);
  const high = num(o.high);
  const low = num(o.low);
  const close = num(o.close);
  if (t === null || open === null || high === null || low === null || close === null) return null;
  return { time: t, open, high, low, close, volume: num(o.volume) ?? 0 };
}

export function adaptCandles(v: unknown): Bar[] {
  return arr(obj(v).candles)
    .map(adaptCandle)
    .filter((c): c is Bar => c !== null);
}

function adaptVote(v: unknown, i: number): Vote {
  const o = obj(v);
  const head = str(o.head, HEADS[i] ?? String(i + 1));
  return {
    head,
    specialty: str(o.specialty, HEAD_SPECIALTY[head] ?? ''),
    direction: direction(o.direction),
    confidence: fraction(o.confidence),
    reasons: arr(o.reasons).map((r) => str(r)),
  };
}

/**
 * One item of GET /api/signals: { id, status: open|closed, symbol, time, direction, entry, stop, target,
 *   rewardRisk, confidence, confluence, agreeing, regime, timeframe, setupKind, weightsVersion, expiresAt,
 *   outcome: { result, exitTime, exitPrice, grossPct, netPct, holdingMs, maePct, mfePct, won } | null,
 *   consensus: { votes: [{ head, specialty, direction, confidence, reasons[] }], weights[9], thresholds,
 *     consensus, regime, timeframe, indicators } | null }.
 * The live `signal` event is the same without outcome and consensus.
 */
export function adaptSignal(v: unknown): Signal | null {
  const o = obj(v);
  const id = str(o.id);
  const t = time(o.time);
  if (!id || t === null) return null;
  const out = o.outcome === null || o.outcome === undefined ? null : obj(o.outcome);
  const rec = obj(o.consensus);
  const closed = o.status === 'closed' || (o.status !== 'open' && out !== null);
  return {
    id,
    symbol: str(o.symbol, '—'),
    time: t,
    direction: direction(o.direction),
    entry: num(o.entry),
    stop: num(o.stop),
    target: num(o.target),
    confidence: fraction(o.confidence),
    regime: optStr(o.regime) ?? optStr(rec.regime),
    timeframe: optStr(o.timeframe) ?? optStr(rec.timeframe),
    status: closed ? 'closed' : 'open',
    result: out ? optStr(out.result) : null,
    netPct: out ? num(out.netPct) : null,
    won: out ? bool(out.won) : null,
    exitTime: out ? time(out.exitTime) : null,
    exitPrice: out ? num(out.exitPrice) : null,
    votes: arr(rec.votes).map(adaptVote),
    weights: headVector(rec.weights),
  };
}

/** GET /api/signals → { status, total, limit, offset, items: [signal] } */
export function adaptSignals(v: unknown): { signals: Signal[]; total: number | null } {
  const o = obj(v);
  const signals = arr(o.items)
    .map(adaptSignal)
    .filter((s): s is Signal => s !== null);
  return { signals, total: num(o.total) };
}

/**
 * The live `outcome` event: the engine's outcome of a signal, { id, symbol, direction: 1|-1, result,
 * entry, exitTime, exitPrice, grossPct, netPct, holdingMs, maePct, mfePct, won } — what changed on it.
 */
export function adaptOutcome(v: unknown): (Partial<Signal> & { id: string }) | null {
  const o = obj(v);
  const id = str(o.id);
  if (!id) return null;
  return {
    id,
    status: 'closed',
    result: optStr(o.result),
    netPct: num(o.netPct),
    won: bool(o.won),
    exitTime: time(o.exitTime),
    exitPrice: num(o.exitPrice),
  };
}

/**
 * GET /api/learning/performance → { overall: { trades, wins, losses, winRate, avgNetPct, totalNetPct,
 *   profitFactor, sharpe, sortino, maxDrawdownPct, … }, heads: [{ head, specialty, signalsContributed,
 *   winsWhenAgreed, winRateWhenAgreed, smoothedWinRate, opposed, winsWhenOpposed, currentWeight,
 *   suggestedWeight }], regimes: [{ regime, trades, wins, winRate, avgNetPct, totalNetPct, profitFactor }],
 *   patterns, learning }
 */
export function adaptPerformance(v: unknown): Performance {
  const o = obj(v);
  const ov = obj(o.overall);
  return {
    overall: {
      trades: num(ov.trades),
      wins: num(ov.wins),
      winRate: fraction(ov.winRate),
      avgNetPct: num(ov.avgNetPct),
      totalNetPct: num(ov.totalNetPct),
      profitFactor: num(ov.profitFactor),
      sharpe: num(ov.sharpe),
      maxDrawdownPct: num(ov.maxDrawdownPct),
    },
    heads: arr(o.heads).map((x, i) => {
      const h = obj(x);
      const head = str(h.head, HEADS[i] ?? '?');
      return {
        head,
        specialty: str(h.specialty, HEAD_SPECIALTY[head] ?? ''),
        agreed: num(h.signalsContributed),
        winRateWhenAgreed: fraction(h.winRateWhenAgreed),
        currentWeight: num(h.currentWeight),
        suggestedWeight: num(h.suggestedWeight),
      };
    }),
    regimes: arr(o.regimes).map((x) => {
      const r = obj(x);
      return { regime: str(r.regime, '—'), trades: num(r.trades), winRate: fraction(r.winRate), avgNetPct: num(r.avgNetPct) };
    }),
  };
}

/**
 * GET /api/learning/head-weights?days=N → { days, window: { from, to }, heads[9], regimes[],
 *   current: { version, createdAt, activatedAt, reason, mode, weights: [{ head, weight }],
 *     thresholds: [{ regime, threshold }], regimeWeights } | null,
 *   total, truncated, history: [{ version, createdAt, reason, mode, parentVersion, weights[] (in `heads`
 *     order), thresholds[], metrics, signals }] (oldest first) }
 */
export function adaptHeadWeights(v: unknown): HeadWeights {
  const o = obj(v);
  const cur = o.current === null || o.current === undefined ? null : obj(o.current);
  const order = arr(o.heads).map((x) => str(x));
  /** history weights are in `heads` order: put them in A..I order */
  const inOrder = (w: number[]) => (order.length === w.length && order.some((h, i) => h !== HEADS[i]) ? HEADS.map((h) => w[order.indexOf(h)] ?? NaN) : w);
  const history = arr(o.history)
    .map((x): WeightPoint | null => {
      const p = obj(x);
      const t = time(p.createdAt);
      const weights = inOrder(headVector(p.weights));
      return t === null || weights.length === 0 ? null : { version: num(p.version), time: t, reason: str(p.reason), weights };
    })
    .filter((p): p is WeightPoint => p !== null)
    .sort((a, b) => a.time - b.time);
  const curWeights = cur ? headVector(cur.weights) : [];
  const w = obj(o.window);
  const from = time(w.from);
  const to = time(w.to);
  return {
    current: cur && curWeights.length > 0 ? { version: num(cur.version), createdAt: time(cur.createdAt), weights: curWeights } : null,
    history,
    window: from !== null && to !== null ? { from, to } : null,
    anchored: false,
  };
}

/**
 * GET /api/learning/improvements → { weeks: [{ weekStart, trades, winRate, avgNetPct, totalNetPct }],
 *   currentWeek, previousWeek, weekOverWeek, bestHeads, worstHeads,
 *   trend: { direction: improving|stable|declining|insufficient_data, rule, window, recent, previous, … } }
 */
export function adaptImprovements(v: unknown): Improvements {
  const o = obj(v);
  const weeks = arr(o.weeks)
    .map((x): Week | null => {
      const w = obj(x);
      const t = time(w.weekStart);
      return t === null
        ? null
        : {
            weekStart: t,
            trades: num(w.trades),
            winRate: fraction(w.winRate),
            avgNetPct: num(w.avgNetPct),
            totalNetPct: num(w.totalNetPct),
            // not in the API's weekly rows
            profitFactor: num(w.profitFactor),
            maxDrawdownPct: num(w.maxDrawdownPct),
          };
    })
    .filter((w): w is Week => w !== null)
    .sort((a, b) => a.weekStart - b.weekStart);
  const trend = optStr(obj(o.trend).direction);
  return { weeks, trend: trend === null ? null : trend.replace(/_/g, ' ') };
}

/**
 * GET /api/learning/rejection-analysis → { decisions: { total, signals, rejections, rejectionRate,
 *   byCategory: [{ category, count }] }, totals: { candidates, resolved, goodRejections,
 *   missedOpportunities, rejectionAccuracy, missedRate, missedNetPct, avoidedLossPct, unresolved },
 *   byCategory: [{ category, decisions, candidates, resolved, goodRejections, missedOpportunities,
 *     rejectionAccuracy, missedRate, missedNetPct, avoidedLossPct }], byRegime, byDay, topMissed, topGood }
 */
export function adaptRejections(v: unknown): Rejections {
  const o = obj(v);
  const row = (category: string, r: Obj, rejections: unknown): RejectionRow => ({
    category,
    rejections: num(rejections),
    candidates: num(r.candidates),
    resolved: num(r.resolved),
    goodRejections: num(r.goodRejections),
    missedOpportunities: num(r.missedOpportunities),
    accuracy: fraction(r.rejectionAccuracy),
  });
  const totals = o.totals === undefined || o.totals === null ? null : row('total', obj(o.totals), obj(o.decisions).rejections);
  return {
    byCategory: arr(o.byCategory).map((x) => {
      const r = obj(x);
      return row(str(r.category, '—'), r, r.decisions);
    }),
    totals,
  };
}

/**
 * GET /api/learning/scheduler → { jobs: [{ job, schedule, nextRun, triggerable, lastRun: { job,
 *   scheduledFor, startedAt, finishedAt, durationMs, status: ok|skipped|failed, summary, error } | null,
 *   runs: { total, ok, skipped, failed } }], history: { total, limit, offset, items } }
 */
export function adaptScheduler(v: unknown): Scheduler {
  return {
    jobs: arr(obj(v).jobs).map((x) => {
      const j = obj(x);
      const last = j.lastRun === null || j.lastRun === undefined ? null : obj(j.lastRun);
      return {
        job: str(j.job, '—'),
        schedule: optStr(j.schedule),
        next: time(j.nextRun),
        triggerable: j.triggerable === true,
        last: last ? { at: time(last.finishedAt) ?? time(last.startedAt), status: str(last.status, '—'), summary: optStr(last.error) ?? str(last.summary) } : null,
        runs: num(obj(j.runs).total),
      };
    }),
  };
}

/**
 * GET /api/learning/versions → { total, limit, offset, activeVersion, items: [{ version, createdAt,
 *   reason, mode, parentVersion, active, headWeights[9], thresholds[], regimeWeights, metrics }] } (newest first)
 */
export function adaptVersions(v: unknown): Versions {
  const o = obj(v);
  const items = arr(o.items)
    .map((x): Version | null => {
      const r = obj(x);
      const version = num(r.version);
      if (version === null) return null;
      return { version, createdAt: time(r.createdAt), reason: str(r.reason), mode: str(r.mode), headWeights: headVector(r.headWeights), active: r.active === true };
    })
    .filter((x): x is Version => x !== null)
    .sort((a, b) => b.version - a.version);
  return { items, activeVersion: num(o.activeVersion) ?? items.find((x) => x.active)?.version ?? null, total: num(o.total) };
}

/**
 * One SSE message of /api/events (its event name and data text) as a live event, or null when it is not
 * understood. The service's events (src/service/live-events.ts):
 * - candle:  { symbol, openTime, open, high, low, close, volume } — a closed 1m candle;
 * - signal:  { id, symbol, time, direction, entry, stop, target, confidence, regime, status: 'open' };
 * - outcome: the engine's outcome (see adaptOutcome);
 * - weights: { version, weights[9], time };
 * - job:     { job, at, status, summary }.
 */
export function adaptEvent(type: string, dataText: string): LiveEvent | null {
  let data: unknown;
  try {
    data = JSON.parse(dataText) as unknown;
  } catch {
    return null;
  }
  const o = obj(data);
  switch (type) {
    case 'candle': {
      const bar = adaptCandle(o);
      return bar ? { type, bar, symbol: optStr(o.symbol), interval: optStr(o.interval) } : null;
    }
    case 'signal': {
      const signal = adaptSignal(o);
      return signal ? { type, signal } : null;
    }
    case 'outcome': {
      const signal = adaptOutcome(o);
      return signal ? { type, signal } : null;
    }
    case 'weights':
      return { type, version: num(o.version), weights: headVector(o.weights), time: time(o.time) };
    case 'job':
      return { type, job: str(o.job, '—'), status: str(o.status), summary: str(o.summary), at: time(o.at) };
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------------
// HTTP

export const API_BASE = '/api';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

/** The API's error body: { error: { code: 'AP_ERR_…', message } }. */
function errorOf(body: unknown): { code: string | null; message: string | null } {
  const e = obj(obj(body).error);
  return { code: optStr(e.code), message: optStr(e.message) ?? optStr(obj(body).message) };
}

async function getJson(path: string, params: Record<string, string | number | undefined> = {}): Promise<unknown> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const qs = q.toString();
  const res = await fetch(`${API_BASE}${path}${qs ? `?${qs}` : ''}`, { headers: { accept: 'application/json' } });
  if (!res.ok) {
    const text = await res.text().catch(() => '');
    let body: unknown = null;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      // not JSON (a proxy's error page): the text is the message
    }
    const e = errorOf(body);
    throw new ApiError(res.status, `${path}: ${res.status} ${e.message ?? (text || res.statusText)}`, e.code);
  }
  return (await res.json()) as unknown;
}

/**
 * Head weights of the last `days` days. When nothing was learned in that window (a replay of past data,
 * or a service that has been idle) the window is moved to end at the newest version instead, so the
 * chart shows the last `days` days of learning rather than one flat line.
 */
async function headWeights(days: number): Promise<HeadWeights> {
  const first = adaptHeadWeights(await getJson('/learning/head-weights', { days }));
  const newest = first.current?.createdAt ?? null;
  if (first.history.length > 0 || newest === null || !first.window || newest >= first.window.from) return first;
  const span = Math.min(3650, days + Math.ceil((first.window.to - newest) / DAY_MS) + 1);
  const wide = adaptHeadWeights(await getJson('/learning/head-weights', { days: span }));
  const to = Math.max(newest, ...wide.history.map((p) => p.time));
  const from = to - days * DAY_MS;
  return { ...wide, history: wide.history.filter((p) => p.time >= from), window: { from, to }, anchored: true };
}

export const api = {
  /** the last `limit` candles, up to open time `to` (the newest without it) */
  candles: async (symbol: string, interval: string, limit: number, to?: number): Promise<Bar[]> => adaptCandles(await getJson('/candles', { symbol, interval, limit, to })),
  signals: async (status: 'open' | 'closed' | 'all', limit: number, offset = 0, symbol?: string) => adaptSignals(await getJson('/signals', { status, limit, offset, symbol })),
  performance: async () => adaptPerformance(await getJson('/learning/performance')),
  headWeights,
  improvements: async () => adaptImprovements(await getJson('/learning/improvements')),
  rejections: async () => adaptRejections(await getJson('/learning/rejection-analysis')),
  scheduler: async () => adaptScheduler(await getJson('/learning/scheduler')),
  versions: async () => adaptVersions(await getJson('/learning/versions', { limit: 200 })),
};

export type ActionPath = '/learning/trigger-daily' | '/learning/trigger-weekly' | '/learning/rollback';
/** `ok`: the request succeeded and, for a job, the job did not fail; `message`: what to show. */
export type ActionResult = { ok: boolean; status: number; message: string; body: unknown };

/**
 * The answer of a protected action in words:
 * - trigger-daily / trigger-weekly → { job, status: ok|skipped|failed, summary, at } (a job that ran and
 *   failed is a 200 with status failed);
 * - rollback → { version, previousVersion, reason };
 * - an error → { error: { code, message } }.
 */
export function describeAction(path: ActionPath, httpStatus: number, body: unknown): { ok: boolean; message: string } {
  const o = obj(body);
  if (httpStatus < 200 || httpStatus >= 300) return { ok: false, message: errorOf(body).message ?? (typeof body === 'string' ? body : '') };
  if (path === '/learning/rollback') {
    const prev = num(o.previousVersion);
    return { ok: true, message: `${prev === null ? '' : `v${prev} → `}v${str(o.version, '?')}${o.reason ? ` (${str(o.reason)})` : ''}` };
  }
  const status = str(o.status);
  const summary = str(o.summary);
  return { ok: status !== 'failed', message: status && status !== 'ok' ? `${status}${summary ? ` — ${summary}` : ''}` : summary };
}

/** The protected actions: POST with `Authorization: Bearer <token>` (none when the token is empty). */
export async function postAction(path: ActionPath, token: string, body?: unknown): Promise<ActionResult> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, { method: 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    return { ok: false, status: 0, message: `network error: ${(e as Error).message}`, body: null };
  }
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    parsed = text;
  }
  const d = describeAction(path, res.status, parsed);
  return { ok: res.ok && d.ok, status: res.status, message: d.message || res.statusText, body: parsed };
}

/** A closed signal's outcome: won / lost as the API says, else from its net result. */
export function outcome(s: Pick<Signal, 'status' | 'result' | 'netPct' | 'won'>): 'win' | 'loss' | 'flat' | null {
  if (s.status !== 'closed') return null;
  if (s.won !== null) return s.won ? 'win' : s.netPct === 0 ? 'flat' : 'loss';
  if (s.netPct !== null) return s.netPct > 0 ? 'win' : s.netPct < 0 ? 'loss' : 'flat';
  const r = (s.result ?? '').toLowerCase();
  return r === 'tp' ? 'win' : r === 'sl' ? 'loss' : r ? 'flat' : null;
}
