/**
 * CDLSEPARATINGLINES — Separating lines: opposite-coloured candles with (almost) the same open, the
 * second a long belt-hold; sign is the colour of the second.
 * Definition: TA-Lib TA_CDLSEPARATINGLINES (ta_CDLSEPARATINGLINES.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyLong, Equal, ShadowVeryShort, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Math.max(ShadowVeryShort.avgPeriod, BodyLong.avgPeriod, Equal.avgPeriod) + 1;

/** CDLSEPARATINGLINES on bar i (>= LOOKBACK) of the window: 100 / -100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  let out = 0;
  const cb = w.colors;
  // i-1 and i of opposite colours
  if (((cb ^ (cb >> 1)) & 1) !== 0) {
    const j0 = w.j0;
    const j1 = w.j1;
    const white = (cb & 1) !== 0;
    const s = w.sums;
    const eq = w.avgEqual(s[tb[2] + j1]);
    if (
      w.open[j0] <= w.open[j1] + eq &&
      w.open[j0] >= w.open[j1] - eq &&
      (white ? w.lower[j0] : w.upper[j0]) < w.avgShadowVeryShort(s[tb[0] + j0]) &&
      w.body[j0] > w.avgBodyLong(s[tb[1] + j0])
    ) {
      out = white ? 100 : -100;
    }
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLSEPARATINGLINES', lookback: LOOKBACK, totals: [[ShadowVeryShort, 0], [BodyLong, 0], [Equal, 1]], filter: [when('BW', { long11: true, lowerVeryShort11: true }), when('WB', { long11: true, upperVeryShort11: true })], rule };

/** Incremental CDLSEPARATINGLINES: 1 output (100 / -100 or 0). */
export class CdlSeparatingLines extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLSEPARATINGLINES');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDLSEPARATINGLINES (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlseparatinglines(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLSEPARATINGLINES', open, high, low, close);
  const ind = new CdlSeparatingLines();
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

export const cdlseparatinglinesSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLSEPARATINGLINES',
  group: 'pattern',
  summary: 'Separating lines',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlSeparatingLines(out)),
  batch: ([o, h, l, c]) => [cdlseparatinglines(o!, h!, l!, c!)],
  talib: { name: 'CDLSEPARATINGLINES', optIn: () => ({}), outputs: ['outInteger'] },
};
