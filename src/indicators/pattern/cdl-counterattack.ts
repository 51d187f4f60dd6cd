/**
 * CDLCOUNTERATTACK — Counterattack: two long opposite-coloured candles with (almost) equal closes;
 * sign is the colour of the second.
 * Definition: TA-Lib TA_CDLCOUNTERATTACK (ta_CDLCOUNTERATTACK.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyLong, Equal, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Math.max(Equal.avgPeriod, BodyLong.avgPeriod) + 1;

/** CDLCOUNTERATTACK on bar i (>= LOOKBACK) of the window: 100 / -100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  let out = 0;
  const cb = w.colors;
  // i-1 and i of opposite colours
  if (((cb ^ (cb >> 1)) & 1) !== 0) {
    const j0 = w.j0;
    const j1 = w.j1;
    const s = w.sums;
    const eq = w.avgEqual(s[tb[0] + j1]);
    if (
      w.close[j0] <= w.close[j1] + eq &&
      w.close[j0] >= w.close[j1] - eq &&
      w.body[j1] > w.avgBodyLong(s[tb[1] + j1]) &&
      w.body[j0] > w.avgBodyLong(s[tb[2] + j0])
    ) {
      out = (cb & 1) !== 0 ? 100 : -100;
    }
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLCOUNTERATTACK', lookback: LOOKBACK, totals: [[Equal, 1], [BodyLong, 1], [BodyLong, 0]], filter: [when('BW', { long: [1], long11: true }), when('WB', { long: [1], long11: true })], rule };

/** Incremental CDLCOUNTERATTACK: 1 output (100 / -100 or 0). */
export class CdlCounterattack extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLCOUNTERATTACK');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDLCOUNTERATTACK (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlcounterattack(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLCOUNTERATTACK', open, high, low, close);
  const ind = new CdlCounterattack();
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

export const cdlcounterattackSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLCOUNTERATTACK',
  group: 'pattern',
  summary: 'Counterattack',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlCounterattack(out)),
  batch: ([o, h, l, c]) => [cdlcounterattack(o!, h!, l!, c!)],
  talib: { name: 'CDLCOUNTERATTACK', optIn: () => ({}), outputs: ['outInteger'] },
};
