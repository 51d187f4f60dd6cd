/**
 * CDL3OUTSIDE — Three outside up/down: an engulfing pattern confirmed by a third candle closing
 * beyond the second.
 * Definition: TA-Lib TA_CDL3OUTSIDE (ta_CDL3OUTSIDE.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';

const LOOKBACK = 3;

/** Incremental CDL3OUTSIDE: 1 output (100 / -100 or 0). */
export class Cdl3Outside extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDL3OUTSIDE', LOOKBACK, [], outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.push(bar, i);
    this.count = i + 1;
    if (i < LOOKBACK) return;
    let out = 0;
    if (
      (w.color(i - 1) === 1 && w.color(i - 2) === -1 && w.c(i - 1) > w.o(i - 2) && w.o(i - 1) < w.c(i - 2) && w.c(i) > w.c(i - 1)) ||
      (w.color(i - 1) === -1 && w.color(i - 2) === 1 && w.o(i - 1) > w.c(i - 2) && w.c(i - 1) < w.o(i - 2) && w.c(i) < w.c(i - 1))
    ) {
      out = w.color(i - 1) * 100;
    }
    this.outputs[0] = out;
  }
}

/** Batch CDL3OUTSIDE (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdl3outside(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDL3OUTSIDE', open, high, low, close);
  const ind = new Cdl3Outside();
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

export const cdl3outsideSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDL3OUTSIDE',
  group: 'pattern',
  summary: 'Three outside up/down',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new Cdl3Outside(out),
  batch: ([o, h, l, c]) => [cdl3outside(o!, h!, l!, c!)],
  talib: { name: 'CDL3OUTSIDE', optIn: () => ({}), outputs: ['outInteger'] },
};
