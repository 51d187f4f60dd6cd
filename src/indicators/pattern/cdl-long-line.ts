/**
 * CDLLONGLINE — Long line candle: long real body with short shadows; sign is the candle colour.
 * Definition: TA-Lib TA_CDLLONGLINE (ta_CDLLONGLINE.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyLong, ShadowShort, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Math.max(BodyLong.avgPeriod, ShadowShort.avgPeriod);

/** CDLLONGLINE on bar i (>= LOOKBACK) of the window: 100 / -100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  const j0 = w.j0;
  const short = w.avgShadowShort(w.sums[tb[1] + j0]);
  let out = 0;
  if (w.upper[j0] < short && w.lower[j0] < short && w.body[j0] > w.avgBodyLong(w.sums[tb[0] + j0])) {
    out = (w.colors & 1) !== 0 ? 100 : -100;
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLLONGLINE', lookback: LOOKBACK, totals: [[BodyLong, 0], [ShadowShort, 0]], filter: [when('W', { long: [0], upperShort: true, lowerShort: true, output: 100 }), when('B', { long: [0], upperShort: true, lowerShort: true, output: -100 })], rule };

/** Incremental CDLLONGLINE: 1 output (100 / -100 or 0). */
export class CdlLongLine extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLLONGLINE');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDLLONGLINE (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdllongline(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLLONGLINE', open, high, low, close);
  const ind = new CdlLongLine();
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

export const cdllonglineSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLLONGLINE',
  group: 'pattern',
  summary: 'Long line candle',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlLongLine(out)),
  batch: ([o, h, l, c]) => [cdllongline(o!, h!, l!, c!)],
  talib: { name: 'CDLLONGLINE', optIn: () => ({}), outputs: ['outInteger'] },
};
