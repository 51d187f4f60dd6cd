/** Benchmark input: a long real 1m series, built by joining the archive months found in the data folder. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Candle } from '../src/core/candle.js';
import { readArchiveText } from '../src/data/archive-files.js';
import { parseKlineCsv } from '../src/data/kline-csv.js';

export type Columns = { open: Float64Array; high: Float64Array; low: Float64Array; close: Float64Array; volume: Float64Array; time: Float64Array };

/** `n` real candles: months of the folder in name order (BTC first), repeated when the folder holds fewer. */
export function benchCandles(dataDir: string, n: number): Candle[] {
  const files = readdirSync(dataDir)
    .filter((f) => /-1m-\d{4}-\d{2}\.(csv|zip)$/.test(f))
    .sort((a, b) => (a.startsWith('BTC') === b.startsWith('BTC') ? a.localeCompare(b) : a.startsWith('BTC') ? -1 : 1));
  const out: Candle[] = [];
  let t = Date.UTC(2020, 0, 1);
  while (out.length < n) {
    for (const f of files) {
      const parsed = parseKlineCsv(readArchiveText(join(dataDir, f)), 60_000);
      for (const c of parsed.candles) {
        // consecutive open times so the joined series looks like one market to time-aware indicators
        out.push({ ...c, openTime: t, closeTime: t + 59_999 });
        t += 60_000;
        if (out.length === n) return out;
      }
    }
  }
  return out;
}

export function columns(candles: readonly Candle[]): Columns {
  const n = candles.length;
  const c: Columns = { open: new Float64Array(n), high: new Float64Array(n), low: new Float64Array(n), close: new Float64Array(n), volume: new Float64Array(n), time: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const k = candles[i]!;
    c.open[i] = k.open;
    c.high[i] = k.high;
    c.low[i] = k.low;
    c.close[i] = k.close;
    c.volume[i] = k.volume;
    c.time[i] = k.openTime;
  }
  return c;
}

/** Median wall time in ms of `reps` runs of fn (after one warm-up run). */
export function medianMs(fn: () => unknown, reps: number): number {
  fn();
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
