/**
 * CDLONNECK — On-neck: long black candle, then a white candle opening below its low and closing at
 * (about) that low.
 * Definition: TA-Lib TA_CDLONNECK (ta_CDLONNECK.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyLong, Equal, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Math.max(Equal.avgPeriod, BodyLong.avgPeriod) + 1;

/** CDLONNECK on bar i (>= LOOKBACK) of the window: -100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  let out = 0;
  // i-1 black, i white
  if ((w.colors & 3) === 0b01) {
    const j0 = w.j0;
    const j1 = w.j1;
    if (w.open[j0] < w.low[j1]) {
      const eq = w.avgEqual(w.sums[tb[0] + j1]);
      if (
        w.close[j0] <= w.low[j1] + eq &&
        w.close[j0] >= w.low[j1] - eq &&
        w.body[j1] > w.avgBodyLong(w.sums[tb[1] + j1])
      ) {
        out = -100;
      }
    }
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLONNECK', lookback: LOOKBACK, totals: [[Equal, 1], [BodyLong, 1]], filter: [when('BW', { long: [1], openBelowLow: true })], rule };

/** Incremental CDLONNECK: 1 output (-100 or 0). */
export class CdlOnNeck extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLONNECK');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDLONNECK (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlonneck(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLONNECK', open, high, low, close);
  const ind = new CdlOnNeck();
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

export const cdlonneckSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLONNECK',
  group: 'pattern',
  summary: 'On-neck pattern',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlOnNeck(out)),
  batch: ([o, h, l, c]) => [cdlonneck(o!, h!, l!, c!)],
  talib: { name: 'CDLONNECK', optIn: () => ({}), outputs: ['outInteger'] },
};
