/**
 * `alphapulse run` as a user runs it, against `alphapulse exchange-sim` streaming real candles fast:
 * the API answers (401 without the token, 400 for bad parameters), every endpoint agrees with the
 * database; then kill -9 in the middle and a restart: no candle, decision, signal, outcome or learning
 * event is missing or duplicated.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, SAMPLE_DIR } from '../helpers/market-data.js';

const BIN = join(REPO_ROOT, 'bin/alphapulse.js');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

function start(args: string[], env: Record<string, string> = {}, cwd?: string): { child: ChildProcess; firstLine: Promise<string>; done: Promise<number | null> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: cwd ?? REPO_ROOT, env: { ...process.env, ALPHAPULSE_LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const i = out.indexOf('\n');
      if (i >= 0) resolve(out.slice(0, i));
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`exited ${code} before printing: ${err.slice(-2000)}`)));
  });
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, firstLine, done };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field below
async function get(url: string, init?: RequestInit): Promise<{ status: number; body: any }> {
  const r = await fetch(url, init);
  const text = await r.text();
  return { status: r.status, body: text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text };
}

function invariants(file: string) {
  const db = new Database(file, { readonly: true });
  const one = (q: string) => db.prepare(q).get() as Record<string, number>;
  const r = {
    candles: db.prepare('SELECT s.symbol, COUNT(*) AS n, MIN(open_time) AS first, MAX(open_time) AS last FROM candles c JOIN series s ON s.id = c.series_id GROUP BY s.symbol').all() as { symbol: string; n: number; first: number; last: number }[],
    scans: one('SELECT COUNT(*) AS n, COUNT(DISTINCT symbol || time) AS d, MIN(time) AS first FROM scan_history'),
    signals: one('SELECT (SELECT COUNT(*) FROM live_signals) AS live, (SELECT COUNT(*) FROM signal_history) AS closed'),
    overlap: one('SELECT COUNT(*) AS n FROM live_signals l JOIN signal_history h ON h.id = l.id'),
    outcomeEvents: one("SELECT COUNT(*) AS n FROM learning_events WHERE kind = 'outcome_processed'"),
    shadows: one("SELECT (SELECT COUNT(*) FROM rejected_signals WHERE result IS NOT NULL) AS resolved, (SELECT COUNT(*) FROM learning_events WHERE kind = 'shadow_processed') AS events"),
    events: one('SELECT COUNT(*) AS n, COUNT(DISTINCT key) AS d FROM learning_events'),
    versions: one('SELECT COUNT(*) AS n, MAX(version) AS max FROM learning_state'),
  };
  // decisions per symbol: exactly one per traded candle
  const perSymbol = db.prepare('SELECT symbol, COUNT(*) AS n, MIN(time) AS first, MAX(time) AS last FROM scan_history GROUP BY symbol').all() as { symbol: string; n: number; first: number; last: number }[];
  db.close();
  return { ...r, perSymbol };
}

describe('alphapulse run against exchange-sim', () => {
  it('serves the API, and after kill -9 and a restart no record is missing or duplicated', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ap-run-'));
    const sim = start(['--json', 'exchange-sim', '--data', SAMPLE_DIR, '--port', '0', '--speed', '1m/25ms', '--start', '2025-06-08T00:00:00Z']);
    const { url } = JSON.parse(await sim.firstLine) as { url: string };
    const dbFile = join(dir, 'live.db');
    const env = { ALPHAPULSE_EXCHANGE_URL: url };
    const args = ['--db', `sqlite:${dbFile}`, '--json', 'run', '--port', '0', '--warmup-days', '3'];

    const first = start(args, env, dir);
    const summary = JSON.parse(await first.firstLine);
    const api = summary.api.url as string;
    expect(api).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const token = readFileSync(join(dir, '.alphapulse-token'), 'utf8').trim();
    await new Promise((r) => setTimeout(r, 6000));
    expect((await get(`${api}/health`)).status).toBe(200);
    expect((await get(`${api}/api/learning/trigger-daily`, { method: 'POST' })).status).toBe(401);
    const ok = await get(`${api}/api/learning/trigger-daily`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(['ok', 'skipped']).toContain(ok.body.status);
    const bad = await get(`${api}/api/learning/head-weights?days=abc`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('days');
    const stats = await get(`${api}/api/learning/stats`);
    expect(stats.status).toBe(200);
    const candles = await get(`${api}/api/candles?symbol=BTCUSDT&interval=1m&limit=100`);
    expect(candles.status).toBe(200);
    expect(candles.body.candles.length).toBe(100);

    // kill -9 in the middle of live processing
    first.child.kill('SIGKILL');
    await first.done;
    await new Promise((r) => setTimeout(r, 2000));
    const second = start(args, env, dir);
    const again = JSON.parse(await second.firstLine);
    expect(again.checkpoint.found).toBe(true);
    await new Promise((r) => setTimeout(r, 6000));
    second.child.kill('SIGTERM');
    expect(await second.done).toBe(0);
    sim.child.kill('SIGTERM');
    await sim.done;

    const r = invariants(dbFile);
    for (const c of r.candles) expect(c.n).toBe((c.last - c.first) / 60_000 + 1); // no hole, no duplicate (primary key)
    expect(r.scans.n).toBe(r.scans.d);
    for (const s of r.perSymbol) expect(s.n).toBe((s.last - s.first) / 60_000 + 1); // one decision per traded minute, none missing
    expect(r.overlap.n).toBe(0);
    expect(r.outcomeEvents.n).toBe(r.signals.closed);
    expect(r.shadows.events).toBe(r.shadows.resolved);
    expect(r.events.n).toBe(r.events.d);
    expect(r.shadows.resolved).toBeGreaterThan(0);
  }, 120_000);
});
