/**
 * OBV — on-balance volume: adds the bar's volume when the close rises, subtracts it when it falls.
 * Definition and floating-point order: TA-Lib TA_OBV (the first value is the first bar's volume; no
 * warm-up).
 */
import { IndicatorBase } from '../base.js';
import { checkLengths } from '../price/series.js';
import { decodeNumber, encodeNumber } from '../state.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { rejectInput, rethrowAtIndex } from '../validate.js';

export class Obv extends IndicatorBase {
  readonly lookback = 0;
  private obv = 0;
  private prevClose = NaN;
  /** [-0, v, -v]: the branch-free choice of what this bar adds. */
  private readonly pick = Float64Array.of(-0, 0, 0);

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
      // TA-Lib: if (c > prev) obv += v; else if (c < prev) obv -= v. Up or down is a coin flip on
      // market data, so the branches become one addition of v, -v or -0 picked through a scratch array
      // (x - v is exactly x + -v, and x + -0 is exactly x for every x).
      const prev = this.prevClose;
      const pick = this.pick;
      pick[1] = v;
      pick[2] = -v;
      this.obv += pick[+(c > prev) | (+(c < prev) << 1)]!;
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
  const n = checkLengths('OBV', ['close', 'volume'], [real, volume]);
  const ind = new Obv();
  const bar = newMutableBar();
  const o = ind.outputs;
  const out = new Float64Array(n);
  let i = 0;
  try {
    for (; i < n; i++) {
      bar.close = real[i]!;
      bar.volume = volume[i]!;
      ind.update(bar);
      out[i] = o[0]!;
    }
  } catch (e) {
    rethrowAtIndex('OBV', ['close', 'volume'], [real, volume], i, e);
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
