/**
 * CDLXSIDEGAP3METHODS — Upside/downside gap three methods: two same-coloured candles with a gap, then
 * an opposite candle opening within the second body and closing within the first (filling the gap).
 * Definition: TA-Lib TA_CDLXSIDEGAP3METHODS (ta_CDLXSIDEGAP3METHODS.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { type CandleWindow } from './candle-settings.js';

const LOOKBACK = 2;

/** CDLXSIDEGAP3METHODS on bar i (>= LOOKBACK) of the window: 100 / -100 or 0. */
function rule(w: CandleWindow): number {
  let out = 0;
  const cb = w.colors & 7;
  // i-2 and i-1 of one colour, i of the other
  if (cb === 0b110 || cb === 0b001) {
    const j0 = w.j0;
    const j1 = w.j1;
    const j2 = w.j2;
    if (
      w.open[j0] < w.top[j1] &&
      w.open[j0] > w.bottom[j1] &&
      w.close[j0] < w.top[j2] &&
      w.close[j0] > w.bottom[j2] &&
      (cb === 0b110 ? w.bottom[j1] > w.top[j2] : w.top[j1] < w.bottom[j2])
    ) {
      out = cb === 0b110 ? 100 : -100;
    }
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLXSIDEGAP3METHODS', lookback: LOOKBACK, totals: [], filter: [when('WWB', { gapUp: [1] }), when('BBW', { gapDown: [1] })], rule };

/** Incremental CDLXSIDEGAP3METHODS: 1 output (100 / -100 or 0). */
export class CdlXSideGap3Methods extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLXSIDEGAP3METHODS');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w);
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
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlXSideGap3Methods(out)),
  batch: ([o, h, l, c]) => [cdlxsidegap3methods(o!, h!, l!, c!)],
  talib: { name: 'CDLXSIDEGAP3METHODS', optIn: () => ({}), outputs: ['outInteger'] },
};
