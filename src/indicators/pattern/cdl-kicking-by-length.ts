/**
 * CDLKICKINGBYLENGTH — Kicking, with the sign given by the colour of the longer of the two marubozu.
 * Definition: TA-Lib TA_CDLKICKINGBYLENGTH (ta_CDLKICKINGBYLENGTH.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyLong, ShadowVeryShort } from './candle-settings.js';

const LOOKBACK = Math.max(ShadowVeryShort.avgPeriod, BodyLong.avgPeriod) + 1;

/** Incremental CDLKICKINGBYLENGTH: 1 output (100 / -100 or 0). */
export class CdlKickingByLength extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLKICKINGBYLENGTH', LOOKBACK, [[ShadowVeryShort, 1], [ShadowVeryShort, 0], [BodyLong, 1], [BodyLong, 0]], outputs);
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
      w.color(i - 1) === -w.color(i) &&
      w.realBody(i - 1) > w.avg(BodyLong, t[2]!, i - 1) &&
      w.upperShadow(i - 1) < w.avg(ShadowVeryShort, t[0]!, i - 1) &&
      w.lowerShadow(i - 1) < w.avg(ShadowVeryShort, t[0]!, i - 1) &&
      w.realBody(i) > w.avg(BodyLong, t[3]!, i) &&
      w.upperShadow(i) < w.avg(ShadowVeryShort, t[1]!, i) &&
      w.lowerShadow(i) < w.avg(ShadowVeryShort, t[1]!, i) &&
      ((w.color(i - 1) === -1 && w.candleGapUp(i, i - 1)) || (w.color(i - 1) === 1 && w.candleGapDown(i, i - 1)))
    ) {
      out = w.color(w.realBody(i) > w.realBody(i - 1) ? i : i - 1) * 100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDLKICKINGBYLENGTH (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlkickingbylength(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLKICKINGBYLENGTH', open, high, low, close);
  const ind = new CdlKickingByLength();
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

export const cdlkickingbylengthSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLKICKINGBYLENGTH',
  group: 'pattern',
  summary: 'Kicking - bull/bear determined by the longer marubozu',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new CdlKickingByLength(out),
  batch: ([o, h, l, c]) => [cdlkickingbylength(o!, h!, l!, c!)],
  talib: { name: 'CDLKICKINGBYLENGTH', optIn: () => ({}), outputs: ['outInteger'] },
};
