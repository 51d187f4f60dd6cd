/**
 * AD — Chaikin accumulation/distribution line: the running sum of
 * ((close - low) - (high - close)) / (high - low) * volume (bars with high == low add nothing).
 * Definition and floating-point order: TA-Lib TA_AD (no warm-up).
 */
import { IndicatorBase } from '../base.js';
import { checkLengths } from '../price/series.js';
import { rejectInput, rethrowAtIndex } from '../validate.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';

/** Cold path: names the first non-finite of high, low, close, volume and throws. */
export function rejectHlcv(indicator: string, h: number, l: number, c: number, v: number): never {
  if (h - h !== 0) rejectInput(indicator, 'high', h);
  if (l - l !== 0) rejectInput(indicator, 'low', l);
  if (c - c !== 0) rejectInput(indicator, 'close', c);
  rejectInput(indicator, 'volume', v);
}

export class Ad extends IndicatorBase {
  readonly lookback = 0;
  private ad = 0;

  constructor(outputs?: Float64Array) {
    super(1, outputs);
  }

  update(bar: Bar): void {
    const h = bar.high;
    const l = bar.low;
    const c = bar.close;
    const v = bar.volume;
    if (h - h + (l - l) + (c - c) + (v - v) !== 0) rejectHlcv('AD', h, l, c, v);
    this.count++;
    const tmp = h - l;
    if (tmp > 0.0) this.ad += ((c - l - (h - c)) / tmp) * v;
    this.outputs[0] = this.ad;
  }

  snapshot(): IndicatorState {
    return { count: this.count, ad: this.ad };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.ad = s.ad as number;
    this.outputs[0] = this.count > 0 ? this.ad : NaN;
  }
}

/** Batch AD with TA-Lib's name and inputs (no warm-up). */
export function ad(high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>, volume: ArrayLike<number>): Float64Array {
  const n = checkLengths('AD', ['high', 'low', 'close', 'volume'], [high, low, close, volume]);
  const ind = new Ad();
  const bar = newMutableBar();
  const o = ind.outputs;
  const out = new Float64Array(n);
  let i = 0;
  try {
    for (; i < n; i++) {
      bar.high = high[i]!;
      bar.low = low[i]!;
      bar.close = close[i]!;
      bar.volume = volume[i]!;
      ind.update(bar);
      out[i] = o[0]!;
    }
  } catch (e) {
    rethrowAtIndex('AD', ['high', 'low', 'close', 'volume'], [high, low, close, volume], i, e);
  }
  return out;
}

export const adSpec: IndicatorSpec<Record<string, never>> = {
  name: 'AD',
  group: 'volume',
  summary: 'Chaikin accumulation/distribution line',
  inputs: ['high', 'low', 'close', 'volume'],
  outputs: ['real'],
  defaults: {},
  create: (_p, out) => new Ad(out),
  batch: ([h, l, c, v]) => [ad(h!, l!, c!, v!)],
  talib: { name: 'AD', optIn: () => ({}), outputs: ['outReal'] },
};
