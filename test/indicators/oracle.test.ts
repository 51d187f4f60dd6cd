/**
 * Every indicator with a TA-Lib counterpart matches TA-Lib's C code (npm `talib`) to a relative error
 * <= 1e-9 from TA-Lib's first valid index on, on real BTCUSDT and ETHUSDT 1m data: the bundled sample
 * always, and months from ../shared/data when present.
 */
import { describe, expect, it } from 'vitest';
import { ALL_INDICATORS } from '../../src/indicators/registry.js';
import type { IndicatorSpec, Params } from '../../src/indicators/types.js';
import { hasSharedData, sampleSeries, sharedSeries, type Series } from '../helpers/market-data.js';
import { firstMismatch, specInputs, talibOutputs } from '../helpers/talib-oracle.js';

const withTalib = ALL_INDICATORS.filter((s) => s.talib !== undefined);

function datasets(): Series[] {
  const sets: Series[] = [sampleSeries('BTCUSDT'), sampleSeries('ETHUSDT')];
  if (hasSharedData) {
    for (const f of ['BTCUSDT-1m-2021-04.csv', 'ETHUSDT-1m-2023-03.csv']) {
      const s = sharedSeries(f);
      if (s) sets.push(s);
    }
  } else {
    console.warn('oracle tests: ../shared/data not found; comparing on the bundled sample only');
  }
  return sets;
}

const sets = datasets();

function check(spec: IndicatorSpec, params: Params, s: Series) {
  const ours = spec.batch(specInputs(spec, s), params);
  const ref = talibOutputs(spec, params, s);
  for (let k = 0; k < ref.length; k++) {
    const m = firstMismatch(ours[k]!, ref[k]!);
    if (m) {
      throw new Error(
        `${spec.name}${JSON.stringify(params)}.${spec.outputs[k]} on ${s.name} differs at index ${m.index}: ours ${m.ours}, TA-Lib ${m.reference} (relative error ${m.relError})`,
      );
    }
  }
  expect(ours.length).toBe(ref.length);
}

describe.each(withTalib.map((s) => [s.name, s] as const))('%s matches TA-Lib', (_n, spec) => {
  const paramSets = [spec.defaults, ...(spec.testParams ?? [])];
  it.each(sets.flatMap((s) => paramSets.map((p) => [s.name, JSON.stringify(p), s, p] as const)))('on %s with %s', (_s, _p, s, p) => {
    check(spec, p, s);
  });
});
