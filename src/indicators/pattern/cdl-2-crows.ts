/**
 * CDL2CROWS — Two crows: long white candle, black candle gapping up, black candle opening within
 * the second body and closing within the first.
 * Definition: TA-Lib TA_CDL2CROWS (ta_CDL2CROWS.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyLong } from './candle-settings.js';

const LOOKBACK = BodyLong.avgPeriod + 2;

/** Incremental CDL2CROWS: 1 output (-100 or 0). */
export class Cdl2Crows extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDL2CROWS', LOOKBACK, [[BodyLong, 2]], outputs);
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
      w.color(i - 2) === 1 &&
      w.realBody(i - 2) > w.avg(BodyLong, t[0]!, i - 2) &&
      w.color(i - 1) === -1 &&
      w.realBodyGapUp(i - 1, i - 2) &&
      w.color(i) === -1 &&
      w.o(i) < w.o(i - 1) &&
      w.o(i) > w.c(i - 1) &&
      w.c(i) > w.o(i - 2) &&
      w.c(i) < w.c(i - 2)
    ) {
      out = -100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDL2CROWS (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdl2crows(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDL2CROWS', open, high, low, close);
  const ind = new Cdl2Crows();
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

export const cdl2crowsSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDL2CROWS',
  group: 'pattern',
  summary: 'Two crows',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new Cdl2Crows(out),
  batch: ([o, h, l, c]) => [cdl2crows(o!, h!, l!, c!)],
  talib: { name: 'CDL2CROWS', optIn: () => ({}), outputs: ['outInteger'] },
};
