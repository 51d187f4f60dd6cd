/** Helpers for the API tests: building the app, reading JSON, parsing the Prometheus text format. */
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { buildApp, type ApiDeps } from '../../src/api/app.js';
import type { Store } from '../../src/store/database.js';
import { fakeControls, type FakeControls } from './fake-controls.js';

export const TOKEN = 'test-token-0123456789abcdef';
export const AUTH = { authorization: `Bearer ${TOKEN}` };

/** Every route of the API (method and path as in the OpenAPI document). */
export const EXPECTED_ROUTES: readonly (readonly [string, string])[] = [
  ['get', '/api/learning/performance'],
  ['get', '/api/learning/head-weights'],
  ['get', '/api/learning/improvements'],
  ['get', '/api/learning/recommendations'],
  ['get', '/api/learning/stats'],
  ['get', '/api/learning/rejection-analysis'],
  ['get', '/api/learning/scheduler'],
  ['post', '/api/learning/trigger-daily'],
  ['post', '/api/learning/trigger-weekly'],
  ['get', '/api/learning/versions'],
  ['post', '/api/learning/rollback'],
  ['get', '/api/signals'],
  ['get', '/api/candles'],
  ['get', '/health'],
  ['get', '/metrics'],
  ['get', '/api/events'],
];

export type TestApp = { app: FastifyInstance; controls: FakeControls };

export async function makeApp(store: Store, opts: Partial<ApiDeps> & { controls?: FakeControls } = {}): Promise<TestApp> {
  const controls = opts.controls ?? fakeControls(store, opts.now ? { now: opts.now } : {});
  const app = await buildApp({ store, controls, token: TOKEN, rateLimit: { max: 100_000, timeWindowMs: 60_000 }, ...opts });
  return { app, controls };
}

/** GET (or POST) and parse JSON; fails the test with the body when the status is not the expected one. */
export async function json<T = Record<string, unknown>>(app: FastifyInstance, url: string, opts: { method?: 'GET' | 'POST'; status?: number; headers?: Record<string, string>; payload?: unknown } = {}): Promise<T> {
  const r = await app.inject({ method: opts.method ?? 'GET', url, ...(opts.headers ? { headers: opts.headers } : {}), ...(opts.payload !== undefined ? { payload: opts.payload as object } : {}) });
  if (r.statusCode !== (opts.status ?? 200)) throw new Error(`${opts.method ?? 'GET'} ${url}: expected ${opts.status ?? 200}, got ${r.statusCode}: ${r.body}`);
  return JSON.parse(r.body) as T;
}

/** One number from a query (COUNT, SUM, …). */
export async function scalar(store: Store, text: string): Promise<number> {
  const r = await sql.raw<Record<string, unknown>>(text).execute(store.db);
  const v = Object.values(r.rows[0] ?? {})[0];
  return v === null || v === undefined ? 0 : Number(v);
}

export type PromSample = { name: string; labels: Record<string, string>; value: number };

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?[ ]+(\S+)(?:[ ]+(-?\d+))?$/;
const LABEL = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\["\\n])*)"(,|$)/;

function parseValue(v: string): number {
  if (v === '+Inf') return Infinity;
  if (v === '-Inf') return -Infinity;
  if (v === 'NaN') return NaN;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v)) throw new Error(`"${v}" is not a sample value`);
  return Number(v);
}

/**
 * A strict parser of the Prometheus text exposition format 0.0.4: HELP/TYPE lines, samples with escaped
 * label values, every sample belonging to a family TYPEd before it (histogram samples as _bucket, _sum,
 * _count with `le` on buckets), no duplicate series, text ending with a newline. Throws on any violation.
 */
export function parsePrometheus(text: string): { samples: PromSample[]; types: Map<string, string>; help: Map<string, string> } {
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a newline');
  const types = new Map<string, string>();
  const help = new Map<string, string>();
  const samples: PromSample[] = [];
  const seen = new Set<string>();
  const lines = text.slice(0, -1).split('\n');
  lines.forEach((line, i) => {
    const where = `line ${i + 1} "${line}"`;
    if (line.trim() === '') return;
    if (line.startsWith('#')) {
      const m = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line);
      if (!m) return; // a plain comment
      if (!NAME.test(m[2]!)) throw new Error(`${where}: bad metric name`);
      if (m[1] === 'TYPE') {
        if (!['counter', 'gauge', 'histogram', 'summary', 'untyped'].includes(m[3]!)) throw new Error(`${where}: bad type`);
        if (types.has(m[2]!)) throw new Error(`${where}: TYPE given twice`);
        types.set(m[2]!, m[3]!);
      } else help.set(m[2]!, m[3]!);
      return;
    }
    const m = SAMPLE.exec(line);
    if (!m) throw new Error(`${where}: not a sample`);
    const name = m[1]!;
    const labels: Record<string, string> = {};
    let rest = m[3] ?? '';
    while (rest.length > 0) {
      const l = LABEL.exec(rest);
      if (!l) throw new Error(`${where}: bad labels at "${rest}"`);
      if (l[1]! in labels) throw new Error(`${where}: label ${l[1]} twice`);
      labels[l[1]!] = l[2]!.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
      rest = rest.slice(l[0].length);
    }
    const family = types.has(name) ? name : name.replace(/_(bucket|sum|count)$/, '');
    const type = types.get(family);
    if (type === undefined) throw new Error(`${where}: no TYPE for ${name}`);
    if (family !== name && type !== 'histogram' && type !== 'summary') throw new Error(`${where}: suffix on a ${type}`);
    if (name.endsWith('_bucket') && type === 'histogram' && !('le' in labels)) throw new Error(`${where}: bucket without le`);
    const value = parseValue(m[4]!);
    if (type === 'counter' && !(value >= 0)) throw new Error(`${where}: a counter must be >= 0`);
    const key = `${name}{${Object.keys(labels).sort().map((k) => `${k}=${labels[k]}`).join(',')}}`;
    if (seen.has(key)) throw new Error(`${where}: duplicate series`);
    seen.add(key);
    samples.push({ name, labels, value });
  });
  return { samples, types, help };
}

export function sample(samples: readonly PromSample[], name: string, labels: Record<string, string> = {}): number | undefined {
  return samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}
