/**
 * CDLSTALLEDPATTERN — Stalled pattern: two long white candles with higher closes, then a small white
 * candle riding on the second one's shoulder.
 * Definition: TA-Lib TA_CDLSTALLEDPATTERN (ta_CDLSTALLEDPATTERN.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyLong, BodyShort, Near, ShadowVeryShort, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Math.max(BodyLong.avgPeriod, BodyShort.avgPeriod, ShadowVeryShort.avgPeriod, Near.avgPeriod) + 2;

/** CDLSTALLEDPATTERN on bar i (>= LOOKBACK) of the window: -100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  let out = 0;
  // three white candles
  if ((w.colors & 7) === 7) {
    const j0 = w.j0;
    const j1 = w.j1;
    const j2 = w.j2;
    if (w.close[j0] > w.close[j1] && w.close[j1] > w.close[j2] && w.open[j1] > w.open[j2]) {
      const s = w.sums;
      if (
        w.body[j2] > w.avgBodyLong(s[tb[0] + j2]) &&
        w.body[j1] > w.avgBodyLong(s[tb[1] + j1]) &&
        w.upper[j1] < w.avgShadowVeryShort(s[tb[3] + j1]) &&
        w.open[j1] <= w.close[j2] + w.avgNear(s[tb[4] + j2]) &&
        w.body[j0] < w.avgBodyShort(s[tb[2] + j0]) &&
        w.open[j0] >= w.close[j1] - w.body[j0] - w.avgNear(s[tb[5] + j1])
      ) {
        out = -100;
      }
    }
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLSTALLEDPATTERN', lookback: LOOKBACK, totals: [[BodyLong, 2], [BodyLong, 1], [BodyShort, 0], [ShadowVeryShort, 1], [Near, 2], [Near, 1]], filter: [when('WWW', { long: [2], closeUp: [0, 1] })], rule };

/** Incremental CDLSTALLEDPATTERN: 1 output (-100 or 0). */
export class CdlStalledPattern extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLSTALLEDPATTERN');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDLSTALLEDPATTERN (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlstalledpattern(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLSTALLEDPATTERN', open, high, low, close);
  const ind = new CdlStalledPattern();
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

export const cdlstalledpatternSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLSTALLEDPATTERN',
  group: 'pattern',
  summary: 'Stalled pattern',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlStalledPattern(out)),
  batch: ([o, h, l, c]) => [cdlstalledpattern(o!, h!, l!, c!)],
  talib: { name: 'CDLSTALLEDPATTERN', optIn: () => ({}), outputs: ['outInteger'] },
};
