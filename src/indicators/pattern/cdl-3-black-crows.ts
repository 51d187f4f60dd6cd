/**
 * CDL3BLACKCROWS — Three black crows: after a white candle, three declining black candles with very
 * short lower shadows, each opening within the previous one's real body.
 * Definition: TA-Lib TA_CDL3BLACKCROWS (ta_CDL3BLACKCROWS.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { ShadowVeryShort, type CandleWindow } from './candle-settings.js';

const LOOKBACK = ShadowVeryShort.avgPeriod + 3;

/** CDL3BLACKCROWS on bar i (>= LOOKBACK) of the window: -100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  let out = 0;
  // i-3 white, then three black
  if ((w.colors & 15) === 0b1000) {
    const j0 = w.j0;
    const j1 = w.j1;
    const j2 = w.j2;
    const j3 = w.j3;
    const s = w.sums;
    if (
      w.open[j1] < w.open[j2] &&
      w.open[j1] > w.close[j2] &&
      w.open[j0] < w.open[j1] &&
      w.open[j0] > w.close[j1] &&
      w.high[j3] > w.close[j2] &&
      w.close[j2] > w.close[j1] &&
      w.close[j1] > w.close[j0] &&
      w.lower[j2] < w.avgShadowVeryShort(s[tb[0] + j2]) &&
      w.lower[j1] < w.avgShadowVeryShort(s[tb[1] + j1]) &&
      w.lower[j0] < w.avgShadowVeryShort(s[tb[2] + j0])
    ) {
      out = -100;
    }
  }
  return out;
}

const DEF: PatternDef = { name: 'CDL3BLACKCROWS', lookback: LOOKBACK, totals: [[ShadowVeryShort, 2], [ShadowVeryShort, 1], [ShadowVeryShort, 0]], filter: [when('WBBB', { closeDown: [0, 1] })], rule };

/** Incremental CDL3BLACKCROWS: 1 output (-100 or 0). */
export class Cdl3BlackCrows extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDL3BLACKCROWS');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDL3BLACKCROWS (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdl3blackcrows(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDL3BLACKCROWS', open, high, low, close);
  const ind = new Cdl3BlackCrows();
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

export const cdl3blackcrowsSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDL3BLACKCROWS',
  group: 'pattern',
  summary: 'Three black crows',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new Cdl3BlackCrows(out)),
  batch: ([o, h, l, c]) => [cdl3blackcrows(o!, h!, l!, c!)],
  talib: { name: 'CDL3BLACKCROWS', optIn: () => ({}), outputs: ['outInteger'] },
};
