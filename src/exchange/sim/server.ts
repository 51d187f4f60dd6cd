/**
 * exchange-sim: an HTTP + WebSocket server on 127.0.0.1 speaking enough of Binance spot's public
 * protocol for real ccxt and our stream client: REST /api/v3/{ping,time,exchangeInfo,klines} with
 * request-weight headers, and the kline WebSocket streams (/ws, /ws/<streams>, /stream?streams=…,
 * SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS).
 *
 * Time is simulated: a replay clock starts at `startTime` and advances `speed` simulated ms per real
 * ms (speed 0 = frozen; move it with setTime/advance). /klines serves only candles closed before the
 * replay time (plus, with includeOpenCandle, the in-progress one as Binance does); the WebSocket sends
 * in-progress updates (x:false) and each candle as it closes (x:true). Faults are injected by options.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Candle } from '../../core/candle.js';
import { INTERVAL_MS, isInterval } from '../../core/intervals.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import { formatDecimal, toKlineEvent, toKlineRow } from '../binance-format.js';
import { lowerBound, partialCandle, type SimMarketData } from './data.js';
import { FaultCounter, seededRandom, type CorruptKind, type RestFaults, type WsFaults } from './faults.js';

export type ExchangeSimOptions = {
  readonly data: SimMarketData;
  readonly host?: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Replay clock start (epoch ms). Default: one day after the first loaded candle. */
  readonly startTime?: number;
  /** Simulated ms per real ms (default 1 = real time; 1200 = one minute per 50 ms; 0 = frozen). */
  readonly speed?: number;
  /** Real ms between clock ticks that emit WebSocket events (default 10). */
  readonly tickMs?: number;
  /** Simulated ms between in-progress (x:false) updates of a stream (default 2000, as Binance). */
  readonly partialEveryMs?: number;
  /** /klines also returns the in-progress candle, as the real exchange does (default false). */
  readonly includeOpenCandle?: boolean;
  /** REQUEST_WEIGHT per real minute before 429 (default 6000). */
  readonly weightLimit?: number;
  /** Real ms between server pings on each WebSocket (default 20000). */
  readonly pingIntervalMs?: number;
  readonly rest?: RestFaults;
  readonly ws?: WsFaults;
  /** Seed of the fault PRNG (default 1). */
  readonly seed?: number;
  readonly logger?: Logger;
};

export type ExchangeSimStats = {
  requests: Record<string, number>;
  faults: Record<string, number>;
  wsConnections: number;
  wsOpen: number;
  wsDropped: number;
  wsSilenced: number;
  klineEventsSent: number;
  closedEventsSent: number;
};

type Sub = {
  readonly stream: string;
  readonly symbol: string;
  readonly interval: string;
  readonly ivMs: number;
  readonly list: readonly Candle[];
  /** Index of the next candle whose closing event is due. */
  nextIdx: number;
  lastPartial: number;
};

type Conn = {
  readonly id: number;
  readonly ws: WebSocket;
  readonly combined: boolean;
  readonly subs: Map<string, Sub | null>;
  silent: boolean;
  held: string | null;
};

const WEIGHTS: Record<string, number> = { '/api/v3/ping': 1, '/api/v3/time': 1, '/api/v3/exchangeInfo': 20, '/api/v3/klines': 2 };
const QUOTES = ['USDT', 'FDUSD', 'USDC', 'BUSD', 'TUSD', 'DAI', 'BTC', 'ETH', 'BNB', 'EUR', 'TRY', 'BRL', 'JPY'];

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    msg: string,
  ) {
    super(msg);
  }
}

export class ExchangeSim {
  private readonly opts: ExchangeSimOptions;
  private readonly data: SimMarketData;
  private readonly log: Logger;
  private readonly random: () => number;
  private readonly speed: number;
  private anchorSim: number;
  /** Replay clock time at start(). */
  readonly startTime: number;
  private anchorReal = performance.now();
  private server: Server | null = null;
  private wss: WebSocketServer | null = null;
  private readonly conns = new Set<Conn>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly sockets = new Set<Socket>();
  private nextConnId = 1;
  private weightMinute = 0;
  private weightUsed = 0;
  private readonly faultCounters: Record<'http429' | 'http418' | 'http500' | 'reset' | 'corrupt', FaultCounter>;
  private boundPort = 0;
  readonly stats: ExchangeSimStats = {
    requests: {},
    faults: {},
    wsConnections: 0,
    wsOpen: 0,
    wsDropped: 0,
    wsSilenced: 0,
    klineEventsSent: 0,
    closedEventsSent: 0,
  };

  constructor(opts: ExchangeSimOptions) {
    this.opts = opts;
    this.data = opts.data;
    this.log = opts.logger ?? silentLogger;
    this.random = seededRandom(opts.seed ?? 1);
    this.speed = opts.speed ?? 1;
    const span = this.data.span();
    this.anchorSim = opts.startTime ?? (span ? Math.min(span.first + 86_400_000, span.last + 1) : Date.now());
    this.startTime = this.anchorSim;
    const rest = opts.rest ?? {};
    this.faultCounters = {
      http429: new FaultCounter(rest.http429, this.random),
      http418: new FaultCounter(rest.http418, this.random),
      http500: new FaultCounter(rest.http500, this.random),
      reset: new FaultCounter(rest.reset, this.random),
      corrupt: new FaultCounter(rest.corrupt, this.random),
    };
  }

  /** Current replay time (epoch ms). */
  now(): number {
    return Math.floor(this.anchorSim + (performance.now() - this.anchorReal) * this.speed);
  }

  /** Moves the replay clock forward to t (it never goes back); events due are sent on the next tick. */
  setTime(t: number): void {
    const now = this.now();
    if (t < now) throw new Error(`exchange-sim clock cannot go back from ${now} to ${t}`);
    this.anchorSim = t;
    this.anchorReal = performance.now();
  }

  advance(ms: number): void {
    this.setTime(this.now() + ms);
  }

  get port(): number {
    return this.boundPort;
  }

  /** REST base, e.g. http://127.0.0.1:9100 (also what ALPHAPULSE_EXCHANGE_URL should be set to). */
  get url(): string {
    return `http://${this.opts.host ?? '127.0.0.1'}:${this.boundPort}`;
  }

  get wsUrl(): string {
    return `ws://${this.opts.host ?? '127.0.0.1'}:${this.boundPort}/ws`;
  }

  symbols(): string[] {
    return this.data.symbols();
  }

  /** Candles the simulator serves for a series with from <= openTime <= to (regardless of the replay clock). */
  candles(symbol: string, interval: string, from = 0, to = Number.MAX_SAFE_INTEGER): Candle[] {
    const list = this.data.candles(symbol, interval);
    const out: Candle[] = [];
    for (let i = lowerBound(list, from); i < list.length && list[i]!.openTime <= to; i++) out.push(list[i]!);
    return out;
  }

  async start(): Promise<{ url: string; wsUrl: string; port: number }> {
    if (this.server) throw new Error('exchange-sim already started');
    this.anchorReal = performance.now();
    const server = createServer((req, res) => this.handleHttp(req, res));
    server.keepAliveTimeout = 5000;
    server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    const wss = new WebSocketServer({ noServer: true, autoPong: false });
    server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => this.handleUpgrade(wss, req, socket, head));
    this.server = server;
    this.wss = wss;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.opts.port ?? 0, this.opts.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.boundPort = (server.address() as AddressInfo).port;
    this.timers.push(setInterval(() => this.tick(), this.opts.tickMs ?? 10));
    this.timers.push(setInterval(() => this.pingAll(), this.opts.pingIntervalMs ?? 20_000));
    const wsf = this.opts.ws ?? {};
    if (wsf.dropEveryMs !== undefined && wsf.dropEveryMs > 0) this.timers.push(setInterval(() => this.dropConnections(), wsf.dropEveryMs));
    if (wsf.silentEveryMs !== undefined && wsf.silentEveryMs > 0) this.timers.push(setInterval(() => this.silenceConnections(), wsf.silentEveryMs));
    this.log.info({ url: this.url, symbols: this.data.symbols(), start: new Date(this.now()).toISOString(), speed: this.speed }, 'exchange-sim listening');
    return { url: this.url, wsUrl: this.wsUrl, port: this.boundPort };
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers.length = 0;
    for (const c of this.conns) c.ws.terminate();
    this.conns.clear();
    const server = this.server;
    this.server = null;
    if (this.wss) this.wss.close();
    this.wss = null;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
      for (const s of this.sockets) s.destroy();
    });
  }

  /** Terminates every open WebSocket connection (as a network drop would); returns how many. */
  dropConnections(): number {
    let n = 0;
    for (const c of this.conns) {
      c.ws.terminate();
      n++;
    }
    this.stats.wsDropped += n;
    if (n > 0) this.log.debug({ n }, 'exchange-sim dropped connections');
    return n;
  }

  /** Makes every open connection go silent: it stays open but sends nothing more (no data, no pings). */
  silenceConnections(): number {
    let n = 0;
    for (const c of this.conns) {
      if (!c.silent) {
        c.silent = true;
        n++;
      }
    }
    this.stats.wsSilenced += n;
    return n;
  }

  // ---------------------------------------------------------------- REST

  private handleHttp(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://sim');
    const path = url.pathname;
    this.stats.requests[path] = (this.stats.requests[path] ?? 0) + 1;
    const minute = Math.floor(Date.now() / 60_000);
    if (minute !== this.weightMinute) {
      this.weightMinute = minute;
      this.weightUsed = 0;
    }
    this.weightUsed += WEIGHTS[path] ?? 1;
    const headers: Record<string, string> = {
      'content-type': 'application/json;charset=UTF-8',
      'x-mbx-used-weight': String(this.weightUsed),
      'x-mbx-used-weight-1m': String(this.weightUsed),
    };
    const send = (status: number, body: string, extra: Record<string, string> = {}) => {
      res.writeHead(status, { ...headers, ...extra });
      res.end(body);
    };
    const fault = (kind: string) => {
      this.stats.faults[kind] = (this.stats.faults[kind] ?? 0) + 1;
      this.log.debug({ kind, path }, 'exchange-sim fault');
    };
    try {
      if (req.method !== 'GET') throw new HttpError(405, -1000, `method ${req.method} not supported by exchange-sim`);
      const rest = this.opts.rest ?? {};
      if (this.faultCounters.reset.fires(path)) {
        fault('reset');
        req.socket.destroy();
        return;
      }
      if (this.faultCounters.http418.fires(path)) {
        fault('418');
        const sec = rest.http418?.retryAfterSec ?? 1;
        send(418, JSON.stringify({ code: -1003, msg: `Way too much request weight used; IP banned until ${Date.now() + sec * 1000}. Please use WebSocket Streams for live updates to avoid bans.` }), { 'retry-after': String(sec) });
        return;
      }
      if (this.faultCounters.http429.fires(path)) {
        fault('429');
        const sec = rest.http429?.retryAfterSec ?? 1;
        send(429, JSON.stringify({ code: -1003, msg: 'Too much request weight used; current limit is 6000 request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.' }), { 'retry-after': String(sec) });
        return;
      }
      const limit = this.opts.weightLimit ?? 6000;
      if (this.weightUsed > limit) {
        fault('weight');
        const sec = Math.max(1, Math.ceil((this.weightMinute + 1) * 60 - Date.now() / 1000));
        send(429, JSON.stringify({ code: -1003, msg: `Too much request weight used; current limit is ${limit} request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.` }), { 'retry-after': String(sec) });
        return;
      }
      if (this.faultCounters.http500.fires(path)) {
        fault('500');
        send(500, JSON.stringify({ code: -1000, msg: 'An unknown error occurred while processing the request.' }));
        return;
      }
      const q = url.searchParams;
      switch (path) {
        case '/api/v3/ping':
          send(200, '{}');
          return;
        case '/api/v3/time':
          send(200, JSON.stringify({ serverTime: this.now() }));
          return;
        case '/api/v3/exchangeInfo':
          send(200, JSON.stringify(this.exchangeInfo(q)));
          return;
        case '/api/v3/klines': {
          const rows = this.klines(q);
          if (this.faultCounters.corrupt.fires(path)) {
            fault('corrupt');
            send(200, corruptKlines(rows, rest.corrupt?.kind ?? 'truncated-json'));
            return;
          }
          send(200, JSON.stringify(rows));
          return;
        }
        default:
          throw new HttpError(404, -1000, `exchange-sim does not serve ${path}`);
      }
    } catch (e) {
      if (e instanceof HttpError) {
        send(e.status, JSON.stringify({ code: e.code, msg: e.message }));
        return;
      }
      this.log.error({ err: e, path }, 'exchange-sim internal error');
      send(500, JSON.stringify({ code: -1000, msg: 'An unknown error occurred while processing the request.' }));
    }
  }

  private exchangeInfo(q: URLSearchParams): unknown {
    let symbols = this.data.symbols();
    const one = q.get('symbol');
    const many = q.get('symbols');
    if (one !== null) {
      if (!this.data.hasSymbol(one)) throw new HttpError(400, -1121, 'Invalid symbol.');
      symbols = [one.toUpperCase()];
    } else if (many !== null) {
      let list: unknown;
      try {
        list = JSON.parse(many);
      } catch {
        throw new HttpError(400, -1100, "Illegal characters found in parameter 'symbols'.");
      }
      if (!Array.isArray(list)) throw new HttpError(400, -1100, "Illegal characters found in parameter 'symbols'.");
      for (const s of list) if (typeof s !== 'string' || !this.data.hasSymbol(s)) throw new HttpError(400, -1121, 'Invalid symbol.');
      symbols = (list as string[]).map((s) => s.toUpperCase());
    }
    return {
      timezone: 'UTC',
      serverTime: this.now(),
      rateLimits: [
        { rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: this.opts.weightLimit ?? 6000 },
        { rateLimitType: 'ORDERS', interval: 'SECOND', intervalNum: 10, limit: 100 },
        { rateLimitType: 'ORDERS', interval: 'DAY', intervalNum: 1, limit: 200000 },
        { rateLimitType: 'RAW_REQUESTS', interval: 'MINUTE', intervalNum: 5, limit: 61000 },
      ],
      exchangeFilters: [],
      symbols: symbols.map((s) => this.symbolInfo(s)),
    };
  }

  private symbolInfo(symbol: string): unknown {
    const quote = QUOTES.find((qa) => symbol.endsWith(qa) && symbol.length > qa.length) ?? symbol.slice(-4);
    const base = symbol.slice(0, symbol.length - quote.length);
    const sample = this.data.candles(symbol, '1m').slice(0, 500);
    let decimals = 2;
    for (const c of sample) {
      for (const v of [c.open, c.high, c.low, c.close]) {
        const s = String(v);
        const dot = s.indexOf('.');
        if (dot >= 0 && !s.includes('e')) decimals = Math.max(decimals, s.length - dot - 1);
      }
    }
    decimals = Math.min(8, decimals);
    const tick = formatDecimal(10 ** -decimals);
    return {
      symbol,
      status: 'TRADING',
      baseAsset: base,
      baseAssetPrecision: 8,
      quoteAsset: quote,
      quotePrecision: 8,
      quoteAssetPrecision: 8,
      baseCommissionPrecision: 8,
      quoteCommissionPrecision: 8,
      orderTypes: ['LIMIT', 'LIMIT_MAKER', 'MARKET', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT_LIMIT'],
      icebergAllowed: true,
      ocoAllowed: true,
      otoAllowed: true,
      quoteOrderQtyMarketAllowed: true,
      allowTrailingStop: true,
      cancelReplaceAllowed: true,
      isSpotTradingAllowed: true,
      isMarginTradingAllowed: false,
      filters: [
        { filterType: 'PRICE_FILTER', minPrice: tick, maxPrice: '1000000.00000000', tickSize: tick },
        { filterType: 'LOT_SIZE', minQty: '0.00001000', maxQty: '9000.00000000', stepSize: '0.00001000' },
        { filterType: 'ICEBERG_PARTS', limit: 10 },
        { filterType: 'MARKET_LOT_SIZE', minQty: '0.00000000', maxQty: '100.00000000', stepSize: '0.00000000' },
        { filterType: 'TRAILING_DELTA', minTrailingAboveDelta: 10, maxTrailingAboveDelta: 2000, minTrailingBelowDelta: 10, maxTrailingBelowDelta: 2000 },
        { filterType: 'PERCENT_PRICE_BY_SIDE', bidMultiplierUp: '5', bidMultiplierDown: '0.2', askMultiplierUp: '5', askMultiplierDown: '0.2', avgPriceMins: 5 },
        { filterType: 'NOTIONAL', minNotional: '5.00000000', applyMinToMarket: true, maxNotional: '9000000.00000000', applyMaxToMarket: false, avgPriceMins: 5 },
        { filterType: 'MAX_NUM_ORDERS', maxNumOrders: 200 },
        { filterType: 'MAX_NUM_ALGO_ORDERS', maxNumAlgoOrders: 5 },
      ],
      permissions: [],
      permissionSets: [['SPOT']],
      defaultSelfTradePreventionMode: 'EXPIRE_MAKER',
      allowedSelfTradePreventionModes: ['EXPIRE_TAKER', 'EXPIRE_MAKER', 'EXPIRE_BOTH'],
    };
  }

  /** Binance semantics: openTime within [startTime, endTime]; with startTime the first `limit` from it, otherwise the last `limit`. */
  private klines(q: URLSearchParams): unknown[] {
    const symbol = q.get('symbol');
    if (symbol === null || symbol === '') throw new HttpError(400, -1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
    const interval = q.get('interval');
    if (interval === null || interval === '') throw new HttpError(400, -1102, "Mandatory parameter 'interval' was not sent, was empty/null, or malformed.");
    if (!this.data.hasSymbol(symbol) || symbol !== symbol.toUpperCase()) throw new HttpError(400, -1121, 'Invalid symbol.');
    if (!isInterval(interval)) throw new HttpError(400, -1120, 'Invalid interval.');
    const int = (name: string): number | undefined => {
      const v = q.get(name);
      if (v === null) return undefined;
      if (!/^\d{1,20}$/.test(v)) throw new HttpError(400, -1100, `Illegal characters found in parameter '${name}'; legal range is '^[0-9]{1,20}$'.`);
      return Number(v);
    };
    const limit = int('limit') ?? 500;
    if (limit < 1 || limit > 1000) throw new HttpError(400, -1130, "Data sent for parameter 'limit' is not valid.");
    const startTime = int('startTime');
    const endTime = int('endTime');
    if (startTime !== undefined && endTime !== undefined && startTime > endTime) throw new HttpError(400, -1023, 'Start time is greater than end time.');
    const ivMs = INTERVAL_MS[interval];
    const list = this.data.candles(symbol, interval);
    const now = this.now();
    // the newest open time served: the last closed candle, or the open one when includeOpenCandle
    const newestOpen = this.opts.includeOpenCandle ? now : now - ivMs;
    const hiTime = Math.min(endTime ?? Infinity, newestOpen);
    const out: unknown[] = [];
    if (startTime !== undefined) {
      for (let i = lowerBound(list, startTime); i < list.length && out.length < limit; i++) {
        const c = list[i]!;
        if (c.openTime > hiTime) break;
        out.push(this.rowAt(c, now, ivMs));
      }
      return out;
    }
    const hi = lowerBound(list, Math.floor(hiTime) + 1);
    for (let i = Math.max(0, hi - limit); i < hi; i++) out.push(this.rowAt(list[i]!, now, ivMs));
    return out;
  }

  private rowAt(c: Candle, now: number, ivMs: number): unknown {
    if (c.openTime + ivMs <= now) return toKlineRow(c);
    return toKlineRow(partialCandle(c, (now - c.openTime) / ivMs));
  }

  // ---------------------------------------------------------------- WebSocket

  private handleUpgrade(wss: WebSocketServer, req: IncomingMessage, socket: Socket, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://sim');
    let combined = false;
    let initial: string[] = [];
    if (url.pathname === '/stream') {
      combined = true;
      initial = (url.searchParams.get('streams') ?? '').split('/').filter((s) => s.length > 0);
    } else if (url.pathname === '/ws' || url.pathname.startsWith('/ws/')) {
      initial = url.pathname
        .slice('/ws'.length)
        .split('/')
        .filter((s) => s.includes('@'));
    } else {
      socket.write('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const conn: Conn = { id: this.nextConnId++, ws, combined, subs: new Map(), silent: false, held: null };
      this.conns.add(conn);
      this.stats.wsConnections++;
      this.stats.wsOpen = this.conns.size;
      for (const s of initial) this.subscribe(conn, s);
      ws.on('message', (data, isBinary) => this.handleWsMessage(conn, isBinary ? '' : data.toString()));
      ws.on('ping', (data) => {
        if (!conn.silent) ws.pong(data);
      });
      ws.on('close', () => {
        this.conns.delete(conn);
        this.stats.wsOpen = this.conns.size;
      });
      ws.on('error', () => undefined);
    });
  }

  private handleWsMessage(conn: Conn, text: string): void {
    if (conn.silent) return;
    let msg: unknown;
    try {
      msg = JSON.parse(text);
    } catch (e) {
      this.raw(conn, JSON.stringify({ error: { code: 3, msg: `Invalid JSON: ${(e as Error).message}` }, id: null }));
      return;
    }
    const m = msg as { method?: unknown; params?: unknown; id?: unknown };
    const id = m.id ?? null;
    if (m === null || typeof m !== 'object' || typeof m.method !== 'string') {
      this.raw(conn, JSON.stringify({ error: { code: 2, msg: 'Invalid request: missing field `method`' }, id }));
      return;
    }
    const params = Array.isArray(m.params) ? (m.params as unknown[]) : [];
    switch (m.method) {
      case 'SUBSCRIBE':
      case 'UNSUBSCRIBE':
        if (params.some((p) => typeof p !== 'string')) {
          this.raw(conn, JSON.stringify({ error: { code: 2, msg: 'Invalid request: params must be stream names' }, id }));
          return;
        }
        for (const p of params as string[]) {
          if (m.method === 'SUBSCRIBE') this.subscribe(conn, p);
          else conn.subs.delete(p);
        }
        this.raw(conn, JSON.stringify({ result: null, id }));
        return;
      case 'LIST_SUBSCRIPTIONS':
        this.raw(conn, JSON.stringify({ result: [...conn.subs.keys()], id }));
        return;
      case 'SET_PROPERTY':
        this.raw(conn, JSON.stringify({ result: null, id }));
        return;
      case 'GET_PROPERTY':
        this.raw(conn, JSON.stringify({ result: conn.combined, id }));
        return;
      default:
        this.raw(conn, JSON.stringify({ error: { code: 2, msg: `Invalid request: unknown variant \`${m.method}\`` }, id }));
    }
  }

  private subscribe(conn: Conn, stream: string): void {
    if (conn.subs.has(stream)) return;
    const m = /^([a-z0-9]+)@kline_([0-9]+[smhdwM])$/.exec(stream);
    if (!m || !isInterval(m[2]!) || !this.data.hasSymbol(m[1]!)) {
      conn.subs.set(stream, null); // accepted, as Binance does, but nothing is ever sent on it
      return;
    }
    const symbol = m[1]!.toUpperCase();
    const interval = m[2]!;
    const ivMs = INTERVAL_MS[interval];
    const list = this.data.candles(symbol, interval);
    const now = this.now();
    conn.subs.set(stream, { stream, symbol, interval, ivMs, list, nextIdx: lowerBound(list, Math.floor(now / ivMs) * ivMs), lastPartial: -Infinity });
  }

  private tick(): void {
    if (this.conns.size === 0) return;
    const now = this.now();
    const partialEvery = this.opts.partialEveryMs ?? 2000;
    for (const conn of this.conns) {
      if (conn.silent) continue;
      for (const sub of conn.subs.values()) {
        if (!sub) continue;
        const { list, ivMs } = sub;
        while (sub.nextIdx < list.length && list[sub.nextIdx]!.openTime + ivMs <= now) {
          const c = list[sub.nextIdx]!;
          sub.nextIdx++;
          this.stats.closedEventsSent++;
          this.sendEvent(conn, sub.stream, toKlineEvent(sub.symbol, sub.interval, c, true, now, Math.floor(c.openTime / 1000)));
        }
        const cur = list[sub.nextIdx];
        if (cur && cur.openTime <= now && now - sub.lastPartial >= partialEvery) {
          sub.lastPartial = now;
          const p = partialCandle(cur, (now - cur.openTime) / ivMs);
          this.sendEvent(conn, sub.stream, toKlineEvent(sub.symbol, sub.interval, p, false, now, Math.floor(cur.openTime / 1000)));
        }
      }
    }
  }

  private sendEvent(conn: Conn, stream: string, event: unknown): void {
    const wsf = this.opts.ws ?? {};
    this.stats.klineEventsSent++;
    let text = JSON.stringify(conn.combined ? { stream, data: event } : event);
    if (wsf.malformedRate && this.random() < wsf.malformedRate) {
      this.stats.faults.wsMalformed = (this.stats.faults.wsMalformed ?? 0) + 1;
      text = text.slice(0, Math.floor(text.length / 2));
    }
    if (conn.held === null && wsf.outOfOrderRate && this.random() < wsf.outOfOrderRate) {
      this.stats.faults.wsOutOfOrder = (this.stats.faults.wsOutOfOrder ?? 0) + 1;
      conn.held = text;
      return;
    }
    this.raw(conn, text);
    if (wsf.duplicateRate && this.random() < wsf.duplicateRate) {
      this.stats.faults.wsDuplicate = (this.stats.faults.wsDuplicate ?? 0) + 1;
      this.raw(conn, text);
    }
    if (conn.held !== null) {
      const held = conn.held;
      conn.held = null;
      this.raw(conn, held);
    }
  }

  private raw(conn: Conn, text: string): void {
    if (conn.silent || conn.ws.readyState !== conn.ws.OPEN) return;
    conn.ws.send(text);
  }

  private pingAll(): void {
    for (const c of this.conns) if (!c.silent && c.ws.readyState === c.ws.OPEN) c.ws.ping();
  }
}

function corruptKlines(rows: unknown[], kind: CorruptKind): string {
  const copy = rows.map((r) => [...(r as unknown[])]);
  const i = Math.floor(copy.length / 2);
  const row = copy[i];
  switch (kind) {
    case 'truncated-json': {
      const text = JSON.stringify(copy);
      return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
    }
    case 'not-an-array':
      return JSON.stringify({ klines: copy });
    case 'short-row':
      if (row) copy[i] = row.slice(0, 6);
      break;
    case 'bad-number':
      if (row) row[4] = 'NaN';
      break;
    case 'high-below-low':
      if (row) [row[2], row[3]] = [row[3], row[2]];
      break;
    case 'misaligned-time':
      if (row) row[0] = (row[0] as number) + 1;
      break;
  }
  return JSON.stringify(copy);
}
