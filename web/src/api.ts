/**
 * The dashboard's only contact with the REST API: the routes, and small adapters that turn the JSON
 * into the shapes the views use. Field names of the API are read here and nowhere else, each with the
 * alternatives it might have (camelCase or snake_case, a wrapper object or a bare array), and every
 * missing value becomes null (shown as '—'). No DOM here: the adapters are unit-tested under Node.
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
  result: string | null;
  netPct: number | null;
  exitTime: number | null;
  exitPrice: number | null;
  votes: Vote[];
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

export type HeadPerformance = { head: string; agreed: number | null; winRateWhenAgreed: number | null; currentWeight: number | null; suggestedWeight: number | null };
export type RegimePerformance = { regime: string; trades: number | null; winRate: number | null; avgNetPct: number | null };
export type Performance = { overall: Overall; heads: HeadPerformance[]; regimes: RegimePerformance[] };

export type WeightPoint = { version: number | null; time: number; reason: string; weights: number[] };
export type HeadWeights = { current: { version: number | null; weights: number[] } | null; history: WeightPoint[] };

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
  rejections: number | null;
  resolved: number | null;
  goodRejections: number | null;
  missedOpportunities: number | null;
  accuracy: number | null;
};
export type Rejections = { byCategory: RejectionRow[] };

export type JobStatus = { job: string; next: number | null; last: { at: number | null; status: string; summary: string } | null };
export type Scheduler = { jobs: JobStatus[] };

export type Version = { version: number; createdAt: number | null; reason: string; mode: string; headWeights: number[] };

/** A live event from /api/events, already adapted. */
export type LiveEvent =
  | { type: 'candle'; symbol: string | null; interval: string | null; bar: Bar }
  | { type: 'signal'; signal: Signal }
  | { type: 'outcome'; signal: Partial<Signal> & { id: string } }
  | { type: 'weights'; data: unknown }
  | { type: 'job'; data: unknown };

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

// ---------------------------------------------------------------------------------------------------
// Reading loose JSON

type Obj = Record<string, unknown>;

function obj(v: unknown): Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
}

/** The first of `keys` present in o (not undefined / null). */
function pick(o: Obj, ...keys: string[]): unknown {
  for (const k of keys) if (o[k] !== undefined && o[k] !== null) return o[k];
  return undefined;
}

/** The array at one of `keys`, or `v` itself when it is the array. */
function list(v: unknown, ...keys: string[]): unknown[] {
  if (Array.isArray(v)) return v;
  const found = pick(obj(v), ...keys);
  return Array.isArray(found) ? found : [];
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

/** Epoch ms from ms, seconds or an ISO string. */
export function time(v: unknown): number | null {
  if (typeof v === 'string' && !/^\s*-?\d+(\.\d+)?\s*$/.test(v)) {
    const t = Date.parse(v);
    return Number.isFinite(t) ? t : null;
  }
  const n = num(v);
  if (n === null) return null;
  return n < 1e11 ? n * 1000 : n;
}

/** A rate as a fraction: 0.55 stays, 55 (percent) becomes 0.55. */
export function fraction(v: unknown): number | null {
  const n = num(v);
  return n === null ? null : n > 1 ? n / 100 : n;
}

function numbers(v: unknown): number[] {
  if (Array.isArray(v)) return v.map((x) => num(x) ?? NaN);
  // An object keyed by head letter: { A: 1.1, B: 0.9, ... }
  const o = obj(v);
  return HEADS.some((k) => k in o) ? HEADS.map((k) => num(o[k]) ?? NaN) : [];
}

// ---------------------------------------------------------------------------------------------------
// Adapters (one per payload)

export function adaptCandle(v: unknown): Bar | null {
  if (Array.isArray(v)) {
    // Binance kline row: [openTime, open, high, low, close, volume, ...]
    const [t, o, hi, lo, c, vol] = v.map(num);
    return t != null && o != null && hi != null && lo != null && c != null ? { time: time(t)!, open: o, high: hi, low: lo, close: c, volume: vol ?? 0 } : null;
  }
  const o = obj(v);
  const t = time(pick(o, 'openTime', 'open_time', 'time', 't'));
  const open = num(pick(o, 'open', 'o'));
  const high = num(pick(o, 'high', 'h'));
  const low = num(pick(o, 'low', 'l'));
  const close = num(pick(o, 'close', 'c'));
  if (t === null || open === null || high === null || low === null || close === null) return null;
  return { time: t, open, high, low, close, volume: num(pick(o, 'volume', 'v')) ?? 0 };
}

export function adaptCandles(v: unknown): Bar[] {
  return list(v, 'candles', 'data', 'items')
    .map(adaptCandle)
    .filter((c): c is Bar => c !== null);
}

function adaptVote(v: unknown, i: number): Vote {
  const o = obj(v);
  const head = str(pick(o, 'head', 'id', 'name'), HEADS[i] ?? String(i + 1));
  const reasons = pick(o, 'reasons', 'reason');
  return {
    head,
    specialty: str(pick(o, 'specialty'), HEAD_SPECIALTY[head] ?? ''),
    direction: direction(pick(o, 'direction', 'dir')),
    confidence: num(pick(o, 'confidence', 'conf')),
    reasons: Array.isArray(reasons) ? reasons.map((r) => str(r)) : typeof reasons === 'string' ? [reasons] : [],
  };
}

function direction(v: unknown): string {
  if (typeof v === 'number') return v > 0 ? 'LONG' : v < 0 ? 'SHORT' : 'NEUTRAL';
  const s = str(v).toUpperCase();
  return s === 'BUY' ? 'LONG' : s === 'SELL' ? 'SHORT' : s || 'NEUTRAL';
}

export function adaptSignal(v: unknown): Signal | null {
  const o = obj(v);
  const id = str(pick(o, 'id', 'signalId', 'signal_id'));
  const t = time(pick(o, 'time', 'createdAt', 'created_at', 'openTime'));
  if (!id || t === null) return null;
  let record = pick(o, 'record');
  if (typeof record === 'string') {
    try {
      record = JSON.parse(record) as unknown;
    } catch {
      record = {};
    }
  }
  const rec = obj(record);
  const exitTime = time(pick(o, 'exitTime', 'exit_time', 'resolvedAt', 'resolved_at', 'closedAt'));
  const result = pick(o, 'result', 'outcome');
  const statusRaw = str(pick(o, 'status')).toLowerCase();
  const status = statusRaw === 'open' || statusRaw === 'closed' ? statusRaw : result !== undefined || exitTime !== null ? 'closed' : 'open';
  const regime = pick(o, 'regime') ?? pick(rec, 'regime');
  const timeframe = pick(o, 'timeframe', 'tf') ?? pick(rec, 'timeframe');
  return {
    id,
    symbol: str(pick(o, 'symbol'), '—'),
    time: t,
    direction: direction(pick(o, 'direction', 'side')),
    entry: num(pick(o, 'entry', 'entryPrice', 'entry_price')),
    stop: num(pick(o, 'stop', 'stopLoss', 'stop_loss', 'sl')),
    target: num(pick(o, 'target', 'takeProfit', 'take_profit', 'tp')),
    confidence: fraction(pick(o, 'confidence')),
    regime: regime === undefined ? null : str(regime),
    timeframe: timeframe === undefined ? null : str(timeframe),
    status,
    result: result === undefined ? null : str(result),
    netPct: num(pick(o, 'netPct', 'net_pct', 'pnlPct')),
    exitTime,
    exitPrice: num(pick(o, 'exitPrice', 'exit_price')),
    votes: list(pick(rec, 'votes') ?? pick(o, 'votes')).map(adaptVote),
    weights: numbers(pick(rec, 'weights') ?? pick(o, 'weights')),
  };
}

export function adaptSignals(v: unknown): { signals: Signal[]; total: number | null } {
  const signals = list(v, 'signals', 'items', 'data')
    .map(adaptSignal)
    .filter((s): s is Signal => s !== null);
  return { signals, total: num(pick(obj(v), 'total', 'count')) };
}

/** An outcome event: the signal's id with what changed (result, netPct, exit). */
export function adaptOutcome(v: unknown): (Partial<Signal> & { id: string }) | null {
  const o = obj(pick(obj(v), 'signal') ?? v);
  const id = str(pick(o, 'id', 'signalId', 'signal_id'));
  if (!id) return null;
  const full = adaptSignal(o);
  const result = pick(o, 'result', 'outcome');
  return {
    ...(full ?? {}),
    id,
    status: 'closed',
    result: result === undefined ? null : str(result),
    netPct: num(pick(o, 'netPct', 'net_pct', 'pnlPct')),
    // A bare outcome ({ signalId, result, time }) says when it resolved in `time`; a full signal does not.
    exitTime: time(full ? pick(o, 'exitTime', 'exit_time', 'resolvedAt', 'resolved_at') : pick(o, 'exitTime', 'exit_time', 'resolvedAt', 'resolved_at', 'time')),
    exitPrice: num(pick(o, 'exitPrice', 'exit_price')),
  };
}

function adaptOverall(v: unknown): Overall {
  const o = obj(v);
  return {
    trades: num(pick(o, 'trades', 'count', 'total')),
    wins: num(pick(o, 'wins')),
    winRate: fraction(pick(o, 'winRate', 'win_rate')),
    avgNetPct: num(pick(o, 'avgNetPct', 'avg_net_pct')),
    totalNetPct: num(pick(o, 'totalNetPct', 'total_net_pct', 'netPct')),
    profitFactor: num(pick(o, 'profitFactor', 'profit_factor')),
    sharpe: num(pick(o, 'sharpe', 'sharpeRatio')),
    maxDrawdownPct: num(pick(o, 'maxDrawdownPct', 'max_drawdown_pct', 'maxDrawdown')),
  };
}

export function adaptPerformance(v: unknown): Performance {
  const o = obj(v);
  return {
    overall: adaptOverall(pick(o, 'overall', 'summary') ?? o),
    heads: list(pick(o, 'heads')).map((x, i) => {
      const h = obj(x);
      return {
        head: str(pick(h, 'head', 'id'), HEADS[i] ?? '?'),
        agreed: num(pick(h, 'agreed', 'trades')),
        winRateWhenAgreed: fraction(pick(h, 'winRateWhenAgreed', 'win_rate_when_agreed', 'winRate')),
        currentWeight: num(pick(h, 'currentWeight', 'current_weight', 'weight')),
        suggestedWeight: num(pick(h, 'suggestedWeight', 'suggested_weight')),
      };
    }),
    regimes: list(pick(o, 'regimes')).map((x) => {
      const r = obj(x);
      return { regime: str(pick(r, 'regime', 'name'), '—'), trades: num(pick(r, 'trades')), winRate: fraction(pick(r, 'winRate', 'win_rate')), avgNetPct: num(pick(r, 'avgNetPct', 'avg_net_pct')) };
    }),
  };
}

export function adaptHeadWeights(v: unknown): HeadWeights {
  const o = obj(v);
  const cur = obj(pick(o, 'current'));
  const curWeights = numbers(pick(cur, 'weights', 'headWeights'));
  const history = list(pick(o, 'history'))
    .map((x): WeightPoint | null => {
      const p = obj(x);
      const t = time(pick(p, 'createdAt', 'created_at', 'time', 'at'));
      const weights = numbers(pick(p, 'weights', 'headWeights'));
      return t === null || weights.length === 0 ? null : { version: num(pick(p, 'version')), time: t, reason: str(pick(p, 'reason')), weights };
    })
    .filter((p): p is WeightPoint => p !== null)
    .sort((a, b) => a.time - b.time);
  return { current: curWeights.length > 0 ? { version: num(pick(cur, 'version')), weights: curWeights } : null, history };
}

export function adaptImprovements(v: unknown): Improvements {
  const o = obj(v);
  const weeks = list(o, 'weeks')
    .map((x): Week | null => {
      const w = obj(x);
      const t = time(pick(w, 'weekStart', 'week_start', 'week', 'start'));
      return t === null
        ? null
        : {
            weekStart: t,
            trades: num(pick(w, 'trades')),
            winRate: fraction(pick(w, 'winRate', 'win_rate')),
            avgNetPct: num(pick(w, 'avgNetPct', 'avg_net_pct')),
            totalNetPct: num(pick(w, 'totalNetPct', 'total_net_pct', 'netPct')),
            profitFactor: num(pick(w, 'profitFactor', 'profit_factor')),
            maxDrawdownPct: num(pick(w, 'maxDrawdownPct', 'max_drawdown_pct')),
          };
    })
    .filter((w): w is Week => w !== null)
    .sort((a, b) => a.weekStart - b.weekStart);
  const trend = pick(o, 'trend');
  return { weeks, trend: trend === undefined ? null : typeof trend === 'object' ? str(pick(obj(trend), 'direction', 'label', 'summary')) || null : str(trend) };
}

export function adaptRejections(v: unknown): Rejections {
  return {
    byCategory: list(v, 'byCategory', 'by_category', 'categories').map((x) => {
      const r = obj(x);
      return {
        category: str(pick(r, 'category', 'name'), '—'),
        rejections: num(pick(r, 'rejections', 'count')),
        resolved: num(pick(r, 'resolved')),
        goodRejections: num(pick(r, 'goodRejections', 'good_rejections', 'good')),
        missedOpportunities: num(pick(r, 'missedOpportunities', 'missed_opportunities', 'missed')),
        accuracy: fraction(pick(r, 'accuracy')),
      };
    }),
  };
}

export function adaptScheduler(v: unknown): Scheduler {
  return {
    jobs: list(v, 'jobs').map((x) => {
      const j = obj(x);
      const last = pick(j, 'last', 'lastRun', 'last_run');
      const l = obj(last);
      return {
        job: str(pick(j, 'job', 'name'), '—'),
        next: time(pick(j, 'next', 'nextRun', 'next_run')),
        last:
          last === undefined
            ? null
            : { at: time(pick(l, 'at', 'time', 'finishedAt', 'startedAt')), status: str(pick(l, 'status', 'result'), '—'), summary: summary(pick(l, 'summary', 'message', 'error')) },
      };
    }),
  };
}

function summary(v: unknown): string {
  if (v === undefined) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function adaptVersions(v: unknown): Version[] {
  return list(v, 'versions')
    .map((x): Version | null => {
      const o = obj(x);
      const version = num(pick(o, 'version', 'id'));
      if (version === null) return null;
      const state = obj(pick(o, 'state'));
      return {
        version,
        createdAt: time(pick(o, 'createdAt', 'created_at', 'time')),
        reason: str(pick(o, 'reason')),
        mode: str(pick(o, 'mode')),
        headWeights: numbers(pick(o, 'headWeights', 'head_weights', 'weights') ?? pick(state, 'headWeights')),
      };
    })
    .filter((x): x is Version => x !== null)
    .sort((a, b) => b.version - a.version);
}

/** One SSE message (its event name and data text) as a live event, or null when it is not understood. */
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
      const bar = adaptCandle(pick(o, 'candle') ?? data);
      const symbol = pick(o, 'symbol') ?? pick(obj(pick(o, 'candle')), 'symbol');
      const interval = pick(o, 'interval') ?? pick(obj(pick(o, 'candle')), 'interval');
      return bar ? { type, bar, symbol: symbol === undefined ? null : str(symbol), interval: interval === undefined ? null : str(interval) } : null;
    }
    case 'signal': {
      const signal = adaptSignal(pick(o, 'signal') ?? data);
      return signal ? { type, signal } : null;
    }
    case 'outcome': {
      const signal = adaptOutcome(data);
      return signal ? { type, signal } : null;
    }
    case 'weights':
    case 'job':
      return { type, data };
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
  ) {
    super(message);
  }
}

async function getJson(path: string, params: Record<string, string | number | undefined> = {}): Promise<unknown> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const qs = q.toString();
  const res = await fetch(`${API_BASE}${path}${qs ? `?${qs}` : ''}`, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new ApiError(res.status, `${path}: ${res.status} ${await errorText(res)}`);
  return (await res.json()) as unknown;
}

async function errorText(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const o = obj(JSON.parse(text));
    return str(pick(o, 'message', 'error'), text);
  } catch {
    return text || res.statusText;
  }
}

export const api = {
  candles: async (symbol: string, interval: string, limit: number): Promise<Bar[]> => adaptCandles(await getJson('/candles', { symbol, interval, limit })),
  signals: async (status: 'open' | 'closed' | 'all', limit: number, offset = 0, symbol?: string) => adaptSignals(await getJson('/signals', { status, limit, offset, symbol })),
  performance: async () => adaptPerformance(await getJson('/learning/performance')),
  headWeights: async (days: number) => adaptHeadWeights(await getJson('/learning/head-weights', { days })),
  improvements: async () => adaptImprovements(await getJson('/learning/improvements')),
  rejections: async () => adaptRejections(await getJson('/learning/rejection-analysis')),
  scheduler: async () => adaptScheduler(await getJson('/learning/scheduler')),
  versions: async () => adaptVersions(await getJson('/learning/versions')),
};

export type ActionResult = { ok: boolean; status: number; message: string; body: unknown };

/** The protected actions: POST with `Authorization: Bearer <token>` (none when the token is empty). */
export async function postAction(path: '/learning/trigger-daily' | '/learning/trigger-weekly' | '/learning/rollback', token: string, body?: unknown): Promise<ActionResult> {
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
  const o = obj(parsed);
  const message = str(pick(o, 'message', 'error', 'summary')) || (typeof parsed === 'string' ? parsed : '') || res.statusText;
  return { ok: res.ok, status: res.status, message, body: parsed };
}

/** A closed signal's outcome from its result name (win / tp / loss / sl / …) or else its net result. */
export function outcome(s: Pick<Signal, 'status' | 'result' | 'netPct'>): 'win' | 'loss' | 'flat' | null {
  if (s.status !== 'closed') return null;
  const r = (s.result ?? '').toLowerCase();
  const words = new Set(r.split(/[^a-z]+/));
  if (['win', 'won', 'tp', 'target', 'profit'].some((w) => words.has(w))) return 'win';
  if (['loss', 'lose', 'lost', 'sl', 'stop'].some((w) => words.has(w))) return 'loss';
  if (s.netPct !== null) return s.netPct > 0 ? 'win' : s.netPct < 0 ? 'loss' : 'flat';
  return r ? 'flat' : null;
}
