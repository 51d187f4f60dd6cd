/**
 * What the API needs from the running service, as one port. The live service implements it (stream,
 * engine, scheduler); tests use a fake. Everything else the API reads comes from the store.
 * Times are UTC epoch milliseconds.
 */

/** Jobs that can be triggered through the API. */
export const TRIGGERABLE_JOBS = ['daily', 'weekly'] as const;
export type TriggerableJob = (typeof TRIGGERABLE_JOBS)[number];

/** The candle stream of one symbol. */
export type StreamStatus = {
  readonly symbol: string;
  /** the WebSocket is open and receiving */
  readonly connected: boolean;
  /** open time of the last closed candle received, null before the first */
  readonly lastCandleTime: number | null;
  /** reconnections since the service started */
  readonly reconnects: number;
};

export type EngineStatus = {
  /** closed candles stepped through the engine since the service started */
  readonly candlesProcessed: number;
  readonly openSignals: number;
  /** shadow positions (rejected candidates being followed) */
  readonly openShadows: number;
  /** the learned-state version the engine decides with */
  readonly weightsVersion: number;
  readonly startedAt: number;
};

export type ScheduledJobStatus = {
  /** 'daily' | 'weekly' | 'hourly' */
  readonly job: string;
  /** next due time, null when the job never fires or the scheduler is stopped */
  readonly nextRun: number | null;
  /** cron pattern (UTC), when known */
  readonly schedule?: string;
};

export type ServiceStatus = {
  readonly streams: readonly StreamStatus[];
  readonly engine: EngineStatus;
  readonly scheduler: { readonly jobs: readonly ScheduledJobStatus[] };
};

export type TriggeredJob = {
  readonly job: TriggerableJob;
  readonly status: 'ok' | 'skipped' | 'failed';
  readonly summary: string;
  /** the trigger time (the run's identity in job_runs) */
  readonly at: number;
};

/** A live event for the SSE stream (signal, outcome, weights_updated, job_run, …). */
export type LiveEvent = { readonly type: string; readonly data: unknown };

export interface ServiceControls {
  /** A snapshot of the running service; cheap, synchronous. */
  status(): ServiceStatus;
  /** Runs a job now (recorded in job_runs like a scheduled run). */
  triggerJob(job: TriggerableJob): Promise<TriggeredJob>;
  /** Activates `version` (recorded as a rollback event) and makes the engine adopt it. */
  rollback(version: number, reason: string): Promise<{ version: number }>;
  /** Live events; returns the unsubscribe function. */
  subscribe(listener: (event: LiveEvent) => void): () => void;
}
