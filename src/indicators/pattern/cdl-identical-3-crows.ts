/**
 * CDLIDENTICAL3CROWS — Identical three crows: three declining black candles with very short lower
 * shadows, each opening (almost) at the previous close.
 * Definition: TA-Lib TA_CDLIDENTICAL3CROWS (ta_CDLIDENTICAL3CROWS.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { Equal, ShadowVeryShort, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Math.max(ShadowVeryShort.avgPeriod, Equal.avgPeriod) + 2;

/** CDLIDENTICAL3CROWS on bar i (>= LOOKBACK) of the window: -100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  let out = 0;
  // three black candles
  if ((w.colors & 7) === 0) {
    const j0 = w.j0;
    const j1 = w.j1;
    const j2 = w.j2;
    if (w.close[j2] > w.close[j1] && w.close[j1] > w.close[j0]) {
      const s = w.sums;
      const eq2 = w.avgEqual(s[tb[3] + j2]);
      const eq1 = w.avgEqual(s[tb[4] + j1]);
      if (
        w.open[j1] <= w.close[j2] + eq2 &&
        w.open[j1] >= w.close[j2] - eq2 &&
        w.open[j0] <= w.close[j1] + eq1 &&
        w.open[j0] >= w.close[j1] - eq1 &&
        w.lower[j2] < w.avgShadowVeryShort(s[tb[0] + j2]) &&
        w.lower[j1] < w.avgShadowVeryShort(s[tb[1] + j1]) &&
        w.lower[j0] < w.avgShadowVeryShort(s[tb[2] + j0])
      ) {
        out = -100;
      }
    }
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLIDENTICAL3CROWS', lookback: LOOKBACK, totals: [[ShadowVeryShort, 2], [ShadowVeryShort, 1], [ShadowVeryShort, 0], [Equal, 2], [Equal, 1]], filter: [when('BBB', { lowerVeryShort: [2], closeDown: [0, 1] })], rule };

/** Incremental CDLIDENTICAL3CROWS: 1 output (-100 or 0). */
export class CdlIdentical3Crows extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLIDENTICAL3CROWS');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDLIDENTICAL3CROWS (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlidentical3crows(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLIDENTICAL3CROWS', open, high, low, close);
  const ind = new CdlIdentical3Crows();
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

export const cdlidentical3crowsSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLIDENTICAL3CROWS',
  group: 'pattern',
  summary: 'Identical three crows',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlIdentical3Crows(out)),
  batch: ([o, h, l, c]) => [cdlidentical3crows(o!, h!, l!, c!)],
  talib: { name: 'CDLIDENTICAL3CROWS', optIn: () => ({}), outputs: ['outInteger'] },
};
