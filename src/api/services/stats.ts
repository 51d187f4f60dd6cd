/**
 * GET /api/learning/stats: learning counts from the store, and what the running service reports of its
 * monitor (engine), streams and scheduler. Only the fields named here leave the service.
 */
import { sql } from 'kysely';
import type { Store } from '../../store/database.js';
import type { EngineStatus, ServiceControls, ServiceStatus, StreamStatus } from '../ports.js';
import { learningCounts, loadActiveVersion, type LearningCounts } from './analysis.js';
import { countRows } from './common.js';

export type Stats = {
  learning: LearningCounts & { currentVersion: number | null; mode: string | null };
  signals: { open: number; closed: number };
  shadows: { tracked: number; resolved: number };
  monitor: EngineStatus;
  streams: StreamStatus[];
  scheduler: { job: string; nextRun: number | null; schedule: string | null }[];
};

/** Copies only the documented fields of the service status (nothing else can leak through). */
export function cleanStatus(s: ServiceStatus): { engine: EngineStatus; streams: StreamStatus[]; scheduler: Stats['scheduler'] } {
  return {
    engine: {
      candlesProcessed: s.engine.candlesProcessed,
      openSignals: s.engine.openSignals,
      openShadows: s.engine.openShadows,
      weightsVersion: s.engine.weightsVersion,
      startedAt: s.engine.startedAt,
    },
    streams: s.streams.map((x) => ({ symbol: x.symbol, connected: x.connected, lastCandleTime: x.lastCandleTime, reconnects: x.reconnects })),
    scheduler: s.scheduler.jobs.map((j) => ({ job: j.job, nextRun: j.nextRun, schedule: j.schedule ?? null })),
  };
}

export async function getStats(store: Store, controls: ServiceControls): Promise<Stats> {
  const status = cleanStatus(controls.status());
  const [counts, active, open, closed, shadows, shadowsResolved] = await Promise.all([
    learningCounts(store),
    loadActiveVersion(store),
    countRows(store, 'live_signals'),
    countRows(store, 'signal_history'),
    countRows(store, 'rejected_signals'),
    countRows(store, 'rejected_signals', sql`result IS NOT NULL`),
  ]);
  return {
    learning: { ...counts, currentVersion: active?.version ?? null, mode: active?.mode ?? null },
    signals: { open, closed },
    shadows: { tracked: shadows - shadowsResolved, resolved: shadowsResolved },
    monitor: status.engine,
    streams: status.streams,
    scheduler: status.scheduler,
  };
}
