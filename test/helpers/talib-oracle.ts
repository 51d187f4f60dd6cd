/**
 * TA-Lib (the `talib` npm package, TA-Lib's C code) as a test oracle: never used at runtime.
 * It must be given plain arrays — a Float64Array silently yields garbage.
 */
import { createRequire } from 'node:module';
import type { IndicatorSpec, InputField, Params } from '../../src/indicators/types.js';
import type { Series } from './market-data.js';

type TalibResult = { begIndex: number; nbElement: number; result: Record<string, number[]>; error?: string };
type Talib = { execute(p: Record<string, unknown>): TalibResult; explain(name: string): { inputs: { name: string; flags?: Record<string, string> }[] } };

const require = createRequire(import.meta.url);
export const talib: Talib = require('talib') as Talib;

const TALIB_INPUT: Record<InputField, string> = {
  open: 'open',
  high: 'high',
  low: 'low',
  close: 'close',
  volume: 'volume',
  openTime: 'close',
};

/** Runs the TA-Lib function of `spec` on `series`; outputs aligned to the input with NaN before begIndex. */
export function talibOutputs<P extends Params>(spec: IndicatorSpec<P>, params: P, series: Series): Float64Array[] {
  const t = spec.talib;
  if (!t) throw new Error(`${spec.name} has no TA-Lib counterpart`);
  const n = series.close.length;
  const info = talib.explain(t.name);
  const call: Record<string, unknown> = { name: t.name, startIdx: 0, endIdx: n - 1, ...t.optIn(params) };
  // Price inputs (inPriceHLC...) take named arrays; real inputs (inReal, inReal0, inReal1) take the spec's inputs in order.
  let realIndex = 0;
  for (const input of info.inputs) {
    if (input.flags) {
      for (const field of Object.values(input.flags)) call[field] = Array.from(series[field as 'open']);
    } else {
      const field = spec.inputs[realIndex++]!;
      call[input.name] = Array.from(series[TALIB_INPUT[field] as 'open']);
    }
  }
  const r = talib.execute(call);
  if (r.error) throw new Error(`talib ${t.name}: ${r.error}`);
  return t.outputs.map((key) => {
    const out = new Float64Array(n).fill(NaN);
    const values = r.result[key];
    if (!values) throw new Error(`talib ${t.name} has no output ${key} (has ${Object.keys(r.result).join(', ')})`);
    for (let i = 0; i < r.nbElement; i++) out[r.begIndex + i] = values[i]!;
    return out;
  });
}

export type Mismatch = { index: number; ours: number; reference: number; relError: number } | null;

/**
 * First index where `ours` and `reference` differ by more than `tol` relative error
 * (|a-b| <= tol * max(|b|, 1e-300); values that are both exactly zero or both NaN agree).
 */
export function firstMismatch(ours: Float64Array, reference: Float64Array, tol = 1e-9): Mismatch {
  const n = reference.length;
  for (let i = 0; i < n; i++) {
    const a = ours[i]!;
    const b = reference[i]!;
    if (Number.isNaN(a) && Number.isNaN(b)) continue;
    if (a === b) continue;
    const rel = Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
    if (!(rel <= tol)) return { index: i, ours: a, reference: b, relError: rel };
  }
  return null;
}

/** Inputs of a spec taken from a series, in the spec's order. */
export function specInputs(spec: IndicatorSpec, series: Series): Float64Array[] {
  return spec.inputs.map((f) => (f === 'openTime' ? series.time : series[f]));
}
