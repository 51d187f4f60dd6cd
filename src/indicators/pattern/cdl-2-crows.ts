/**
 * CDL2CROWS — Two crows: long white candle, black candle gapping up, black candle opening within
 * the second body and closing within the first.
 * Definition: TA-Lib TA_CDL2CROWS (ta_CDL2CROWS.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyLong, type CandleWindow } from './candle-settings.js';

const LOOKBACK = BodyLong.avgPeriod + 2;

/** CDL2CROWS on bar i (>= LOOKBACK) of the window: -100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  let out = 0;
  // i-2 white, i-1 black, i black
  if ((w.colors & 7) === 0b100) {
    const j0 = w.j0;
    const j1 = w.j1;
    const j2 = w.j2;
    if (
      w.open[j0] < w.open[j1] &&
      w.open[j0] > w.close[j1] &&
      w.close[j0] > w.open[j2] &&
      w.close[j0] < w.close[j2] &&
      w.bottom[j1] > w.top[j2] &&
      w.body[j2] > w.avgBodyLong(w.sums[tb[0] + j2])
    ) {
      out = -100;
    }
  }
  return out;
}

const DEF: PatternDef = { name: 'CDL2CROWS', lookback: LOOKBACK, totals: [[BodyLong, 2]], filter: [when('WBB', { long: [2], gapUp: [1] })], rule };

/** Incremental CDL2CROWS: 1 output (-100 or 0). */
export class Cdl2Crows extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDL2CROWS');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDL2CROWS (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdl2crows(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDL2CROWS', open, high, low, close);
  const ind = new Cdl2Crows();
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

export const cdl2crowsSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDL2CROWS',
  group: 'pattern',
  summary: 'Two crows',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new Cdl2Crows(out)),
  batch: ([o, h, l, c]) => [cdl2crows(o!, h!, l!, c!)],
  talib: { name: 'CDL2CROWS', optIn: () => ({}), outputs: ['outInteger'] },
};
