/**
 * CDL3INSIDE — Three inside up/down: a harami (long candle, short one inside its body) confirmed by a
 * third candle of the opposite colour to the first closing beyond its open.
 * Definition: TA-Lib TA_CDL3INSIDE (ta_CDL3INSIDE.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyLong, BodyShort, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Math.max(BodyShort.avgPeriod, BodyLong.avgPeriod) + 2;

/** CDL3INSIDE on bar i (>= LOOKBACK) of the window: 100 / -100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  let out = 0;
  const cb = w.colors;
  // i-2 and i of opposite colours
  if (((cb ^ (cb >> 2)) & 1) !== 0) {
    const j0 = w.j0;
    const j1 = w.j1;
    const j2 = w.j2;
    const white2 = (cb & 4) !== 0;
    if (
      (white2 ? w.close[j0] < w.open[j2] : w.close[j0] > w.open[j2]) &&
      w.top[j1] < w.top[j2] &&
      w.bottom[j1] > w.bottom[j2] &&
      w.body[j2] > w.avgBodyLong(w.sums[tb[0] + j2]) &&
      w.body[j1] <= w.avgBodyShort(w.sums[tb[1] + j1])
    ) {
      out = white2 ? -100 : 100;
    }
  }
  return out;
}

const DEF: PatternDef = { name: 'CDL3INSIDE', lookback: LOOKBACK, totals: [[BodyLong, 2], [BodyShort, 1]], filter: [when('W.B', { long: [2], inside: [1] }), when('B.W', { long: [2], inside: [1] })], rule };

/** Incremental CDL3INSIDE: 1 output (100 / -100 or 0). */
export class Cdl3Inside extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDL3INSIDE');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDL3INSIDE (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdl3inside(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDL3INSIDE', open, high, low, close);
  const ind = new Cdl3Inside();
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

export const cdl3insideSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDL3INSIDE',
  group: 'pattern',
  summary: 'Three inside up/down',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new Cdl3Inside(out)),
  batch: ([o, h, l, c]) => [cdl3inside(o!, h!, l!, c!)],
  talib: { name: 'CDL3INSIDE', optIn: () => ({}), outputs: ['outInteger'] },
};
