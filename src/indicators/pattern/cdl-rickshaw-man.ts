/**
 * CDLRICKSHAWMAN — Rickshaw man: a doji with two long shadows and its body near the middle of the
 * high-low range.
 * Definition: TA-Lib TA_CDLRICKSHAWMAN (ta_CDLRICKSHAWMAN.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyDoji, Near, ShadowLong } from './candle-settings.js';

const LOOKBACK = Math.max(BodyDoji.avgPeriod, ShadowLong.avgPeriod, Near.avgPeriod);

/** Incremental CDLRICKSHAWMAN: 1 output (100 or 0). */
export class CdlRickshawMan extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLRICKSHAWMAN', LOOKBACK, [[BodyDoji, 0], [ShadowLong, 0], [Near, 0]], outputs);
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
      w.lowerShadow(i) > w.avg(ShadowLong, t[1]!, i) &&
      w.upperShadow(i) > w.avg(ShadowLong, t[1]!, i) &&
      w.bodyBottom(i) <= w.l(i) + w.highLowRange(i) / 2 + w.avg(Near, t[2]!, i) &&
      w.bodyTop(i) >= w.l(i) + w.highLowRange(i) / 2 - w.avg(Near, t[2]!, i)
    ) {
      out = 100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDLRICKSHAWMAN (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlrickshawman(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLRICKSHAWMAN', open, high, low, close);
  const ind = new CdlRickshawMan();
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

export const cdlrickshawmanSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLRICKSHAWMAN',
  group: 'pattern',
  summary: 'Rickshaw man',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new CdlRickshawMan(out),
  batch: ([o, h, l, c]) => [cdlrickshawman(o!, h!, l!, c!)],
  talib: { name: 'CDLRICKSHAWMAN', optIn: () => ({}), outputs: ['outInteger'] },
};
