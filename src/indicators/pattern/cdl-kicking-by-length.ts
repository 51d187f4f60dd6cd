/**
 * CDLKICKINGBYLENGTH — Kicking, with the sign given by the colour of the longer of the two marubozu.
 * Definition: TA-Lib TA_CDLKICKINGBYLENGTH (ta_CDLKICKINGBYLENGTH.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyLong, ShadowVeryShort, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Math.max(ShadowVeryShort.avgPeriod, BodyLong.avgPeriod) + 1;

/** CDLKICKINGBYLENGTH on bar i (>= LOOKBACK) of the window: 100 / -100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  let out = 0;
  const cb = w.colors;
  // i-1 and i of opposite colours
  if (((cb ^ (cb >> 1)) & 1) !== 0) {
    const j0 = w.j0;
    const j1 = w.j1;
    if ((cb & 2) === 0 ? w.low[j0] > w.high[j1] : w.high[j0] < w.low[j1]) {
      const s = w.sums;
      const svs1 = w.avgShadowVeryShort(s[tb[0] + j1]);
      const svs0 = w.avgShadowVeryShort(s[tb[1] + j0]);
      if (
        w.upper[j1] < svs1 &&
        w.lower[j1] < svs1 &&
        w.upper[j0] < svs0 &&
        w.lower[j0] < svs0 &&
        w.body[j1] > w.avgBodyLong(s[tb[2] + j1]) &&
        w.body[j0] > w.avgBodyLong(s[tb[3] + j0])
      ) {
        // the colour of the longer of the two
        out = (w.body[j0] > w.body[j1] ? cb & 1 : cb & 2) !== 0 ? 100 : -100;
      }
    }
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLKICKINGBYLENGTH', lookback: LOOKBACK, totals: [[ShadowVeryShort, 1], [ShadowVeryShort, 0], [BodyLong, 1], [BodyLong, 0]], filter: [when('BW', { long: [1], upperVeryShort: [1], lowerVeryShort: [1], candleGapUp: [0], long11: true, upperVeryShort11: true, lowerVeryShort11: true }), when('WB', { long: [1], upperVeryShort: [1], lowerVeryShort: [1], candleGapDown: [0], long11: true, upperVeryShort11: true, lowerVeryShort11: true })], rule };

/** Incremental CDLKICKINGBYLENGTH: 1 output (100 / -100 or 0). */
export class CdlKickingByLength extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLKICKINGBYLENGTH');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
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
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlKickingByLength(out)),
  batch: ([o, h, l, c]) => [cdlkickingbylength(o!, h!, l!, c!)],
  talib: { name: 'CDLKICKINGBYLENGTH', optIn: () => ({}), outputs: ['outInteger'] },
};
