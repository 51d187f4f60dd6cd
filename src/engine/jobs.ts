/**
 * The scheduled learning jobs, as functions of the engine's own state (no I/O, deterministic):
 *  - daily (00:00 UTC): the last 24 h of outcomes (real and shadow) → one incremental weight update at
 *    the daily rate, a threshold review, a daily report; skipped (and why) with fewer than 10 outcomes;
 *  - weekly (Sunday 02:00 UTC): a walk-forward search of head weights and per-regime thresholds over
 *    the cached votes of the last window, deployed only if it beats the current version on the held-out
 *    slice by more than the minimum improvement; needs 50 outcomes in the window;
 *  - hourly: a metrics snapshot.
 * A job that throws is reported as failed; the engine goes on.
 */
import { paramDefaults, type ParamTable, type ParamValues } from '../core/params.js';
import type { LearnedState } from '../learning/learned-state.js';
import type { LearningCoordinator, LearningEvent } from '../learning/coordinator.js';
import { WEEKLY_PARAMS, weeklySearch, type WeeklyParams } from '../learning/weekly-search.js';
import { headParamSearch, headSearchParamsFrom, type CreateHeads, type HeadParams } from '../learning/head-param-search.js';
import { createHeads } from '../heads/index.js';
import type { LearningOutcome, LearningParams } from '../learning/weights.js';
import type { OutcomeParams } from '../outcomes/resolve.js';
import type { JobName } from '../jobs/schedule.js';
import type { EngineParams } from './engine-params.js';
import type { VoteCache } from './vote-cache.js';

export const JOB_PARAMS = {
  dailyRate: { default: 0.03, min: 0.001, max: 0.5, doc: 'relative weight step per outcome in the daily update' },
  dailyMinOutcomes: { default: 10, min: 1, max: 100_000, integer: true, doc: 'outcomes in the last 24 h the daily update needs' },
} as const satisfies ParamTable;
export type JobParams = ParamValues<typeof JOB_PARAMS>;
export const DEFAULT_JOB_PARAMS: JobParams = paramDefaults(JOB_PARAMS);
export { WEEKLY_PARAMS };

export type RecentOutcome = { readonly time: number; readonly regime: number; readonly lo: LearningOutcome };

export type JobRunEvent = {
  readonly kind: 'job_run';
  readonly key: string;
  readonly job: JobName;
  /** scheduled (or trigger) time */
  readonly at: number;
  readonly status: 'ok' | 'skipped' | 'failed';
  readonly summary: string;
  readonly result: Record<string, unknown>;
  readonly error: string | null;
  readonly durationMs: number;
  readonly versionBefore: number;
  readonly versionAfter: number;
};

export type JobContext = {
  readonly coordinator: LearningCoordinator;
  readonly recent: readonly RecentOutcome[];
  readonly caches: readonly VoteCache[];
  readonly params: EngineParams;
  readonly outcome: OutcomeParams;
  readonly learningParams: LearningParams;
  readonly jobParams: JobParams;
  readonly weekly: WeeklyParams;
  readonly counters: Readonly<Record<string, number>>;
  readonly evaluate?: Parameters<typeof weeklySearch>[1];
};

type JobBody = { status: JobRunEvent['status']; summary: string; result: Record<string, unknown>; events: LearningEvent[] };

const DAY = 86_400_000;

function daily(ctx: JobContext, at: number): JobBody {
  const c = ctx.coordinator;
  const last = ctx.recent.filter((o) => o.time > at - DAY && o.time <= at);
  const real = last.filter((o) => !o.lo.shadow);
  const wins = real.filter((o) => o.lo.won).length;
  const base = { outcomes: last.length, real: real.length, shadow: last.length - real.length, realWins: wins, realWinRate: real.length ? wins / real.length : null };
  if (c.mode === 'off') return { status: 'skipped', summary: 'learning is off: weights and thresholds stay static', result: base, events: [] };
  if (last.length < ctx.jobParams.dailyMinOutcomes) {
    return { status: 'skipped', summary: `${last.length} outcomes in the last 24 h; the daily update needs ${ctx.jobParams.dailyMinOutcomes}`, result: base, events: [] };
  }
  const events: LearningEvent[] = [];
  const before = c.state();
  const w = c.dailyUpdate(`daily:${at}`, at, last, ctx.jobParams.dailyRate);
  if (w) events.push(w);
  for (const t of c.reviewThresholds(at)) events.push(t);
  const after = c.state();
  return {
    status: 'ok',
    summary: `${last.length} outcomes (${real.length} real, ${wins} won); weights ${w ? 'updated' : 'unchanged (under 1%)'}; ${events.length - (w ? 1 : 0)} threshold changes`,
    result: { ...base, weightsBefore: before.headWeights, weightsAfter: after.headWeights, thresholdsBefore: before.thresholds, thresholdsAfter: after.thresholds, regimeWeightsAfter: after.regimeWeights },
    events,
  };
}

async function weekly(ctx: JobContext, at: number): Promise<JobBody> {
  const c = ctx.coordinator;
  const windowStart = at - ctx.weekly.windowDays * DAY;
  const inWindow = ctx.recent.filter((o) => o.time > windowStart && o.time <= at).length;
  const base = { outcomesInWindow: inWindow };
  if (c.mode === 'off') return { status: 'skipped', summary: 'learning is off: parameters stay static', result: base, events: [] };
  if (inWindow < ctx.weekly.minOutcomes) {
    return { status: 'skipped', summary: `${inWindow} outcomes in the ${ctx.weekly.windowDays}-day window; the weekly search needs ${ctx.weekly.minOutcomes}`, result: base, events: [] };
  }
  const state = c.state();
  const current = { weights: Float64Array.from(c.vectors.weights), thresholds: Float64Array.from(c.vectors.thresholds) };
  const r = await weeklySearch(
    {
      caches: ctx.caches,
      now: at,
      current,
      perRegime: c.perRegime,
      params: ctx.params,
      outcome: ctx.outcome,
      weekly: ctx.weekly,
      learning: ctx.learningParams,
    },
    ctx.evaluate,
  );
  if (r.status === 'skipped') return { status: 'skipped', summary: `kept version ${c.version}: ${r.reason}`, result: { ...base, search: r }, events: [] };
  const vectorsWon = r.status === 'deploy' && r.best !== null;
  // Stage 2: head parameters (the heads re-run over the window), judged with the vectors stage 1 chose.
  const chosen = vectorsWon ? { weights: Float64Array.from(r.best!.weights), thresholds: Float64Array.from(r.best!.thresholds) } : current;
  // The engine's createHeads when the job context carries it (else the CLI's: configured overrides, then the learned ones).
  const makeHeads = (ctx as JobContext & { readonly createHeads?: CreateHeads }).createHeads ?? ((hp: HeadParams) => createHeads({ ...ctx.params.heads, ...hp }));
  const hs = headParamSearch({
    caches: ctx.caches,
    now: at,
    vectors: chosen,
    headParams: state.headParams,
    baseHeadParams: ctx.params.heads,
    createHeads: makeHeads,
    params: ctx.params,
    outcome: ctx.outcome,
    weekly: ctx.weekly,
    head: headSearchParamsFrom(ctx.weekly),
  });
  const headsWon = hs.status === 'deploy' && hs.best !== null;
  const headNote = headsWon
    ? 'new head parameters are stored with this version and take effect when the engine is (re)started from it (the running engine keeps the heads it was started with)'
    : null;
  const result = { ...base, search: r, headSearch: hs, deployed: { vectors: vectorsWon, headParams: headsWon }, headParamsApply: headNote };
  const summary = `${r.reason}; head parameters: ${hs.reason}`;
  if (!vectorsWon && !headsWon) return { status: 'ok', summary: `kept version ${c.version}: ${summary}`, result, events: [] };
  const w = vectorsWon ? r.best!.weights : null;
  const next: LearnedState = {
    headWeights: w ? w.slice(0, 9) : state.headWeights,
    regimeWeights: w ? (c.perRegime ? [0, 1, 2, 3].map((k) => w.slice(k * 9, k * 9 + 9)) : null) : state.regimeWeights,
    thresholds: vectorsWon ? r.best!.thresholds : state.thresholds,
    headParams: headsWon ? hs.best!.headParams : state.headParams,
  };
  c.deploy(at, next);
  const what = vectorsWon && headsWon ? 'weights, thresholds and head parameters' : vectorsWon ? 'weights and thresholds' : 'head parameters';
  return { status: 'ok', summary: `deployed version ${c.version} (${what}${headsWon ? '; head parameters apply on engine restart from this version' : ''}): ${summary}`, result, events: [] };
}

function hourly(ctx: JobContext): JobBody {
  const c = ctx.coordinator;
  return { status: 'ok', summary: `version ${c.version}; ${ctx.counters.decisions ?? 0} decisions, ${ctx.counters.signals ?? 0} signals so far`, result: { version: c.version, ...c.counts, ...ctx.counters }, events: [] };
}

/** Runs one job; never throws (a failure is the job's result). */
export async function runJob(job: JobName, at: number, ctx: JobContext): Promise<{ run: JobRunEvent; events: LearningEvent[] }> {
  const versionBefore = ctx.coordinator.version;
  const started = performance.now();
  let body: JobBody;
  let error: string | null = null;
  try {
    body = job === 'daily' ? daily(ctx, at) : job === 'weekly' ? await weekly(ctx, at) : hourly(ctx);
  } catch (e) {
    error = (e as Error).message ?? String(e);
    body = { status: 'failed', summary: `failed: ${error}`, result: {}, events: [] };
  }
  const run: JobRunEvent = {
    kind: 'job_run',
    key: `job:${job}:${at}`,
    job,
    at,
    status: body.status,
    summary: body.summary,
    result: body.result,
    error,
    durationMs: performance.now() - started,
    versionBefore,
    versionAfter: ctx.coordinator.version,
  };
  return { run, events: body.events };
}
