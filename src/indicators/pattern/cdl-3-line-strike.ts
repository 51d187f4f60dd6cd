/**
 * CDL3LINESTRIKE — Three-line strike: three same-coloured candles with consecutive closes, each
 * opening within/near the previous body, then a fourth opposite candle wiping them out.
 * Definition: TA-Lib TA_CDL3LINESTRIKE (ta_CDL3LINESTRIKE.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { Near, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Near.avgPeriod + 3;

/** CDL3LINESTRIKE on bar i (>= LOOKBACK) of the window: 100 / -100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  let out = 0;
  const cb = w.colors & 15;
  // three candles of one colour, then the opposite colour
  if (cb === 0b1110 || cb === 0b0001) {
    const j0 = w.j0;
    const j1 = w.j1;
    const j2 = w.j2;
    const j3 = w.j3;
    const white = cb === 0b1110;
    if (
      white
        ? w.close[j1] > w.close[j2] && w.close[j2] > w.close[j3] && w.open[j0] > w.close[j1] && w.close[j0] < w.open[j3]
        : w.close[j1] < w.close[j2] && w.close[j2] < w.close[j3] && w.open[j0] < w.close[j1] && w.close[j0] > w.open[j3]
    ) {
      const near3 = w.avgNear(w.sums[tb[0] + j3]);
      const near2 = w.avgNear(w.sums[tb[1] + j2]);
      if (
        w.open[j2] >= w.bottom[j3] - near3 &&
        w.open[j2] <= w.top[j3] + near3 &&
        w.open[j1] >= w.bottom[j2] - near2 &&
        w.open[j1] <= w.top[j2] + near2
      ) {
        out = white ? 100 : -100;
      }
    }
  }
  return out;
}

const DEF: PatternDef = { name: 'CDL3LINESTRIKE', lookback: LOOKBACK, totals: [[Near, 3], [Near, 2]], filter: [when('WWWB', { closeUp: [1, 2] }), when('BBBW', { closeDown: [1, 2] })], rule };

/** Incremental CDL3LINESTRIKE: 1 output (100 / -100 or 0). */
export class Cdl3LineStrike extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDL3LINESTRIKE');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDL3LINESTRIKE (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdl3linestrike(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDL3LINESTRIKE', open, high, low, close);
  const ind = new Cdl3LineStrike();
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

export const cdl3linestrikeSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDL3LINESTRIKE',
  group: 'pattern',
  summary: 'Three-line strike',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new Cdl3LineStrike(out)),
  batch: ([o, h, l, c]) => [cdl3linestrike(o!, h!, l!, c!)],
  talib: { name: 'CDL3LINESTRIKE', optIn: () => ({}), outputs: ['outInteger'] },
};
