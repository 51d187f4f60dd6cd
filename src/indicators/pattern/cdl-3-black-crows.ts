/**
 * CDL3BLACKCROWS — Three black crows: after a white candle, three declining black candles with very
 * short lower shadows, each opening within the previous one's real body.
 * Definition: TA-Lib TA_CDL3BLACKCROWS (ta_CDL3BLACKCROWS.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { ShadowVeryShort } from './candle-settings.js';

const LOOKBACK = ShadowVeryShort.avgPeriod + 3;

/** Incremental CDL3BLACKCROWS: 1 output (-100 or 0). */
export class Cdl3BlackCrows extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDL3BLACKCROWS', LOOKBACK, [[ShadowVeryShort, 2], [ShadowVeryShort, 1], [ShadowVeryShort, 0]], outputs);
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
      w.color(i - 3) === 1 &&
      w.color(i - 2) === -1 &&
      w.lowerShadow(i - 2) < w.avg(ShadowVeryShort, t[0]!, i - 2) &&
      w.color(i - 1) === -1 &&
      w.lowerShadow(i - 1) < w.avg(ShadowVeryShort, t[1]!, i - 1) &&
      w.color(i) === -1 &&
      w.lowerShadow(i) < w.avg(ShadowVeryShort, t[2]!, i) &&
      w.o(i - 1) < w.o(i - 2) &&
      w.o(i - 1) > w.c(i - 2) &&
      w.o(i) < w.o(i - 1) &&
      w.o(i) > w.c(i - 1) &&
      w.h(i - 3) > w.c(i - 2) &&
      w.c(i - 2) > w.c(i - 1) &&
      w.c(i - 1) > w.c(i)
    ) {
      out = -100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDL3BLACKCROWS (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdl3blackcrows(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDL3BLACKCROWS', open, high, low, close);
  const ind = new Cdl3BlackCrows();
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

export const cdl3blackcrowsSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDL3BLACKCROWS',
  group: 'pattern',
  summary: 'Three black crows',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new Cdl3BlackCrows(out),
  batch: ([o, h, l, c]) => [cdl3blackcrows(o!, h!, l!, c!)],
  talib: { name: 'CDL3BLACKCROWS', optIn: () => ({}), outputs: ['outInteger'] },
};
