/**
 * CDLMATCHINGLOW — Matching low: two black candles with (almost) equal closes.
 * Definition: TA-Lib TA_CDLMATCHINGLOW (ta_CDLMATCHINGLOW.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { Equal, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Equal.avgPeriod + 1;

/** CDLMATCHINGLOW on bar i (>= LOOKBACK) of the window: 100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  let out = 0;
  // i-1 and i black
  if ((w.colors & 3) === 0) {
    const j1 = w.j1;
    const c0 = w.close[w.j0];
    const eq = w.avgEqual(w.sums[tb[0] + j1]);
    if (c0 <= w.close[j1] + eq && c0 >= w.close[j1] - eq) out = 100;
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLMATCHINGLOW', lookback: LOOKBACK, totals: [[Equal, 1]], filter: [when('BB')], rule };

/** Incremental CDLMATCHINGLOW: 1 output (100 or 0). */
export class CdlMatchingLow extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLMATCHINGLOW');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
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
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlMatchingLow(out)),
  batch: ([o, h, l, c]) => [cdlmatchinglow(o!, h!, l!, c!)],
  talib: { name: 'CDLMATCHINGLOW', optIn: () => ({}), outputs: ['outInteger'] },
};
