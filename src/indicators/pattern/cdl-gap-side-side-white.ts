/**
 * CDLGAPSIDESIDEWHITE — Up/down-gap side-by-side white lines: two white candles of about the same
 * size and open, both gapping away from the candle before them.
 * Definition: TA-Lib TA_CDLGAPSIDESIDEWHITE (ta_CDLGAPSIDESIDEWHITE.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 (up gap) / -100 (down gap) or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { Equal, Near, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Math.max(Near.avgPeriod, Equal.avgPeriod) + 2;

/** CDLGAPSIDESIDEWHITE on bar i (>= LOOKBACK) of the window: 100 (up gap) / -100 (down gap) or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  let out = 0;
  // i-1 and i white
  if ((w.colors & 3) === 3) {
    const j0 = w.j0;
    const j1 = w.j1;
    const j2 = w.j2;
    const up = w.bottom[j1] > w.top[j2];
    if (
      ((up && w.bottom[j0] > w.top[j2]) || (w.top[j1] < w.bottom[j2] && w.top[j0] < w.bottom[j2]))
    ) {
      const near = w.avgNear(w.sums[tb[0] + j1]);
      const eq = w.avgEqual(w.sums[tb[1] + j1]);
      if (
        w.body[j0] >= w.body[j1] - near &&
        w.body[j0] <= w.body[j1] + near &&
        w.open[j0] >= w.open[j1] - eq &&
        w.open[j0] <= w.open[j1] + eq
      ) {
        out = up ? 100 : -100;
      }
    }
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLGAPSIDESIDEWHITE', lookback: LOOKBACK, totals: [[Near, 1], [Equal, 1]], filter: [when('WW', { gapUp: [1] }), when('WW', { gapDown: [1] })], rule };

/** Incremental CDLGAPSIDESIDEWHITE: 1 output (100 (up gap) / -100 (down gap) or 0). */
export class CdlGapSideSideWhite extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLGAPSIDESIDEWHITE');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDLGAPSIDESIDEWHITE (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlgapsidesidewhite(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLGAPSIDESIDEWHITE', open, high, low, close);
  const ind = new CdlGapSideSideWhite();
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

export const cdlgapsidesidewhiteSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLGAPSIDESIDEWHITE',
  group: 'pattern',
  summary: 'Up/down-gap side-by-side white lines',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlGapSideSideWhite(out)),
  batch: ([o, h, l, c]) => [cdlgapsidesidewhite(o!, h!, l!, c!)],
  talib: { name: 'CDLGAPSIDESIDEWHITE', optIn: () => ({}), outputs: ['outInteger'] },
};
