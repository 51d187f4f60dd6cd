/**
 * GET /api/learning/scheduler: each job with its last run (job_runs), its next run (from the running
 * service's scheduler) and run counts by status; and the run history, newest first, paged.
 */
import { sql } from 'kysely';
import { JOB_NAMES } from '../../jobs/schedule.js';
import type { Store } from '../../store/database.js';
import { TRIGGERABLE_JOBS, type ServiceControls } from '../ports.js';
import { num, num0, rows } from './common.js';
import { cleanStatus } from './stats.js';

export type JobRun = { job: string; scheduledFor: number; startedAt: number; finishedAt: number; durationMs: number; status: string; summary: string; error: string | null };

export type SchedulerView = {
  jobs: {
    job: string;
    schedule: string | null;
    nextRun: number | null;
    triggerable: boolean;
    lastRun: JobRun | null;
    runs: { total: number; ok: number; skipped: number; failed: number };
  }[];
  history: { total: number; limit: number; offset: number; items: JobRun[] };
};

type RunRow = { job: string; scheduled_for: number; started_at: number; finished_at: number; duration_ms: number; status: string; summary: string; error: string | null };

function run(r: RunRow): JobRun {
  return {
    job: r.job,
    scheduledFor: num0(r.scheduled_for),
    startedAt: num0(r.started_at),
    finishedAt: num0(r.finished_at),
    durationMs: num0(r.duration_ms),
    status: r.status,
    summary: r.summary,
    error: r.error ?? null,
  };
}

export async function getScheduler(store: Store, controls: ServiceControls, opts: { job?: string; limit: number; offset: number }): Promise<SchedulerView> {
  const status = cleanStatus(controls.status());
  const counts = await rows(store, sql<{ job: string; status: string; n: number }>`SELECT job, status, COUNT(*) AS n FROM job_runs GROUP BY job, status`);
  const names = [...new Set<string>([...JOB_NAMES, ...status.scheduler.map((j) => j.job), ...counts.map((c) => c.job)])];
  const jobs: SchedulerView['jobs'] = [];
  for (const job of names) {
    const last = await rows(
      store,
      sql<RunRow>`SELECT job, scheduled_for, started_at, finished_at, duration_ms, status, summary, error FROM job_runs WHERE job = ${job} ORDER BY scheduled_for DESC LIMIT 1`,
    );
    const runs = { total: 0, ok: 0, skipped: 0, failed: 0 };
    for (const c of counts) {
      if (c.job !== job) continue;
      const n = num0(c.n);
      runs.total += n;
      if (c.status === 'ok' || c.status === 'skipped' || c.status === 'failed') runs[c.status] += n;
    }
    const sched = status.scheduler.find((j) => j.job === job);
    jobs.push({
      job,
      schedule: sched?.schedule ?? null,
      nextRun: num(sched?.nextRun),
      triggerable: (TRIGGERABLE_JOBS as readonly string[]).includes(job),
      lastRun: last[0] ? run(last[0]) : null,
      runs,
    });
  }
  const filter = opts.job === undefined ? sql`1 = 1` : sql`job = ${opts.job}`;
  const [total] = await rows(store, sql<{ n: number }>`SELECT COUNT(*) AS n FROM job_runs WHERE ${filter}`);
  const items = await rows(
    store,
    sql<RunRow>`SELECT job, scheduled_for, started_at, finished_at, duration_ms, status, summary, error FROM job_runs WHERE ${filter}
      ORDER BY scheduled_for DESC, job LIMIT ${opts.limit} OFFSET ${opts.offset}`,
  );
  return { jobs, history: { total: num0(total?.n), limit: opts.limit, offset: opts.offset, items: items.map(run) } };
}
