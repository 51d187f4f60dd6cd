/**
 * Candlestick patterns speed: ns per candle of an IndicatorSet holding all 59 CDL* patterns, and of
 * each pattern's batch function, on real 1m candles. The machine may be shared: every figure is the
 * minimum over repeated runs of the process CPU time (user + system) per candle.
 *
 * (No forced GC between runs: a forced full GC here throws away the optimised code.)
 *
 *   node --import tsx bench/patterns.ts [N=200000] [reps=7] [--no-batch]
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { IndicatorSet } from '../src/indicators/indicator-set.js';
import { patternSpecs } from '../src/indicators/pattern/index.js';
import { benchCandles, columns } from './market.js';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const N = Number(args[0] ?? 200_000);
const REPS = Number(args[1] ?? 7);
const noBatch = process.argv.includes('--no-batch');
const shared = resolve(import.meta.dirname, '../../shared/data');
const dataDir = existsSync(shared) ? shared : resolve(import.meta.dirname, '../data/sample');
const candles = benchCandles(dataDir, N);
const cols = columns(candles);

/** Minimum CPU ns per candle over `reps` runs (after two warm-up runs). */
function minNs(fn: () => void, n: number, reps: number): number {
  fn();
  fn();
  let best = Infinity;
  for (let r = 0; r < reps; r++) {
    const c = process.cpuUsage();
    fn();
    const d = process.cpuUsage(c);
    best = Math.min(best, ((d.user + d.system) * 1000) / n);
  }
  return best;
}

const names = patternSpecs.map((s) => s.name);
let checksum = 0;
const setNs = minNs(() => {
  const set = new IndicatorSet(names.map((name) => ({ name })));
  const v = set.values;
  let sum = 0;
  for (let i = 0; i < N; i++) {
    set.update(candles[i]!);
    sum += v[i & 31]! || 0; // a cheap read of the outputs (the set has at least 32)
  }
  checksum = sum;
}, N, REPS);
console.log(`IndicatorSet of ${names.length} CDL patterns: ${setNs.toFixed(1)} ns/candle (${(setNs / names.length).toFixed(2)} ns/pattern), N=${N}, checksum ${checksum}`);

if (!noBatch) {
  const inputs = [cols.open, cols.high, cols.low, cols.close];
  const rows: [string, number][] = [];
  for (const spec of patternSpecs) {
    rows.push([spec.name, minNs(() => void spec.batch(inputs, spec.defaults), N, Math.max(3, REPS >> 1))]);
  }
  const total = rows.reduce((a, [, v]) => a + v, 0);
  for (const [name, v] of rows) console.log(`batch ${name.padEnd(22)} ${v.toFixed(1).padStart(7)} ns/candle`);
  console.log(`batch sum over ${rows.length} patterns: ${total.toFixed(0)} ns/candle`);
}
