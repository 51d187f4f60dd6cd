/**
 * CDLSTICKSANDWICH — Stick sandwich: black, white (trading above the first close), black candle closing
 * (almost) at the first close.
 * Definition: TA-Lib TA_CDLSTICKSANDWICH (ta_CDLSTICKSANDWICH.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { Equal, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Equal.avgPeriod + 2;

/** CDLSTICKSANDWICH on bar i (>= LOOKBACK) of the window: 100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  let out = 0;
  // black, white, black
  if ((w.colors & 7) === 0b010) {
    const j0 = w.j0;
    const j1 = w.j1;
    const j2 = w.j2;
    if (w.low[j1] > w.close[j2]) {
      const eq = w.avgEqual(w.sums[tb[0] + j2]);
      if (w.close[j0] <= w.close[j2] + eq && w.close[j0] >= w.close[j2] - eq) out = 100;
    }
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLSTICKSANDWICH', lookback: LOOKBACK, totals: [[Equal, 2]], filter: [when('BWB')], rule };

/** Incremental CDLSTICKSANDWICH: 1 output (100 or 0). */
export class CdlStickSandwich extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLSTICKSANDWICH');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDLSTICKSANDWICH (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlsticksandwich(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLSTICKSANDWICH', open, high, low, close);
  const ind = new CdlStickSandwich();
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

export const cdlsticksandwichSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLSTICKSANDWICH',
  group: 'pattern',
  summary: 'Stick sandwich',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlStickSandwich(out)),
  batch: ([o, h, l, c]) => [cdlsticksandwich(o!, h!, l!, c!)],
  talib: { name: 'CDLSTICKSANDWICH', optIn: () => ({}), outputs: ['outInteger'] },
};
