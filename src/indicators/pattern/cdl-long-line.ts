/**
 * CDLLONGLINE — Long line candle: long real body with short shadows; sign is the candle colour.
 * Definition: TA-Lib TA_CDLLONGLINE (ta_CDLLONGLINE.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyLong, ShadowShort } from './candle-settings.js';

const LOOKBACK = Math.max(BodyLong.avgPeriod, ShadowShort.avgPeriod);

/** Incremental CDLLONGLINE: 1 output (100 / -100 or 0). */
export class CdlLongLine extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLLONGLINE', LOOKBACK, [[BodyLong, 0], [ShadowShort, 0]], outputs);
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
      w.realBody(i) > w.avg(BodyLong, t[0]!, i) &&
      w.upperShadow(i) < w.avg(ShadowShort, t[1]!, i) &&
      w.lowerShadow(i) < w.avg(ShadowShort, t[1]!, i)
    ) {
      out = w.color(i) * 100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDLLONGLINE (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdllongline(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLLONGLINE', open, high, low, close);
  const ind = new CdlLongLine();
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

export const cdllonglineSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLLONGLINE',
  group: 'pattern',
  summary: 'Long line candle',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new CdlLongLine(out),
  batch: ([o, h, l, c]) => [cdllongline(o!, h!, l!, c!)],
  talib: { name: 'CDLLONGLINE', optIn: () => ({}), outputs: ['outInteger'] },
};
