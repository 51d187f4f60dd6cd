/**
 * CDLENGULFING — Engulfing pattern: a candle whose real body engulfs the opposite-coloured real body
 * of the previous candle (bullish when white engulfs black).
 * Definition: TA-Lib TA_CDLENGULFING (ta_CDLENGULFING.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 (80 / -80 when one end of the bodies matches) or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { type CandleWindow } from './candle-settings.js';

const LOOKBACK = 2;

/** CDLENGULFING on bar i (>= LOOKBACK) of the window: 100 / -100 (80 / -80 when one end of the bodies matches) or 0. */
function rule(w: CandleWindow): number {
  let out = 0;
  const cb = w.colors & 3;
  // i-1 and i of opposite colours
  if (cb === 0b01 || cb === 0b10) {
    const o0 = w.open[w.j0];
    const c0 = w.close[w.j0];
    const o1 = w.open[w.j1];
    const c1 = w.close[w.j1];
    if (cb === 0b01 ? (c0 >= o1 && o0 < c1) || (c0 > o1 && o0 <= c1) : (o0 >= c1 && c0 < o1) || (o0 > c1 && c0 <= o1)) {
      const sign = cb === 0b01 ? 1 : -1;
      out = o0 !== c1 && c0 !== o1 ? sign * 100 : sign * 80;
    }
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLENGULFING', lookback: LOOKBACK, totals: [], filter: [when('BW', { outside: [0] }), when('WB', { outside: [0] })], rule };

/** Incremental CDLENGULFING: 1 output (100 / -100 (80 / -80 when one end of the bodies matches) or 0). */
export class CdlEngulfing extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLENGULFING');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w);
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
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlEngulfing(out)),
  batch: ([o, h, l, c]) => [cdlengulfing(o!, h!, l!, c!)],
  talib: { name: 'CDLENGULFING', optIn: () => ({}), outputs: ['outInteger'] },
};
