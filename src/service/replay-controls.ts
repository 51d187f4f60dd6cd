/**
 * ServiceControls over an engine that has finished a replay (the demo): the API serves what the replay
 * recorded; jobs and rollbacks act on that engine at the time of its last candle, recorded like live.
 */
import type { ServiceControls, ServiceStatus } from '../api/ports.js';
import type { Engine } from '../engine/engine.js';
import type { EngineRecorder } from '../engine/engine-recorder.js';
import { DEFAULT_SCHEDULE, JOB_NAMES } from '../jobs/schedule.js';
import type { Store } from '../store/database.js';
import { rollbackTo } from '../store/learning.js';
import type { LiveEvents } from './live-events.js';

export function replayControls(store: Store, engine: Engine, recorder: EngineRecorder, live: LiveEvents, symbols: readonly string[], lastTime: number): ServiceControls {
  const startedAt = Date.now();
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const p = queue.then(fn);
    queue = p.catch(() => undefined);
    return p;
  };
  return {
    status(): ServiceStatus {
      const open = symbols.map((s) => engine.openPositions(s));
      return {
        streams: symbols.map((symbol) => ({ symbol, connected: false, lastCandleTime: lastTime, reconnects: 0 })),
        engine: {
          candlesProcessed: engine.counters.decisions ?? 0,
          openSignals: open.reduce((n, o) => n + o.signals.length, 0),
          openShadows: open.reduce((n, o) => n + o.shadows.length, 0),
          weightsVersion: engine.coordinator.version,
          startedAt,
        },
        scheduler: { jobs: JOB_NAMES.map((job) => ({ job, nextRun: engine.schedule ? engine.schedule.nextDue(job) : null, schedule: DEFAULT_SCHEDULE[job] })) },
      };
    },
    triggerJob: (job) =>
      serial(async () => {
        const events = await engine.triggerJob(job, lastTime + 60_000);
        recorder.add(events);
        live.events(events);
        await recorder.flush();
        const run = events.find((e) => e.kind === 'job_run');
        return run && run.kind === 'job_run' ? { job, status: run.status, summary: run.summary, at: run.at } : { job, status: 'failed' as const, summary: 'no run', at: lastTime };
      }),
    rollback: (version, reason) =>
      serial(async () => {
        await recorder.flush();
        const v = await rollbackTo(store, version, Date.now(), reason);
        engine.coordinator.adopt(v.version, v.state);
        return { version: v.version };
      }),
    subscribe: (listener) => live.subscribe(listener),
  };
}
