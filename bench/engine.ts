/**
 * Decision engine throughput: candles/s for one symbol over a year of 1m candles with every head, the
 * regime and all their indicators on five timeframes — without storage, and recording every decision
 * into SQLite (scan_history, signals, rejected candidates).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveEngineParams } from '../src/engine/engine-params.js';
import { SymbolEngine } from '../src/engine/symbol-engine.js';
import { Engine } from '../src/engine/engine.js';
import { EngineRecorder } from '../src/engine/engine-recorder.js';
import { DEFAULT_OUTCOME_PARAMS } from '../src/outcomes/resolve.js';
import { createHeads } from '../src/heads/index.js';
import { openStore } from '../src/store/database.js';
import { benchCandles } from './market.js';
import type { BenchResult, BenchSection } from './types.js';

export const engineBench: BenchSection = {
  name: 'engine',
  async run({ dataDir }) {
    const N = Number(process.env.BENCH_ENGINE_CANDLES ?? 525_600);
    const candles = benchCandles(dataDir, N);
    const params = resolveEngineParams();
    const results: BenchResult[] = [];

    const runs: number[] = [];
    let signals = 0;
    let indicators = 0;
    for (let r = 0; r < 3; r++) {
      const engine = new SymbolEngine('BTCUSDT', params, createHeads());
      indicators = engine.set.slots.length;
      signals = 0;
      const t = performance.now();
      for (let i = 0; i < N; i++) if (engine.step(candles[i]!).action === 'signal') signals++;
      runs.push(performance.now() - t);
    }
    runs.sort((a, b) => a - b);
    const bare = runs[1]!;
    results.push({ name: 'decisions without storage', unit: 'candles/s', value: N / (bare / 1000), n: N, extra: { ns_per_candle: (bare * 1e6) / N, seconds_for_a_year: (bare / 1000) * (525_600 / N), indicators, signals } });

    const dir = mkdtempSync(join(tmpdir(), 'ap-bench-engine-'));
    const store = await openStore(`sqlite:${join(dir, 'engine.db')}`);
    const engine = new Engine({ symbols: ['BTCUSDT'], params, outcome: DEFAULT_OUTCOME_PARAMS, learning: { mode: 'seed', perRegime: false }, createHeads: () => createHeads() });
    const recorder = new EngineRecorder(store, engine);
    const t = performance.now();
    for (let i = 0; i < N; i++) {
      recorder.add(engine.step('BTCUSDT', candles[i]!));
      if (recorder.full) await recorder.flush();
    }
    await recorder.flush();
    const stored = performance.now() - t;
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    results.push({
      name: 'engine with outcomes, learning, all events recorded into SQLite',
      unit: 'candles/s',
      value: N / (stored / 1000),
      n: N,
      extra: { ns_per_candle: (stored * 1e6) / N, storage_share_of_time: 1 - bare / stored, ...recorder.written },
    });
    return results;
  },
};
