/**
 * Notifications: a JSON POST to a webhook and/or a Telegram bot message on signals, outcomes, weight
 * updates and job results. Sending is asynchronous, bounded (a full queue drops the oldest and counts it)
 * and never throws: a failing receiver is logged and the engine goes on. The bot token is never logged.
 */
import type { AppConfig } from '../config/config.js';
import type { Logger } from '../core/logger.js';
import { directionName, REGIMES } from '../heads/types.js';
import type { EngineEvent } from '../engine/engine.js';

export type Notification = { kind: 'signal' | 'outcome' | 'weights' | 'job'; time: number; text: string; data: Record<string, unknown> };

export type NotifierStats = { sent: number; failed: number; dropped: number };

export class Notifier {
  private queue: Notification[] = [];
  private sending: Promise<void> = Promise.resolve();
  readonly stats: NotifierStats = { sent: 0, failed: 0, dropped: 0 };
  private readonly enabled: boolean;

  constructor(
    private readonly cfg: Readonly<AppConfig>['notifications'],
    private readonly telegramToken: string | undefined,
    private readonly logger: Logger,
    private readonly maxQueue = 1000,
    private readonly timeoutMs = 5000,
  ) {
    this.enabled = cfg.webhookUrl !== undefined || (cfg.telegram !== undefined && telegramToken !== undefined);
  }

  /** Turns engine events into notifications (cold path: only for the kinds configured). */
  handle(events: readonly EngineEvent[]): void {
    if (!this.enabled) return;
    const want = new Set(this.cfg.events);
    for (const e of events) {
      if (e.kind === 'decision' && e.decision.action === 'signal' && want.has('signal')) {
        const d = e.decision;
        this.push({
          kind: 'signal',
          time: d.time,
          text: `AlphaPulse signal: ${d.symbol} ${directionName(d.direction)} at ${d.entry}, stop ${d.stop.toPrecision(8)}, target ${d.target.toPrecision(8)} (confidence ${d.confidence.toFixed(2)}, ${REGIMES[d.regime]})`,
          data: { symbol: d.symbol, direction: directionName(d.direction), entry: d.entry, stop: d.stop, target: d.target, confidence: d.confidence, regime: REGIMES[d.regime] },
        });
      } else if (e.kind === 'outcome' && !e.shadow && want.has('outcome')) {
        const o = e.outcome;
        this.push({
          kind: 'outcome',
          time: o.exitTime,
          text: `AlphaPulse outcome: ${o.symbol} ${o.direction > 0 ? 'LONG' : 'SHORT'} ${o.result.toUpperCase()} ${o.netPct >= 0 ? '+' : ''}${o.netPct.toFixed(2)}% net`,
          data: { ...o },
        });
      } else if (e.kind === 'weights_updated' && !e.shadow && want.has('weights')) {
        this.push({ kind: 'weights', time: e.time, text: `AlphaPulse weights v${e.versionAfter}: ${e.after.map((w) => w.toFixed(3)).join(' ')}`, data: { version: e.versionAfter, before: e.before, after: e.after } });
      } else if (e.kind === 'job_run' && e.job !== 'hourly' && want.has('job')) {
        this.push({ kind: 'job', time: e.at, text: `AlphaPulse ${e.job} job ${e.status}: ${e.summary}`, data: { job: e.job, status: e.status, summary: e.summary } });
      }
    }
  }

  private push(n: Notification): void {
    this.queue.push(n);
    if (this.queue.length > this.maxQueue) {
      this.queue.shift();
      this.stats.dropped++;
    }
    this.sending = this.sending.then(() => this.drain());
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const n = this.queue.shift()!;
      if (this.cfg.webhookUrl) await this.post(this.cfg.webhookUrl, n, 'webhook');
      if (this.cfg.telegram && this.telegramToken) {
        await this.post(`${this.cfg.telegram.apiUrl.replace(/\/$/, '')}/bot${this.telegramToken}/sendMessage`, { chat_id: this.cfg.telegram.chatId, text: n.text }, 'telegram');
      }
    }
  }

  private async post(url: string, body: unknown, what: string): Promise<void> {
    try {
      const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(this.timeoutMs) });
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      this.stats.sent++;
    } catch (e) {
      this.stats.failed++;
      this.logger.warn({ receiver: what, err: (e as Error).message }, 'notification failed');
    }
  }

  /** Waits for the queue to empty (tests, shutdown). */
  async idle(): Promise<void> {
    await this.sending;
  }
}
