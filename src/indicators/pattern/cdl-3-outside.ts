/**
 * CDL3OUTSIDE — Three outside up/down: an engulfing pattern confirmed by a third candle closing
 * beyond the second.
 * Definition: TA-Lib TA_CDL3OUTSIDE (ta_CDL3OUTSIDE.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { type CandleWindow } from './candle-settings.js';

const LOOKBACK = 3;

/** CDL3OUTSIDE on bar i (>= LOOKBACK) of the window: 100 / -100 or 0. */
function rule(w: CandleWindow): number {
  let out = 0;
  const cb = (w.colors >> 1) & 3;
  // i-2 and i-1 of opposite colours
  if (cb === 0b01 || cb === 0b10) {
    const j0 = w.j0;
    const j1 = w.j1;
    const j2 = w.j2;
    if (cb === 0b01) {
      if (w.close[j1] > w.open[j2] && w.open[j1] < w.close[j2] && w.close[j0] > w.close[j1]) out = 100;
    } else if (w.open[j1] > w.close[j2] && w.close[j1] < w.open[j2] && w.close[j0] < w.close[j1]) {
      out = -100;
    }
  }
  return out;
}

const DEF: PatternDef = { name: 'CDL3OUTSIDE', lookback: LOOKBACK, totals: [], filter: [when('BW.', { outside: [1], closeUp: [0] }), when('WB.', { outside: [1], closeDown: [0] })], rule };

/** Incremental CDL3OUTSIDE: 1 output (100 / -100 or 0). */
export class Cdl3Outside extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDL3OUTSIDE');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w);
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
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new Cdl3Outside(out)),
  batch: ([o, h, l, c]) => [cdl3outside(o!, h!, l!, c!)],
  talib: { name: 'CDL3OUTSIDE', optIn: () => ({}), outputs: ['outInteger'] },
};
