/**
 * CDLTASUKIGAP — Tasuki gap: a candle gapping away, then an opposite candle of about the same size
 * opening within its body and closing inside the gap; sign is the colour of the gapping candle.
 * Definition: TA-Lib TA_CDLTASUKIGAP (ta_CDLTASUKIGAP.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { Near, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Near.avgPeriod + 2;

/** CDLTASUKIGAP on bar i (>= LOOKBACK) of the window: 100 / -100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  let out = 0;
  const cb = w.colors & 3;
  // i-1 and i of opposite colours
  if (cb === 0b10 || cb === 0b01) {
    const j0 = w.j0;
    const j1 = w.j1;
    const j2 = w.j2;
    if (
      cb === 0b10
        ? w.bottom[j1] > w.top[j2] &&
          w.open[j0] < w.close[j1] &&
          w.open[j0] > w.open[j1] &&
          w.close[j0] < w.open[j1] &&
          w.close[j0] > w.top[j2]
        : w.top[j1] < w.bottom[j2] &&
          w.open[j0] < w.open[j1] &&
          w.open[j0] > w.close[j1] &&
          w.close[j0] > w.open[j1] &&
          w.close[j0] < w.bottom[j2]
    ) {
      if (Math.abs(w.body[j1] - w.body[j0]) < w.avgNear(w.sums[tb[0] + j1])) out = cb === 0b10 ? 100 : -100;
    }
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLTASUKIGAP', lookback: LOOKBACK, totals: [[Near, 1]], filter: [when('WB', { gapUp: [1] }), when('BW', { gapDown: [1] })], rule };

/** Incremental CDLTASUKIGAP: 1 output (100 / -100 or 0). */
export class CdlTasukiGap extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLTASUKIGAP');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDLTASUKIGAP (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdltasukigap(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLTASUKIGAP', open, high, low, close);
  const ind = new CdlTasukiGap();
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

export const cdltasukigapSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLTASUKIGAP',
  group: 'pattern',
  summary: 'Tasuki gap',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlTasukiGap(out)),
  batch: ([o, h, l, c]) => [cdltasukigap(o!, h!, l!, c!)],
  talib: { name: 'CDLTASUKIGAP', optIn: () => ({}), outputs: ['outInteger'] },
};
