/**
 * CDL3WHITESOLDIERS — Three advancing white soldiers: three white candles with very short upper
 * shadows, higher closes, each opening within or near the previous body, not far shorter than it.
 * Definition: TA-Lib TA_CDL3WHITESOLDIERS (ta_CDL3WHITESOLDIERS.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyShort, Far, Near, ShadowVeryShort, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Math.max(ShadowVeryShort.avgPeriod, BodyShort.avgPeriod, Far.avgPeriod, Near.avgPeriod) + 2;

/** CDL3WHITESOLDIERS on bar i (>= LOOKBACK) of the window: 100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  let out = 0;
  // three white candles
  if ((w.colors & 7) === 7) {
    const j0 = w.j0;
    const j1 = w.j1;
    const j2 = w.j2;
    const s = w.sums;
    if (
      w.close[j0] > w.close[j1] &&
      w.close[j1] > w.close[j2] &&
      w.open[j1] > w.open[j2] &&
      w.open[j0] > w.open[j1] &&
      w.upper[j2] < w.avgShadowVeryShort(s[tb[0] + j2]) &&
      w.upper[j1] < w.avgShadowVeryShort(s[tb[1] + j1]) &&
      w.upper[j0] < w.avgShadowVeryShort(s[tb[2] + j0]) &&
      w.open[j1] <= w.close[j2] + w.avgNear(s[tb[3] + j2]) &&
      w.open[j0] <= w.close[j1] + w.avgNear(s[tb[4] + j1]) &&
      w.body[j1] > w.body[j2] - w.avgFar(s[tb[5] + j2]) &&
      w.body[j0] > w.body[j1] - w.avgFar(s[tb[6] + j1]) &&
      w.body[j0] > w.avgBodyShort(s[tb[7] + j0])
    ) {
      out = 100;
    }
  }
  return out;
}

const DEF: PatternDef = { name: 'CDL3WHITESOLDIERS', lookback: LOOKBACK, totals: [[ShadowVeryShort, 2], [ShadowVeryShort, 1], [ShadowVeryShort, 0], [Near, 2], [Near, 1], [Far, 2], [Far, 1], [BodyShort, 0]], filter: [when('WWW', { upperVeryShort: [2], closeUp: [0, 1] })], rule };

/** Incremental CDL3WHITESOLDIERS: 1 output (100 or 0). */
export class Cdl3WhiteSoldiers extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDL3WHITESOLDIERS');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDL3WHITESOLDIERS (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdl3whitesoldiers(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDL3WHITESOLDIERS', open, high, low, close);
  const ind = new Cdl3WhiteSoldiers();
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

export const cdl3whitesoldiersSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDL3WHITESOLDIERS',
  group: 'pattern',
  summary: 'Three advancing white soldiers',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new Cdl3WhiteSoldiers(out)),
  batch: ([o, h, l, c]) => [cdl3whitesoldiers(o!, h!, l!, c!)],
  talib: { name: 'CDL3WHITESOLDIERS', optIn: () => ({}), outputs: ['outInteger'] },
};
