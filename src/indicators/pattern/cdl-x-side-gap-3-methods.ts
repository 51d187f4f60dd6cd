/**
 * CDLXSIDEGAP3METHODS — Upside/downside gap three methods: two same-coloured candles with a gap, then
 * an opposite candle opening within the second body and closing within the first (filling the gap).
 * Definition: TA-Lib TA_CDLXSIDEGAP3METHODS (ta_CDLXSIDEGAP3METHODS.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';

const LOOKBACK = 2;

/** Incremental CDLXSIDEGAP3METHODS: 1 output (100 / -100 or 0). */
export class CdlXSideGap3Methods extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLXSIDEGAP3METHODS', LOOKBACK, [], outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.push(bar, i);
    this.count = i + 1;
    if (i < LOOKBACK) return;
    let out = 0;
    if (
      w.color(i - 2) === w.color(i - 1) &&
      w.color(i - 1) === -w.color(i) &&
      w.o(i) < w.bodyTop(i - 1) &&
      w.o(i) > w.bodyBottom(i - 1) &&
      w.c(i) < w.bodyTop(i - 2) &&
      w.c(i) > w.bodyBottom(i - 2) &&
      ((w.color(i - 2) === 1 && w.realBodyGapUp(i - 1, i - 2)) || (w.color(i - 2) === -1 && w.realBodyGapDown(i - 1, i - 2)))
    ) {
      out = w.color(i - 2) * 100;
    }
    this.outputs[0] = out;
  }
}

/** Batch CDLXSIDEGAP3METHODS (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlxsidegap3methods(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLXSIDEGAP3METHODS', open, high, low, close);
  const ind = new CdlXSideGap3Methods();
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

export const cdlxsidegap3methodsSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLXSIDEGAP3METHODS',
  group: 'pattern',
  summary: 'Upside/downside gap three methods',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new CdlXSideGap3Methods(out),
  batch: ([o, h, l, c]) => [cdlxsidegap3methods(o!, h!, l!, c!)],
  talib: { name: 'CDLXSIDEGAP3METHODS', optIn: () => ({}), outputs: ['outInteger'] },
};
