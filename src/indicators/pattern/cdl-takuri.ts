/**
 * CDLTAKURI — Takuri: a dragonfly doji with a very long lower shadow.
 * Definition: TA-Lib TA_CDLTAKURI (ta_CDLTAKURI.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyDoji, ShadowVeryLong, ShadowVeryShort, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Math.max(BodyDoji.avgPeriod, ShadowVeryShort.avgPeriod, ShadowVeryLong.avgPeriod);

/** CDLTAKURI on bar i (>= LOOKBACK) of the window: 100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  const j0 = w.j0;
  const body = w.body[j0];
  let out = 0;
  if (
    w.lower[j0] > w.avgShadowVeryLong(body) &&
    body <= w.avgBodyDoji(w.sums[tb[0] + j0]) &&
    w.upper[j0] < w.avgShadowVeryShort(w.sums[tb[1] + j0])
  ) {
    out = 100;
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLTAKURI', lookback: LOOKBACK, totals: [[BodyDoji, 0], [ShadowVeryShort, 0], [ShadowVeryLong, 0]], filter: [when('', { lowerLong: true, doji: [0], upperVeryShort: [0] })], rule };

/** Incremental CDLTAKURI: 1 output (100 or 0). */
export class CdlTakuri extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLTAKURI');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDLTAKURI (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdltakuri(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLTAKURI', open, high, low, close);
  const ind = new CdlTakuri();
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

export const cdltakuriSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLTAKURI',
  group: 'pattern',
  summary: 'Takuri (dragonfly doji with very long lower shadow)',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlTakuri(out)),
  batch: ([o, h, l, c]) => [cdltakuri(o!, h!, l!, c!)],
  talib: { name: 'CDLTAKURI', optIn: () => ({}), outputs: ['outInteger'] },
};
