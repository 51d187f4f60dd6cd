/**
 * CDLGRAVESTONEDOJI — Gravestone doji: a doji with no (very short) lower shadow and an upper shadow
 * that is not very short.
 * Definition: TA-Lib TA_CDLGRAVESTONEDOJI (ta_CDLGRAVESTONEDOJI.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyDoji, ShadowVeryShort } from './candle-settings.js';

const LOOKBACK = Math.max(BodyDoji.avgPeriod, ShadowVeryShort.avgPeriod);

/** Incremental CDLGRAVESTONEDOJI: 1 output (100 or 0). */
export class CdlGravestoneDoji extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLGRAVESTONEDOJI', LOOKBACK, [[BodyDoji, 0], [ShadowVeryShort, 0]], outputs);
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
      w.realBody(i) <= w.avg(BodyDoji, t[0]!, i) &&
      w.lowerShadow(i) < w.avg(ShadowVeryShort, t[1]!, i) &&
      w.upperShadow(i) > w.avg(ShadowVeryShort, t[1]!, i)
    ) {
      out = 100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDLGRAVESTONEDOJI (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlgravestonedoji(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLGRAVESTONEDOJI', open, high, low, close);
  const ind = new CdlGravestoneDoji();
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

export const cdlgravestonedojiSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLGRAVESTONEDOJI',
  group: 'pattern',
  summary: 'Gravestone doji',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new CdlGravestoneDoji(out),
  batch: ([o, h, l, c]) => [cdlgravestonedoji(o!, h!, l!, c!)],
  talib: { name: 'CDLGRAVESTONEDOJI', optIn: () => ({}), outputs: ['outInteger'] },
};
