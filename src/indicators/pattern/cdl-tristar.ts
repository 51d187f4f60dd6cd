/**
 * CDLTRISTAR — Tristar: three dojis, the second gapping away (bearish after an up gap with a lower
 * third, bullish after a down gap with a higher third).
 * Definition: TA-Lib TA_CDLTRISTAR (ta_CDLTRISTAR.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyDoji } from './candle-settings.js';

const LOOKBACK = BodyDoji.avgPeriod + 2;

/** Incremental CDLTRISTAR: 1 output (100 / -100 or 0). */
export class CdlTristar extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLTRISTAR', LOOKBACK, [[BodyDoji, 2]], outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.push(bar, i);
    this.count = i + 1;
    if (i < LOOKBACK) return;
    const t = w.totals;
    let out = 0;
    const doji = w.avg(BodyDoji, t[0]!, i - 2);
    if (w.realBody(i - 2) <= doji && w.realBody(i - 1) <= doji && w.realBody(i) <= doji) {
      if (w.realBodyGapUp(i - 1, i - 2) && w.bodyTop(i) < w.bodyTop(i - 1)) out = -100;
      if (w.realBodyGapDown(i - 1, i - 2) && w.bodyBottom(i) > w.bodyBottom(i - 1)) out = 100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDLTRISTAR (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdltristar(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLTRISTAR', open, high, low, close);
  const ind = new CdlTristar();
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

export const cdltristarSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLTRISTAR',
  group: 'pattern',
  summary: 'Tristar pattern',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new CdlTristar(out),
  batch: ([o, h, l, c]) => [cdltristar(o!, h!, l!, c!)],
  talib: { name: 'CDLTRISTAR', optIn: () => ({}), outputs: ['outInteger'] },
};
