/**
 * End to end through the CLI, each command a real process: exchange-sim serving the fixtures,
 * backfill and stream pointed at it with ALPHAPULSE_EXCHANGE_URL, --json documents on stdout.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_DIR, REPO_ROOT } from '../helpers/market-data.js';
import { tempDir } from './helpers.js';

// The built CLI, as a user runs it (`npm test` builds dist/ first).
const ENTRY = join(REPO_ROOT, 'bin/alphapulse.js');
if (!existsSync(join(REPO_ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` before the CLI tests');

function cli(args: string[], env: Record<string, string> = {}): ChildProcessWithoutNullStreams {
  const clean = { ...process.env };
  for (const k of Object.keys(clean)) if (k.startsWith('ALPHAPULSE_')) delete clean[k];
  return spawn(process.execPath, [ENTRY, ...args], { cwd: REPO_ROOT, env: { ...clean, ...env } });
}

type Done = { code: number | null; stdout: string; stderr: string };

function finished(child: ChildProcessWithoutNullStreams): Promise<Done> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let buf = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const i = buf.indexOf('\n');
      if (i >= 0) resolve(buf.slice(0, i));
    });
    child.on('close', (code) => reject(new Error(`exited ${code} before printing: ${err}`)));
  });
}

// the processes start slowly under tsx (ccxt is large), so the tests run side by side
describe.concurrent('CLI: exchange-sim, backfill, stream', () => {
  let sim: ChildProcessWithoutNullStreams;
  let simDone: Promise<Done>;
  let url: string;
  let tmp: { dir: string; remove: () => void };

  beforeAll(async () => {
    tmp = tempDir('ap-cli-');
    sim = cli(['--json', 'exchange-sim', '--data', FIXTURE_DIR, '--port', '0', '--speed', '1m/50ms', '--start', '2021-04-20T06:00:00Z', '--drop-every', '1500', '--fail-500', '/4']);
    const line = await firstLine(sim);
    simDone = finished(sim);
    const doc = JSON.parse(line) as { url: string; symbols: string[]; start: string };
    expect(doc.symbols).toEqual(['BTCUSDT']);
    expect(doc.start).toBe('2021-04-20T06:00:00.000Z');
    url = doc.url;
  }, 30_000);

  afterAll(async () => {
    if (sim && sim.exitCode === null) {
      sim.kill('SIGINT');
      const done = await simDone;
      expect(done.code).toBe(0);
    }
    tmp?.remove();
  });

  it('backfill --json prints one JSON document with the counts', async ({ expect }) => {
    const db = `sqlite:${join(tmp.dir, 'a.db')}`;
    const r = await finished(cli(['--json', '--db', db, 'backfill', '--symbol', 'BTCUSDT', '--from', '2021-04-20T00:00:00Z'], { ALPHAPULSE_EXCHANGE_URL: url }));
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const doc = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(doc).toMatchObject({ symbol: 'BTCUSDT', interval: '1m', exchange: 'binance', from: '2021-04-20T00:00:00.000Z', updated: 0, duplicates: 0, gapsAfter: 1, aborted: false });
    // 00:00 .. at least 05:59 minus the 150-minute outage 02:00..04:29 (which the exchange does not have)
    expect(doc.fetched as number).toBeGreaterThanOrEqual(360 - 150);
    expect(doc.inserted).toBe(doc.fetched);
    expect(doc.gapsBefore).toBe(1);
    expect(doc.missingAfter).toBe(150);

    // again: resumes from the newest stored candle, only what closed since
    const again = await finished(cli(['--json', '--db', db, 'backfill', '--symbol', 'BTCUSDT'], { ALPHAPULSE_EXCHANGE_URL: url }));
    expect(again.code, again.stderr).toBe(0);
    const doc2 = JSON.parse(again.stdout) as Record<string, unknown>;
    expect(doc2).toMatchObject({ duplicates: 0, gapsAfter: 0 });
  }, 30_000);

  it('stream --json runs until SIGTERM, then prints its summary', async ({ expect }) => {
    const db = `sqlite:${join(tmp.dir, 'b.db')}`;
    const child = cli(['--json', '--log-level', 'info', '--db', db, 'stream', '--symbols', 'BTCUSDT'], { ALPHAPULSE_EXCHANGE_URL: url });
    const done = finished(child);
    // logs go to stderr (stdout holds only the final JSON document); start the clock once connected
    await new Promise<void>((resolve) => {
      const onData = (d: Buffer) => {
        if (d.toString().includes('stream connected')) {
          child.stderr.off('data', onData);
          resolve();
        }
      };
      child.stderr.on('data', onData);
    });
    await new Promise((r) => setTimeout(r, 4000));
    child.kill('SIGTERM');
    const r = await done;
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const doc = JSON.parse(lines[0]!) as { emitted: number; reconnects: number; stored: { inserted: number }; symbols: Record<string, { emitted: number }> };
    expect(doc.emitted).toBeGreaterThan(20);
    expect(doc.stored.inserted).toBe(doc.emitted);
    expect(doc.reconnects).toBeGreaterThanOrEqual(1);
    expect(doc.symbols.BTCUSDT!.emitted).toBe(doc.emitted);
  }, 30_000);

  it('a bad flag is a clear error (and a JSON error document with --json)', async ({ expect }) => {
    const [r, s] = await Promise.all([
      finished(cli(['--json', 'backfill', '--symbol', 'BTCUSDT', '--from', 'yesterday'], { ALPHAPULSE_EXCHANGE_URL: url })),
      finished(cli(['exchange-sim', '--data', FIXTURE_DIR, '--fail-429', 'often'])),
    ]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({ error: { code: 'AP_ERR_BAD_INPUT', message: expect.stringContaining('--from') } });
    expect(s.code).toBe(1);
    expect(s.stderr).toContain('--fail-429');
  }, 30_000);
});
