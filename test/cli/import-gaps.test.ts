import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { FIXTURE_DIR, SHARED_DATA_DIR, hasSharedData } from '../helpers/market-data.js';
import { PG_URL, hasPostgres } from '../helpers/databases.js';

function tempDb(): string {
  return `sqlite:${join(mkdtempSync(join(tmpdir(), 'ap-cli-')), 'a.db')}`;
}

const DAY = join(FIXTURE_DIR, 'BTCUSDT-1m-2021-04-20.csv');

describe('alphapulse import and gaps', () => {
  it.skipIf(!hasSharedData)('imports the real April 2021 month once, and finds exactly its two maintenance gaps', async () => {
    const db = tempDb();
    const file = join(SHARED_DATA_DIR, 'BTCUSDT-1m-2021-04.csv');
    const first = await runCli(['--db', db, 'import', file, '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ files: 1, rows: 41326, inserted: 41326, updated: 0, duplicates: 0, failed: [] });
    const again = await runCli(['--db', db, 'import', file, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ rows: 41326, inserted: 0, duplicates: 41326 });
    const gaps = await runCli(['--db', db, 'gaps', '--symbol', 'BTCUSDT', '--json']);
    expect(JSON.parse(gaps.stdout)).toEqual({
      gaps: [
        { from: Date.UTC(2021, 3, 20, 2, 0), to: Date.UTC(2021, 3, 20, 4, 29), missing: 150 },
        { from: Date.UTC(2021, 3, 25, 4, 1), to: Date.UTC(2021, 3, 25, 8, 44), missing: 284 },
      ],
      total_missing: 434,
    });
  });

  it('fails a file with a broken row naming its line, writes nothing of it, and goes on with the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ap-bad-'));
    const lines = readFileSync(DAY, 'utf8').trimEnd().split('\n');
    const f = lines[1233]!.split(',');
    [f[2], f[3]] = [f[3]!, String(Number(f[2]) + 5)]; // high below low on line 1234
    lines[1233] = f.join(',');
    const bad = join(dir, 'BTCUSDT-1m-2021-04-20.csv');
    writeFileSync(bad, `${lines.join('\n')}\n`);
    const good = join(dir, 'ETHUSDT-1m-2021-04-20.csv');
    writeFileSync(good, readFileSync(DAY));
    const db = tempDb();
    const r = await runCli(['--db', db, 'import', bad, good, '--json']);
    expect(r.code).not.toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.failed).toHaveLength(1);
    expect(out.failed[0]).toMatchObject({ file: bad, line: 1234 });
    expect(out.failed[0].error).toMatch(/high .* is below low/);
    expect(r.stderr).toContain(`${bad}:1234: high`);
    expect(out.inserted).toBe(lines.length);
    const gapsBtc = await runCli(['--db', db, 'gaps', '--symbol', 'BTCUSDT', '--from', '2021-04-20', '--to', '2021-04-20T00:09', '--json']);
    expect(JSON.parse(gapsBtc.stdout).total_missing).toBe(10); // nothing of the bad file was written
  });

  it('reads zip archives, header rows and microsecond timestamps', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ap-zip-'));
    const text = readFileSync(DAY, 'utf8');
    const rows = text.trimEnd().split('\n').slice(0, 100);
    const header = 'open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore';
    writeFileSync(join(dir, 'BTCUSDT-1m-2021-04-20.zip'), zipSync({ 'BTCUSDT-1m-2021-04-20.csv': strToU8(`${header}\n${rows.join('\n')}\n`) }));
    const micros = rows.map((r) => {
      const f = r.split(',');
      f[0] = `${f[0]}000`;
      f[6] = `${f[6]}999`;
      return f.join(',');
    });
    writeFileSync(join(dir, 'data.csv'), `${micros.join('\n')}\n`);
    const db = tempDb();
    const zip = await runCli(['--db', db, 'import', join(dir, 'BTCUSDT-1m-2021-04-20.zip'), '--json']);
    expect(JSON.parse(zip.stdout)).toMatchObject({ files: 1, rows: 100, inserted: 100, failed: [] });
    const us = await runCli(['--db', db, 'import', join(dir, 'data.csv'), '--symbol', 'btcusdt', '--interval', '1m', '--json']);
    expect(JSON.parse(us.stdout)).toMatchObject({ rows: 100, inserted: 0, duplicates: 100, failed: [] });
  });

  it('rejects bad parameters with a message naming them', async () => {
    const r = await runCli(['--db', tempDb(), 'gaps', '--symbol', 'BTCUSDT', '--from', 'yesterday', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error.message).toContain('--from');
    const badDb = await runCli(['--db', 'mysql://x', 'gaps', '--symbol', 'BTCUSDT']);
    expect(badDb.code).toBe(1);
    expect(badDb.stderr).toContain('db:');
    const cfgDir = mkdtempSync(join(tmpdir(), 'ap-cfg-'));
    writeFileSync(join(cfgDir, 'alphapulse.config.json'), JSON.stringify({ logLevel: 'loud', exchange: { pageSize: 5000 } }));
    const badCfg = await runCli(['gaps', '--symbol', 'BTCUSDT'], { cwd: cfgDir });
    expect(badCfg.code).toBe(1);
    expect(badCfg.stderr).toContain('logLevel');
    expect(badCfg.stderr).toContain('exchange.pageSize');
  });

  it.skipIf(!hasPostgres)('does the same on PostgreSQL', async () => {
    const schemaless = `${PG_URL}`;
    const symbol = `T${Date.now().toString(36).toUpperCase()}`;
    const r = await runCli(['--db', schemaless, 'import', DAY, '--symbol', symbol, '--interval', '1m', '--exchange', 'cli-test', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 1290, inserted: 1290, failed: [] });
    const g = await runCli(['--db', schemaless, 'gaps', '--symbol', symbol, '--exchange', 'cli-test', '--json']);
    expect(JSON.parse(g.stdout)).toEqual({ gaps: [{ from: Date.UTC(2021, 3, 20, 2, 0), to: Date.UTC(2021, 3, 20, 4, 29), missing: 150 }], total_missing: 150 });
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query('DELETE FROM candles WHERE series_id IN (SELECT id FROM series WHERE exchange = $1 AND symbol = $2)', ['cli-test', symbol]);
    await c.query('DELETE FROM series WHERE exchange = $1 AND symbol = $2', ['cli-test', symbol]);
    await c.end();
  });
});
