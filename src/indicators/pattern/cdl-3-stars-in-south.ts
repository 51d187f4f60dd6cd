/**
 * CDL3STARSINSOUTH — Three stars in the south: three black candles, a long one with a long lower
 * shadow, a smaller one with a higher low, and a small marubozu inside the second range.
 * Definition: TA-Lib TA_CDL3STARSINSOUTH (ta_CDL3STARSINSOUTH.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyLong, BodyShort, ShadowLong, ShadowVeryShort } from './candle-settings.js';

const LOOKBACK = Math.max(ShadowVeryShort.avgPeriod, ShadowLong.avgPeriod, BodyLong.avgPeriod, BodyShort.avgPeriod) + 2;

/** Incremental CDL3STARSINSOUTH: 1 output (100 or 0). */
export class Cdl3StarsInSouth extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDL3STARSINSOUTH', LOOKBACK, [[BodyLong, 2], [ShadowLong, 2], [ShadowVeryShort, 1], [ShadowVeryShort, 0], [BodyShort, 0]], outputs);
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
      w.color(i - 2) === -1 &&
      w.color(i - 1) === -1 &&
      w.color(i) === -1 &&
      w.realBody(i - 2) > w.avg(BodyLong, t[0]!, i - 2) &&
      w.lowerShadow(i - 2) > w.avg(ShadowLong, t[1]!, i - 2) &&
      w.realBody(i - 1) < w.realBody(i - 2) &&
      w.o(i - 1) > w.c(i - 2) &&
      w.o(i - 1) <= w.h(i - 2) &&
      w.l(i - 1) < w.c(i - 2) &&
      w.l(i - 1) >= w.l(i - 2) &&
      w.lowerShadow(i - 1) > w.avg(ShadowVeryShort, t[2]!, i - 1) &&
      w.realBody(i) < w.avg(BodyShort, t[4]!, i) &&
      w.lowerShadow(i) < w.avg(ShadowVeryShort, t[3]!, i) &&
      w.upperShadow(i) < w.avg(ShadowVeryShort, t[3]!, i) &&
      w.l(i) > w.l(i - 1) &&
      w.h(i) < w.h(i - 1)
    ) {
      out = 100;
    }
    this.outputs[0] = out;
    w.advance(i);
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
  create: (_p, out) => new Cdl3StarsInSouth(out),
  batch: ([o, h, l, c]) => [cdl3starsinsouth(o!, h!, l!, c!)],
  talib: { name: 'CDL3STARSINSOUTH', optIn: () => ({}), outputs: ['outInteger'] },
};
