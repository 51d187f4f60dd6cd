/** /api/learning/*: performance, weights, improvements, recommendations, stats, rejections, scheduler, versions, actions. */
import type { FastifyInstance } from 'fastify';
import { TRIGGERABLE_JOBS, type TriggerableJob } from '../ports.js';
import {
  headWeightsQuery,
  headWeightsResponse,
  improvementsResponse,
  noQuery,
  performanceResponse,
  recommendationsResponse,
  rejectionAnalysisResponse,
  responses,
  rollbackBody,
  rollbackResponse,
  schedulerQuery,
  schedulerResponse,
  statsResponse,
  triggerResponse,
  versionsQuery,
  versionsResponse,
} from '../schemas.js';
import { rollback, triggerJob, getVersions } from '../services/control.js';
import { getHeadWeights } from '../services/head-weights.js';
import { getImprovements, TREND_RULE } from '../services/improvements.js';
import { getPerformance } from '../services/performance.js';
import { getRecommendations } from '../services/recommendations.js';
import { getRejectionAnalysis } from '../services/rejections.js';
import { getScheduler } from '../services/scheduler.js';
import { getStats } from '../services/stats.js';
import type { RouteContext } from './context.js';

const tags = ['learning'];
const secured = [{ bearerAuth: [] }];

export function learningRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { store, controls } = ctx;

  app.get(
    '/api/learning/performance',
    {
      schema: {
        tags,
        summary: 'Overall, per-head, per-regime and per-pattern performance of the resolved signals, and learning progress',
        description: 'From signal_history (tradeMetrics, effectiveness) and learning_events; every rate with its sample size.',
        querystring: noQuery,
        response: responses(performanceResponse),
      },
    },
    async () => getPerformance(store),
  );

  app.get<{ Querystring: { days: number; limit: number } }>(
    '/api/learning/head-weights',
    {
      schema: {
        tags,
        summary: 'Current head weights and the learning_state versions of the last N days',
        description: 'History oldest first; each version with its stored metrics and the resolved signals decided with it.',
        querystring: headWeightsQuery,
        response: responses(headWeightsResponse),
      },
    },
    async (req) => getHeadWeights(store, { days: req.query.days, limit: req.query.limit, now: ctx.now() }),
  );

  app.get(
    '/api/learning/improvements',
    {
      schema: {
        tags,
        summary: 'Week-over-week win rate and P/L, best and worst three heads, trend',
        description: `Trend rule: ${TREND_RULE.text}.`,
        querystring: noQuery,
        response: responses(improvementsResponse),
      },
    },
    async () => getImprovements(store),
  );

  app.get(
    '/api/learning/recommendations',
    {
      schema: {
        tags,
        summary: 'Rule-based suggestions with priority and the numbers behind them',
        querystring: noQuery,
        response: responses(recommendationsResponse),
      },
    },
    async () => getRecommendations(store),
  );

  app.get(
    '/api/learning/stats',
    {
      schema: {
        tags,
        summary: 'Outcomes processed, weight updates, monitor, stream and scheduler status, last update time',
        querystring: noQuery,
        response: responses(statsResponse),
      },
    },
    async () => getStats(store, controls),
  );

  app.get(
    '/api/learning/rejection-analysis',
    {
      schema: {
        tags,
        summary: 'Rejections by category, rejection accuracy, missed opportunities, good rejections, by day',
        querystring: noQuery,
        response: responses(rejectionAnalysisResponse),
      },
    },
    async () => getRejectionAnalysis(store),
  );

  app.get<{ Querystring: { job?: string; limit: number; offset: number } }>(
    '/api/learning/scheduler',
    {
      schema: {
        tags,
        summary: 'Jobs with their last and next run, and the run history (newest first)',
        querystring: schedulerQuery,
        response: responses(schedulerResponse),
      },
    },
    async (req) => getScheduler(store, controls, { ...(req.query.job !== undefined ? { job: req.query.job } : {}), limit: req.query.limit, offset: req.query.offset }),
  );

  for (const job of TRIGGERABLE_JOBS) {
    app.post(
      `/api/learning/trigger-${job}`,
      {
        onRequest: ctx.requireToken,
        schema: {
          tags,
          summary: `Run the ${job} job now`,
          description: 'Recorded in job_runs like a scheduled run. A job that ran and failed answers 200 with status "failed"; 409 AP_ERR_BUSY while the same job is already running.',
          security: secured,
          querystring: noQuery,
          response: responses(triggerResponse),
        },
      },
      async () => triggerJob(store, controls, job as TriggerableJob),
    );
  }

  app.get<{ Querystring: { limit: number; offset: number } }>(
    '/api/learning/versions',
    {
      schema: {
        tags,
        summary: 'learning_state versions, newest first, paged',
        querystring: versionsQuery,
        response: responses(versionsResponse),
      },
    },
    async (req) => getVersions(store, { limit: req.query.limit, offset: req.query.offset }),
  );

  app.post<{ Body: { version: number; reason?: string } }>(
    '/api/learning/rollback',
    {
      onRequest: ctx.requireToken,
      schema: {
        tags,
        summary: 'Activate an earlier learning_state version; the engine adopts it',
        description: '404 AP_ERR_NOT_FOUND when the version does not exist.',
        security: secured,
        querystring: noQuery,
        body: rollbackBody,
        response: responses(rollbackResponse),
      },
    },
    async (req) => rollback(store, controls, req.body.version, req.body.reason ?? 'manual rollback (API)'),
  );
}
