/**
 * Compares stored candles with an archive file, text-exact in OHLCV: every row of the file must be
 * stored with String(value) equal to the file's field. Usage:
 *   node --import tsx scripts/verify-candles.ts --db URL --file BTCUSDT-1m-2025-06.csv [--symbol S] [--exchange binance]
 * Prints {"rows","matching","missing","different":[...first 5]} and exits 1 on any difference.
 */
import { parseArchiveName, readArchiveText } from '../src/data/archive-files.js';
import { readCandles } from '../src/store/candles.js';
import { openStore } from '../src/store/database.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const file = arg('--file');
const db = arg('--db');
if (!file || !db) throw new Error('usage: verify-candles --db URL --file FILE [--symbol S]');
const symbol = arg('--symbol') ?? parseArchiveName(file)?.symbol;
if (!symbol) throw new Error('--symbol is needed when the file name does not tell');
const rows = readArchiveText(file)
  .trim()
  .split('\n')
  .map((l) => l.split(','));
const store = await openStore(db);
const stored = await readCandles(store, { exchange: arg('--exchange') ?? 'binance', symbol, interval: '1m' }, Number(rows[0]![0]), Number(rows[rows.length - 1]![0]));
await store.close();
const byTime = new Map(stored.map((c) => [c.openTime, c]));
let matching = 0;
let missing = 0;
const different: string[] = [];
for (const f of rows) {
  const c = byTime.get(Number(f[0]));
  if (!c) {
    missing++;
    continue;
  }
  const ours = [c.open, c.high, c.low, c.close, c.volume].map(String);
  if (ours.every((v, k) => v === f[k + 1])) matching++;
  else if (different.length < 5) different.push(`${f[0]}: stored ${ours.join(',')} vs file ${f.slice(1, 6).join(',')}`);
  else different.push('');
}
console.log(JSON.stringify({ rows: rows.length, stored: stored.length, matching, missing, different: different.filter(Boolean) }));
process.exitCode = matching === rows.length && stored.length === rows.length ? 0 : 1;
