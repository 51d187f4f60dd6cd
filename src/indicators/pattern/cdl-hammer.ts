/**
 * CDLHAMMER — Hammer: small real body, long lower shadow, (almost) no upper shadow, body near the
 * previous candle's low.
 * Definition: TA-Lib TA_CDLHAMMER (ta_CDLHAMMER.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyShort, Near, ShadowLong, ShadowVeryShort, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Math.max(BodyShort.avgPeriod, ShadowLong.avgPeriod, ShadowVeryShort.avgPeriod, Near.avgPeriod) + 1;

/** CDLHAMMER on bar i (>= LOOKBACK) of the window: 100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  const j0 = w.j0;
  const body = w.body[j0];
  let out = 0;
  if (
    w.lower[j0] > w.avgShadowLong(body) &&
    body < w.avgBodyShort(w.sums[tb[0] + j0]) &&
    w.upper[j0] < w.avgShadowVeryShort(w.sums[tb[2] + j0]) &&
    w.bottom[j0] <= w.low[w.j1] + w.avgNear(w.sums[tb[3] + w.j1])
  ) {
    out = 100;
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLHAMMER', lookback: LOOKBACK, totals: [[BodyShort, 0], [ShadowLong, 0], [ShadowVeryShort, 0], [Near, 1]], filter: [when('', { lowerLong: true, short11: true, upperVeryShort11: true })], rule };

/** Incremental CDLHAMMER: 1 output (100 or 0). */
export class CdlHammer extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLHAMMER');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDLHAMMER (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlhammer(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLHAMMER', open, high, low, close);
  const ind = new CdlHammer();
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

export const cdlhammerSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLHAMMER',
  group: 'pattern',
  summary: 'Hammer',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlHammer(out)),
  batch: ([o, h, l, c]) => [cdlhammer(o!, h!, l!, c!)],
  talib: { name: 'CDLHAMMER', optIn: () => ({}), outputs: ['outInteger'] },
};
