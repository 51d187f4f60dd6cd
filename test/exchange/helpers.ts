/**
 * Shared pieces of the exchange tests: store targets (SQLite always; PostgreSQL when reachable, and
 * required when CI=true), fixture data for the simulator, and a complete (gap-filled) series builder.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Candle } from '../../src/core/candle.js';
import { parseKlineCsv } from '../../src/data/kline-csv.js';
import { openStore, type Store } from '../../src/store/database.js';
import { hasPostgres, PG_URL } from '../helpers/databases.js';
import { FIXTURE_DIR, SHARED_DATA_DIR } from '../helpers/market-data.js';

export const MINUTE = 60_000;

// One PostgreSQL probe for every test: unreachable → these variants skip, except under CI=true (then it fails).
export { PG_URL };

export type StoreTarget = { readonly name: 'sqlite' | 'postgres'; open(): Promise<Store>; dispose(store: Store): Promise<void> };

let schemaCounter = 0;

/** SQLite in memory, and PostgreSQL in a fresh schema per store (dropped by dispose). */
export async function storeTargets(): Promise<StoreTarget[]> {
  const targets: StoreTarget[] = [
    {
      name: 'sqlite',
      open: () => openStore('sqlite::memory:'),
      dispose: (s) => s.close(),
    },
  ];
  if (!hasPostgres) return targets;
  targets.push({
    name: 'postgres',
    async open() {
      const schema = `ap_exch_${process.pid}_${++schemaCounter}_${Math.floor(Math.random() * 1e6)}`;
      const store = await openStore(PG_URL, { schema });
      (store as Store & { testSchema?: string }).testSchema = schema;
      return store;
    },
    async dispose(store) {
      const schema = (store as Store & { testSchema?: string }).testSchema;
      if (schema) await sql.raw(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).execute(store.db).catch(() => undefined);
      await store.close();
    },
  });
  return targets;
}

/** The April 2021 BTCUSDT month from ../shared/data, or the one-day fixture when that is absent. */
export function gapSource(): { path: string; text: string } {
  const shared = join(SHARED_DATA_DIR, 'BTCUSDT-1m-2021-04.csv');
  const path = existsSync(shared) ? shared : join(FIXTURE_DIR, 'BTCUSDT-1m-2021-04-20.csv');
  return { path, text: readFileSync(path, 'utf8') };
}

export type CompleteSeries = {
  /** Source rows with gaps, as parsed. */
  readonly withGaps: Candle[];
  /** Every row's 12 text fields of the complete series, by open time. */
  readonly rows: Map<number, string[]>;
  /** Open times that were synthesised. */
  readonly synthetic: number[];
  /** The complete series as archive CSV text. */
  readonly csv: string;
  readonly gaps: { from: number; to: number; missing: number }[];
};

/** Fills every missing minute of a 1m archive CSV with synthetic candles written as shortest decimal text. */
export function completeSeries(text: string): CompleteSeries {
  const parsed = parseKlineCsv(text, MINUTE);
  if (parsed.problem) throw new Error(`fixture line ${parsed.problem.line}: ${parsed.problem.error}`);
  const lines = text.split('\n').filter((l) => l.trim().length > 0 && /^\d/.test(l));
  const rows = new Map<number, string[]>();
  const synthetic: number[] = [];
  const gaps: { from: number; to: number; missing: number }[] = [];
  let prev: string[] | null = null;
  const out: string[] = [];
  let k = 0;
  for (const line of lines) {
    const f = line.replace(/\r$/, '').split(',');
    const t = Number(f[0]);
    if (prev) {
      const prevT = Number(prev[0]);
      if (t - prevT > MINUTE) gaps.push({ from: prevT + MINUTE, to: t - MINUTE, missing: (t - prevT) / MINUTE - 1 });
      let close = Number(prev[4]);
      for (let s = prevT + MINUTE; s < t; s += MINUTE) {
        k++;
        const open = close;
        const next = Number((open + (((k * 7919) % 200) - 100) / 100).toFixed(2));
        const high = Number((Math.max(open, next) + ((k * 31) % 50) / 100).toFixed(2));
        const low = Number((Math.min(open, next) - ((k * 17) % 50) / 100).toFixed(2));
        const volume = Number((((k * 104729) % 100000) / 1000 + 0.000123).toFixed(6));
        const row = [String(s), String(open), String(high), String(low), String(next), String(volume), String(s + MINUTE - 1), '0', '0', '0', '0', '0'];
        rows.set(s, row);
        synthetic.push(s);
        out.push(row.join(','));
        close = next;
      }
    }
    rows.set(t, f);
    out.push(f.join(','));
    prev = f;
  }
  return { withGaps: parsed.candles, rows, synthetic, csv: `${out.join('\n')}\n`, gaps };
}

/** A temporary folder removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeFile(dir: string, name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** The text form of every stored field, in archive column order. */
export function candleFields(c: Candle): string[] {
  return [c.openTime, c.open, c.high, c.low, c.close, c.volume, c.closeTime, c.quoteVolume, c.trades, c.takerBuyBaseVolume, c.takerBuyQuoteVolume].map((n) => String(n));
}

/** A second symbol for stream tests, derived from BTC candles (prices / 16, 2 decimals; shortest form). */
export function derivedSeries(candles: readonly Candle[], factor: number): Candle[] {
  const r = (n: number) => Number((n / factor).toFixed(2));
  return candles.map((c) => {
    const open = r(c.open);
    const close = r(c.close);
    return { ...c, open, close, high: Math.max(r(c.high), open, close), low: Math.min(r(c.low), open, close) };
  });
}
