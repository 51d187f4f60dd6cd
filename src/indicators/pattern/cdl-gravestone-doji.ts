/**
 * CDLGRAVESTONEDOJI — Gravestone doji: a doji with no (very short) lower shadow and an upper shadow
 * that is not very short.
 * Definition: TA-Lib TA_CDLGRAVESTONEDOJI (ta_CDLGRAVESTONEDOJI.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyDoji, ShadowVeryShort, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Math.max(BodyDoji.avgPeriod, ShadowVeryShort.avgPeriod);

/** CDLGRAVESTONEDOJI on bar i (>= LOOKBACK) of the window: 100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  const j0 = w.j0;
  let out = 0;
  if (w.body[j0] <= w.avgBodyDoji(w.sums[tb[0] + j0])) {
    const svs = w.avgShadowVeryShort(w.sums[tb[1] + j0]);
    if (w.lower[j0] < svs && w.upper[j0] > svs) out = 100;
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLGRAVESTONEDOJI', lookback: LOOKBACK, totals: [[BodyDoji, 0], [ShadowVeryShort, 0]], filter: [when('', { doji: [0], lowerVeryShort: [0] })], rule };

/** Incremental CDLGRAVESTONEDOJI: 1 output (100 or 0). */
export class CdlGravestoneDoji extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLGRAVESTONEDOJI');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDLGRAVESTONEDOJI (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlgravestonedoji(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLGRAVESTONEDOJI', open, high, low, close);
  const ind = new CdlGravestoneDoji();
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

export const cdlgravestonedojiSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLGRAVESTONEDOJI',
  group: 'pattern',
  summary: 'Gravestone doji',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlGravestoneDoji(out)),
  batch: ([o, h, l, c]) => [cdlgravestonedoji(o!, h!, l!, c!)],
  talib: { name: 'CDLGRAVESTONEDOJI', optIn: () => ({}), outputs: ['outInteger'] },
};
