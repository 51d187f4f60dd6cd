/**
 * Real market data for tests: the bundled sample (always present) and, when the project's shared
 * material sits beside the repository, months from ../shared/data.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Candle } from '../../src/core/candle.js';
import { readArchiveText } from '../../src/data/archive-files.js';
import { parseKlineCsv } from '../../src/data/kline-csv.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLE_DIR = join(REPO_ROOT, 'data/sample');
export const FIXTURE_DIR = join(REPO_ROOT, 'test/fixtures');
export const SHARED_DATA_DIR = resolve(REPO_ROOT, '../shared/data');
export const hasSharedData = existsSync(join(SHARED_DATA_DIR, 'BTCUSDT-1m-2025-06.csv'));

export type Series = {
  readonly name: string;
  readonly time: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  readonly candles: readonly Candle[];
};

const cache = new Map<string, Series>();

export function loadCandles(path: string): Candle[] {
  const parsed = parseKlineCsv(readArchiveText(path), 60_000);
  if (parsed.problem) throw new Error(`${path}:${parsed.problem.line}: ${parsed.problem.error}`);
  return parsed.candles;
}

export function toSeries(name: string, candles: readonly Candle[]): Series {
  const n = candles.length;
  const s = {
    name,
    time: new Float64Array(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
    candles,
  };
  for (let i = 0; i < n; i++) {
    const c = candles[i]!;
    s.time[i] = c.openTime;
    s.open[i] = c.open;
    s.high[i] = c.high;
    s.low[i] = c.low;
    s.close[i] = c.close;
    s.volume[i] = c.volume;
  }
  return s;
}

/** The bundled June 2025 sample of BTCUSDT or ETHUSDT, optionally only its first `limit` candles. */
export function sampleSeries(symbol: 'BTCUSDT' | 'ETHUSDT', limit?: number): Series {
  const key = `${symbol}:${limit ?? 'all'}`;
  let s = cache.get(key);
  if (!s) {
    const candles = loadCandles(join(SAMPLE_DIR, `${symbol}-1m-2025-06.zip`));
    s = toSeries(`${symbol} 2025-06 sample`, limit === undefined ? candles : candles.slice(0, limit));
    cache.set(key, s);
  }
  return s;
}

/** A month from ../shared/data, or null when that folder is absent. */
export function sharedSeries(file: string, limit?: number): Series | null {
  const path = join(SHARED_DATA_DIR, file);
  if (!existsSync(path)) return null;
  const key = `${file}:${limit ?? 'all'}`;
  let s = cache.get(key);
  if (!s) {
    const candles = loadCandles(path);
    s = toSeries(file, limit === undefined ? candles : candles.slice(0, limit));
    cache.set(key, s);
  }
  return s;
}

/** The fixture day with 72 flat, zero-volume candles (2023-03-24). */
export function flatDaySeries(): Series {
  return toSeries('BTCUSDT 2023-03-24 (flat candles)', loadCandles(join(FIXTURE_DIR, 'BTCUSDT-1m-2023-03-24.csv')));
}
