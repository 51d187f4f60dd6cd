/**
 * The REST API as a Fastify instance: a thin HTTP layer (schemas, auth, rate limit, errors, metrics,
 * OpenAPI) over the plain service functions in ./services, which read the store and the running
 * service's controls. Binding (127.0.0.1 by default) and the lifecycle belong to the service that calls
 * buildApp and then app.listen(...).
 *
 * Decisions (see src/api/README.md):
 * - GETs are open, every POST needs `Authorization: Bearer <token>` (constant-time check);
 * - rate limit per client IP on every route except /health and /metrics (probes and scrapers must never
 *   be throttled into looking down); unknown routes are rate limited too (no cheap URL guessing);
 * - unknown query parameters are rejected (400), so a typo never silently returns unfiltered data.
 */
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest, type onRequestHookHandler } from 'fastify';
import { AlphaPulseError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { Store } from '../store/database.js';
import { mapError } from './errors.js';
import { bearerCheck } from './http/auth.js';
import { HttpMetrics } from './http/prometheus.js';
import type { ServiceControls } from './ports.js';
import type { RouteContext } from './routes/context.js';
import { learningRoutes } from './routes/learning.js';
import { marketRoutes } from './routes/market.js';
import { systemRoutes } from './routes/system.js';
import { errorSchema } from './schemas.js';

export type { ServiceControls } from './ports.js';

export type ApiDeps = {
  readonly store: Store;
  readonly controls: ServiceControls;
  /** bearer token every POST must present (at least 16 characters) */
  readonly token: string;
  /** pino logger; silent when absent */
  readonly logger?: Logger;
  /** requests per client per window (default 600 per minute) */
  readonly rateLimit?: { readonly max: number; readonly timeWindowMs: number };
  /** the clock (default Date.now): "the last N days", uptime */
  readonly now?: () => number;
};

/** Request lines at debug (a busy API must not flood the service's log at info); errors are logged by the error handler. */
class QuietRequestLog extends LogController {
  override incomingRequest(): void {}
  override requestCompleted(_error: Error | null | undefined, req: FastifyRequest, reply: FastifyReply): void {
    req.log.debug({ method: req.method, route: req.routeOptions.url ?? 'unmatched', status: reply.statusCode, ms: Math.round(reply.elapsedTime * 100) / 100 }, 'request');
  }
  override routeNotFound(): void {}
}

export const DEFAULT_RATE_LIMIT = { max: 600, timeWindowMs: 60_000 } as const;
export const API_VERSION = '1.0.0';

export async function buildApp(deps: ApiDeps): Promise<FastifyInstance> {
  const checkToken = bearerCheck(deps.token);
  const limit = deps.rateLimit ?? DEFAULT_RATE_LIMIT;
  if (!(Number.isInteger(limit.max) && limit.max > 0) || !(Number.isInteger(limit.timeWindowMs) && limit.timeWindowMs > 0)) {
    throw new AlphaPulseError('AP_ERR_CONFIG', `rateLimit: max and timeWindowMs must be positive integers (got ${limit.max}, ${limit.timeWindowMs})`);
  }
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    logController: new QuietRequestLog(),
    bodyLimit: 16 * 1024,
    ajv: {
      customOptions: {
        // unknown parameters are errors, not silently dropped; `verbose` gives the error formatter the value and schema
        removeAdditional: false,
        coerceTypes: 'array',
        useDefaults: true,
        allErrors: false,
        verbose: true,
      },
    },
  }) as unknown as FastifyInstance;

  const http = new HttpMetrics();
  const requireToken: onRequestHookHandler = async (req) => {
    checkToken(req.headers.authorization);
  };
  const ctx: RouteContext = { store: deps.store, controls: deps.controls, now: deps.now ?? Date.now, requireToken, http };

  app.addSchema(errorSchema);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'AlphaPulse API',
        version: API_VERSION,
        description:
          'Learning performance, signals, candles and control of the running AlphaPulse service. GETs are open; every POST needs `Authorization: Bearer <token>`. ' +
          'Errors: `{"error":{"code":"AP_ERR_…","message":"…"}}`. Times are epoch milliseconds (UTC); percentages are in percent.',
      },
      tags: [
        { name: 'learning', description: 'learning performance, weights, recommendations, jobs, versions' },
        { name: 'signals', description: 'open and closed signals' },
        { name: 'market', description: 'stored candles' },
        { name: 'system', description: 'health, metrics, live events' },
      ],
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: true });

  await app.register(fastifyRateLimit, {
    global: true,
    max: limit.max,
    timeWindow: limit.timeWindowMs,
    errorResponseBuilder: (_req, context) => ({
      statusCode: context.statusCode,
      code: 'AP_ERR_RATE_LIMITED',
      message: `too many requests: at most ${context.max} per ${limit.timeWindowMs / 1000} s per client; retry in ${context.after}`,
    }),
  });

  app.setErrorHandler((err, req, reply) => {
    const m = mapError(err);
    if (m.log) req.log.error({ err, method: req.method, url: req.url }, 'request failed');
    else req.log.debug({ code: m.body.error.code, method: req.method, url: req.url }, m.body.error.message);
    if (m.status === 401) reply.header('www-authenticate', 'Bearer realm="alphapulse"');
    reply.code(m.status).type('application/json; charset=utf-8').send(m.body);
  });

  app.setNotFoundHandler({ preHandler: app.rateLimit() }, (req, reply) => {
    const path = req.url.split('?')[0]!.slice(0, 200);
    reply.code(404).type('application/json; charset=utf-8').send({ error: { code: 'AP_ERR_NOT_FOUND', message: `no route ${req.method} ${path}` } });
  });

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    http.observe(req.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });

  learningRoutes(app, ctx);
  marketRoutes(app, ctx);
  systemRoutes(app, ctx);
  return app;
}
