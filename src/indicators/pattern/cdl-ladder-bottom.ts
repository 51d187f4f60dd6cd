/**
 * CDLLADDERBOTTOM — Ladder bottom: three declining black candles, a black candle with an upper shadow,
 * then a white candle opening above its body and closing above its high.
 * Definition: TA-Lib TA_CDLLADDERBOTTOM (ta_CDLLADDERBOTTOM.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { ShadowVeryShort, type CandleWindow } from './candle-settings.js';

const LOOKBACK = ShadowVeryShort.avgPeriod + 4;

/** CDLLADDERBOTTOM on bar i (>= LOOKBACK) of the window: 100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  let out = 0;
  // four black candles, then a white one
  if ((w.colors & 31) === 0b00001) {
    const j0 = w.j0;
    const j1 = w.j1;
    const j2 = w.j2;
    const j3 = w.j3;
    const j4 = w.j4;
    if (
      w.open[j4] > w.open[j3] &&
      w.open[j3] > w.open[j2] &&
      w.close[j4] > w.close[j3] &&
      w.close[j3] > w.close[j2] &&
      w.open[j0] > w.open[j1] &&
      w.close[j0] > w.high[j1] &&
      w.upper[j1] > w.avgShadowVeryShort(w.sums[tb[0] + j1])
    ) {
      out = 100;
    }
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLLADDERBOTTOM', lookback: LOOKBACK, totals: [[ShadowVeryShort, 1]], filter: [when('BBBBW', { closeDown: [2, 3] })], rule };

/** Incremental CDLLADDERBOTTOM: 1 output (100 or 0). */
export class CdlLadderBottom extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLLADDERBOTTOM');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDLLADDERBOTTOM (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlladderbottom(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLLADDERBOTTOM', open, high, low, close);
  const ind = new CdlLadderBottom();
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

export const cdlladderbottomSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLLADDERBOTTOM',
  group: 'pattern',
  summary: 'Ladder bottom',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlLadderBottom(out)),
  batch: ([o, h, l, c]) => [cdlladderbottom(o!, h!, l!, c!)],
  talib: { name: 'CDLLADDERBOTTOM', optIn: () => ({}), outputs: ['outInteger'] },
};
