/**
 * The contract every indicator keeps: TA-Lib warm-up, incremental == batch bit for bit, no value
 * depends on a later candle, non-finite input rejected, snapshot/restore continues exactly,
 * flat markets give finite numbers, short inputs give NaN without failing.
 */
import { describe, expect, it } from 'vitest';
import { AlphaPulseError } from '../../src/core/errors.js';
import { ALL_INDICATORS } from '../../src/indicators/registry.js';
import type { Bar, IndicatorSpec, Params } from '../../src/indicators/types.js';
import { flatDaySeries, sampleSeries, type Series } from '../helpers/market-data.js';
import { specInputs } from '../helpers/talib-oracle.js';

const N = 3000;
const series = sampleSeries('BTCUSDT', N);

function sameBits(a: number, b: number): boolean {
  return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
}

function firstValid(a: Float64Array): number {
  for (let i = 0; i < a.length; i++) if (!Number.isNaN(a[i]!)) return i;
  return -1;
}

function feedAll(spec: IndicatorSpec, params: Params, s: Series, from = 0, to = s.candles.length, ind = spec.create(params)) {
  const rows: Float64Array[] = [];
  for (let i = from; i < to; i++) {
    ind.update(s.candles[i]!);
    rows.push(Float64Array.from(ind.outputs));
  }
  return { ind, rows };
}

function paramSets(spec: IndicatorSpec): Params[] {
  return [spec.defaults, ...(spec.testParams ?? [])];
}

describe.each(ALL_INDICATORS.map((s) => [s.name, s] as const))('%s contract', (_name, spec) => {
  it.each(paramSets(spec).map((p) => [JSON.stringify(p), p] as const))('incremental equals batch bit for bit %s', (_p, params) => {
    const batch = spec.batch(specInputs(spec, series), params);
    expect(batch.length).toBe(spec.outputs.length);
    const { ind, rows } = feedAll(spec, params, series);
    expect(ind.outputs.length).toBe(spec.outputs.length);
    for (let i = 0; i < rows.length; i++) {
      for (let k = 0; k < spec.outputs.length; k++) {
        if (!sameBits(rows[i]![k]!, batch[k]![i]!)) {
          throw new Error(`${spec.name}.${spec.outputs[k]} at ${i}: incremental ${rows[i]![k]} != batch ${batch[k]![i]}`);
        }
      }
    }
  });

  it('first valid output is at its lookback and isReady turns true there', () => {
    const ind = spec.create(spec.defaults);
    const batch = spec.batch(specInputs(spec, series), spec.defaults);
    expect(firstValid(batch[0]!)).toBe(ind.lookback);
    for (let i = 0; i <= ind.lookback; i++) {
      expect(ind.isReady).toBe(false);
      ind.update(series.candles[i]!);
    }
    expect(ind.isReady).toBe(true);
  });

  it('no output depends on a later candle', () => {
    const cut = 1700;
    const short = spec.batch(specInputs(spec, sliceSeries(series, cut)), spec.defaults);
    const long = spec.batch(specInputs(spec, series), spec.defaults);
    for (let k = 0; k < short.length; k++) {
      for (let i = 0; i < cut; i++) {
        if (!sameBits(short[k]![i]!, long[k]![i]!)) throw new Error(`${spec.name}.${spec.outputs[k]} at ${i} changed when later candles were added`);
      }
    }
  });

  it('snapshot and restore continue exactly', () => {
    const half = 1234;
    const whole = feedAll(spec, spec.defaults, series);
    const first = feedAll(spec, spec.defaults, series, 0, half);
    const state = JSON.parse(JSON.stringify(first.ind.snapshot()));
    const restored = spec.create(spec.defaults);
    restored.restore(state);
    for (let k = 0; k < spec.outputs.length; k++) expect(sameBits(restored.outputs[k]!, first.ind.outputs[k]!)).toBe(true);
    const rest = feedAll(spec, spec.defaults, series, half, series.candles.length, restored);
    for (let i = 0; i < rest.rows.length; i++) {
      for (let k = 0; k < spec.outputs.length; k++) {
        if (!sameBits(rest.rows[i]![k]!, whole.rows[half + i]![k]!)) {
          throw new Error(`${spec.name}.${spec.outputs[k]} at ${half + i}: restored ${rest.rows[i]![k]} != uninterrupted ${whole.rows[half + i]![k]}`);
        }
      }
    }
  });

  it('rejects a non-finite input instead of propagating it', () => {
    for (const field of spec.inputs) {
      if (field === 'openTime') continue;
      const inputs = specInputs(spec, sliceSeries(series, 200)).map((a) => Float64Array.from(a));
      inputs[spec.inputs.indexOf(field)]![150] = NaN;
      expect(() => spec.batch(inputs, spec.defaults)).toThrow(AlphaPulseError);
      const ind = spec.create(spec.defaults);
      for (let i = 0; i < 150; i++) ind.update(series.candles[i]!);
      const bad: Bar = { ...series.candles[150]!, [field]: Number.NaN };
      expect(() => ind.update(bad)).toThrow(AlphaPulseError);
    }
  });

  it('gives finite values on flat, zero-volume candles', () => {
    const flat = flatDaySeries();
    const out = spec.batch(specInputs(spec, flat), spec.defaults);
    const lookback = spec.create(spec.defaults).lookback;
    for (let k = 0; k < out.length; k++) {
      for (let i = lookback; i < out[k]!.length; i++) {
        if (!Number.isFinite(out[k]![i]!)) throw new Error(`${spec.name}.${spec.outputs[k]} at ${i} is ${out[k]![i]} on flat data`);
      }
    }
  });

  it('gives only NaN for a single candle or data shorter than its warm-up', () => {
    const lookback = spec.create(spec.defaults).lookback;
    const one = spec.batch(specInputs(spec, sliceSeries(series, 1)), spec.defaults);
    for (const o of one) expect(o.length).toBe(1);
    if (lookback > 0) {
      for (const o of one) expect(Number.isNaN(o[0]!)).toBe(true);
      const short = spec.batch(specInputs(spec, sliceSeries(series, lookback)), spec.defaults);
      for (const o of short) expect(o.every((v) => Number.isNaN(v))).toBe(true);
    }
  });
});

function sliceSeries(s: Series, n: number): Series {
  return {
    name: `${s.name}[0:${n}]`,
    time: s.time.subarray(0, n),
    open: s.open.subarray(0, n),
    high: s.high.subarray(0, n),
    low: s.low.subarray(0, n),
    close: s.close.subarray(0, n),
    volume: s.volume.subarray(0, n),
    candles: s.candles.slice(0, n),
  };
}
