/**
 * Engine throughput over a year of 1m candles (525,600 per symbol, real data tiled with consecutive
 * times): the decision step alone (indicators on five timeframes, regime, nine heads, consensus,
 * filters); the full engine (plus outcome and shadow monitors, learning, daily/weekly/hourly jobs)
 * without persistence, for one and two symbols; and the full engine recording every event into SQLite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Candle } from '../src/core/candle.js';
import { Engine } from '../src/engine/engine.js';
import { resolveEngineParams } from '../src/engine/engine-params.js';
import { EngineRecorder } from '../src/engine/engine-recorder.js';
import { SymbolEngine } from '../src/engine/symbol-engine.js';
import { createHeads } from '../src/heads/index.js';
import { DEFAULT_OUTCOME_PARAMS } from '../src/outcomes/resolve.js';
import { openStore } from '../src/store/database.js';
import { benchCandles } from './market.js';
import type { BenchResult, BenchSection } from './types.js';

const YEAR = 525_600;

function engine(symbols: string[]) {
  return new Engine({
    symbols,
    params: resolveEngineParams(),
    outcome: DEFAULT_OUTCOME_PARAMS,
    learning: { mode: 'seed', perRegime: false },
    createHeads: () => createHeads(),
    jobs: { enabled: true },
  });
}

async function replay(e: Engine, feed: readonly { s: string; c: Candle }[], recorder?: EngineRecorder): Promise<number> {
  const t = performance.now();
  for (const { s, c } of feed) {
    const ev = e.step(s, c);
    recorder?.add(ev);
    if (e.hasPendingJobs) recorder?.add(await e.runPendingJobs());
    if (recorder?.full) await recorder.flush();
  }
  await recorder?.flush(true);
  return performance.now() - t;
}

export const engineBench: BenchSection = {
  name: 'engine',
  async run({ dataDir }) {
    const N = Number(process.env.BENCH_ENGINE_CANDLES ?? YEAR);
    const candles = benchCandles(dataDir, N);
    const params = resolveEngineParams();
    const results: BenchResult[] = [];
    const rate = (ms: number, n: number) => n / (ms / 1000);

    const runs: number[] = [];
    let signals = 0;
    let indicators = 0;
    for (let r = 0; r < 3; r++) {
      const se = new SymbolEngine('BTCUSDT', params, createHeads());
      indicators = se.set.slots.length;
      signals = 0;
      const t = performance.now();
      for (let i = 0; i < N; i++) if (se.step(candles[i]!).action === 'signal') signals++;
      runs.push(performance.now() - t);
    }
    runs.sort((a, b) => a - b);
    const bare = runs[1]!;
    results.push({ name: 'decision step (1 symbol), median of 3', unit: 'candles/s', value: rate(bare, N), n: N, extra: { ns_per_candle: (bare * 1e6) / N, seconds_per_year: (bare / 1000) * (YEAR / N), indicator_slots: indicators, signals } });

    const one = candles.map((c) => ({ s: 'BTCUSDT', c }));
    const full1 = await replay(engine(['BTCUSDT']), one);
    results.push({ name: 'full engine, 1 symbol, no persistence', unit: 'candles/s', value: rate(full1, N), n: N, extra: { seconds_per_year: (full1 / 1000) * (YEAR / N) } });

    const half = Math.floor(N / 2);
    const two: { s: string; c: Candle }[] = [];
    for (let i = 0; i < half; i++) {
      two.push({ s: 'BTCUSDT', c: candles[i]! });
      two.push({ s: 'ETHUSDT', c: candles[half + i]! === undefined ? candles[i]! : { ...candles[half + i]!, openTime: candles[i]!.openTime, closeTime: candles[i]!.closeTime } });
    }
    const full2 = await replay(engine(['BTCUSDT', 'ETHUSDT']), two);
    results.push({ name: 'full engine, 2 symbols interleaved, no persistence', unit: 'candles/s', value: rate(full2, two.length), n: two.length });

    const dir = mkdtempSync(join(tmpdir(), 'ap-bench-engine-'));
    const store = await openStore(`sqlite:${join(dir, 'engine.db')}`);
    const e = engine(['BTCUSDT']);
    const recorder = new EngineRecorder(store, e, { checkpoint: 'bench', checkpointEvery: 20 });
    const stored = await replay(e, one, recorder);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    results.push({
      name: 'full engine, 1 symbol, every event recorded into SQLite',
      unit: 'candles/s',
      value: rate(stored, N),
      n: N,
      extra: { storage_share_of_time: 1 - full1 / stored, ...recorder.written },
    });
    return results;
  },
};
