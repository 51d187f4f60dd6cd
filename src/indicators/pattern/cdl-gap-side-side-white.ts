/**
 * CDLGAPSIDESIDEWHITE — Up/down-gap side-by-side white lines: two white candles of about the same
 * size and open, both gapping away from the candle before them.
 * Definition: TA-Lib TA_CDLGAPSIDESIDEWHITE (ta_CDLGAPSIDESIDEWHITE.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 (up gap) / -100 (down gap) or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { Equal, Near } from './candle-settings.js';

const LOOKBACK = Math.max(Near.avgPeriod, Equal.avgPeriod) + 2;

/** Incremental CDLGAPSIDESIDEWHITE: 1 output (100 (up gap) / -100 (down gap) or 0). */
export class CdlGapSideSideWhite extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLGAPSIDESIDEWHITE', LOOKBACK, [[Near, 1], [Equal, 1]], outputs);
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
      ((w.realBodyGapUp(i - 1, i - 2) && w.realBodyGapUp(i, i - 2)) || (w.realBodyGapDown(i - 1, i - 2) && w.realBodyGapDown(i, i - 2))) &&
      w.color(i - 1) === 1 &&
      w.color(i) === 1 &&
      w.realBody(i) >= w.realBody(i - 1) - w.avg(Near, t[0]!, i - 1) &&
      w.realBody(i) <= w.realBody(i - 1) + w.avg(Near, t[0]!, i - 1) &&
      w.o(i) >= w.o(i - 1) - w.avg(Equal, t[1]!, i - 1) &&
      w.o(i) <= w.o(i - 1) + w.avg(Equal, t[1]!, i - 1)
    ) {
      out = w.realBodyGapUp(i - 1, i - 2) ? 100 : -100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDLGAPSIDESIDEWHITE (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlgapsidesidewhite(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLGAPSIDESIDEWHITE', open, high, low, close);
  const ind = new CdlGapSideSideWhite();
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

export const cdlgapsidesidewhiteSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLGAPSIDESIDEWHITE',
  group: 'pattern',
  summary: 'Up/down-gap side-by-side white lines',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new CdlGapSideSideWhite(out),
  batch: ([o, h, l, c]) => [cdlgapsidesidewhite(o!, h!, l!, c!)],
  talib: { name: 'CDLGAPSIDESIDEWHITE', optIn: () => ({}), outputs: ['outInteger'] },
};
