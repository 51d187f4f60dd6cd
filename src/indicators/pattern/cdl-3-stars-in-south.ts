/**
 * CDL3STARSINSOUTH — Three stars in the south: three black candles, a long one with a long lower
 * shadow, a smaller one with a higher low, and a small marubozu inside the second range.
 * Definition: TA-Lib TA_CDL3STARSINSOUTH (ta_CDL3STARSINSOUTH.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyLong, BodyShort, ShadowLong, ShadowVeryShort, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Math.max(ShadowVeryShort.avgPeriod, ShadowLong.avgPeriod, BodyLong.avgPeriod, BodyShort.avgPeriod) + 2;

/** CDL3STARSINSOUTH on bar i (>= LOOKBACK) of the window: 100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  let out = 0;
  // three black candles
  if ((w.colors & 7) === 0) {
    const j0 = w.j0;
    const j1 = w.j1;
    const j2 = w.j2;
    const s = w.sums;
    if (
      w.body[j1] < w.body[j2] &&
      w.open[j1] > w.close[j2] &&
      w.open[j1] <= w.high[j2] &&
      w.low[j1] < w.close[j2] &&
      w.low[j1] >= w.low[j2] &&
      w.low[j0] > w.low[j1] &&
      w.high[j0] < w.high[j1] &&
      w.lower[j2] > w.avgShadowLong(w.body[j2]) &&
      w.body[j2] > w.avgBodyLong(s[tb[0] + j2]) &&
      w.lower[j1] > w.avgShadowVeryShort(s[tb[2] + j1]) &&
      w.body[j0] < w.avgBodyShort(s[tb[4] + j0]) &&
      w.lower[j0] < w.avgShadowVeryShort(s[tb[3] + j0]) &&
      w.upper[j0] < w.avgShadowVeryShort(s[tb[3] + j0])
    ) {
      out = 100;
    }
  }
  return out;
}

const DEF: PatternDef = { name: 'CDL3STARSINSOUTH', lookback: LOOKBACK, totals: [[BodyLong, 2], [ShadowLong, 2], [ShadowVeryShort, 1], [ShadowVeryShort, 0], [BodyShort, 0]], filter: [when('BBB', { long: [2] })], rule };

/** Incremental CDL3STARSINSOUTH: 1 output (100 or 0). */
export class Cdl3StarsInSouth extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDL3STARSINSOUTH');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDL3STARSINSOUTH (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdl3starsinsouth(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDL3STARSINSOUTH', open, high, low, close);
  const ind = new Cdl3StarsInSouth();
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

export const cdl3starsinsouthSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDL3STARSINSOUTH',
  group: 'pattern',
  summary: 'Three stars in the south',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new Cdl3StarsInSouth(out)),
  batch: ([o, h, l, c]) => [cdl3starsinsouth(o!, h!, l!, c!)],
  talib: { name: 'CDL3STARSINSOUTH', optIn: () => ({}), outputs: ['outInteger'] },
};
