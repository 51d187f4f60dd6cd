/**
 * CDLHARAMICROSS — Harami cross: a long candle followed by a doji whose real body lies inside the
 * first real body (bearish after a white candle, bullish after a black one).
 * Definition: TA-Lib TA_CDLHARAMICROSS (ta_CDLHARAMICROSS.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 (80 / -80 when one end of the bodies matches) or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyDoji, BodyLong, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Math.max(BodyDoji.avgPeriod, BodyLong.avgPeriod) + 1;

/** CDLHARAMICROSS on bar i (>= LOOKBACK) of the window: 100 / -100 (80 / -80 when one end of the bodies matches) or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  const j0 = w.j0;
  const j1 = w.j1;
  let out = 0;
  if (
    w.top[j0] <= w.top[j1] &&
    w.bottom[j0] >= w.bottom[j1] &&
    w.body[j0] <= w.avgBodyDoji(w.sums[tb[1] + j0]) &&
    w.body[j1] > w.avgBodyLong(w.sums[tb[0] + j1])
  ) {
    const sign = (w.colors & 2) !== 0 ? -1 : 1;
    out = w.top[j0] < w.top[j1] && w.bottom[j0] > w.bottom[j1] ? sign * 100 : sign * 80;
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLHARAMICROSS', lookback: LOOKBACK, totals: [[BodyLong, 1], [BodyDoji, 0]], filter: [when('', { long: [1], inside: [0], doji11: true })], rule };

/** Incremental CDLHARAMICROSS: 1 output (100 / -100 (80 / -80 when one end of the bodies matches) or 0). */
export class CdlHaramiCross extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLHARAMICROSS');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDLHARAMICROSS (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlharamicross(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLHARAMICROSS', open, high, low, close);
  const ind = new CdlHaramiCross();
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

export const cdlharamicrossSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLHARAMICROSS',
  group: 'pattern',
  summary: 'Harami cross pattern',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlHaramiCross(out)),
  batch: ([o, h, l, c]) => [cdlharamicross(o!, h!, l!, c!)],
  talib: { name: 'CDLHARAMICROSS', optIn: () => ({}), outputs: ['outInteger'] },
};
