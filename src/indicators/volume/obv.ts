/**
 * OBV — on-balance volume: adds the bar's volume when the close rises, subtracts it when it falls.
 * Definition and floating-point order: TA-Lib TA_OBV (the first value is the first bar's volume; no
 * warm-up).
 */
import { IndicatorBase } from '../base.js';
import { checkSeries } from '../price/series.js';
import { decodeNumber, encodeNumber } from '../state.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { rejectInput } from '../validate.js';

export class Obv extends IndicatorBase {
  readonly lookback = 0;
  private obv = 0;
  private prevClose = NaN;

  constructor(outputs?: Float64Array) {
    super(1, outputs);
  }

  update(bar: Bar): void {
    const c = bar.close;
    const v = bar.volume;
    if (c - c + (v - v) !== 0) {
      if (c - c !== 0) rejectInput('OBV', 'close', c);
      rejectInput('OBV', 'volume', v);
    }
    if (this.count++ === 0) {
      this.obv = v;
    } else {
      const prev = this.prevClose;
      if (c > prev) this.obv += v;
      else if (c < prev) this.obv -= v;
    }
    this.prevClose = c;
    this.outputs[0] = this.obv;
  }

  snapshot(): IndicatorState {
    return { count: this.count, obv: this.obv, prevClose: encodeNumber(this.prevClose) };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.obv = s.obv as number;
    this.prevClose = decodeNumber(s.prevClose);
    this.outputs[0] = this.count > 0 ? this.obv : NaN;
  }
}

/** Batch OBV with TA-Lib's name and inputs (inReal = close, volume; no warm-up). */
export function obv(real: ArrayLike<number>, volume: ArrayLike<number>): Float64Array {
  const n = checkSeries('OBV', ['close', 'volume'], [real, volume]);
  const ind = new Obv();
  const bar = newMutableBar();
  const o = ind.outputs;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    bar.close = real[i]!;
    bar.volume = volume[i]!;
    ind.update(bar);
    out[i] = o[0]!;
  }
  return out;
}

export const obvSpec: IndicatorSpec<Record<string, never>> = {
  name: 'OBV',
  group: 'volume',
  summary: 'On-balance volume',
  inputs: ['close', 'volume'],
  outputs: ['real'],
  defaults: {},
  create: (_p, out) => new Obv(out),
  batch: ([c, v]) => [obv(c!, v!)],
  talib: { name: 'OBV', optIn: () => ({}), outputs: ['outReal'] },
};
