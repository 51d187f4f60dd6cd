/**
 * The backtest as a user runs it: its report agrees with an independent recomputation from the
 * decisions file and the stored trades; jobs fire at their simulated times (21 daily and 3 weekly runs
 * over three weeks); decisions up to T do not change when the data goes on after T.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { SAMPLE_DIR } from '../helpers/market-data.js';

const dir = mkdtempSync(join(tmpdir(), 'ap-backtest-'));
const file = join(dir, 'bt.db');
const DB = `sqlite:${file}`;

beforeAll(async () => {
  const r = await runCli(['--db', DB, 'import', SAMPLE_DIR, '--json']);
  expect(r.code).toBe(0);
}, 60_000);

type Line = { time: number; symbol: string; mode: string; action: string; direction: string | null; confidence: number; category: string; weightsVersion: number; regime: string };

function readLines(path: string): Line[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);
}

describe('alphapulse backtest', () => {
  it('reports numbers that an independent recomputation from --decisions-out and the stored trades confirms', async () => {
    const out = join(dir, 'decisions.jsonl');
    const html = join(dir, 'report.html');
    const r = await runCli(['--db', DB, 'backtest', '--symbols', 'BTCUSDT,ETHUSDT', '--from', '2025-06-06', '--to', '2025-06-20', '--learning', 'off,seed,hedge', '--warmup-days', '5', '--decisions-out', out, '--report', html, '--json'], { timeoutMs: 180_000 });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.report).toBe(html);
    expect(readFileSync(html, 'utf8')).toMatch(/AlphaPulse <span class="muted">backtest report/);
    const lines = readLines(out);
    const db = new Database(file, { readonly: true });
    for (const m of report.modes) {
      const mine = lines.filter((l) => l.mode === m.mode);
      const d = m.overall.decisions;
      // decisions: every traded candle of both symbols, once
      expect(mine.length).toBe(d.decisions);
      expect(mine.length).toBe(report.candles);
      expect(new Set(mine.map((l) => `${l.symbol}-${l.time}`)).size).toBe(mine.length);
      expect(mine.filter((l) => l.action === 'signal').length).toBe(d.signals);
      expect(mine.filter((l) => l.action === 'reject').length).toBe(d.rejections);
      expect(d.rejectionRate).toBeCloseTo(d.rejections / d.decisions, 12);
      for (const [cat, n] of Object.entries(d.byCategory)) expect(mine.filter((l) => l.category === cat).length).toBe(n);
      // trades: from the stored outcomes
      const trades = db.prepare('SELECT * FROM backtest_trades WHERE run_id = ? AND mode = ?').all(report.runId, m.mode) as { net_pct: number; won: number; id: string; time: number }[];
      const t = m.overall.trades;
      expect(trades.length).toBe(t.trades);
      const wins = trades.filter((x) => x.won === 1).length;
      expect(wins).toBe(t.wins);
      if (trades.length > 0) {
        expect(t.winRate).toBeCloseTo(wins / trades.length, 12);
        const sum = trades.reduce((a, x) => a + x.net_pct, 0);
        expect(t.totalNetPct).toBeCloseTo(sum, 9);
        expect(t.avgNetPct).toBeCloseTo(sum / trades.length, 9);
        const gain = trades.filter((x) => x.net_pct > 0).reduce((a, x) => a + x.net_pct, 0);
        const loss = -trades.filter((x) => x.net_pct < 0).reduce((a, x) => a + x.net_pct, 0);
        if (loss > 0) expect(t.profitFactor).toBeCloseTo(gain / loss, 9);
        // every trade was a signal in the decisions file, at its entry time
        const signalIds = new Set(mine.filter((l) => l.action === 'signal').map((l) => `${l.symbol}-${l.time}`));
        for (const x of trades) expect(signalIds.has(x.id)).toBe(true);
      }
      // learning modes record their weight versions in the decisions
      if (m.mode === 'off') expect(new Set(mine.map((l) => l.weightsVersion))).toEqual(new Set([1]));
    }
    db.close();
    const off = report.modes.find((m: { mode: string }) => m.mode === 'off');
    expect(report.learningVsStatic.map((b: { mode: string; baseline: string }) => `${b.mode}/${b.baseline}`)).toEqual(['seed/off', 'hedge/off']);
    expect(report.learningVsStatic[0].tradesBaseline).toBe(off.overall.trades.trades);
  }, 240_000);

  it('fires the jobs at their simulated times: 21 daily and 3 weekly runs over three weeks', async () => {
    const r = await runCli(['--db', DB, 'backtest', '--symbols', 'BTCUSDT', '--from', '2025-06-01', '--to', '2025-06-21', '--learning', 'seed', '--warmup-days', '0', '--no-store', '--json'], { timeoutMs: 180_000 });
    expect(r.code, r.stderr).toBe(0);
    const jobs = JSON.parse(r.stdout).modes[0].jobs as { job: string; time: number; status: string }[];
    const daily = jobs.filter((j) => j.job === 'daily');
    const weekly = jobs.filter((j) => j.job === 'weekly');
    const hourly = jobs.filter((j) => j.job === 'hourly');
    expect(daily.map((j) => new Date(j.time).toISOString())).toEqual(Array.from({ length: 21 }, (_, i) => new Date(Date.UTC(2025, 5, 2 + i)).toISOString()));
    expect(weekly.map((j) => new Date(j.time).toISOString())).toEqual(['2025-06-01T02:00:00.000Z', '2025-06-08T02:00:00.000Z', '2025-06-15T02:00:00.000Z']);
    expect(hourly.length).toBe(21 * 24);
    for (const j of jobs) expect(['ok', 'skipped']).toContain(j.status);
  }, 240_000);

  it('gives the same decisions up to T whether the replay ends at T or days later', async () => {
    const short = join(dir, 'short.jsonl');
    const long = join(dir, 'long.jsonl');
    const common = ['--db', DB, 'backtest', '--symbols', 'BTCUSDT,ETHUSDT', '--from', '2025-06-06', '--learning', 'off,seed', '--warmup-days', '5', '--no-store', '--json'];
    const a = await runCli([...common, '--to', '2025-06-14T12:00Z', '--decisions-out', short], { timeoutMs: 180_000 });
    const b = await runCli([...common, '--to', '2025-06-19T12:00Z', '--decisions-out', long], { timeoutMs: 180_000 });
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    const s = readLines(short);
    const cut = Math.max(...s.map((l) => l.time));
    const l = readLines(long).filter((x) => x.time <= cut);
    expect(s.length).toBeGreaterThan(10_000);
    expect(l).toEqual(s);
  }, 240_000);
});
