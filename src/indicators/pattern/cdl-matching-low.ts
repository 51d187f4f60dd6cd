/**
 * CDLMATCHINGLOW — Matching low: two black candles with (almost) equal closes.
 * Definition: TA-Lib TA_CDLMATCHINGLOW (ta_CDLMATCHINGLOW.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { Equal } from './candle-settings.js';

const LOOKBACK = Equal.avgPeriod + 1;

/** Incremental CDLMATCHINGLOW: 1 output (100 or 0). */
export class CdlMatchingLow extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLMATCHINGLOW', LOOKBACK, [[Equal, 1]], outputs);
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
      w.color(i - 1) === -1 &&
      w.color(i) === -1 &&
      w.c(i) <= w.c(i - 1) + w.avg(Equal, t[0]!, i - 1) &&
      w.c(i) >= w.c(i - 1) - w.avg(Equal, t[0]!, i - 1)
    ) {
      out = 100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDLMATCHINGLOW (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlmatchinglow(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLMATCHINGLOW', open, high, low, close);
  const ind = new CdlMatchingLow();
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

export const cdlmatchinglowSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLMATCHINGLOW',
  group: 'pattern',
  summary: 'Matching low',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new CdlMatchingLow(out),
  batch: ([o, h, l, c]) => [cdlmatchinglow(o!, h!, l!, c!)],
  talib: { name: 'CDLMATCHINGLOW', optIn: () => ({}), outputs: ['outInteger'] },
};
