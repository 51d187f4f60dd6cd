/**
 * CDLBREAKAWAY — Breakaway: long candle, a gap in its direction, two more candles continuing, then an
 * opposite candle closing inside the gap.
 * Definition: TA-Lib TA_CDLBREAKAWAY (ta_CDLBREAKAWAY.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyLong, type CandleWindow } from './candle-settings.js';

const LOOKBACK = BodyLong.avgPeriod + 4;

/** CDLBREAKAWAY on bar i (>= LOOKBACK) of the window: 100 / -100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  let out = 0;
  const cb = w.colors & 0b11011;
  // i-4, i-3 and i-1 of one colour, i of the other
  if (cb === 0b00001 || cb === 0b11010) {
    const j0 = w.j0;
    const j1 = w.j1;
    const j2 = w.j2;
    const j3 = w.j3;
    const j4 = w.j4;
    if (
      (cb === 0b00001
        ? w.top[j3] < w.bottom[j4] &&
          w.high[j2] < w.high[j3] &&
          w.low[j2] < w.low[j3] &&
          w.high[j1] < w.high[j2] &&
          w.low[j1] < w.low[j2] &&
          w.close[j0] > w.open[j3] &&
          w.close[j0] < w.close[j4]
        : w.bottom[j3] > w.top[j4] &&
          w.high[j2] > w.high[j3] &&
          w.low[j2] > w.low[j3] &&
          w.high[j1] > w.high[j2] &&
          w.low[j1] > w.low[j2] &&
          w.close[j0] < w.open[j3] &&
          w.close[j0] > w.close[j4]) &&
      w.body[j4] > w.avgBodyLong(w.sums[tb[0] + j4])
    ) {
      out = cb === 0b00001 ? 100 : -100;
    }
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLBREAKAWAY', lookback: LOOKBACK, totals: [[BodyLong, 4]], filter: [when('BB.BW', { long: [4], gapDown: [3] }), when('WW.WB', { long: [4], gapUp: [3] })], rule };

/** Incremental CDLBREAKAWAY: 1 output (100 / -100 or 0). */
export class CdlBreakaway extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLBREAKAWAY');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDLBREAKAWAY (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlbreakaway(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLBREAKAWAY', open, high, low, close);
  const ind = new CdlBreakaway();
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

export const cdlbreakawaySpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLBREAKAWAY',
  group: 'pattern',
  summary: 'Breakaway',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlBreakaway(out)),
  batch: ([o, h, l, c]) => [cdlbreakaway(o!, h!, l!, c!)],
  talib: { name: 'CDLBREAKAWAY', optIn: () => ({}), outputs: ['outInteger'] },
};
