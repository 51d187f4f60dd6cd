/**
 * CDLENGULFING — Engulfing pattern: a candle whose real body engulfs the opposite-coloured real body
 * of the previous candle (bullish when white engulfs black).
 * Definition: TA-Lib TA_CDLENGULFING (ta_CDLENGULFING.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 (80 / -80 when one end of the bodies matches) or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';

const LOOKBACK = 2;

/** Incremental CDLENGULFING: 1 output (100 / -100 (80 / -80 when one end of the bodies matches) or 0). */
export class CdlEngulfing extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLENGULFING', LOOKBACK, [], outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.push(bar, i);
    this.count = i + 1;
    if (i < LOOKBACK) return;
    let out = 0;
    if (
      (w.color(i) === 1 &&
        w.color(i - 1) === -1 &&
        ((w.c(i) >= w.o(i - 1) && w.o(i) < w.c(i - 1)) || (w.c(i) > w.o(i - 1) && w.o(i) <= w.c(i - 1)))) ||
      (w.color(i) === -1 &&
        w.color(i - 1) === 1 &&
        ((w.o(i) >= w.c(i - 1) && w.c(i) < w.o(i - 1)) || (w.o(i) > w.c(i - 1) && w.c(i) <= w.o(i - 1))))
    ) {
      out = w.o(i) !== w.c(i - 1) && w.c(i) !== w.o(i - 1) ? w.color(i) * 100 : w.color(i) * 80;
    }
    this.outputs[0] = out;
  }
}

/** Batch CDLENGULFING (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlengulfing(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLENGULFING', open, high, low, close);
  const ind = new CdlEngulfing();
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

export const cdlengulfingSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLENGULFING',
  group: 'pattern',
  summary: 'Engulfing pattern',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new CdlEngulfing(out),
  batch: ([o, h, l, c]) => [cdlengulfing(o!, h!, l!, c!)],
  talib: { name: 'CDLENGULFING', optIn: () => ({}), outputs: ['outInteger'] },
};
