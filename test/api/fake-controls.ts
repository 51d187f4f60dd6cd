/**
 * A fake of the running service for API tests: a fixed status, job triggers and rollbacks recorded
 * (the rollback really activates the version in the store, like the service does), and events pushed
 * to subscribers on demand.
 */
import type { LiveEvent, ServiceControls, ServiceStatus, TriggerableJob, TriggeredJob } from '../../src/api/ports.js';
import type { Store } from '../../src/store/database.js';
import { rollbackTo } from '../../src/store/learning.js';

export type FakeControls = ServiceControls & {
  readonly triggered: TriggerableJob[];
  readonly rollbacks: { version: number; reason: string }[];
  readonly listeners: Set<(e: LiveEvent) => void>;
  emit(e: LiveEvent): void;
  /** replaces what status() returns (or makes it throw) */
  setStatus(s: ServiceStatus | Error): void;
  /** makes the next triggers wait until the returned function is called */
  holdJobs(): () => void;
};

export const FAKE_STARTED_AT = Date.UTC(2025, 5, 1);

export function defaultStatus(overrides: Partial<ServiceStatus> = {}): ServiceStatus {
  return {
    streams: [
      { symbol: 'BTCUSDT', connected: true, lastCandleTime: Date.UTC(2025, 5, 5, 23, 59), reconnects: 2 },
      { symbol: 'ETHUSDT', connected: true, lastCandleTime: Date.UTC(2025, 5, 5, 23, 59), reconnects: 0 },
    ],
    engine: { candlesProcessed: 14_400, openSignals: 1, openShadows: 3, weightsVersion: 7, startedAt: FAKE_STARTED_AT },
    scheduler: {
      jobs: [
        { job: 'daily', nextRun: Date.UTC(2025, 5, 6), schedule: '0 0 * * *' },
        { job: 'weekly', nextRun: Date.UTC(2025, 5, 8, 2), schedule: '0 2 * * 0' },
        { job: 'hourly', nextRun: Date.UTC(2025, 5, 6), schedule: '0 * * * *' },
      ],
    },
    ...overrides,
  };
}

export function fakeControls(store: Store | null, opts: { now?: () => number } = {}): FakeControls {
  let status: ServiceStatus | Error = defaultStatus();
  let hold: Promise<void> | null = null;
  const triggered: TriggerableJob[] = [];
  const rollbacks: { version: number; reason: string }[] = [];
  const listeners = new Set<(e: LiveEvent) => void>();
  const now = opts.now ?? Date.now;
  return {
    triggered,
    rollbacks,
    listeners,
    status() {
      if (status instanceof Error) throw status;
      return status;
    },
    setStatus(s) {
      status = s;
    },
    holdJobs() {
      let release!: () => void;
      hold = new Promise<void>((r) => (release = r));
      return () => {
        hold = null;
        release();
      };
    },
    async triggerJob(job): Promise<TriggeredJob> {
      triggered.push(job);
      if (hold) await hold;
      return { job, status: 'skipped', summary: `${job} job: nothing to do in the fake`, at: now() };
    },
    async rollback(version, reason) {
      rollbacks.push({ version, reason });
      if (store) await rollbackTo(store, version, now(), reason);
      return { version };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(e) {
      for (const l of listeners) l(e);
    },
  };
}
