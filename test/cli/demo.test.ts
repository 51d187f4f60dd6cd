import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('npm start (alphapulse demo)', () => {
  it('imports the bundled sample, replays it with the three learning modes and writes the report, on a fresh directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ap-demo-'));
    const r = await runCli(['demo', '--no-serve', '--json'], { cwd: dir, timeoutMs: 180_000, env: { ALPHAPULSE_DB: '' } });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.db).toBe('sqlite:./alphapulse.db');
    expect(out.imported.rows).toBe(86_400);
    expect(out.series.map((s: { missing: number }) => s.missing)).toEqual([0, 0]);
    expect(out.modes.map((m: { mode: string }) => m.mode)).toEqual(['off', 'seed', 'hedge']);
    expect(existsSync(join(dir, 'alphapulse.db'))).toBe(true);
    expect(existsSync(join(dir, out.report))).toBe(true);
    const again = JSON.parse((await runCli(['demo', '--no-serve', '--json'], { cwd: dir, timeoutMs: 180_000, env: { ALPHAPULSE_DB: '' } })).stdout);
    expect(again.imported.inserted).toBe(0);
    expect(again.modes).toEqual(out.modes);
    expect(out.recorded.outcomes.shadowResolved).toBeGreaterThan(0);
  }, 300_000);
});
