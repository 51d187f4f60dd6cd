/**
 * Load test of the REST API with autocannon: GET /api/learning/performance at a fixed overall rate
 * (default 1,000 requests/s for 30 s), reporting p50/p99 latency, throughput, errors and non-2xx answers.
 *
 *   node --import tsx bench/api-load.ts --url http://127.0.0.1:8080            # against a running service
 *   node --import tsx bench/api-load.ts                                        # self-hosted (see below)
 *   options: --path /api/… (default /api/learning/performance)  --rate N (req/s)  --duration S
 *            --connections N  --json (one JSON document on stdout)
 *
 * Against a running service, its rate limit applies: configure it above the load (the default, 600
 * requests per minute per client, turns most of this load into 429s, which are reported as non-2xx).
 * Without --url the script hosts the API itself in a child process (so the load generator does not share
 * its event loop): a temporary SQLite database with the bundled sample imported and five days replayed
 * through the engine (recording, seed learning, jobs), a rate limit above the load, on 127.0.0.1 and a
 * free port. Exit code 1 when any request failed or was not 2xx.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildApp } from '../src/api/app.js';
import type { ServiceControls } from '../src/api/ports.js';
import { importArchives } from '../src/data/import-archives.js';
import { resolveEngineParams } from '../src/engine/engine-params.js';
import { runScan } from '../src/engine/scan.js';
import { createHeads } from '../src/heads/index.js';
import { firstOpenTime } from '../src/store/candles.js';
import { openStore } from '../src/store/database.js';

type Histogram = { average: number; mean?: number; stddev: number; min: number; max: number; p50: number; p90: number; p97_5: number; p99: number; p99_9?: number };
type AutocannonResult = {
  url: string;
  duration: number;
  requests: Histogram & { total: number; sent: number };
  latency: Histogram;
  throughput: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  statusCodeStats?: Record<string, { count: number }>;
};
type AutocannonOptions = { url: string; connections: number; duration: number; overallRate: number; method: 'GET'; headers?: Record<string, string> };
type Autocannon = (opts: AutocannonOptions) => Promise<AutocannonResult>;

// autocannon ships no type declarations: loaded through require with the shape used here
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

function positive(name: string, fallback: number): number {
  const raw = arg(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) {
    process.stderr.write(`${name}: "${raw}" is not a positive number\n`);
    process.exit(2);
  }
  return n;
}

const json = process.argv.includes('--json');
const path = arg('--path', '/api/learning/performance')!;
const rate = positive('--rate', 1000);
const duration = positive('--duration', 30);
const connections = Math.round(positive('--connections', 50));
const log = (s: string) => process.stderr.write(`${s}\n`);

/** A service stand-in for the self-hosted run: the load endpoint reads only the store. */
function idleControls(): ServiceControls {
  const startedAt = Date.now();
  return {
    status: () => ({ streams: [], engine: { candlesProcessed: 0, openSignals: 0, openShadows: 0, weightsVersion: 0, startedAt }, scheduler: { jobs: [] } }),
    triggerJob: async (job) => ({ job, status: 'skipped', summary: 'load test: no engine', at: Date.now() }),
    rollback: async (version) => ({ version }),
    subscribe: () => () => undefined,
  };
}

/** Child process: builds the data and serves the API until told to stop. */
async function serve(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'alphapulse-api-load-'));
  const store = await openStore(`sqlite:${join(dir, 'load.db')}`);
  const cleanup = async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const sample = resolve(import.meta.dirname, '../data/sample');
    log('importing the bundled sample and replaying five days through the engine...');
    await importArchives(store, [join(sample, 'BTCUSDT-1m-2025-06.zip'), join(sample, 'ETHUSDT-1m-2025-06.zip')]);
    const from = (await firstOpenTime(store, { exchange: 'binance', symbol: 'BTCUSDT', interval: '1m' }))!;
    const scan = await runScan(store, {
      symbols: ['BTCUSDT', 'ETHUSDT'],
      from,
      to: from + 5 * 86_400_000 - 60_000,
      params: resolveEngineParams({
        consensus: { minAgreeing: 3, minConfluence: 0.6, minConfidenceTrendingUp: 0.4, minConfidenceTrendingDown: 0.4, minConfidenceRanging: 0.45, minConfidenceVolatile: 0.5 },
        filters: { minStopPct: 0.001, minHistory: 10000 },
      }),
      learning: { mode: 'seed', perRegime: false, params: { minOutcomes: 1, minChangeToWrite: 0.001 } },
      createHeads: (hp) => createHeads(hp),
      record: true,
      jobs: { enabled: true },
    });
    log(`  ${scan.outcomes.resolved} resolved signals, ${scan.outcomes.shadowResolved} resolved shadows, version ${scan.learning.version}`);
    const app = await buildApp({
      store,
      controls: idleControls(),
      token: 'load-test-token-not-used-0123456789',
      rateLimit: { max: Math.ceil(rate * duration * 2), timeWindowMs: Math.ceil(duration * 1000) + 60_000 },
    });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    process.send!({ url });
    await new Promise<void>((done) => process.once('message', () => done()));
    await app.close();
  } finally {
    await cleanup();
  }
}

/** Starts the child server; resolves with its URL and a stop function. */
async function selfHosted(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = fork(import.meta.filename, ['--serve', ...process.argv.slice(2)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = await new Promise<string>((done, fail) => {
    child.once('message', (m) => done((m as { url: string }).url));
    child.once('exit', (code) => fail(new Error(`the API server process exited (${code}) before listening`)));
  });
  return {
    url,
    stop: async () => {
      child.send('stop');
      await exited;
    },
  };
}

async function main(): Promise<void> {
  const given = arg('--url');
  const target = given ? { url: given.replace(/\/$/, ''), stop: async () => undefined } : await selfHosted();
  const url = `${target.url}${path}`;
  try {
    const probe = await fetch(url);
    if (!probe.ok) log(`warning: GET ${url} answered ${probe.status} before the run`);
    await probe.arrayBuffer();
    log(`GET ${url}: ${rate} requests/s for ${duration} s over ${connections} connections...`);
    const r = await autocannon({ url, connections, duration, overallRate: rate, method: 'GET' });
    const report = {
      url,
      rate,
      duration,
      connections,
      requests: r.requests.total,
      achievedPerSecond: r.requests.average,
      latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, average: r.latency.average },
      ok2xx: r['2xx'],
      non2xx: r.non2xx,
      errors: r.errors,
      timeouts: r.timeouts,
      statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v.count])),
    };
    if (json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else {
      console.log(`\nGET ${path}  (${report.requests.toLocaleString('en-US')} requests, ${report.achievedPerSecond.toFixed(0)}/s achieved of ${rate}/s)`);
      console.log(`latency  p50 ${report.latencyMs.p50} ms   p90 ${report.latencyMs.p90} ms   p99 ${report.latencyMs.p99} ms   max ${report.latencyMs.max} ms`);
      console.log(`answers  2xx ${report.ok2xx}   non-2xx ${report.non2xx}   errors ${report.errors}   timeouts ${report.timeouts}   by status ${JSON.stringify(report.statusCodes)}`);
    }
    process.exitCode = report.errors + report.non2xx + report.timeouts > 0 ? 1 : 0;
  } finally {
    await target.stop();
  }
}

if (process.argv.includes('--serve')) await serve();
else await main();
