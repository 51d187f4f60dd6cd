/**
 * CDLSHORTLINE — Short line candle: short real body with short shadows; sign is the candle colour.
 * Definition: TA-Lib TA_CDLSHORTLINE (ta_CDLSHORTLINE.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyShort, ShadowShort, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Math.max(BodyShort.avgPeriod, ShadowShort.avgPeriod);

/** CDLSHORTLINE on bar i (>= LOOKBACK) of the window: 100 / -100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  const j0 = w.j0;
  const short = w.avgShadowShort(w.sums[tb[1] + j0]);
  let out = 0;
  if (w.upper[j0] < short && w.lower[j0] < short && w.body[j0] < w.avgBodyShort(w.sums[tb[0] + j0])) {
    out = (w.colors & 1) !== 0 ? 100 : -100;
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLSHORTLINE', lookback: LOOKBACK, totals: [[BodyShort, 0], [ShadowShort, 0]], filter: [when('W', { short: true, upperShort: true, lowerShort: true, output: 100 }), when('B', { short: true, upperShort: true, lowerShort: true, output: -100 })], rule };

/** Incremental CDLSHORTLINE: 1 output (100 / -100 or 0). */
export class CdlShortLine extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLSHORTLINE');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDLSHORTLINE (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlshortline(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLSHORTLINE', open, high, low, close);
  const ind = new CdlShortLine();
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

export const cdlshortlineSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLSHORTLINE',
  group: 'pattern',
  summary: 'Short line candle',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlShortLine(out)),
  batch: ([o, h, l, c]) => [cdlshortline(o!, h!, l!, c!)],
  talib: { name: 'CDLSHORTLINE', optIn: () => ({}), outputs: ['outInteger'] },
};
