/**
 * CDLCONCEALBABYSWALL — Concealing baby swallow: two black marubozu, a black candle gapping down with
 * an upper shadow into the prior body, and a black candle engulfing it including the shadows.
 * Definition: TA-Lib TA_CDLCONCEALBABYSWALL (ta_CDLCONCEALBABYSWALL.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { ShadowVeryShort, type CandleWindow } from './candle-settings.js';

const LOOKBACK = ShadowVeryShort.avgPeriod + 3;

/** CDLCONCEALBABYSWALL on bar i (>= LOOKBACK) of the window: 100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  let out = 0;
  // four black candles
  if ((w.colors & 15) === 0) {
    const j0 = w.j0;
    const j1 = w.j1;
    const j2 = w.j2;
    const j3 = w.j3;
    if (w.top[j1] < w.bottom[j2] && w.high[j1] > w.close[j2] && w.high[j0] > w.high[j1] && w.low[j0] < w.low[j1]) {
      const s = w.sums;
      const svs3 = w.avgShadowVeryShort(s[tb[0] + j3]);
      const svs2 = w.avgShadowVeryShort(s[tb[1] + j2]);
      if (
        w.lower[j3] < svs3 &&
        w.upper[j3] < svs3 &&
        w.lower[j2] < svs2 &&
        w.upper[j2] < svs2 &&
        w.upper[j1] > w.avgShadowVeryShort(s[tb[2] + j1])
      ) {
        out = 100;
      }
    }
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLCONCEALBABYSWALL', lookback: LOOKBACK, totals: [[ShadowVeryShort, 3], [ShadowVeryShort, 2], [ShadowVeryShort, 1]], filter: [when('BBBB', { gapDown: [1] })], rule };

/** Incremental CDLCONCEALBABYSWALL: 1 output (100 or 0). */
export class CdlConcealBabySwallow extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLCONCEALBABYSWALL');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDLCONCEALBABYSWALL (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlconcealbabyswall(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLCONCEALBABYSWALL', open, high, low, close);
  const ind = new CdlConcealBabySwallow();
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

export const cdlconcealbabyswallSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLCONCEALBABYSWALL',
  group: 'pattern',
  summary: 'Concealing baby swallow',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlConcealBabySwallow(out)),
  batch: ([o, h, l, c]) => [cdlconcealbabyswall(o!, h!, l!, c!)],
  talib: { name: 'CDLCONCEALBABYSWALL', optIn: () => ({}), outputs: ['outInteger'] },
};
