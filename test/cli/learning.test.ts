/**
 * Through the CLI as a user runs it: a recorded replay with learning, killed with SIGKILL several times
 * and restarted, ends with exactly what one uninterrupted run writes; `weights` shows the learned state
 * and `rollback` activates an earlier version, recorded as an event, which the next run starts from.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT, SAMPLE_DIR } from '../helpers/market-data.js';

const SCAN = ['scan', '--symbols', 'BTCUSDT', '--from', '2025-06-01', '--to', '2025-06-06T23:59Z', '--learning', 'seed', '--record', '--checkpoint', 'cli', '--batch-size', '600'];

function fingerprint(file: string) {
  const db = new Database(file, { readonly: true });
  const one = (sql: string) => db.prepare(sql).all();
  const fp = {
    scans: one('SELECT COUNT(*) AS n, COUNT(DISTINCT time) AS d FROM scan_history'),
    live: one('SELECT id FROM live_signals ORDER BY id'),
    history: one('SELECT id, result, net_pct FROM signal_history ORDER BY id'),
    rejected: one('SELECT COUNT(*) AS n, SUM(won) AS won, COUNT(result) AS resolved FROM rejected_signals'),
    events: one('SELECT kind, COUNT(*) AS n, COUNT(DISTINCT key) AS d FROM learning_events GROUP BY kind ORDER BY kind'),
    versions: one('SELECT version, state FROM learning_state ORDER BY version'),
  };
  db.close();
  return fp;
}

async function importSample(db: string) {
  const r = await runCli(['--db', db, 'import', join(SAMPLE_DIR, 'BTCUSDT-1m-2025-06.zip'), '--json']);
  expect(r.code).toBe(0);
}

describe('recorded replay through the CLI', () => {
  it('survives kill -9 at random moments: restarted, it ends with the same records as one clean run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ap-kill-'));
    const cleanFile = join(dir, 'clean.db');
    await importSample(`sqlite:${cleanFile}`);
    const clean = await runCli(['--db', `sqlite:${cleanFile}`, ...SCAN, '--json'], { timeoutMs: 120_000 });
    expect(clean.code).toBe(0);
    const want = fingerprint(cleanFile);
    expect(want.history.length).toBeGreaterThan(0);

    const killedFile = join(dir, 'killed.db');
    await importSample(`sqlite:${killedFile}`);
    let kills = 0;
    for (const delay of [900, 1300, 1700, 2100]) {
      const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/alphapulse.js'), '--db', `sqlite:${killedFile}`, ...SCAN, '--json'], { stdio: 'ignore' });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const timer = setTimeout(() => {
        if (child.kill('SIGKILL')) kills++;
      }, delay);
      await exited;
      clearTimeout(timer);
    }
    const last = await runCli(['--db', `sqlite:${killedFile}`, ...SCAN, '--json'], { timeoutMs: 120_000 });
    expect(last.code).toBe(0);
    expect(kills).toBeGreaterThan(0);
    expect(fingerprint(killedFile)).toEqual(want);
  }, 240_000);

  it('weights shows the learned state; rollback activates an earlier version and records it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ap-rollback-'));
    const db = `sqlite:${join(dir, 'a.db')}`;
    await importSample(db);
    // learn from the first outcome on (the default waits for 10)
    writeFileSync(join(dir, 'alphapulse.config.json'), JSON.stringify({ learning: { params: { minOutcomes: 1 } } }));
    const scan = await runCli(['--db', db, ...SCAN, '--json'], { timeoutMs: 120_000, cwd: dir });
    expect(scan.code).toBe(0);
    const before = JSON.parse((await runCli(['--db', db, 'weights', '--json'])).stdout);
    expect(before.active.version).toBeGreaterThan(1);
    expect(before.effectiveness.heads).toHaveLength(9);
    expect(before.versions.length).toBeGreaterThan(1);
    const rb = await runCli(['--db', db, 'rollback', '--to', '1', '--json']);
    expect(rb.code).toBe(0);
    const after = JSON.parse((await runCli(['--db', db, 'weights', '--json'])).stdout);
    expect(after.active.version).toBe(1);
    expect(after.active.state.headWeights).toEqual(new Array(9).fill(1 / 9));
    const file = new Database(join(dir, 'a.db'), { readonly: true });
    const ev = file.prepare("SELECT version_before, version_after FROM learning_events WHERE kind = 'rollback'").all() as { version_before: number; version_after: number }[];
    file.close();
    expect(ev).toEqual([{ version_before: before.active.version, version_after: 1 }]);
    const missing = await runCli(['--db', db, 'rollback', '--to', '99999', '--json']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).error.code).toBe('AP_ERR_NOT_FOUND');
  }, 240_000);
});
