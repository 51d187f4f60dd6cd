/**
 * CDLCLOSINGMARUBOZU — Closing marubozu: long real body with no (very short) shadow on the closing
 * side; sign is the candle colour.
 * Definition: TA-Lib TA_CDLCLOSINGMARUBOZU (ta_CDLCLOSINGMARUBOZU.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyLong, ShadowVeryShort, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Math.max(BodyLong.avgPeriod, ShadowVeryShort.avgPeriod);

/** CDLCLOSINGMARUBOZU on bar i (>= LOOKBACK) of the window: 100 / -100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  const j0 = w.j0;
  const white = (w.colors & 1) !== 0;
  let out = 0;
  if (
    (white ? w.upper[j0] : w.lower[j0]) < w.avgShadowVeryShort(w.sums[tb[1] + j0]) &&
    w.body[j0] > w.avgBodyLong(w.sums[tb[0] + j0])
  ) {
    out = white ? 100 : -100;
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLCLOSINGMARUBOZU', lookback: LOOKBACK, totals: [[BodyLong, 0], [ShadowVeryShort, 0]], filter: [when('W', { long: [0], upperVeryShort: [0], output: 100 }), when('B', { long: [0], lowerVeryShort: [0], output: -100 })], rule };

/** Incremental CDLCLOSINGMARUBOZU: 1 output (100 / -100 or 0). */
export class CdlClosingMarubozu extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLCLOSINGMARUBOZU');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDLCLOSINGMARUBOZU (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlclosingmarubozu(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLCLOSINGMARUBOZU', open, high, low, close);
  const ind = new CdlClosingMarubozu();
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

export const cdlclosingmarubozuSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLCLOSINGMARUBOZU',
  group: 'pattern',
  summary: 'Closing marubozu',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlClosingMarubozu(out)),
  batch: ([o, h, l, c]) => [cdlclosingmarubozu(o!, h!, l!, c!)],
  talib: { name: 'CDLCLOSINGMARUBOZU', optIn: () => ({}), outputs: ['outInteger'] },
};
