/** /health, /metrics and the live event stream /api/events (SSE). */
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { renderFamilies } from '../http/prometheus.js';
import type { LiveEvent } from '../ports.js';
import { healthResponse, noQuery, responses, textResponse } from '../schemas.js';
import { getHealth } from '../services/health.js';
import { serviceFamilies } from '../services/metrics.js';
import type { RouteContext } from './context.js';

/** Keys that never leave the service in an event, at any depth. */
const SECRET_KEY = /^(api[-_]?key|api[-_]?secret|secret|secret[-_]?key|password|passphrase|token|authorization|private[-_]?key)$/i;

/** A JSON-safe copy of an event's data without secret-looking keys. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 20) return null;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    if (value instanceof Date) return value.getTime();
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (!SECRET_KEY.test(k)) out[k] = redact(v, depth + 1);
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (typeof value === 'bigint') return Number(value);
  return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
}

export const SSE_HEARTBEAT_MS = 15_000;

export function systemRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { store, controls } = ctx;
  const streams = new Set<ServerResponse>();

  app.get(
    '/health',
    {
      config: { rateLimit: false },
      schema: {
        tags: ['system'],
        summary: 'Database ping and a status summary; 503 when the database does not answer',
        querystring: noQuery,
        response: responses(healthResponse, { 503: healthResponse }),
      },
    },
    async (_req, reply) => {
      const h = await getHealth(store, controls, ctx.now());
      if (h.status === 'down') reply.code(503);
      reply.header('cache-control', 'no-store');
      return h;
    },
  );

  app.get(
    '/metrics',
    {
      config: { rateLimit: false },
      schema: {
        tags: ['system'],
        summary: 'Prometheus metrics (text exposition format 0.0.4)',
        querystring: noQuery,
        response: responses(textResponse('text/plain', 'Prometheus text format')),
      },
    },
    async (_req, reply) => {
      const families = [...(await serviceFamilies(store, controls)), ...ctx.http.families()];
      reply.type('text/plain; version=0.0.4; charset=utf-8').header('cache-control', 'no-store');
      return renderFamilies(families);
    },
  );

  app.get(
    '/api/events',
    {
      schema: {
        tags: ['system'],
        summary: 'Live events (Server-Sent Events): signals, outcomes, weight updates, job runs',
        description: 'Each event: `event: <type>` and `data: <JSON>`; a comment line every 15 s keeps the connection open.',
        querystring: noQuery,
        response: responses(textResponse('text/event-stream', 'an endless event stream')),
      },
    },
    (req, reply) => {
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write('retry: 5000\n: connected\n\n');
      streams.add(res);
      const listener = (e: LiveEvent) => {
        if (res.writableEnded) return;
        const type = String(e?.type ?? 'message').replace(/[^\w.:-]/g, '_') || 'message';
        let data: string;
        try {
          data = JSON.stringify(redact(e?.data)) ?? 'null';
        } catch {
          data = 'null';
        }
        res.write(`event: ${type}\ndata: ${data}\n\n`);
      };
      const unsubscribe = controls.subscribe(listener);
      const heartbeat = setInterval(() => {
        if (!res.writableEnded) res.write(': ping\n\n');
      }, SSE_HEARTBEAT_MS);
      heartbeat.unref();
      let closed = false;
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        streams.delete(res);
        try {
          unsubscribe();
        } catch (err) {
          req.log.warn({ err }, 'unsubscribing an event stream failed');
        }
      };
      res.on('close', close);
    },
  );

  // open event streams would keep the server from closing
  app.addHook('preClose', async () => {
    for (const res of streams) res.end();
  });
}
