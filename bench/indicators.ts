/**
 * Indicator speed, ns per candle on the same real 1m series in one process (median of runs):
 * our batch functions vs the `talib` binding, @ixjb94/indicators, technicalindicators; our incremental
 * classes vs trading-signals' streaming classes; and the full incremental IndicatorSet per candle.
 */
import { createRequire } from 'node:module';
import * as ts from 'trading-signals';
import { IndicatorSet } from '../src/indicators/indicator-set.js';
import { ALL_INDICATORS, findIndicator } from '../src/indicators/registry.js';
import { newMutableBar, type Params } from '../src/indicators/types.js';
import { benchCandles, columns, medianMs, type Columns } from './market.js';
import type { BenchResult, BenchSection } from './types.js';

const require = createRequire(import.meta.url);
type TalibResult = { result: Record<string, number[]> };
const talib = require('talib') as { execute(p: Record<string, unknown>): TalibResult };
const { IndicatorsSync } = require('@ixjb94/indicators') as { IndicatorsSync: new () => Record<string, (...a: unknown[]) => unknown> };
const ti = require('technicalindicators') as Record<string, { calculate(o: Record<string, unknown>): unknown }>;
const ix = new IndicatorsSync();

type Arr = { open: number[]; high: number[]; low: number[]; close: number[]; volume: number[] };

type Case = {
  label: string;
  name: string;
  params: Params;
  talib: (a: Arr, n: number) => unknown;
  ixjb: (a: Arr) => unknown;
  ti: (a: Arr) => unknown;
  /** one streaming update of trading-signals per candle */
  tsStream: () => (i: number, c: Columns) => void;
};

const hlc = (a: Arr) => ({ high: a.high, low: a.low, close: a.close });
const tl = (name: string, inputs: (a: Arr) => Record<string, number[]>, opt: Record<string, number>) => (a: Arr, n: number) =>
  talib.execute({ name, startIdx: 0, endIdx: n - 1, ...inputs(a), ...opt });

const CASES: Case[] = [
  { label: 'SMA 20', name: 'SMA', params: { period: 20 }, talib: tl('SMA', (a) => ({ inReal: a.close }), { optInTimePeriod: 20 }), ixjb: (a) => ix.sma!(a.close, 20), ti: (a) => ti.SMA!.calculate({ period: 20, values: a.close }), tsStream: () => { const x = new ts.SMA(20); return (i, c) => void x.update(c.close[i]!, false); } },
  { label: 'EMA 20', name: 'EMA', params: { period: 20 }, talib: tl('EMA', (a) => ({ inReal: a.close }), { optInTimePeriod: 20 }), ixjb: (a) => ix.ema!(a.close, 20), ti: (a) => ti.EMA!.calculate({ period: 20, values: a.close }), tsStream: () => { const x = new ts.EMA(20); return (i, c) => void x.update(c.close[i]!, false); } },
  { label: 'RSI 14', name: 'RSI', params: { period: 14 }, talib: tl('RSI', (a) => ({ inReal: a.close }), { optInTimePeriod: 14 }), ixjb: (a) => ix.rsi!(a.close, 14), ti: (a) => ti.RSI!.calculate({ period: 14, values: a.close }), tsStream: () => { const x = new ts.RSI(14); return (i, c) => void x.update(c.close[i]!, false); } },
  { label: 'MACD 12/26/9', name: 'MACD', params: { fastPeriod: 12, slowPeriod: 26, signalPeriod: 9 }, talib: tl('MACD', (a) => ({ inReal: a.close }), { optInFastPeriod: 12, optInSlowPeriod: 26, optInSignalPeriod: 9 }), ixjb: (a) => ix.macd!(a.close, 12, 26, 9), ti: (a) => ti.MACD!.calculate({ values: a.close, fastPeriod: 12, slowPeriod: 26, signalPeriod: 9, SimpleMAOscillator: false, SimpleMASignal: false }), tsStream: () => { const x = new ts.MACD(new ts.EMA(12), new ts.EMA(26), new ts.EMA(9)); return (i, c) => void x.update(c.close[i]!, false); } },
  { label: 'BBANDS 20/2', name: 'BBANDS', params: { period: 20, nbDevUp: 2, nbDevDn: 2, maType: 0 }, talib: tl('BBANDS', (a) => ({ inReal: a.close }), { optInTimePeriod: 20, optInNbDevUp: 2, optInNbDevDn: 2, optInMAType: 0 }), ixjb: (a) => ix.bbands!(a.close, 20, 2), ti: (a) => ti.BollingerBands!.calculate({ period: 20, values: a.close, stdDev: 2 }), tsStream: () => { const x = new ts.BollingerBands(20, 2); return (i, c) => void x.update(c.close[i]!, false); } },
  { label: 'ATR 14', name: 'ATR', params: { period: 14 }, talib: tl('ATR', hlc, { optInTimePeriod: 14 }), ixjb: (a) => ix.atr!(a.high, a.low, a.close, 14), ti: (a) => ti.ATR!.calculate({ ...hlc(a), period: 14 }), tsStream: () => { const x = new ts.ATR(14); return (i, c) => void x.update({ high: c.high[i]!, low: c.low[i]!, close: c.close[i]! }, false); } },
  { label: 'ADX 14', name: 'ADX', params: { period: 14 }, talib: tl('ADX', hlc, { optInTimePeriod: 14 }), ixjb: (a) => ix.adx!(a.high, a.low, 14), ti: (a) => ti.ADX!.calculate({ ...hlc(a), period: 14 }), tsStream: () => { const x = new ts.ADX(14); return (i, c) => void x.update({ high: c.high[i]!, low: c.low[i]!, close: c.close[i]! }, false); } },
  { label: 'STOCH 14/3/3', name: 'STOCH', params: { fastKPeriod: 14, slowKPeriod: 3, slowKMaType: 0, slowDPeriod: 3, slowDMaType: 0 }, talib: tl('STOCH', hlc, { optInFastK_Period: 14, optInSlowK_Period: 3, optInSlowK_MAType: 0, optInSlowD_Period: 3, optInSlowD_MAType: 0 }), ixjb: (a) => ix.stoch!(a.high, a.low, a.close, 14, 3, 3), ti: (a) => ti.Stochastic!.calculate({ ...hlc(a), period: 14, signalPeriod: 3 }), tsStream: () => { const x = new ts.StochasticOscillator({ kPeriod: 14, kSlowingPeriod: 3, dPeriod: 3 }); return (i, c) => void x.update({ high: c.high[i]!, low: c.low[i]!, close: c.close[i]! }, false); } },
  { label: 'OBV', name: 'OBV', params: {}, talib: tl('OBV', (a) => ({ inReal: a.close, volume: a.volume }), {}), ixjb: (a) => ix.obv!(a.close, a.volume), ti: (a) => ti.OBV!.calculate({ close: a.close, volume: a.volume }), tsStream: () => { const x = new ts.OBV(1); return (i, c) => void x.update({ open: c.open[i]!, high: c.high[i]!, low: c.low[i]!, close: c.close[i]!, volume: c.volume[i]! }, false); } },
  { label: 'CCI 20', name: 'CCI', params: { period: 20 }, talib: tl('CCI', hlc, { optInTimePeriod: 20 }), ixjb: (a) => ix.cci!(a.high, a.low, a.close, 20), ti: (a) => ti.CCI!.calculate({ ...hlc(a), period: 20 }), tsStream: () => { const x = new ts.CCI(20); return (i, c) => void x.update({ high: c.high[i]!, low: c.low[i]!, close: c.close[i]! }, false); } },
];

function inputsFor(names: readonly string[], c: Columns): Float64Array[] {
  return names.map((f) => (f === 'openTime' ? c.time : c[f as keyof Columns]));
}

function safe(fn: () => number): { value: number; note?: string } {
  try {
    return { value: fn() };
  } catch (e) {
    return { value: NaN, note: `failed: ${(e as Error).message.slice(0, 80)}` };
  }
}

export const indicatorsBench: BenchSection = {
  name: 'indicators',
  async run({ dataDir }) {
    const N = Number(process.env.BENCH_CANDLES ?? 1_000_000);
    const SLOW_N = Math.min(N, 100_000);
    const candles = benchCandles(dataDir, N);
    const cols = columns(candles);
    const arr: Arr = { open: Array.from(cols.open), high: Array.from(cols.high), low: Array.from(cols.low), close: Array.from(cols.close), volume: Array.from(cols.volume) };
    const slowArr: Arr = { open: arr.open.slice(0, SLOW_N), high: arr.high.slice(0, SLOW_N), low: arr.low.slice(0, SLOW_N), close: arr.close.slice(0, SLOW_N), volume: arr.volume.slice(0, SLOW_N) };
    const results: BenchResult[] = [];
    const ns = (ms: number, n: number) => (ms * 1e6) / n;

    for (const k of CASES) {
      const spec = findIndicator(k.name)!;
      const params = { ...spec.defaults, ...k.params };
      const inputs = inputsFor(spec.inputs, cols);
      const ours = ns(medianMs(() => spec.batch(inputs, params), 7), N);
      const tal = safe(() => ns(medianMs(() => k.talib(arr, N), 3), N));
      const ixj = safe(() => ns(medianMs(() => k.ixjb(arr), 7), N));
      const tin = safe(() => ns(medianMs(() => k.ti(slowArr), 3), SLOW_N));
      const fastestJs = Math.min(...[ixj.value, tin.value].filter(Number.isFinite));
      results.push({
        name: `batch ${k.label}`,
        unit: 'ns/candle',
        value: ours,
        n: N,
        extra: {
          talib: tal.value,
          ixjb: ixj.value,
          technicalindicators: tin.value,
          ratio_vs_fastest_js: ours / fastestJs,
          ratio_vs_talib: ours / tal.value,
          meets_half_fastest_js: ours <= fastestJs / 2 ? 'yes' : 'no',
          meets_tenth_talib: ours <= tal.value / 10 ? 'yes' : 'no',
        },
        ...(tal.note || ixj.note || tin.note ? { note: [tal.note, ixj.note, tin.note].filter(Boolean).join('; ') } : {}),
      });
    }

    for (const k of CASES) {
      const spec = findIndicator(k.name)!;
      const params = { ...spec.defaults, ...k.params };
      // Same input layout as the peer: values read from columns into one reused bar object.
      const bar = newMutableBar();
      const oursMs = medianMs(() => {
        const ind = spec.create(params);
        for (let i = 0; i < N; i++) {
          bar.open = cols.open[i]!;
          bar.high = cols.high[i]!;
          bar.low = cols.low[i]!;
          bar.close = cols.close[i]!;
          bar.volume = cols.volume[i]!;
          bar.openTime = cols.time[i]!;
          ind.update(bar);
        }
      }, 5);
      const peer = safe(() =>
        ns(
          medianMs(() => {
            const step = k.tsStream();
            for (let i = 0; i < SLOW_N; i++) step(i, cols);
          }, 3),
          SLOW_N,
        ),
      );
      results.push({ name: `incremental ${k.label}`, unit: 'ns/update', value: ns(oursMs, N), n: N, extra: { trading_signals: peer.value, ratio_vs_trading_signals: ns(oursMs, N) / peer.value }, ...(peer.note ? { note: peer.note } : {}) });
    }

    for (const spec of ALL_INDICATORS) {
      const inputs = inputsFor(spec.inputs, cols);
      const m = safe(() => ns(medianMs(() => spec.batch(inputs, spec.defaults), 3), N));
      results.push({ name: `batch ${spec.name} (defaults)`, unit: 'ns/candle', value: m.value, n: N, ...(m.note ? { note: m.note } : {}) });
    }

    const set = () => new IndicatorSet(ALL_INDICATORS.map((s) => ({ name: s.name })));
    const probe = set();
    const gc = (globalThis as { gc?: () => void }).gc;
    const setMs = medianMs(() => {
      const s = set();
      for (let i = 0; i < N; i++) s.update(candles[i]!);
    }, 3);
    // memory must not grow with history: heap after 10% of the candles vs after all of them
    const s = set();
    let heapEarly = 0;
    for (let i = 0; i < N; i++) {
      s.update(candles[i]!);
      if (i === Math.floor(N / 10)) {
        gc?.();
        heapEarly = process.memoryUsage().heapUsed;
      }
    }
    gc?.();
    const heapLate = process.memoryUsage().heapUsed;
    results.push({
      name: `incremental set: all ${ALL_INDICATORS.length} indicators (${probe.values.length} outputs), 1m`,
      unit: 'ns/candle',
      value: ns(setMs, N),
      n: N,
      extra: { indicators: ALL_INDICATORS.length, outputs: probe.values.length, ns_per_indicator: ns(setMs, N) / ALL_INDICATORS.length, heap_growth_bytes: gc ? heapLate - heapEarly : null },
    });
    return results;
  },
};
