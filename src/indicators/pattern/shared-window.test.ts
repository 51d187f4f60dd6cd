/**
 * In an IndicatorSet the candlestick patterns share one window and one engine (candle-pattern.ts):
 * the set must give, bar for bar and bit for bit, what each pattern's batch function gives - also
 * after the set is snapshotted to JSON and restored mid-series, and whatever the bar is like (a
 * synthetic series makes every pattern fire, so every key condition is put to the test).
 */
import { describe, expect, it } from 'vitest';
import { sampleSeries, type Series } from '../../../test/helpers/market-data.js';
import { candleFromOhlcv, type Candle } from '../../core/candle.js';
import { IndicatorSet, type IndicatorConfig } from '../indicator-set.js';
import type { IndicatorSpec, IndicatorState, Params } from '../types.js';
import { CANDLE_SETTINGS, CandleWindow, candleAverage } from './candle-settings.js';
import { patternSpecs } from './index.js';

/** Every pattern with its defaults, then every pattern with its test parameters. */
const configs: { spec: IndicatorSpec; params: Params }[] = [
  ...patternSpecs.map((spec) => ({ spec, params: spec.defaults })),
  ...patternSpecs.flatMap((spec) => (spec.testParams ?? []).map((params) => ({ spec, params }))),
];
const setConfigs: IndicatorConfig[] = configs.map(({ spec, params }) => ({ name: spec.name, params }));

function batchOutputs(s: Series): Float64Array[] {
  return configs.map(({ spec, params }) => spec.batch([s.open, s.high, s.low, s.close], params)[0]!);
}

function roundTrip(set: IndicatorSet): IndicatorSet {
  const state = JSON.parse(JSON.stringify(set.snapshot()));
  const fresh = new IndicatorSet(setConfigs);
  fresh.restore(state);
  return fresh;
}

/**
 * Feeds `s` to a set of all patterns, replacing the set by a JSON round trip of itself before each
 * bar in `restoreAt`, and checks every output against the batch functions after every bar.
 */
function checkSet(s: Series, restoreAt: ReadonlySet<number> = new Set()): void {
  const expected = batchOutputs(s);
  let set = new IndicatorSet(setConfigs);
  for (let i = 0; i < s.candles.length; i++) {
    if (restoreAt.has(i)) set = roundTrip(set);
    set.update(s.candles[i]!);
    for (let k = 0; k < configs.length; k++) {
      const got = set.values[k]!;
      const want = expected[k]![i]!;
      if (!Object.is(got, want)) {
        throw new Error(`${set.slots[k]!.key} at bar ${i} of ${s.name}: set ${got}, batch ${want}`);
      }
    }
  }
}

function seriesOf(name: string, candles: readonly Candle[]): Series {
  const col = (f: (c: Candle) => number) => Float64Array.from(candles, f);
  return {
    name,
    time: col((c) => c.openTime),
    open: col((c) => c.open),
    high: col((c) => c.high),
    low: col((c) => c.low),
    close: col((c) => c.close),
    volume: col((c) => c.volume),
    candles,
  };
}

/**
 * Bars built from a few discrete moves (gaps, body sizes, shadows), so that the multi-bar shapes the
 * patterns look for, ties included, come up often; plus, now and then, textbook instances of the
 * rarest ones (three stars in the south, mat hold, concealing baby swallow).
 */
function syntheticSeries(n: number, seed: number): Series {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (xs: readonly number[]) => xs[Math.floor(random() * xs.length)]!;
  type Ohlc = readonly [open: number, high: number, low: number, close: number];
  const textbook: readonly (readonly Ohlc[])[] = [
    // three stars in the south
    [
      [30, 31, -40, 0],
      [10, 11, -20, 2],
      [-1, -1, -3, -3],
    ],
    // mat hold
    [
      [0, 41, -1, 40],
      [46, 47, 43, 44],
      [39, 40, 36, 37],
      [36, 37, 33, 34],
      [35, 51, 34, 50],
    ],
    // concealing baby swallow
    [
      [30, 30, 20, 20],
      [19, 19, 10, 10],
      [8, 15, 4, 5],
      [20, 21, 1, 2],
    ],
  ];
  const bars: Ohlc[] = [];
  let prev = 1000;
  while (bars.length < n) {
    if (random() < 0.004) {
      const base = prev;
      for (const [o, h, l, c] of textbook[Math.floor(random() * textbook.length)]!) bars.push([base + o, base + h, base + l, base + c]);
      prev = bars[bars.length - 1]![3];
      continue;
    }
    const open = prev + pick([-40, -10, -3, -1, 0, 0, 1, 3, 10, 40]);
    const close = open + pick(seed % 2 === 0 ? [-30, -20, -4, -2, 0, 2, 4, 20, 30] : [-25, -3, 0, 3, 25]);
    const high = Math.max(open, close) + pick([0, 0, 1, 5, 15]);
    const low = Math.min(open, close) - pick([0, 0, 1, 5, 15]);
    bars.push([open, high, low, close]);
    prev = random() < 0.5 ? close : pick([open, high, low, close]);
    if (prev < 300 || prev > 3000) prev = 1000;
  }
  const candles = bars.slice(0, n).map(([open, high, low, close], i) => candleFromOhlcv(i * 60_000, open, high, low, close, 1, 60_000));
  return seriesOf(`synthetic(${seed})`, candles);
}

describe('candlestick patterns in an IndicatorSet (one shared window and engine)', () => {
  const btc = sampleSeries('BTCUSDT');
  const eth = sampleSeries('ETHUSDT');

  it.each([
    ['BTCUSDT', btc],
    ['ETHUSDT', eth],
  ] as const)('give exactly the batch outputs on real data (%s)', (_name, s) => {
    checkSet(s);
  });

  it('give exactly the batch outputs after JSON snapshot/restore of the set mid-series, also during the warm-up', () => {
    // during the warm-up, at the longest lookback and just after it, twice in a row, and mid-series
    checkSet(btc, new Set([1, 5, 11, 14, 15, 16, 17, 1000, 1001, 1003, 20_000]));
  });

  it('give exactly the batch outputs on a synthetic series on which every pattern fires', () => {
    const s = syntheticSeries(150_000, 7);
    const expected = batchOutputs(s);
    for (const [k, out] of expected.entries()) {
      if (!out.some((v) => v !== 0 && !Number.isNaN(v))) throw new Error(`${setConfigs[k]!.name} never fires on the synthetic series`);
    }
    checkSet(s, new Set([12, 777, 50_000]));
    checkSet(syntheticSeries(50_000, 8));
  });

  it('restore idempotently: the same state restored twice, or into a set that has run on, continues exactly', () => {
    const half = 3000;
    const whole = new IndicatorSet(setConfigs);
    const first = new IndicatorSet(setConfigs);
    for (let i = 0; i < half; i++) {
      whole.update(btc.candles[i]!);
      first.update(btc.candles[i]!);
    }
    const state = JSON.parse(JSON.stringify(first.snapshot()));
    for (let i = half; i < half + 500; i++) first.update(btc.candles[i]!); // runs on, then goes back
    first.restore(state);
    first.restore(state);
    expect(Array.from(first.values)).toEqual(Array.from(whole.values));
    for (let i = half; i < half + 3000; i++) {
      whole.update(btc.candles[i]!);
      first.update(btc.candles[i]!);
      for (let k = 0; k < configs.length; k++) {
        if (!Object.is(first.values[k], whole.values[k])) throw new Error(`${first.slots[k]!.key} at bar ${i}: restored ${first.values[k]}, uninterrupted ${whole.values[k]}`);
      }
    }
  });

  it('keep the standalone snapshot form: a pattern of a set restores a standalone pattern, and back', () => {
    const cut = 2500;
    const set = new IndicatorSet(setConfigs);
    for (let i = 0; i < cut; i++) set.update(btc.candles[i]!);
    const states = JSON.parse(JSON.stringify(set.snapshot())) as { slots: { key: string; state: IndicatorState }[] };
    const expected = batchOutputs(btc);
    configs.forEach(({ spec, params }, k) => {
      const alone = spec.create(params);
      alone.restore(states.slots[k]!.state);
      for (let i = cut; i < cut + 2000; i++) {
        alone.update(btc.candles[i]!);
        if (!Object.is(alone.outputs[0], expected[k]![i])) throw new Error(`${spec.name} standalone from a set snapshot, bar ${i}: ${alone.outputs[0]} != ${expected[k]![i]}`);
      }
    });
    // and standalone states (one per pattern) restore a set
    const fromAlone = configs.map(({ spec, params }) => {
      const alone = spec.create(params);
      for (let i = 0; i < cut; i++) alone.update(btc.candles[i]!);
      return { key: '', state: JSON.parse(JSON.stringify(alone.snapshot())) as IndicatorState };
    });
    const restored = new IndicatorSet(setConfigs);
    restored.restore({ slots: fromAlone.map((s, k) => ({ ...s, key: restored.slots[k]!.key })), aggregator: null });
    for (let i = cut; i < cut + 2000; i++) {
      restored.update(btc.candles[i]!);
      for (let k = 0; k < configs.length; k++) {
        if (!Object.is(restored.values[k], expected[k]![i])) throw new Error(`${restored.slots[k]!.key} restored from standalone states, bar ${i}`);
      }
    }
  });

  it('reject a pattern that falls out of step with the window it shares', () => {
    const shared = new Map<string, unknown>();
    const doji = patternSpecs.find((s) => s.name === 'CDLDOJI')!.create({}, undefined, shared);
    const hammer = patternSpecs.find((s) => s.name === 'CDLHAMMER')!.create({}, undefined, shared);
    doji.update(btc.candles[0]!);
    doji.update(btc.candles[1]!);
    expect(() => hammer.update(btc.candles[0]!)).toThrow(/out of step/);
  });
});

describe('CandleWindow averages', () => {
  it('equal TA_CANDLEAVERAGE of the default settings, bit for bit', () => {
    const w = new CandleWindow();
    const written: Record<string, (total: number) => number> = {
      BodyLong: (t) => w.avgBodyLong(t),
      BodyVeryLong: (t) => w.avgBodyVeryLong(t),
      BodyShort: (t) => w.avgBodyShort(t),
      BodyDoji: (t) => w.avgBodyDoji(t),
      ShadowLong: (t) => w.avgShadowLong(t),
      ShadowVeryLong: (t) => w.avgShadowVeryLong(t),
      ShadowShort: (t) => w.avgShadowShort(t),
      ShadowVeryShort: (t) => w.avgShadowVeryShort(t),
      Near: (t) => w.avgNear(t),
      Far: (t) => w.avgFar(t),
      Equal: (t) => w.avgEqual(t),
    };
    const values = [0, 1e-9, 0.1, 0.3, 1, 7.77, 12.34, 1234.5678, 98765.4321, 3e7, ...Array.from({ length: 200 }, (_, i) => ((i * 7919) % 1000) / 7 + i / 3)];
    for (const [name, s] of Object.entries(CANDLE_SETTINGS)) {
      const f = written[name]!;
      for (const v of values) {
        // period-0 settings average the candle's own range (passed as `range`), the others a total
        const want = s.avgPeriod === 0 ? candleAverage(s, 0, v) : candleAverage(s, v, NaN);
        if (!Object.is(f(v), want)) throw new Error(`${name}(${v}): ${f(v)} != ${want}`);
      }
    }
  });
});
