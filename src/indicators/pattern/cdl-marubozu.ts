/**
 * CDLMARUBOZU — Marubozu: long real body with (almost) no shadows; sign is the candle colour.
 * Definition: TA-Lib TA_CDLMARUBOZU (ta_CDLMARUBOZU.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyLong, ShadowVeryShort } from './candle-settings.js';

const LOOKBACK = Math.max(BodyLong.avgPeriod, ShadowVeryShort.avgPeriod);

/** Incremental CDLMARUBOZU: 1 output (100 / -100 or 0). */
export class CdlMarubozu extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLMARUBOZU', LOOKBACK, [[BodyLong, 0], [ShadowVeryShort, 0]], outputs);
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
      w.upperShadow(i) < w.avg(ShadowVeryShort, t[1]!, i) &&
      w.lowerShadow(i) < w.avg(ShadowVeryShort, t[1]!, i)
    ) {
      out = w.color(i) * 100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDLMARUBOZU (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlmarubozu(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLMARUBOZU', open, high, low, close);
  const ind = new CdlMarubozu();
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

export const cdlmarubozuSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLMARUBOZU',
  group: 'pattern',
  summary: 'Marubozu',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new CdlMarubozu(out),
  batch: ([o, h, l, c]) => [cdlmarubozu(o!, h!, l!, c!)],
  talib: { name: 'CDLMARUBOZU', optIn: () => ({}), outputs: ['outInteger'] },
};
