/** Engine events as small JSON messages for live clients (SSE), with a bounded fan-out. */
import type { Candle } from '../core/candle.js';
import type { EngineEvent } from '../engine/engine.js';
import { directionName, REGIMES } from '../heads/types.js';

export type LiveMessage = { type: 'candle' | 'signal' | 'outcome' | 'weights' | 'job'; data: unknown };
export type LiveListener = (m: LiveMessage) => void;

export class LiveEvents {
  private readonly listeners = new Set<LiveListener>();

  subscribe(listener: LiveListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }

  private emit(m: LiveMessage): void {
    for (const l of this.listeners) {
      try {
        l(m);
      } catch {
        this.listeners.delete(l);
      }
    }
  }

  candle(symbol: string, c: Candle): void {
    if (this.listeners.size === 0) return;
    this.emit({ type: 'candle', data: { symbol, openTime: c.openTime, open: c.open, high: c.high, low: c.low, close: c.close, volume: c.volume } });
  }

  events(events: readonly EngineEvent[]): void {
    if (this.listeners.size === 0) return;
    for (const e of events) {
      if (e.kind === 'decision' && e.decision.action === 'signal') {
        const d = e.decision;
        this.emit({ type: 'signal', data: { id: `${d.symbol}-${d.time}`, symbol: d.symbol, time: d.time, direction: directionName(d.direction), entry: d.entry, stop: d.stop, target: d.target, confidence: d.confidence, regime: REGIMES[d.regime], status: 'open' } });
      } else if (e.kind === 'outcome' && !e.shadow) {
        this.emit({ type: 'outcome', data: { ...e.outcome } });
      } else if (e.kind === 'weights_updated' && !e.shadow) {
        this.emit({ type: 'weights', data: { version: e.versionAfter, weights: e.after, time: e.time } });
      } else if (e.kind === 'job_run') {
        this.emit({ type: 'job', data: { job: e.job, at: e.at, status: e.status, summary: e.summary } });
      }
    }
  }
}
