/**
 * CDLDOJI — Doji: a real body no longer than 10% of the average high-low range of the previous 10
 * candles.
 * Definition: TA-Lib TA_CDLDOJI (ta_CDLDOJI.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyDoji, type CandleWindow } from './candle-settings.js';

const LOOKBACK = BodyDoji.avgPeriod;

/** CDLDOJI on bar i (>= LOOKBACK) of the window: 100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  return w.body[w.j0] <= w.avgBodyDoji(w.sums[tb[0] + w.j0]) ? 100 : 0;
}

const DEF: PatternDef = { name: 'CDLDOJI', lookback: LOOKBACK, totals: [[BodyDoji, 0]], filter: [when('', { doji: [0], output: 100 })], rule };

/** Incremental CDLDOJI: 1 output (100 or 0). */
export class CdlDoji extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLDOJI');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDLDOJI (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdldoji(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLDOJI', open, high, low, close);
  const ind = new CdlDoji();
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

export const cdldojiSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLDOJI',
  group: 'pattern',
  summary: 'Doji',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlDoji(out)),
  batch: ([o, h, l, c]) => [cdldoji(o!, h!, l!, c!)],
  talib: { name: 'CDLDOJI', optIn: () => ({}), outputs: ['outInteger'] },
};
