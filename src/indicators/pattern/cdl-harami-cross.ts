/**
 * CDLHARAMICROSS — Harami cross: a long candle followed by a doji whose real body lies inside the
 * first real body (bearish after a white candle, bullish after a black one).
 * Definition: TA-Lib TA_CDLHARAMICROSS (ta_CDLHARAMICROSS.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 (80 / -80 when one end of the bodies matches) or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyDoji, BodyLong } from './candle-settings.js';

const LOOKBACK = Math.max(BodyDoji.avgPeriod, BodyLong.avgPeriod) + 1;

/** Incremental CDLHARAMICROSS: 1 output (100 / -100 (80 / -80 when one end of the bodies matches) or 0). */
export class CdlHaramiCross extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLHARAMICROSS', LOOKBACK, [[BodyLong, 1], [BodyDoji, 0]], outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.push(bar, i);
    this.count = i + 1;
    if (i < LOOKBACK) return;
    const t = w.totals;
    let out = 0;
    if (w.realBody(i - 1) > w.avg(BodyLong, t[0]!, i - 1) && w.realBody(i) <= w.avg(BodyDoji, t[1]!, i)) {
      if (w.bodyTop(i) < w.bodyTop(i - 1) && w.bodyBottom(i) > w.bodyBottom(i - 1)) out = -w.color(i - 1) * 100;
      else if (w.bodyTop(i) <= w.bodyTop(i - 1) && w.bodyBottom(i) >= w.bodyBottom(i - 1)) out = -w.color(i - 1) * 80;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDLHARAMICROSS (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlharamicross(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLHARAMICROSS', open, high, low, close);
  const ind = new CdlHaramiCross();
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

export const cdlharamicrossSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLHARAMICROSS',
  group: 'pattern',
  summary: 'Harami cross pattern',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new CdlHaramiCross(out),
  batch: ([o, h, l, c]) => [cdlharamicross(o!, h!, l!, c!)],
  talib: { name: 'CDLHARAMICROSS', optIn: () => ({}), outputs: ['outInteger'] },
};
