/**
 * CDLSHOOTINGSTAR — Shooting star: small real body gapping up, long upper shadow, (almost) no lower
 * shadow.
 * Definition: TA-Lib TA_CDLSHOOTINGSTAR (ta_CDLSHOOTINGSTAR.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyShort, ShadowLong, ShadowVeryShort } from './candle-settings.js';

const LOOKBACK = Math.max(BodyShort.avgPeriod, ShadowLong.avgPeriod, ShadowVeryShort.avgPeriod) + 1;

/** Incremental CDLSHOOTINGSTAR: 1 output (-100 or 0). */
export class CdlShootingStar extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLSHOOTINGSTAR', LOOKBACK, [[BodyShort, 0], [ShadowLong, 0], [ShadowVeryShort, 0]], outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.push(bar, i);
    this.count = i + 1;
    if (i < LOOKBACK) return;
    const t = w.totals;
    let out = 0;
    if (
      w.realBody(i) < w.avg(BodyShort, t[0]!, i) &&
      w.upperShadow(i) > w.avg(ShadowLong, t[1]!, i) &&
      w.lowerShadow(i) < w.avg(ShadowVeryShort, t[2]!, i) &&
      w.realBodyGapUp(i, i - 1)
    ) {
      out = -100;
    }
    this.outputs[0] = out;
    w.advance(i);
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
  create: (_p, out) => new CdlShootingStar(out),
  batch: ([o, h, l, c]) => [cdlshootingstar(o!, h!, l!, c!)],
  talib: { name: 'CDLSHOOTINGSTAR', optIn: () => ({}), outputs: ['outInteger'] },
};
