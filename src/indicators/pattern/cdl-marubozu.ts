/**
 * CDLMARUBOZU — Marubozu: long real body with (almost) no shadows; sign is the candle colour.
 * Definition: TA-Lib TA_CDLMARUBOZU (ta_CDLMARUBOZU.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyLong, ShadowVeryShort, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Math.max(BodyLong.avgPeriod, ShadowVeryShort.avgPeriod);

/** CDLMARUBOZU on bar i (>= LOOKBACK) of the window: 100 / -100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  const j0 = w.j0;
  const veryShort = w.avgShadowVeryShort(w.sums[tb[1] + j0]);
  let out = 0;
  if (w.upper[j0] < veryShort && w.lower[j0] < veryShort && w.body[j0] > w.avgBodyLong(w.sums[tb[0] + j0])) {
    out = (w.colors & 1) !== 0 ? 100 : -100;
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLMARUBOZU', lookback: LOOKBACK, totals: [[BodyLong, 0], [ShadowVeryShort, 0]], filter: [when('W', { long: [0], upperVeryShort: [0], lowerVeryShort: [0], output: 100 }), when('B', { long: [0], upperVeryShort: [0], lowerVeryShort: [0], output: -100 })], rule };

/** Incremental CDLMARUBOZU: 1 output (100 / -100 or 0). */
export class CdlMarubozu extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLMARUBOZU');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
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
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlMarubozu(out)),
  batch: ([o, h, l, c]) => [cdlmarubozu(o!, h!, l!, c!)],
  talib: { name: 'CDLMARUBOZU', optIn: () => ({}), outputs: ['outInteger'] },
};
