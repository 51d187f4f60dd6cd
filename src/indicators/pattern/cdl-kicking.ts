/**
 * CDLKICKING — Kicking: a marubozu followed by an opposite-coloured marubozu gapping away from it;
 * sign is the colour of the second.
 * Definition: TA-Lib TA_CDLKICKING (ta_CDLKICKING.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyLong, ShadowVeryShort } from './candle-settings.js';

const LOOKBACK = Math.max(ShadowVeryShort.avgPeriod, BodyLong.avgPeriod) + 1;

/** Incremental CDLKICKING: 1 output (100 / -100 or 0). */
export class CdlKicking extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLKICKING', LOOKBACK, [[ShadowVeryShort, 1], [ShadowVeryShort, 0], [BodyLong, 1], [BodyLong, 0]], outputs);
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
      out = w.color(i) * 100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDLKICKING (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlkicking(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLKICKING', open, high, low, close);
  const ind = new CdlKicking();
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

export const cdlkickingSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLKICKING',
  group: 'pattern',
  summary: 'Kicking',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new CdlKicking(out),
  batch: ([o, h, l, c]) => [cdlkicking(o!, h!, l!, c!)],
  talib: { name: 'CDLKICKING', optIn: () => ({}), outputs: ['outInteger'] },
};
