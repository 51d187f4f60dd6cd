/**
 * CDLCONCEALBABYSWALL — Concealing baby swallow: two black marubozu, a black candle gapping down with
 * an upper shadow into the prior body, and a black candle engulfing it including the shadows.
 * Definition: TA-Lib TA_CDLCONCEALBABYSWALL (ta_CDLCONCEALBABYSWALL.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { ShadowVeryShort } from './candle-settings.js';

const LOOKBACK = ShadowVeryShort.avgPeriod + 3;

/** Incremental CDLCONCEALBABYSWALL: 1 output (100 or 0). */
export class CdlConcealBabySwallow extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLCONCEALBABYSWALL', LOOKBACK, [[ShadowVeryShort, 3], [ShadowVeryShort, 2], [ShadowVeryShort, 1]], outputs);
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
      w.color(i - 3) === -1 &&
      w.color(i - 2) === -1 &&
      w.color(i - 1) === -1 &&
      w.color(i) === -1 &&
      w.lowerShadow(i - 3) < w.avg(ShadowVeryShort, t[0]!, i - 3) &&
      w.upperShadow(i - 3) < w.avg(ShadowVeryShort, t[0]!, i - 3) &&
      w.lowerShadow(i - 2) < w.avg(ShadowVeryShort, t[1]!, i - 2) &&
      w.upperShadow(i - 2) < w.avg(ShadowVeryShort, t[1]!, i - 2) &&
      w.realBodyGapDown(i - 1, i - 2) &&
      w.upperShadow(i - 1) > w.avg(ShadowVeryShort, t[2]!, i - 1) &&
      w.h(i - 1) > w.c(i - 2) &&
      w.h(i) > w.h(i - 1) &&
      w.l(i) < w.l(i - 1)
    ) {
      out = 100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDLCONCEALBABYSWALL (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlconcealbabyswall(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLCONCEALBABYSWALL', open, high, low, close);
  const ind = new CdlConcealBabySwallow();
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

export const cdlconcealbabyswallSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLCONCEALBABYSWALL',
  group: 'pattern',
  summary: 'Concealing baby swallow',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new CdlConcealBabySwallow(out),
  batch: ([o, h, l, c]) => [cdlconcealbabyswall(o!, h!, l!, c!)],
  talib: { name: 'CDLCONCEALBABYSWALL', optIn: () => ({}), outputs: ['outInteger'] },
};
