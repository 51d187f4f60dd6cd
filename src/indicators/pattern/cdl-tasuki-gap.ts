/**
 * CDLTASUKIGAP — Tasuki gap: a candle gapping away, then an opposite candle of about the same size
 * opening within its body and closing inside the gap; sign is the colour of the gapping candle.
 * Definition: TA-Lib TA_CDLTASUKIGAP (ta_CDLTASUKIGAP.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { Near } from './candle-settings.js';

const LOOKBACK = Near.avgPeriod + 2;

/** Incremental CDLTASUKIGAP: 1 output (100 / -100 or 0). */
export class CdlTasukiGap extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLTASUKIGAP', LOOKBACK, [[Near, 1]], outputs);
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
      (w.realBodyGapUp(i - 1, i - 2) &&
        w.color(i - 1) === 1 &&
        w.color(i) === -1 &&
        w.o(i) < w.c(i - 1) &&
        w.o(i) > w.o(i - 1) &&
        w.c(i) < w.o(i - 1) &&
        w.c(i) > w.bodyTop(i - 2) &&
        Math.abs(w.realBody(i - 1) - w.realBody(i)) < w.avg(Near, t[0]!, i - 1)) ||
      (w.realBodyGapDown(i - 1, i - 2) &&
        w.color(i - 1) === -1 &&
        w.color(i) === 1 &&
        w.o(i) < w.o(i - 1) &&
        w.o(i) > w.c(i - 1) &&
        w.c(i) > w.o(i - 1) &&
        w.c(i) < w.bodyBottom(i - 2) &&
        Math.abs(w.realBody(i - 1) - w.realBody(i)) < w.avg(Near, t[0]!, i - 1))
    ) {
      out = w.color(i - 1) * 100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDLTASUKIGAP (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdltasukigap(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLTASUKIGAP', open, high, low, close);
  const ind = new CdlTasukiGap();
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

export const cdltasukigapSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLTASUKIGAP',
  group: 'pattern',
  summary: 'Tasuki gap',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new CdlTasukiGap(out),
  batch: ([o, h, l, c]) => [cdltasukigap(o!, h!, l!, c!)],
  talib: { name: 'CDLTASUKIGAP', optIn: () => ({}), outputs: ['outInteger'] },
};
