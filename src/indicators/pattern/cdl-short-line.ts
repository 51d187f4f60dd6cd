/**
 * CDLSHORTLINE — Short line candle: short real body with short shadows; sign is the candle colour.
 * Definition: TA-Lib TA_CDLSHORTLINE (ta_CDLSHORTLINE.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyShort, ShadowShort } from './candle-settings.js';

const LOOKBACK = Math.max(BodyShort.avgPeriod, ShadowShort.avgPeriod);

/** Incremental CDLSHORTLINE: 1 output (100 / -100 or 0). */
export class CdlShortLine extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLSHORTLINE', LOOKBACK, [[BodyShort, 0], [ShadowShort, 0]], outputs);
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
      w.realBody(i) < w.avg(BodyShort, t[0]!, i) &&
      w.upperShadow(i) < w.avg(ShadowShort, t[1]!, i) &&
      w.lowerShadow(i) < w.avg(ShadowShort, t[1]!, i)
    ) {
      out = w.color(i) * 100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDLSHORTLINE (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlshortline(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLSHORTLINE', open, high, low, close);
  const ind = new CdlShortLine();
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

export const cdlshortlineSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLSHORTLINE',
  group: 'pattern',
  summary: 'Short line candle',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new CdlShortLine(out),
  batch: ([o, h, l, c]) => [cdlshortline(o!, h!, l!, c!)],
  talib: { name: 'CDLSHORTLINE', optIn: () => ({}), outputs: ['outInteger'] },
};
