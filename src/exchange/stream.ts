/**
 * CandleStream: live closed candles from Binance's kline WebSocket (raw /ws endpoint of the ccxt
 * adapter, possibly overridden to exchange-sim, SUBSCRIBE method messages), per symbol in strictly
 * increasing open time and exactly once each. In-progress updates (x:false) only prove liveness;
 * duplicates and older candles are dropped; a jump in open time (missed messages, reconnects,
 * out-of-order delivery) is filled over REST before the newer candle is emitted, so the output has
 * no hole the exchange does not have. A socket that closes or stays silent longer than heartbeatMs
 * is replaced, with exponential backoff. Emitted candles are stored in batches when a store is given.
 */
import WebSocket from 'ws';
import type { Candle, SeriesKey } from '../core/candle.js';
import { intervalMs } from '../core/intervals.js';
import type { Logger } from '../core/logger.js';
import { lastOpenTime, writeCandles } from '../store/candles.js';
import type { Store } from '../store/database.js';
import { klineStreamName, parseKlineEvent } from './binance-format.js';
import type { ExchangeClient } from './client.js';

export type CandleSource = 'ws' | 'rest';
export type CandleListener = (symbol: string, candle: Candle, source: CandleSource) => void;

export type CandleStreamOptions = {
  readonly client: ExchangeClient;
  readonly symbols: readonly string[];
  /** Default 1m. */
  readonly interval?: string;
  /** When given, every emitted candle is written (batched). */
  readonly store?: Store;
  /** Replace the connection when nothing arrived for this long, ms (default 30 000). */
  readonly heartbeatMs?: number;
  /** Reconnect backoff: first delay and cap, ms (default 250 and 15 000). */
  readonly reconnectBaseMs?: number;
  readonly reconnectMaxMs?: number;
  /** Write when this many candles are buffered (default 500) or every flushMs (default 1000). */
  readonly batchSize?: number;
  readonly flushMs?: number;
  /** Continue from the newest stored candle (filling the hole up to the live stream over REST); default true. */
  readonly resumeFromStore?: boolean;
  /** WebSocket endpoint (default: the client's spot /ws URL). */
  readonly wsUrl?: string;
  readonly logger?: Logger;
};

export type SymbolStreamStats = {
  emitted: number;
  fromWs: number;
  fromRest: number;
  dropped: number;
  first: number | null;
  last: number | null;
};

export type StreamSummary = {
  interval: string;
  exchange: string;
  symbols: Record<string, SymbolStreamStats>;
  emitted: number;
  connections: number;
  reconnects: number;
  silentTimeouts: number;
  malformed: number;
  invalid: number;
  restFills: number;
  restFailures: number;
  stored: { inserted: number; updated: number; duplicates: number };
  writeFailures: number;
  ms: number;
};

type SymbolState = {
  readonly symbol: string;
  readonly key: SeriesKey;
  last: number | null;
  queue: Promise<void>;
  buffer: Candle[];
  readonly stats: SymbolStreamStats;
};

export class CandleStream {
  private readonly client: ExchangeClient;
  private readonly interval: string;
  private readonly iv: number;
  private readonly store: Store | undefined;
  private readonly log: Logger;
  private readonly heartbeatMs: number;
  private readonly opts: CandleStreamOptions;
  private readonly states = new Map<string, SymbolState>();
  private readonly listeners = new Set<CandleListener>();
  private readonly abort = new AbortController();
  private ws: WebSocket | null = null;
  private lastActivity = 0;
  private attempt = 0;
  private requestId = 0;
  private started = 0;
  private running = false;
  private stopping = false;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private readonly counters = { connections: 0, reconnects: 0, silentTimeouts: 0, malformed: 0, invalid: 0, restFills: 0, restFailures: 0, writeFailures: 0 };
  private readonly stored = { inserted: 0, updated: 0, duplicates: 0 };

  constructor(opts: CandleStreamOptions) {
    this.opts = opts;
    this.client = opts.client;
    this.interval = opts.interval ?? '1m';
    this.iv = intervalMs(this.interval);
    this.store = opts.store;
    this.log = opts.logger ?? opts.client.logger;
    this.heartbeatMs = opts.heartbeatMs ?? 30_000;
    for (const s of opts.symbols) {
      const symbol = s.toUpperCase();
      this.states.set(symbol, {
        symbol,
        key: { exchange: this.client.name, symbol, interval: this.interval },
        last: null,
        queue: Promise.resolve(),
        buffer: [],
        stats: { emitted: 0, fromWs: 0, fromRest: 0, dropped: 0, first: null, last: null },
      });
    }
  }

  /** Called for each emitted candle, in order per symbol. */
  onCandle(listener: CandleListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.started = performance.now();
    if (this.store && this.opts.resumeFromStore !== false) {
      for (const st of this.states.values()) st.last = await lastOpenTime(this.store, st.key);
    }
    const tick = Math.max(50, Math.min(1000, Math.floor(this.heartbeatMs / 4)));
    this.watchdog = setInterval(() => this.checkHeartbeat(), tick);
    if (this.store) this.flushTimer = setInterval(() => void this.flush(), this.opts.flushMs ?? 1000);
    this.connect();
  }

  /** Closes the socket, waits for pending REST fills, writes what is buffered and returns the summary. */
  async stop(): Promise<StreamSummary> {
    this.stopping = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.watchdog) clearInterval(this.watchdog);
    if (this.flushTimer) clearInterval(this.flushTimer);
    this.reconnectTimer = this.watchdog = this.flushTimer = null;
    this.abort.abort();
    const ws = this.ws;
    this.ws = null;
    if (ws) ws.terminate();
    await Promise.all([...this.states.values()].map((st) => st.queue.catch(() => undefined)));
    await this.flush();
    this.running = false;
    return this.summary();
  }

  /** Whether a WebSocket connection is open now. */
  get connected(): boolean {
    return this.ws !== null && this.ws.readyState === 1;
  }

  summary(): StreamSummary {
    const symbols: Record<string, SymbolStreamStats> = {};
    let emitted = 0;
    for (const st of this.states.values()) {
      symbols[st.symbol] = { ...st.stats };
      emitted += st.stats.emitted;
    }
    return {
      interval: this.interval,
      exchange: this.client.name,
      symbols,
      emitted,
      ...this.counters,
      stored: { ...this.stored },
      ms: Math.round(performance.now() - this.started),
    };
  }

  // ------------------------------------------------------------ connection

  private connect(): void {
    if (this.stopping) return;
    const url = this.opts.wsUrl ?? this.client.wsBaseUrl();
    const ws = new WebSocket(url, { handshakeTimeout: this.heartbeatMs });
    this.ws = ws;
    this.lastActivity = performance.now();
    this.counters.connections++;
    ws.on('open', () => {
      this.lastActivity = performance.now();
      const params = [...this.states.keys()].map((s) => klineStreamName(s, this.interval));
      ws.send(JSON.stringify({ method: 'SUBSCRIBE', params, id: ++this.requestId }));
      this.log.info({ url, streams: params }, 'stream connected');
    });
    ws.on('message', (data: WebSocket.RawData) => {
      if (this.ws !== ws) return;
      this.lastActivity = performance.now();
      this.onMessage(data.toString());
    });
    ws.on('ping', () => {
      this.lastActivity = performance.now();
    });
    ws.on('pong', () => {
      this.lastActivity = performance.now();
    });
    ws.on('error', (err: Error) => {
      this.log.warn({ err: err.message }, 'stream socket error');
    });
    ws.on('close', (code: number) => {
      if (this.ws !== ws) return;
      this.ws = null;
      if (this.stopping) return;
      this.log.warn({ code }, 'stream disconnected');
      this.scheduleReconnect();
    });
  }

  private scheduleReconnect(): void {
    if (this.stopping || this.reconnectTimer) return;
    const base = this.opts.reconnectBaseMs ?? 250;
    const cap = this.opts.reconnectMaxMs ?? 15_000;
    const d = Math.min(cap, base * 2 ** this.attempt);
    const wait = Math.round(d / 2 + (Math.random() * d) / 2);
    this.attempt++;
    this.counters.reconnects++;
    this.log.info({ waitMs: wait, attempt: this.attempt }, 'stream reconnecting');
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, wait);
  }

  private checkHeartbeat(): void {
    const ws = this.ws;
    if (!ws || this.stopping) return;
    const idle = performance.now() - this.lastActivity;
    if (idle > this.heartbeatMs) {
      this.counters.silentTimeouts++;
      this.log.warn({ idleMs: Math.round(idle) }, 'stream silent for too long, reconnecting');
      this.ws = null;
      ws.terminate();
      this.scheduleReconnect();
      return;
    }
    // ask for a pong when things are quiet; a healthy server answers, a stuck one does not
    if (idle > this.heartbeatMs / 2 && ws.readyState === WebSocket.OPEN) ws.ping();
  }

  // ------------------------------------------------------------ messages

  private onMessage(text: string): void {
    let msg: unknown;
    try {
      msg = JSON.parse(text);
    } catch {
      this.counters.malformed++;
      this.log.debug({ text: text.slice(0, 80) }, 'stream message is not JSON, ignored');
      return;
    }
    const parsed = parseKlineEvent(msg, intervalMs);
    if (parsed === null) {
      const m = msg as { error?: unknown; id?: unknown };
      if (m && typeof m === 'object' && m.error !== undefined) this.log.warn({ error: m.error, id: m.id }, 'stream request rejected');
      return;
    }
    if (!parsed.ok) {
      this.counters.invalid++;
      this.log.debug({ problem: parsed.problem }, 'invalid kline event ignored');
      return;
    }
    const ev = parsed.value;
    this.attempt = 0; // data flows: the connection is healthy
    if (!ev.closed || ev.interval !== this.interval) return;
    const st = this.states.get(ev.symbol);
    if (!st) return;
    const candle = ev.candle;
    st.queue = st.queue.then(() => this.accept(st, candle)).catch((e: unknown) => {
      this.log.error({ err: (e as Error).message, symbol: st.symbol }, 'stream candle handling failed');
    });
  }

  /** Runs in the symbol's queue: drop old, fill a hole over REST, then emit. */
  private async accept(st: SymbolState, c: Candle): Promise<void> {
    if (this.stopping) return;
    if (st.last !== null && c.openTime <= st.last) {
      st.stats.dropped++;
      return;
    }
    if (st.last !== null && c.openTime > st.last + this.iv) {
      const from = st.last + this.iv;
      const to = c.openTime - this.iv;
      try {
        await this.fillFromRest(st, from, to);
      } catch (e) {
        if (this.stopping) return;
        this.counters.restFailures++;
        // not emitted: the next closed candle retries the fill, which then covers this one too
        this.log.error({ symbol: st.symbol, from: new Date(from).toISOString(), to: new Date(to).toISOString(), err: (e as Error).message }, 'REST fill of missed candles failed');
        return;
      }
    }
    this.emitCandle(st, c, 'ws');
  }

  private async fillFromRest(st: SymbolState, from: number, to: number): Promise<void> {
    this.counters.restFills++;
    this.log.info({ symbol: st.symbol, from: new Date(from).toISOString(), to: new Date(to).toISOString(), missing: (to - from) / this.iv + 1 }, 'filling missed candles over REST');
    let since = from;
    while (since <= to) {
      const page = await this.client.fetchKlines(st.symbol, this.interval, since, this.client.pageSize, { until: to, signal: this.abort.signal });
      if (page.length === 0) break;
      for (const c of page) if (st.last === null || c.openTime > st.last) this.emitCandle(st, c, 'rest');
      since = page[page.length - 1]!.openTime + this.iv;
    }
  }

  private emitCandle(st: SymbolState, c: Candle, source: CandleSource): void {
    st.last = c.openTime;
    st.stats.emitted++;
    if (source === 'ws') st.stats.fromWs++;
    else st.stats.fromRest++;
    st.stats.first ??= c.openTime;
    st.stats.last = c.openTime;
    if (this.store) {
      st.buffer.push(c);
      if (st.buffer.length >= (this.opts.batchSize ?? 500)) void this.flush();
    }
    for (const l of this.listeners) {
      try {
        l(st.symbol, c, source);
      } catch (e) {
        this.log.error({ err: (e as Error).message }, 'candle listener failed');
      }
    }
  }

  /** Writes buffered candles (serialised); a failed write keeps its candles for the next flush. */
  flush(): Promise<void> {
    const store = this.store;
    if (!store) return Promise.resolve();
    this.flushing = this.flushing.then(async () => {
      for (const st of this.states.values()) {
        if (st.buffer.length === 0) continue;
        const batch = st.buffer;
        st.buffer = [];
        try {
          const w = await writeCandles(store, st.key, batch);
          this.stored.inserted += w.inserted;
          this.stored.updated += w.updated;
          this.stored.duplicates += w.duplicates;
        } catch (e) {
          this.counters.writeFailures++;
          st.buffer = batch.concat(st.buffer);
          this.log.error({ symbol: st.symbol, candles: batch.length, err: (e as Error).message }, 'storing streamed candles failed; will retry');
        }
      }
    });
    return this.flushing;
  }
}
