/**
 * CDLIDENTICAL3CROWS — Identical three crows: three declining black candles with very short lower
 * shadows, each opening (almost) at the previous close.
 * Definition: TA-Lib TA_CDLIDENTICAL3CROWS (ta_CDLIDENTICAL3CROWS.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { Equal, ShadowVeryShort } from './candle-settings.js';

const LOOKBACK = Math.max(ShadowVeryShort.avgPeriod, Equal.avgPeriod) + 2;

/** Incremental CDLIDENTICAL3CROWS: 1 output (-100 or 0). */
export class CdlIdentical3Crows extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLIDENTICAL3CROWS', LOOKBACK, [[ShadowVeryShort, 2], [ShadowVeryShort, 1], [ShadowVeryShort, 0], [Equal, 2], [Equal, 1]], outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.push(bar, i);
    this.count = i + 1;
    if (i < LOOKBACK) return;
    const t = w.totals;
    let out = 0;
    if (
      w.color(i - 2) === -1 &&
      w.lowerShadow(i - 2) < w.avg(ShadowVeryShort, t[0]!, i - 2) &&
      w.color(i - 1) === -1 &&
      w.lowerShadow(i - 1) < w.avg(ShadowVeryShort, t[1]!, i - 1) &&
      w.color(i) === -1 &&
      w.lowerShadow(i) < w.avg(ShadowVeryShort, t[2]!, i) &&
      w.c(i - 2) > w.c(i - 1) &&
      w.c(i - 1) > w.c(i) &&
      w.o(i - 1) <= w.c(i - 2) + w.avg(Equal, t[3]!, i - 2) &&
      w.o(i - 1) >= w.c(i - 2) - w.avg(Equal, t[3]!, i - 2) &&
      w.o(i) <= w.c(i - 1) + w.avg(Equal, t[4]!, i - 1) &&
      w.o(i) >= w.c(i - 1) - w.avg(Equal, t[4]!, i - 1)
    ) {
      out = -100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDLIDENTICAL3CROWS (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlidentical3crows(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLIDENTICAL3CROWS', open, high, low, close);
  const ind = new CdlIdentical3Crows();
  const bar = newMutableBar();
  const n = close.length;
  const out = new Float64Array(n);
  const o = ind.outputs;
  for (let i = 0; i < n; i++) {
    bar.open = open[i]!;
    bar.high = high[i]!;
    bar.low = low[i]!;
    bar.close = close[i]!;
    ind.update(bar);
    out[i] = o[0]!;
  }
  return out;
}

export const cdlidentical3crowsSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLIDENTICAL3CROWS',
  group: 'pattern',
  summary: 'Identical three crows',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new CdlIdentical3Crows(out),
  batch: ([o, h, l, c]) => [cdlidentical3crows(o!, h!, l!, c!)],
  talib: { name: 'CDLIDENTICAL3CROWS', optIn: () => ({}), outputs: ['outInteger'] },
};
