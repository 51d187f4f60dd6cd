/**
 * The HTTP policy of the API, on SQLite and PostgreSQL: input validation (400 naming the parameter),
 * unknown routes, error mapping without details or stacks, bearer auth on POSTs, rate limiting (and its
 * exemptions), the OpenAPI document, the live event stream, /health when the database is gone, and
 * every endpoint on an empty database.
 */
import { request, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.js';
import { AlphaPulseError } from '../../src/core/errors.js';
import type { Store } from '../../src/store/database.js';
import { STORE_CASES, cleanupStores } from '../helpers/databases.js';
import { defaultStatus, fakeControls, type FakeControls } from './fake-controls.js';
import { AUTH, EXPECTED_ROUTES, TOKEN, json, makeApp, parsePrometheus } from './helpers.js';

afterAll(cleanupStores);

type Obj = Record<string, unknown>;

function errorOf(body: string): { code: string; message: string } {
  const parsed = JSON.parse(body) as { error: { code: string; message: string } };
  expect(Object.keys(parsed)).toEqual(['error']);
  expect(Object.keys(parsed.error).sort()).toEqual(['code', 'message']);
  return parsed.error;
}

describe.each(STORE_CASES.map((c) => [c.name, c] as const))('API HTTP policy on %s', (_name, sc) => {
  let store: Store;
  let app: FastifyInstance;
  let controls: FakeControls;

  beforeAll(async () => {
    if (!sc.available) return;
    store = await sc.open();
    ({ app, controls } = await makeApp(store));
  });

  afterAll(async () => {
    await app?.close();
  });

  it.skipIf(!sc.available)('every endpoint answers on an empty database (zeros, nulls, empty lists)', async () => {
    const p = await json<{ overall: Obj; heads: Obj[]; learning: Obj }>(app, '/api/learning/performance');
    expect(p.overall).toMatchObject({ trades: 0, winRate: null, profitFactor: null, openSignals: 0 });
    expect(p.heads).toHaveLength(9);
    expect(p.learning.currentVersion).toBeNull();
    expect((await json<{ current: unknown; history: unknown[] }>(app, '/api/learning/head-weights')).current).toBeNull();
    expect((await json<{ trend: Obj }>(app, '/api/learning/improvements')).trend.direction).toBe('insufficient_data');
    const rec = await json<{ recommendations: Obj[] }>(app, '/api/learning/recommendations');
    expect(rec.recommendations.map((r) => r.kind)).toEqual(['too_few_outcomes']);
    expect((await json<{ signals: Obj }>(app, '/api/learning/stats')).signals).toEqual({ open: 0, closed: 0 });
    expect((await json<{ totals: Obj }>(app, '/api/learning/rejection-analysis')).totals).toMatchObject({ candidates: 0, rejectionAccuracy: null });
    expect((await json<{ history: Obj }>(app, '/api/learning/scheduler')).history).toMatchObject({ total: 0, items: [] });
    expect(await json(app, '/api/signals')).toMatchObject({ total: 0, items: [] });
    expect(await json(app, '/api/learning/versions')).toMatchObject({ total: 0, items: [], activeVersion: null });
    expect((await json<{ status: string }>(app, '/health')).status).toBe('ok');
    parsePrometheus((await app.inject({ method: 'GET', url: '/metrics' })).body);
  });

  it.skipIf(!sc.available)('bad query values → 400 AP_ERR_BAD_INPUT naming the parameter', async () => {
    const cases: [string, string][] = [
      ['/api/learning/head-weights?days=abc', 'days'],
      ['/api/learning/head-weights?days=0', 'days'],
      ['/api/learning/head-weights?days=1.5', 'days'],
      ['/api/signals?limit=-1', 'limit'],
      ['/api/signals?limit=1001', 'limit'],
      ['/api/signals?offset=-3', 'offset'],
      ['/api/signals?status=maybe', 'status'],
      ['/api/signals?status=open&status=closed', 'status'],
      ['/api/signals?symbol=bad!', 'symbol'],
      ['/api/signals?symbol=', 'symbol'],
      ['/api/signals?from=yesterday', 'from'],
      ['/api/signals?to=2025-02-30', 'to'],
      ['/api/signals?from=2025-06-03&to=2025-06-02', 'from'],
      ['/api/signals?limt=5', 'limt'],
      ['/api/learning/performance?x=1', 'x'],
      ['/api/candles', 'symbol'],
      ['/api/candles?symbol=BTCUSDT&interval=7m', 'interval'],
      ['/api/candles?symbol=BTCUSDT&limit=0', 'limit'],
      ['/api/candles?symbol=BTCUSDT&exchange=Bin%20ance', 'exchange'],
      ['/api/learning/scheduler?job=monthly', 'job'],
      ['/api/learning/versions?offset=abc', 'offset'],
    ];
    for (const [url, name] of cases) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(400);
      const e = errorOf(r.body);
      expect(e.code, url).toBe('AP_ERR_BAD_INPUT');
      expect(e.message, url).toMatch(new RegExp(`\\b${name}\\b`));
    }
  });

  it.skipIf(!sc.available)('bad bodies → 400 naming the field; malformed JSON and wrong content types are client errors', async () => {
    const post = (payload: string, contentType = 'application/json') => app.inject({ method: 'POST', url: '/api/learning/rollback', headers: { ...AUTH, 'content-type': contentType }, payload });
    for (const [payload, name] of [
      ['{"version":"two"}', 'version'],
      ['{"version":-1}', 'version'],
      ['{}', 'version'],
      ['{"version":1,"extra":true}', 'extra'],
      ['{"version":1,"reason":""}', 'reason'],
    ] as const) {
      const r = await post(payload);
      expect(r.statusCode, payload).toBe(400);
      const e = errorOf(r.body);
      expect(e).toMatchObject({ code: 'AP_ERR_BAD_INPUT' });
      expect(e.message).toContain(name);
    }
    const broken = await post('{"version":');
    expect(broken.statusCode).toBe(400);
    expect(errorOf(broken.body).code).toBe('AP_ERR_BAD_INPUT');
    const text = await post('version=1', 'text/plain');
    expect(text.statusCode).toBe(400);
    expect(errorOf(text.body).message).toMatch(/body must be an object/);
    const xml = await post('<version>1</version>', 'application/xml');
    expect(xml.statusCode).toBe(415);
    expect(errorOf(xml.body).code).toBe('AP_ERR_UNSUPPORTED_MEDIA_TYPE');
    const big = await post(JSON.stringify({ version: 1, reason: 'x'.repeat(20_000) }));
    expect(big.statusCode).toBe(413);
    expect(errorOf(big.body).code).toBe('AP_ERR_PAYLOAD_TOO_LARGE');
  });

  it.skipIf(!sc.available)('unknown routes and methods → 404 in the same error shape', async () => {
    for (const [method, url] of [
      ['GET', '/nope'],
      ['GET', '/api/learning'],
      ['DELETE', '/api/signals'],
      ['GET', '/api/learning/trigger-daily'],
    ] as const) {
      const r = await app.inject({ method, url });
      expect(r.statusCode, `${method} ${url}`).toBe(404);
      expect(errorOf(r.body)).toEqual({ code: 'AP_ERR_NOT_FOUND', message: `no route ${method} ${url}` });
    }
  });

  it.skipIf(!sc.available)('POSTs need the bearer token; a wrong one, another scheme or a near miss is 401', async () => {
    const url = '/api/learning/trigger-weekly';
    const bad = [undefined, '', 'Bearer', `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `Basic ${TOKEN}`, `Bearer  ${TOKEN} extra`, TOKEN];
    for (const authorization of bad) {
      const r = await app.inject({ method: 'POST', url, headers: authorization === undefined ? {} : { authorization } });
      expect(r.statusCode, String(authorization)).toBe(401);
      expect(errorOf(r.body).code).toBe('AP_ERR_UNAUTHORIZED');
      expect(r.body).not.toContain(TOKEN);
    }
    expect(controls.triggered).toEqual([]);
    // the auth check comes before body validation: no hint about the body without the token
    const r = await app.inject({ method: 'POST', url: '/api/learning/rollback', payload: { nonsense: true } });
    expect(r.statusCode).toBe(401);
    const ok = await app.inject({ method: 'POST', url, headers: { authorization: `bearer ${TOKEN}` } });
    expect(ok.statusCode).toBe(200);
    expect(controls.triggered).toEqual(['weekly']);
  });

  it.skipIf(!sc.available)('a job is not triggered twice at once (409 AP_ERR_BUSY)', async () => {
    const release = controls.holdJobs();
    const first = app.inject({ method: 'POST', url: '/api/learning/trigger-daily', headers: AUTH });
    await new Promise((r) => setTimeout(r, 50));
    const second = await app.inject({ method: 'POST', url: '/api/learning/trigger-daily', headers: AUTH });
    expect(second.statusCode).toBe(409);
    expect(errorOf(second.body).code).toBe('AP_ERR_BUSY');
    release();
    expect((await first).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/learning/trigger-daily', headers: AUTH })).statusCode).toBe(200);
  });

  it.skipIf(!sc.available)('errors: registry statuses; 5xx without details, no stack traces ever', async () => {
    const c = fakeControls(store);
    const { app: a } = await makeApp(store, { controls: c });
    try {
      c.setStatus(new Error('boom at /secret/path/file.ts:12 with password=hunter2'));
      const r = await a.inject({ method: 'GET', url: '/api/learning/stats' });
      expect(r.statusCode).toBe(500);
      expect(errorOf(r.body)).toEqual({ code: 'AP_ERR_INTERNAL', message: 'internal error' });
      c.setStatus(new AlphaPulseError('AP_ERR_DB_UNREACHABLE', 'PostgreSQL at postgres://admin:pw@10.0.0.1 does not answer'));
      const u = await a.inject({ method: 'GET', url: '/api/learning/scheduler' });
      expect(u.statusCode).toBe(503);
      expect(errorOf(u.body)).toEqual({ code: 'AP_ERR_DB_UNREACHABLE', message: 'the database server does not answer' });
      c.setStatus(new AlphaPulseError('AP_ERR_EXCHANGE_PAYLOAD', 'bad payload from https://api.binance.com?signature=abc'));
      const p = await a.inject({ method: 'GET', url: '/metrics' });
      expect(p.statusCode).toBe(502);
      expect(p.body).not.toContain('signature');
      for (const body of [r.body, u.body, p.body]) expect(body).not.toMatch(/\n\s+at |\.ts:\d+|hunter2|pw@/);
      // /health still answers (the database is fine), only the service part is missing
      const h = await json<{ status: string; service: unknown }>(a, '/health');
      expect(h).toMatchObject({ status: 'degraded', service: null });
    } finally {
      await a.close();
    }
  });

  it.skipIf(!sc.available)('exchange keys and other secrets never reach a response', async () => {
    const c = fakeControls(store);
    const leaky = defaultStatus();
    c.setStatus({
      ...leaky,
      engine: { ...leaky.engine, apiKey: 'KEY-123', secret: 'SECRET-456' } as typeof leaky.engine,
      streams: leaky.streams.map((s) => ({ ...s, exchange: { apiKey: 'KEY-123' } })) as typeof leaky.streams,
    } as typeof leaky & { apiKey: string });
    const { app: a } = await makeApp(store, { controls: c });
    try {
      for (const url of ['/api/learning/stats', '/api/learning/scheduler', '/health', '/metrics', '/api/learning/performance']) {
        const r = await a.inject({ method: 'GET', url });
        expect(r.statusCode, url).toBe(200);
        expect(r.body, url).not.toMatch(/KEY-123|SECRET-456|apiKey/);
      }
    } finally {
      await a.close();
    }
  });

  it.skipIf(!sc.available)('rate limit per client: 429 in the error shape; /health and /metrics exempt; unknown routes limited too', async () => {
    const { app: a } = await makeApp(store, { rateLimit: { max: 3, timeWindowMs: 60_000 } });
    try {
      for (let i = 0; i < 3; i++) expect((await a.inject({ method: 'GET', url: '/api/signals' })).statusCode).toBe(200);
      const r = await a.inject({ method: 'GET', url: '/api/learning/versions' });
      expect(r.statusCode).toBe(429);
      expect(errorOf(r.body).code).toBe('AP_ERR_RATE_LIMITED');
      expect(r.headers['retry-after']).toBeDefined();
      expect((await a.inject({ method: 'GET', url: '/nope' })).statusCode).toBe(429);
      for (let i = 0; i < 10; i++) {
        expect((await a.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
        expect((await a.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
      }
      // another client is not affected
      expect((await a.inject({ method: 'GET', url: '/api/signals', remoteAddress: '127.0.0.2' })).statusCode).toBe(200);
    } finally {
      await a.close();
    }
  });

  it.skipIf(!sc.available)('the OpenAPI document lists every route with its schemas; /docs serves the UI', async () => {
    const doc = await json<{ openapi: string; paths: Record<string, Record<string, Obj>>; components: { schemas: Obj; securitySchemes: Obj } }>(app, '/docs/json');
    expect(doc.openapi).toMatch(/^3\./);
    const listed = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`));
    expect(listed.sort()).toEqual(EXPECTED_ROUTES.map(([m, p]) => `${m} ${p}`).sort());
    for (const [m, p] of EXPECTED_ROUTES) {
      const op = doc.paths[p]![m]! as { responses: Record<string, unknown>; security?: unknown; summary?: string };
      expect(op.summary, p).toBeTruthy();
      expect(Object.keys(op.responses), p).toEqual(expect.arrayContaining(['200', '4XX', '5XX']));
      if (m === 'post') expect(op.security, p).toEqual([{ bearerAuth: [] }]);
    }
    expect((doc.paths['/api/signals']!.get! as { parameters: { name: string }[] }).parameters.map((x) => x.name).sort()).toEqual(['from', 'limit', 'offset', 'status', 'symbol', 'to']);
    expect(doc.components.schemas).toHaveProperty('ApiError');
    expect(doc.components.securitySchemes).toHaveProperty('bearerAuth');
    // every route answers something other than 404 (what the document lists exists)
    for (const [m, p] of EXPECTED_ROUTES) {
      if (p === '/api/events') continue;
      const r = await app.inject({ method: m.toUpperCase() as 'GET' | 'POST', url: p === '/api/candles' ? `${p}?symbol=BTCUSDT` : p, headers: AUTH, ...(p.endsWith('rollback') ? { payload: { version: 1 } } : {}) });
      expect(r.statusCode === 404 ? errorOf(r.body).message : 'found', p).not.toMatch(/^no route/);
    }
    const ui = await app.inject({ method: 'GET', url: '/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
    expect((await app.inject({ method: 'GET', url: '/docs/static/swagger-ui.css' })).statusCode).toBe(200);
  });

  it.skipIf(!sc.available)('GET /api/events streams live events (secrets removed) and unsubscribes when the client goes', async () => {
    const c = fakeControls(store);
    const { app: a } = await makeApp(store, { controls: c });
    await a.listen({ host: '127.0.0.1', port: 0 });
    try {
      const { port } = a.server.address() as { port: number };
      const res = await new Promise<IncomingMessage>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/api/events' }, resolve);
        req.on('error', reject);
        req.end();
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
      res.setEncoding('utf8');
      let text = '';
      const got = (needle: string) =>
        new Promise<void>((resolve) => {
          const check = () => {
            if (text.includes(needle)) {
              res.off('data', onData);
              resolve();
            }
          };
          const onData = (d: string) => {
            text += d;
            check();
          };
          res.on('data', onData);
          check();
        });
      await got(': connected');
      expect(c.listeners.size).toBe(1);
      c.emit({ type: 'signal', data: { id: 'BTCUSDT-1', apiKey: 'KEY-123', nested: { secret: 'S', ok: 1 } } });
      c.emit({ type: 'bad\ntype', data: { n: Infinity } });
      await got('event: bad_type');
      expect(text).toContain('event: signal\ndata: {"id":"BTCUSDT-1","nested":{"ok":1}}\n\n');
      expect(text).toContain('data: {"n":null}');
      expect(text).not.toContain('KEY-123');
      res.destroy();
      for (let i = 0; i < 50 && c.listeners.size > 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(c.listeners.size).toBe(0);
    } finally {
      await a.close();
    }
  });

  it.skipIf(!sc.available)('an open event stream does not keep the server from closing', async () => {
    const c = fakeControls(store);
    const { app: a } = await makeApp(store, { controls: c });
    await a.listen({ host: '127.0.0.1', port: 0 });
    const { port } = a.server.address() as { port: number };
    const res = await new Promise<IncomingMessage>((resolve) => request({ host: '127.0.0.1', port, path: '/api/events' }, resolve).end());
    const ended = new Promise<void>((resolve) => res.on('end', resolve).resume());
    await a.close();
    await ended;
    expect(c.listeners.size).toBe(0);
  });

  it.skipIf(!sc.available)('/health is 503 when the database does not answer', async () => {
    const dead = await sc.open();
    const { app: a } = await makeApp(dead);
    try {
      expect((await a.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
      await dead.close();
      const r = await a.inject({ method: 'GET', url: '/health' });
      expect(r.statusCode).toBe(503);
      expect(JSON.parse(r.body)).toMatchObject({ status: 'down', db: { ok: false } });
      // other endpoints fail without details
      const p = await a.inject({ method: 'GET', url: '/api/learning/performance' });
      expect(p.statusCode).toBeGreaterThanOrEqual(500);
      expect(p.body).not.toMatch(/\n\s+at /);
    } finally {
      await a.close();
    }
  });

  it.skipIf(!sc.available)('buildApp refuses a short token and a bad rate limit', async () => {
    await expect(buildApp({ store, controls, token: 'short' })).rejects.toMatchObject({ code: 'AP_ERR_CONFIG' });
    await expect(buildApp({ store, controls, token: TOKEN, rateLimit: { max: 0, timeWindowMs: 1000 } })).rejects.toThrow(/rateLimit/);
  });
});
