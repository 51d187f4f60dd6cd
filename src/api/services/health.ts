/**
 * GET /health: the database answers a trivial query (within a timeout) and a summary of the service.
 * 'ok' = database up and every stream connected; 'degraded' = database up but a stream is down or the
 * service status is unavailable; 'down' = the database does not answer (HTTP 503).
 */
import type { Store } from '../../store/database.js';
import { pingStore } from '../../store/database.js';
import type { ServiceControls } from '../ports.js';
import { cleanStatus } from './stats.js';

export const DB_PING_TIMEOUT_MS = 2000;

export type Health = {
  status: 'ok' | 'degraded' | 'down';
  time: number;
  db: { ok: boolean; dialect: string; latencyMs: number };
  service: {
    weightsVersion: number;
    candlesProcessed: number;
    openSignals: number;
    startedAt: number;
    uptimeSeconds: number;
    streams: { total: number; connected: number };
  } | null;
};

async function ping(store: Store): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), DB_PING_TIMEOUT_MS);
  });
  try {
    return await Promise.race([pingStore(store), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function getHealth(store: Store, controls: ServiceControls, now: number): Promise<Health> {
  const started = performance.now();
  const dbOk = await ping(store);
  const latencyMs = Math.round((performance.now() - started) * 1000) / 1000;
  let service: Health['service'] = null;
  try {
    const s = cleanStatus(controls.status());
    service = {
      weightsVersion: s.engine.weightsVersion,
      candlesProcessed: s.engine.candlesProcessed,
      openSignals: s.engine.openSignals,
      startedAt: s.engine.startedAt,
      uptimeSeconds: Math.max(0, Math.round((now - s.engine.startedAt) / 1000)),
      streams: { total: s.streams.length, connected: s.streams.filter((x) => x.connected).length },
    };
  } catch {
    service = null;
  }
  const status = !dbOk ? 'down' : service === null || service.streams.connected < service.streams.total ? 'degraded' : 'ok';
  return { status, time: now, db: { ok: dbOk, dialect: store.dialect, latencyMs }, service };
}
