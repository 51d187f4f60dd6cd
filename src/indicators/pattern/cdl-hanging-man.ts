/**
 * CDLHANGINGMAN — Hanging man: small real body, long lower shadow, (almost) no upper shadow, body
 * near the previous candle's high.
 * Definition: TA-Lib TA_CDLHANGINGMAN (ta_CDLHANGINGMAN.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyShort, Near, ShadowLong, ShadowVeryShort } from './candle-settings.js';

const LOOKBACK = Math.max(BodyShort.avgPeriod, ShadowLong.avgPeriod, ShadowVeryShort.avgPeriod, Near.avgPeriod) + 1;

/** Incremental CDLHANGINGMAN: 1 output (-100 or 0). */
export class CdlHangingMan extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLHANGINGMAN', LOOKBACK, [[BodyShort, 0], [ShadowLong, 0], [ShadowVeryShort, 0], [Near, 1]], outputs);
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
      w.lowerShadow(i) > w.avg(ShadowLong, t[1]!, i) &&
      w.upperShadow(i) < w.avg(ShadowVeryShort, t[2]!, i) &&
      w.bodyBottom(i) >= w.h(i - 1) - w.avg(Near, t[3]!, i - 1)
    ) {
      out = -100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDLHANGINGMAN (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlhangingman(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLHANGINGMAN', open, high, low, close);
  const ind = new CdlHangingMan();
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

export const cdlhangingmanSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLHANGINGMAN',
  group: 'pattern',
  summary: 'Hanging man',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new CdlHangingMan(out),
  batch: ([o, h, l, c]) => [cdlhangingman(o!, h!, l!, c!)],
  talib: { name: 'CDLHANGINGMAN', optIn: () => ({}), outputs: ['outInteger'] },
};
