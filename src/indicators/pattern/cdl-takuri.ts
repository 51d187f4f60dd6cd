/**
 * CDLTAKURI — Takuri: a dragonfly doji with a very long lower shadow.
 * Definition: TA-Lib TA_CDLTAKURI (ta_CDLTAKURI.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyDoji, ShadowVeryLong, ShadowVeryShort } from './candle-settings.js';

const LOOKBACK = Math.max(BodyDoji.avgPeriod, ShadowVeryShort.avgPeriod, ShadowVeryLong.avgPeriod);

/** Incremental CDLTAKURI: 1 output (100 or 0). */
export class CdlTakuri extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLTAKURI', LOOKBACK, [[BodyDoji, 0], [ShadowVeryShort, 0], [ShadowVeryLong, 0]], outputs);
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
      w.upperShadow(i) < w.avg(ShadowVeryShort, t[1]!, i) &&
      w.lowerShadow(i) > w.avg(ShadowVeryLong, t[2]!, i)
    ) {
      out = 100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDLTAKURI (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdltakuri(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLTAKURI', open, high, low, close);
  const ind = new CdlTakuri();
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

export const cdltakuriSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLTAKURI',
  group: 'pattern',
  summary: 'Takuri (dragonfly doji with very long lower shadow)',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new CdlTakuri(out),
  batch: ([o, h, l, c]) => [cdltakuri(o!, h!, l!, c!)],
  talib: { name: 'CDLTAKURI', optIn: () => ({}), outputs: ['outInteger'] },
};
