/**
 * CDLSHOOTINGSTAR — Shooting star: small real body gapping up, long upper shadow, (almost) no lower
 * shadow.
 * Definition: TA-Lib TA_CDLSHOOTINGSTAR (ta_CDLSHOOTINGSTAR.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyShort, ShadowLong, ShadowVeryShort, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Math.max(BodyShort.avgPeriod, ShadowLong.avgPeriod, ShadowVeryShort.avgPeriod) + 1;

/** CDLSHOOTINGSTAR on bar i (>= LOOKBACK) of the window: -100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  const j0 = w.j0;
  const body = w.body[j0];
  let out = 0;
  if (
    w.upper[j0] > w.avgShadowLong(body) &&
    w.bottom[j0] > w.top[w.j1] &&
    body < w.avgBodyShort(w.sums[tb[0] + j0]) &&
    w.lower[j0] < w.avgShadowVeryShort(w.sums[tb[2] + j0])
  ) {
    out = -100;
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLSHOOTINGSTAR', lookback: LOOKBACK, totals: [[BodyShort, 0], [ShadowLong, 0], [ShadowVeryShort, 0]], filter: [when('', { upperLong: true, gapUp: [0], short11: true, lowerVeryShort11: true })], rule };

/** Incremental CDLSHOOTINGSTAR: 1 output (-100 or 0). */
export class CdlShootingStar extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLSHOOTINGSTAR');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDLSHOOTINGSTAR (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlshootingstar(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLSHOOTINGSTAR', open, high, low, close);
  const ind = new CdlShootingStar();
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

export const cdlshootingstarSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLSHOOTINGSTAR',
  group: 'pattern',
  summary: 'Shooting star',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlShootingStar(out)),
  batch: ([o, h, l, c]) => [cdlshootingstar(o!, h!, l!, c!)],
  talib: { name: 'CDLSHOOTINGSTAR', optIn: () => ({}), outputs: ['outInteger'] },
};
