/**
 * The live service: the same engine as replay, fed from the candle store, which the exchange stream and
 * backfill keep complete. Start: migrations (openStore), the active learned state, the engine checkpoint
 * (with its indicator states) → backfill every symbol from its last stored candle to now → catch up the
 * engine on stored candles it has not seen → the live stream. A driver loop feeds newly stored candles to
 * the engine in time order (a minute once every symbol has it, or once the data moved on past it), runs
 * due jobs, and records each tick's events with a checkpoint — so a kill -9 at any moment and a restart
 * lose nothing and duplicate nothing. Paper trading: every signal is a simulated position with fees and
 * slippage, resolved by the outcome monitor and stored in signal_history.
 */
import type { AppConfig } from '../config/config.js';
import type { Candle } from '../core/candle.js';
import type { Logger } from '../core/logger.js';
import { engineSettings } from '../engine/configured.js';
import { Engine, type EngineEvent, type EngineState } from '../engine/engine.js';
import { EngineRecorder } from '../engine/engine-recorder.js';
import { backfill, type BackfillResult } from '../exchange/backfill.js';
import type { ExchangeClient } from '../exchange/client.js';
import { CandleStream } from '../exchange/stream.js';
import { createHeads } from '../heads/index.js';
import { thresholdVector } from '../consensus/consensus.js';
import { initialLearnedState } from '../learning/learned-state.js';
import { readCandles, lastOpenTime } from '../store/candles.js';
import type { Store } from '../store/database.js';
import { ensureInitialVersion, loadActive, loadCheckpoint, rollbackTo } from '../store/learning.js';
import type { JobName } from '../jobs/schedule.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

export type LiveServiceOptions = {
  readonly config: Readonly<AppConfig>;
  readonly store: Store;
  readonly client: ExchangeClient;
  readonly logger: Logger;
  readonly symbols: readonly string[];
  /** days of candles fed to a fresh engine before it trades (no checkpoint yet) */
  readonly warmupDays?: number;
  /** how often the driver looks for new stored candles, ms */
  readonly pollMs?: number;
  /** process a minute without a lagging symbol once another symbol is this many minutes further */
  readonly graceMinutes?: number;
  /** write the checkpoint every N recorder flushes (default 10) */
  readonly checkpointEvery?: number;
  readonly checkpointName?: string;
  /** called with every batch of engine events (API live updates, notifications) */
  readonly onEvents?: (events: readonly EngineEvent[]) => void;
  /** called with every candle the engine trades on */
  readonly onCandle?: (symbol: string, candle: Candle) => void;
};

export type StartupSummary = {
  database: string;
  learned: { version: number; mode: string; perRegime: boolean };
  checkpoint: { found: boolean; lastCandle: Record<string, string | null> };
  backfill: Record<string, Pick<BackfillResult, 'fetched' | 'inserted' | 'gapsBefore' | 'gapsAfter' | 'missingAfter'>>;
  catchUp: { candles: number; from: string | null; to: string | null };
  stream: { url: string; symbols: string[] };
  scheduler: Record<string, string | null>;
};

export type ServiceStatus = {
  startedAt: number;
  symbols: string[];
  stream: Record<string, { connected: boolean; lastCandle: number | null; emitted: number; reconnects: number }>;
  engine: { candles: number; openSignals: number; openShadows: number; version: number; lastCandle: Record<string, number | null>; counters: Record<string, number> };
  scheduler: Record<string, number | null>;
  paper: true;
};

export class LiveService {
  readonly engine: Engine;
  private readonly recorder: EngineRecorder;
  private stream: CandleStream | null = null;
  private readonly cursor = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly startedAt = Date.now();
  private processed = 0;
  private tradingFrom = 0;

  private constructor(
    private readonly opts: LiveServiceOptions,
    engine: Engine,
  ) {
    this.engine = engine;
    this.recorder = new EngineRecorder(opts.store, engine, { checkpoint: opts.checkpointName ?? 'live', checkpointEvery: opts.checkpointEvery ?? 10 });
  }

  /** Builds the engine from the database: the active learned state, then the checkpoint if there is one. */
  static async create(opts: LiveServiceOptions): Promise<{ service: LiveService; checkpoint: EngineState | null }> {
    const settings = engineSettings(opts.config);
    const initial = initialLearnedState(thresholdVector(settings.params.consensus), settings.learning.perRegime);
    const active = await ensureInitialVersion(opts.store, initial, settings.learning.mode, Date.now());
    const engine = new Engine({
      symbols: opts.symbols,
      params: settings.params,
      outcome: settings.outcome,
      learning: settings.learning,
      createHeads: (hp) => createHeads({ ...settings.params.heads, ...hp }),
      start: { version: active.version, state: active.state },
      jobs: { enabled: true },
    });
    let cp = await loadCheckpoint<EngineState>(opts.store, opts.checkpointName ?? 'live');
    const service = new LiveService(opts, engine);
    if (cp) {
      if (engine.fits(cp.state)) engine.restore(cp.state);
      else {
        // a deployed version changed head parameters, so the indicator sets differ: warm up afresh
        opts.logger.warn('engine checkpoint does not fit the active learned state; warming up from stored candles instead');
        cp = null;
      }
    }
    if (cp) {
      const now = await loadActive(opts.store);
      if (now && now.version !== engine.coordinator.version) engine.coordinator.adopt(now.version, now.state);
      for (const s of opts.symbols) {
        const last = cp.state.symbols[s]?.engine.lastOpenTime ?? null;
        if (last !== null) service.cursor.set(s, last);
      }
    }
    return { service, checkpoint: cp?.state ?? null };
  }

  private key(symbol: string) {
    return { exchange: this.opts.config.exchange.id, symbol, interval: '1m' };
  }

  /** Backfill, catch-up and stream; returns the startup summary. */
  async start(hadCheckpoint: boolean): Promise<StartupSummary> {
    const { store, client, symbols, logger } = this.opts;
    const exchangeNow = await client.lastClosedOpenTime('1m');
    const warmupDays = this.opts.warmupDays ?? 5;
    const bf: StartupSummary['backfill'] = {};
    for (const s of symbols) {
      const last = await lastOpenTime(store, this.key(s));
      const from = last === null ? exchangeNow - warmupDays * DAY : last;
      const r = await backfill(store, client, { symbol: s, from, to: exchangeNow });
      bf[s] = { fetched: r.fetched, inserted: r.inserted, gapsBefore: r.gapsBefore, gapsAfter: r.gapsAfter, missingAfter: r.missingAfter };
      logger.info({ symbol: s, fetched: r.fetched, inserted: r.inserted }, 'backfill done');
    }
    // A fresh engine warms up on the last days before trading from now on.
    if (!hadCheckpoint) {
      this.tradingFrom = exchangeNow;
      for (const s of symbols) this.cursor.set(s, exchangeNow - warmupDays * DAY - MINUTE);
    }
    const before = this.processed;
    const firstCatchUp = Math.min(...symbols.map((s) => this.cursor.get(s) ?? 0)) + MINUTE;
    await this.drive();
    const caught = this.processed - before;
    this.stream = new CandleStream({ client, store, symbols, heartbeatMs: this.opts.config.exchange.heartbeatMs, logger, flushMs: 500 });
    this.stream.onCandle(() => this.kick());
    await this.stream.start();
    this.timer = setInterval(() => this.kick(), this.opts.pollMs ?? 1000);
    const status = this.status();
    return {
      database: store.url,
      learned: { version: this.engine.coordinator.version, mode: this.engine.coordinator.mode, perRegime: this.engine.coordinator.perRegime },
      checkpoint: { found: hadCheckpoint, lastCandle: Object.fromEntries(symbols.map((s) => [s, this.cursor.has(s) ? new Date(this.cursor.get(s)!).toISOString() : null])) },
      backfill: bf,
      catchUp: { candles: caught, from: caught > 0 ? new Date(firstCatchUp).toISOString() : null, to: caught > 0 ? new Date(Math.max(...this.cursor.values())).toISOString() : null },
      stream: { url: client.wsBaseUrl(), symbols: [...symbols] },
      scheduler: Object.fromEntries(Object.entries(status.scheduler).map(([j, t]) => [j, t === null ? null : new Date(t).toISOString()])),
    };
  }

  /** Schedules a driver pass (serialised). */
  private kick(): void {
    if (this.stopped) return;
    this.ticking = this.ticking.then(() => this.drive()).catch((e: unknown) => this.opts.logger.error({ err: (e as Error).message }, 'engine driver failed; retrying on the next tick'));
  }

  /** Feeds every stored candle the engine has not seen, minute by minute, symbols in order; records. */
  private async drive(): Promise<void> {
    const { store, symbols } = this.opts;
    const grace = (this.opts.graceMinutes ?? 2) * MINUTE;
    for (;;) {
      const lists = await Promise.all(symbols.map((s) => readCandles(store, this.key(s), (this.cursor.get(s) ?? -MINUTE) + MINUTE, Number.MAX_SAFE_INTEGER)));
      const newest = Math.max(...lists.map((l) => (l.length ? l[l.length - 1]!.openTime : -Infinity)));
      if (!Number.isFinite(newest)) break;
      const byMinute = new Map<number, (Candle | undefined)[]>();
      lists.forEach((list, k) => {
        for (const c of list) {
          let row = byMinute.get(c.openTime);
          if (!row) byMinute.set(c.openTime, (row = new Array(symbols.length)));
          row[k] = c;
        }
      });
      const minutes = [...byMinute.keys()].sort((a, b) => a - b);
      let progressed = 0;
      for (const t of minutes) {
        const row = byMinute.get(t)!;
        const complete = row.every((c) => c !== undefined);
        if (!complete && newest - t < grace) break;
        for (let k = 0; k < symbols.length; k++) {
          const c = row[k];
          if (!c) continue;
          const s = symbols[k]!;
          const warm = c.openTime < this.tradingFrom;
          const events = this.engine.step(s, c, warm);
          this.cursor.set(s, c.openTime);
          this.processed++;
          progressed++;
          if (warm) continue;
          this.opts.onCandle?.(s, c);
          this.recorder.add(events);
          this.opts.onEvents?.(events);
          if (this.engine.hasPendingJobs) {
            const jobEvents = await this.engine.runPendingJobs();
            this.recorder.add(jobEvents);
            this.opts.onEvents?.(jobEvents);
          }
          if (this.recorder.full) await this.recorder.flush();
        }
      }
      if (this.recorder.pending > 0) await this.recorder.flush();
      if (progressed === 0) break;
    }
  }

  status(): ServiceStatus {
    const summary = this.stream ? { ...this.stream.summary(), connected: this.stream.connected } : null;
    const counters = this.engine.counters;
    const open = this.opts.symbols.map((s) => this.engine.openPositions(s));
    const schedule = this.engine.schedule;
    return {
      startedAt: this.startedAt,
      symbols: [...this.opts.symbols],
      stream: Object.fromEntries(
        this.opts.symbols.map((s) => [s, { connected: summary?.connected ?? false, lastCandle: summary?.symbols[s]?.last ?? null, emitted: summary?.symbols[s]?.emitted ?? 0, reconnects: summary?.reconnects ?? 0 }]),
      ),
      engine: {
        candles: this.processed,
        openSignals: open.reduce((n, o) => n + o.signals.length, 0),
        openShadows: open.reduce((n, o) => n + o.shadows.length, 0),
        version: this.engine.coordinator.version,
        lastCandle: Object.fromEntries(this.opts.symbols.map((s) => [s, this.cursor.get(s) ?? null])),
        counters: { ...counters },
      },
      scheduler: Object.fromEntries((['daily', 'weekly', 'hourly'] as JobName[]).map((j) => [j, schedule ? (Number.isFinite(schedule.nextDue(j)) ? schedule.nextDue(j) : null) : null])),
      paper: true,
    };
  }

  /** Runs a job now (manual trigger), recorded like a scheduled run. */
  async triggerJob(job: JobName): Promise<{ job: JobName; status: string; summary: string; at: number }> {
    let result = { job, status: 'failed', summary: 'not run', at: 0 };
    await (this.ticking = this.ticking.then(async () => {
      // the engine's clock: the close of the newest candle it has taken (live, that is about now)
      const at = Math.max(...[...this.cursor.values()].map((t) => t + MINUTE));
      const events = await this.engine.triggerJob(job, at);
      this.recorder.add(events);
      this.opts.onEvents?.(events);
      await this.recorder.flush();
      const run = events.find((e) => e.kind === 'job_run');
      if (run && run.kind === 'job_run') result = { job, status: run.status, summary: run.summary, at: run.at };
    }));
    return result;
  }

  /** Activates an earlier version and makes the engine adopt it now. */
  async rollback(version: number, reason: string): Promise<{ version: number }> {
    let out = { version: 0 };
    await (this.ticking = this.ticking.then(async () => {
      await this.recorder.flush();
      const v = await rollbackTo(this.opts.store, version, Date.now(), reason);
      this.engine.coordinator.adopt(v.version, v.state);
      out = { version: v.version };
    }));
    return out;
  }

  /** Stops taking candles, finishes the one in hand, flushes writes and the checkpoint. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.ticking;
    if (this.stream) await this.stream.stop();
    await this.drive();
    await this.recorder.flush(true);
  }
}
