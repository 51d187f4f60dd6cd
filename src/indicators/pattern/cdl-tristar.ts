/**
 * CDLTRISTAR — Tristar: three dojis, the second gapping away (bearish after an up gap with a lower
 * third, bullish after a down gap with a higher third).
 * Definition: TA-Lib TA_CDLTRISTAR (ta_CDLTRISTAR.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyDoji, type CandleWindow } from './candle-settings.js';

const LOOKBACK = BodyDoji.avgPeriod + 2;

/** CDLTRISTAR on bar i (>= LOOKBACK) of the window: 100 / -100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  const j0 = w.j0;
  const j1 = w.j1;
  const j2 = w.j2;
  // TA-Lib tests the gap up first, then the gap down; they cannot both hold
  const down = w.top[j1] < w.bottom[j2] && w.bottom[j0] > w.bottom[j1];
  let out = 0;
  if (down || (w.bottom[j1] > w.top[j2] && w.top[j0] < w.top[j1])) {
    const doji = w.avgBodyDoji(w.sums[tb[0] + j2]);
    if (w.body[j2] <= doji && w.body[j1] <= doji && w.body[j0] <= doji) out = down ? 100 : -100;
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLTRISTAR', lookback: LOOKBACK, totals: [[BodyDoji, 2]], filter: [when('', { doji: [2], gapUp: [1] }), when('', { doji: [2], gapDown: [1] })], rule };

/** Incremental CDLTRISTAR: 1 output (100 / -100 or 0). */
export class CdlTristar extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLTRISTAR');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDLTRISTAR (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdltristar(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLTRISTAR', open, high, low, close);
  const ind = new CdlTristar();
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

export const cdltristarSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLTRISTAR',
  group: 'pattern',
  summary: 'Tristar pattern',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlTristar(out)),
  batch: ([o, h, l, c]) => [cdltristar(o!, h!, l!, c!)],
  talib: { name: 'CDLTRISTAR', optIn: () => ({}), outputs: ['outInteger'] },
};
