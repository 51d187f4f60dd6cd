/**
 * The ccxt adapter. Creates the ccxt exchange named by the config (binance first), points every REST
 * and WebSocket URL at config.exchange.url when set (exchange-sim), and offers validated kline
 * fetching with weight-aware rate limiting and retries. API keys come only from config/env and are
 * never logged.
 */
import { Agent as HttpAgent } from 'node:http';
import ccxt, { type Exchange } from 'ccxt';
import type { AppConfig } from '../config/config.js';
import type { EnvSettings } from '../config/env.js';
import { candleProblem, type Candle } from '../core/candle.js';
import { systemClock, type Clock } from '../core/clock.js';
import { AlphaPulseError } from '../core/errors.js';
import { intervalMs } from '../core/intervals.js';
import { silentLogger, type Logger } from '../core/logger.js';
import { parseKlineRow } from './binance-format.js';
import { ExchangeHttpError, realSleep, withRetry, type RetryPolicy, type Sleep } from './retry.js';

export type ExchangeClientOptions = {
  /** ccxt exchange id (default binance). */
  readonly id?: string;
  /** Base URL replacing every REST and WebSocket host of the exchange, e.g. http://127.0.0.1:9100. */
  readonly url?: string | undefined;
  /** Exchange name used in stored series keys (default: the ccxt id). */
  readonly name?: string;
  readonly apiKey?: string | undefined;
  readonly secret?: string | undefined;
  /** Give up retrying a request after this long, ms (default 120 000). */
  readonly maxRetryMs?: number;
  /** Klines per request (default 1000, the maximum). */
  readonly pageSize?: number;
  /** Timeout of one HTTP request, ms (default 10 000). */
  readonly timeoutMs?: number;
  readonly retry?: Partial<Omit<RetryPolicy, 'maxRetryMs'>>;
  /** ccxt's request-weight throttle (default true). */
  readonly enableRateLimit?: boolean;
  readonly clock?: Clock;
  readonly sleep?: Sleep;
  readonly random?: () => number;
  readonly logger?: Logger;
};

export type FetchKlinesOptions = {
  /** Last open time wanted (endTime), inclusive. */
  readonly until?: number;
  readonly signal?: AbortSignal;
};

type BinanceRaw = {
  publicGetKlines(params: Record<string, string | number>): Promise<unknown>;
  publicGetTime(params?: Record<string, unknown>): Promise<unknown>;
};

type Dict = Record<string, unknown>;

const BINANCE_LIKE = new Set(['binance', 'binanceus']);

/** Replaces scheme+host of every URL string in a ccxt `urls.api` tree with the base (ws/wss for WebSocket URLs). */
export function overrideApiUrls(api: unknown, base: string): unknown {
  const b = /^(https?):\/\/([^/]+)(\/.*)?$/i.exec(base.trim());
  if (!b) throw new AlphaPulseError('AP_ERR_CONFIG', `exchange.url: "${base}" is not an http(s) URL like http://127.0.0.1:9100`);
  const secure = b[1]!.toLowerCase() === 'https';
  const host = b[2]!;
  const prefix = (b[3] ?? '').replace(/\/+$/, '');
  const rewrite = (u: string): string => {
    const m = /^([a-z]+):\/\/[^/]+(.*)$/i.exec(u);
    if (!m) return u;
    const isWs = m[1]!.toLowerCase().startsWith('ws');
    const scheme = isWs ? (secure ? 'wss' : 'ws') : secure ? 'https' : 'http';
    return `${scheme}://${host}${prefix}${m[2]}`;
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return rewrite(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      const out: Dict = {};
      for (const [k, x] of Object.entries(v as Dict)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return walk(api);
}

function header(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers as Dict)) {
    if (k.toLowerCase() === lower) return Array.isArray(v) ? String(v[0]) : String(v);
  }
  return undefined;
}

/** Retry-After in ms (seconds or an HTTP date), or undefined. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const t = Date.parse(value);
  return Number.isFinite(t) ? Math.max(0, t - now) : undefined;
}

export class ExchangeClient {
  /** ccxt id */
  readonly id: string;
  /** Exchange name in stored series keys. */
  readonly name: string;
  /** The ccxt (pro) exchange instance. */
  readonly ccxt: Exchange;
  readonly pageSize: number;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly sleep: Sleep;
  private readonly random: () => number;
  private readonly policy: RetryPolicy;
  private usedWeight = 0;
  private usedWeightMinute = -1;
  private weightLimit = 6000;
  /** Requests sent (including retried ones). */
  requests = 0;

  constructor(opts: ExchangeClientOptions = {}) {
    this.id = opts.id ?? 'binance';
    this.name = opts.name ?? this.id;
    this.clock = opts.clock ?? systemClock;
    this.sleep = opts.sleep ?? realSleep;
    this.random = opts.random ?? Math.random;
    this.logger = opts.logger ?? silentLogger;
    this.pageSize = opts.pageSize ?? 1000;
    this.policy = { maxRetryMs: opts.maxRetryMs ?? 120_000, ...opts.retry };
    const proCtors = ccxt.pro as unknown as Record<string, (new (config: Dict) => Exchange) | undefined>;
    const restCtors = ccxt as unknown as Record<string, (new (config: Dict) => Exchange) | undefined>;
    const Ctor = proCtors[this.id] ?? (ccxt.exchanges.includes(this.id) ? restCtors[this.id] : undefined);
    if (!Ctor) throw new AlphaPulseError('AP_ERR_CONFIG', `exchange.id: "${this.id}" is not a ccxt exchange id (e.g. binance)`);
    const config: Dict = { enableRateLimit: opts.enableRateLimit ?? true, timeout: opts.timeoutMs ?? 10_000 };
    if (opts.apiKey) config.apiKey = opts.apiKey;
    if (opts.secret) config.secret = opts.secret;
    const ex = new Ctor(config);
    if (BINANCE_LIKE.has(this.id)) {
      const o = ex.options as Dict;
      // spot only: no fapi/dapi exchangeInfo on loadMarkets, no sapi calls (currencies, margin pairs) even with keys
      o.fetchMarkets = { ...((o.fetchMarkets as Dict | undefined) ?? {}), types: ['spot'] };
      o.fetchCurrencies = false;
      o.fetchMargins = false;
    }
    if (opts.url !== undefined) {
      const urls = ex.urls as Dict;
      urls.api = overrideApiUrls(urls.api, opts.url);
      // sandbox / demo switches would swap the overridden URLs back
      if (urls.test) urls.test = overrideApiUrls(urls.test, opts.url);
      if (urls.demo) urls.demo = overrideApiUrls(urls.demo, opts.url);
      // ccxt.pro opens plain ws:// sockets only with an http agent set (else NotSupported on first watch*)
      const withAgent = ex as unknown as { httpAgent?: unknown };
      if (/^http:/i.test(opts.url) && withAgent.httpAgent === undefined) withAgent.httpAgent = new HttpAgent({ keepAlive: true });
    }
    this.installHook(ex);
    this.ccxt = ex;
    this.logger.debug({ exchange: this.id, url: opts.url ?? 'default', authenticated: Boolean(opts.apiKey) }, 'exchange client created');
  }

  /** Sees every HTTP answer: records the used request weight and turns 429/418/5xx into typed errors (keeping Retry-After). */
  private installHook(ex: Exchange): void {
    const target = ex as unknown as { handleErrors: (...args: unknown[]) => unknown };
    const original = target.handleErrors.bind(ex);
    target.handleErrors = (...args: unknown[]) => {
      const [code, reason, url, method, headers, body] = args as [number, string, string, string, unknown, string | undefined];
      this.requests++;
      const used = header(headers, 'x-mbx-used-weight-1m');
      if (used !== undefined && /^\d+$/.test(used)) {
        this.usedWeight = Number(used);
        this.usedWeightMinute = Math.floor(this.clock.now() / 60_000);
      }
      if (code === 429 || code === 418 || code >= 500) {
        const retryAfter = parseRetryAfter(header(headers, 'retry-after'), this.clock.now());
        const text = (body ?? '').slice(0, 200);
        throw new ExchangeHttpError(code, retryAfter, `${this.id} ${method} ${url.split('?')[0]} answered ${code} ${reason ?? ''}${retryAfter !== undefined ? ` (Retry-After ${retryAfter} ms)` : ''}: ${text}`);
      }
      return original(...args);
    };
  }

  /** Before a request: when the last answer reported the minute's weight nearly used, wait for the next minute. */
  private async respectWeight(signal?: AbortSignal): Promise<void> {
    const now = this.clock.now();
    const minute = Math.floor(now / 60_000);
    if (minute !== this.usedWeightMinute || this.usedWeight < this.weightLimit * 0.9) return;
    const wait = (minute + 1) * 60_000 - now + 50;
    this.logger.warn({ usedWeight: this.usedWeight, limit: this.weightLimit, waitMs: wait }, 'request weight nearly exhausted, pausing until the next minute');
    await this.sleep(wait, signal);
  }

  /** Runs one exchange request under the retry policy. */
  request<T>(what: string, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return withRetry(
      what,
      this.id,
      async () => {
        await this.respectWeight(signal);
        return fn();
      },
      this.policy,
      { clock: this.clock, sleep: this.sleep, random: this.random, logger: this.logger },
      signal,
    );
  }

  get isBinance(): boolean {
    return BINANCE_LIKE.has(this.id);
  }

  /** The spot kline WebSocket endpoint (raw streams, /ws), after any URL override. */
  wsBaseUrl(): string {
    const ws = ((this.ccxt.urls as Dict).api as Dict | undefined)?.ws;
    const spot = ws && typeof ws === 'object' ? (ws as Dict).spot : undefined;
    if (typeof spot !== 'string') throw new AlphaPulseError('AP_ERR_CONFIG', `exchange ${this.id}: no spot WebSocket URL known (the live stream supports binance)`);
    return spot;
  }

  /** The exchange's current time (epoch ms). */
  async serverTime(signal?: AbortSignal): Promise<number> {
    if (this.isBinance) {
      return this.request(
        `${this.id} time`,
        async () => {
          const r = (await (this.ccxt as unknown as BinanceRaw).publicGetTime()) as Dict | string;
          const t = typeof r === 'object' && r !== null ? Number(r.serverTime) : NaN;
          if (!Number.isSafeInteger(t) || t <= 0) throw new AlphaPulseError('AP_ERR_EXCHANGE_PAYLOAD', `${this.id} time: serverTime missing or not an integer in ${JSON.stringify(r).slice(0, 100)}`);
          return t;
        },
        signal,
      );
    }
    if (this.ccxt.has.fetchTime) {
      return this.request(`${this.id} time`, async () => Number(await this.ccxt.fetchTime()), signal);
    }
    return this.clock.now();
  }

  /** Open time of the newest closed candle by the exchange's clock. */
  async lastClosedOpenTime(interval: string, signal?: AbortSignal): Promise<number> {
    const iv = intervalMs(interval);
    const now = await this.serverTime(signal);
    return Math.floor(now / iv) * iv - iv;
  }

  /**
   * Closed candles with since <= openTime (<= until), ascending, at most `limit` (default pageSize).
   * Every row is validated; a wrong, partial or malformed payload throws AP_ERR_EXCHANGE_PAYLOAD
   * (after a couple of retries), so nothing bad reaches the store.
   */
  async fetchKlines(symbol: string, interval: string, since?: number, limit?: number, opts: FetchKlinesOptions = {}): Promise<Candle[]> {
    const iv = intervalMs(interval);
    const n = Math.min(limit ?? this.pageSize, 1000);
    const what = `${this.id} klines ${symbol} ${interval}${since !== undefined ? ` from ${new Date(since).toISOString()}` : ''}`;
    return this.request(
      what,
      async () => {
        if (this.isBinance) {
          const params: Record<string, string | number> = { symbol, interval, limit: n };
          if (since !== undefined) params.startTime = since;
          if (opts.until !== undefined) params.endTime = opts.until;
          const raw = await (this.ccxt as unknown as BinanceRaw).publicGetKlines(params);
          return this.validate(raw, symbol, interval, iv, since, opts.until, n, 'binance');
        }
        await this.ccxt.loadMarkets();
        const byId = (this.ccxt.markets_by_id as Record<string, { symbol: string }[]> | undefined)?.[symbol];
        const unified = byId?.[0]?.symbol ?? symbol;
        const raw = await this.ccxt.fetchOHLCV(unified, interval, since, n, opts.until !== undefined ? { until: opts.until } : {});
        return this.validate(raw, symbol, interval, iv, since, opts.until, n, 'ohlcv');
      },
      opts.signal,
    );
  }

  private validate(raw: unknown, symbol: string, interval: string, iv: number, since: number | undefined, until: number | undefined, limit: number, format: 'binance' | 'ohlcv'): Candle[] {
    const fail = (what: string) => new AlphaPulseError('AP_ERR_EXCHANGE_PAYLOAD', `${this.id} klines ${symbol} ${interval}: ${what}; nothing stored`, { exchange: this.id, symbol, interval });
    if (typeof raw === 'string') throw fail(`response is not JSON (${JSON.stringify(raw.slice(0, 60))}…)`);
    if (!Array.isArray(raw)) throw fail(`response is not a list of klines (${raw === null ? 'null' : typeof raw})`);
    if (raw.length > limit) throw fail(`${raw.length} rows returned for a limit of ${limit}`);
    const out: Candle[] = [];
    for (let i = 0; i < raw.length; i++) {
      let c: Candle;
      if (format === 'binance') {
        const p = parseKlineRow(raw[i], iv);
        if (!p.ok) throw fail(`row ${i + 1}: ${p.problem}`);
        c = p.value;
      } else {
        const r = raw[i] as unknown[];
        if (!Array.isArray(r) || r.length < 6) throw fail(`row ${i + 1} is not [time, open, high, low, close, volume]`);
        const [t, o, h, l, cl, v] = r.map((x) => (typeof x === 'number' ? x : typeof x === 'string' && x.trim() !== '' ? Number(x) : NaN));
        c = { openTime: t!, open: o!, high: h!, low: l!, close: cl!, volume: v!, closeTime: t! + iv - 1, quoteVolume: 0, trades: 0, takerBuyBaseVolume: 0, takerBuyQuoteVolume: 0 };
        const problem = candleProblem(c, iv);
        if (problem) throw fail(`row ${i + 1}: ${problem}`);
      }
      const prev = out[out.length - 1];
      if (prev && c.openTime <= prev.openTime) throw fail(`row ${i + 1}: open time ${c.openTime} is not after the previous row's ${prev.openTime}`);
      if (since !== undefined && c.openTime < since) throw fail(`row ${i + 1}: open time ${c.openTime} is before the requested start ${since}`);
      if (until !== undefined && c.openTime > until) throw fail(`row ${i + 1}: open time ${c.openTime} is after the requested end ${until}`);
      out.push(c);
    }
    // Binance includes the in-progress candle when the range reaches "now"; only closed candles leave here
    if (until === undefined) {
      const now = this.clock.now();
      while (out.length > 0 && out[out.length - 1]!.closeTime >= now) out.pop();
    }
    return out;
  }

  async close(): Promise<void> {
    const ex = this.ccxt as unknown as { close?: () => Promise<void> };
    if (typeof ex.close === 'function') await ex.close().catch(() => undefined);
  }
}

/** The exchange client the CLI uses: settings from config, keys only from the environment/config. */
export function createExchangeClient(
  config: Readonly<AppConfig>,
  env: Pick<EnvSettings, 'apiKey' | 'apiSecret'>,
  opts: Omit<ExchangeClientOptions, 'id' | 'url' | 'apiKey' | 'secret' | 'maxRetryMs' | 'pageSize'> = {},
): ExchangeClient {
  return new ExchangeClient({
    ...opts,
    id: config.exchange.id,
    url: config.exchange.url,
    apiKey: env.apiKey,
    secret: env.apiSecret,
    maxRetryMs: config.exchange.maxRetryMs,
    pageSize: config.exchange.pageSize,
  });
}
