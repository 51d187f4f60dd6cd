/**
 * CDL3LINESTRIKE — Three-line strike: three same-coloured candles with consecutive closes, each
 * opening within/near the previous body, then a fourth opposite candle wiping them out.
 * Definition: TA-Lib TA_CDL3LINESTRIKE (ta_CDL3LINESTRIKE.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { Near } from './candle-settings.js';

const LOOKBACK = Near.avgPeriod + 3;

/** Incremental CDL3LINESTRIKE: 1 output (100 / -100 or 0). */
export class Cdl3LineStrike extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDL3LINESTRIKE', LOOKBACK, [[Near, 3], [Near, 2]], outputs);
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
      w.color(i - 3) === w.color(i - 2) &&
      w.color(i - 2) === w.color(i - 1) &&
      w.color(i) === -w.color(i - 1) &&
      w.o(i - 2) >= w.bodyBottom(i - 3) - w.avg(Near, t[0]!, i - 3) &&
      w.o(i - 2) <= w.bodyTop(i - 3) + w.avg(Near, t[0]!, i - 3) &&
      w.o(i - 1) >= w.bodyBottom(i - 2) - w.avg(Near, t[1]!, i - 2) &&
      w.o(i - 1) <= w.bodyTop(i - 2) + w.avg(Near, t[1]!, i - 2) &&
      ((w.color(i - 1) === 1 && w.c(i - 1) > w.c(i - 2) && w.c(i - 2) > w.c(i - 3) && w.o(i) > w.c(i - 1) && w.c(i) < w.o(i - 3)) ||
        (w.color(i - 1) === -1 && w.c(i - 1) < w.c(i - 2) && w.c(i - 2) < w.c(i - 3) && w.o(i) < w.c(i - 1) && w.c(i) > w.o(i - 3)))
    ) {
      out = w.color(i - 1) * 100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDL3LINESTRIKE (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdl3linestrike(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDL3LINESTRIKE', open, high, low, close);
  const ind = new Cdl3LineStrike();
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

export const cdl3linestrikeSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDL3LINESTRIKE',
  group: 'pattern',
  summary: 'Three-line strike',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new Cdl3LineStrike(out),
  batch: ([o, h, l, c]) => [cdl3linestrike(o!, h!, l!, c!)],
  talib: { name: 'CDL3LINESTRIKE', optIn: () => ({}), outputs: ['outInteger'] },
};
