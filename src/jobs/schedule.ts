/**
 * Cron schedules (croner) driven by a clock that the caller advances: live passes the wall clock, replay
 * the simulated time of each candle — so jobs fire at their simulated times and a backtest runs them
 * exactly when live would have. Deterministic: the state is the next due time of each job.
 */
import { Cron } from 'croner';
import { AlphaPulseError } from '../core/errors.js';

export const JOB_NAMES = ['daily', 'weekly', 'hourly'] as const;
export type JobName = (typeof JOB_NAMES)[number];

/** Defaults: daily learning at 00:00 UTC, weekly retraining Sunday 02:00 UTC, hourly metrics. */
export const DEFAULT_SCHEDULE: Readonly<Record<JobName, string>> = { daily: '0 0 * * *', weekly: '0 2 * * 0', hourly: '0 * * * *' };

export type Due = { readonly job: JobName; readonly at: number };

export class JobSchedule {
  private readonly crons: Map<JobName, Cron>;
  private readonly next = new Map<JobName, number>();

  constructor(
    readonly patterns: Readonly<Record<JobName, string>> = DEFAULT_SCHEDULE,
    start?: number,
  ) {
    this.crons = new Map();
    for (const job of JOB_NAMES) {
      let cron: Cron;
      try {
        cron = new Cron(patterns[job], { timezone: 'UTC', paused: true });
      } catch (e) {
        throw new AlphaPulseError('AP_ERR_CONFIG', `jobs.${job}: "${patterns[job]}" is not a cron expression (${(e as Error).message})`);
      }
      this.crons.set(job, cron);
    }
    if (start !== undefined) this.startAt(start);
  }

  /** Sets each job's next due time to its first fire time after `t`. */
  startAt(t: number): void {
    for (const job of JOB_NAMES) this.next.set(job, this.after(job, t));
  }

  private after(job: JobName, t: number): number {
    const d = this.crons.get(job)!.nextRun(new Date(t));
    return d === null ? Number.POSITIVE_INFINITY : d.getTime();
  }

  /** Next due time of a job (∞ when it never fires). */
  nextDue(job: JobName): number {
    return this.next.get(job) ?? Number.POSITIVE_INFINITY;
  }

  /**
   * Every fire time at or before `now` not yet taken, in time order (a long gap yields each missed
   * run once, so job history has no holes), and advances the schedule past them.
   */
  takeDue(now: number, out: Due[] = []): Due[] {
    out.length = 0;
    if (this.next.size === 0) this.startAt(now - 1);
    for (;;) {
      let job: JobName | null = null;
      let at = Number.POSITIVE_INFINITY;
      for (const j of JOB_NAMES) {
        const t = this.next.get(j)!;
        if (t <= now && t < at) {
          at = t;
          job = j;
        }
      }
      if (job === null) return out;
      out.push({ job, at });
      this.next.set(job, this.after(job, at));
    }
  }

  snapshot(): Record<string, number | null> {
    const s: Record<string, number | null> = {};
    for (const [j, t] of this.next) s[j] = Number.isFinite(t) ? t : null;
    return s;
  }

  restore(s: Record<string, number | null>): void {
    for (const job of JOB_NAMES) if (job in s) this.next.set(job, s[job] ?? Number.POSITIVE_INFINITY);
  }

  stop(): void {
    for (const c of this.crons.values()) c.stop();
  }
}
