/**
 * CDLADVANCEBLOCK — Advance block: three white candles with higher closes whose advance weakens
 * (shrinking bodies and/or growing upper shadows).
 * Definition: TA-Lib TA_CDLADVANCEBLOCK (ta_CDLADVANCEBLOCK.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyLong, Far, Near, ShadowLong, ShadowShort, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Math.max(ShadowLong.avgPeriod, ShadowShort.avgPeriod, Far.avgPeriod, Near.avgPeriod, BodyLong.avgPeriod) + 2;

/** CDLADVANCEBLOCK on bar i (>= LOOKBACK) of the window: -100 or 0. */
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
      w.open[j1] <= w.close[j2] + w.avgNear(s[tb[5] + j2]) &&
      w.open[j0] <= w.close[j1] + w.avgNear(s[tb[6] + j1]) &&
      w.body[j2] > w.avgBodyLong(s[tb[9] + j2]) &&
      w.upper[j2] < w.avgShadowShort(s[tb[0] + j2])
    ) {
      const b0 = w.body[j0];
      const b1 = w.body[j1];
      const b2 = w.body[j2];
      if (
        (b1 < b2 - w.avgFar(s[tb[7] + j2]) && b0 < b1 + w.avgNear(s[tb[6] + j1])) ||
        b0 < b1 - w.avgFar(s[tb[8] + j1]) ||
        (b0 < b1 && b1 < b2 && (w.upper[j0] > w.avgShadowShort(s[tb[2] + j0]) || w.upper[j1] > w.avgShadowShort(s[tb[1] + j1]))) ||
        (b0 < b1 && w.upper[j0] > w.avgShadowLong(b0))
      ) {
        out = -100;
      }
    }
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLADVANCEBLOCK', lookback: LOOKBACK, totals: [[ShadowShort, 2], [ShadowShort, 1], [ShadowShort, 0], [ShadowLong, 1], [ShadowLong, 0], [Near, 2], [Near, 1], [Far, 2], [Far, 1], [BodyLong, 2]], filter: [when('WWW', { long: [2], closeUp: [0, 1] })], rule };

/** Incremental CDLADVANCEBLOCK: 1 output (-100 or 0). */
export class CdlAdvanceBlock extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLADVANCEBLOCK');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDLADVANCEBLOCK (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdladvanceblock(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLADVANCEBLOCK', open, high, low, close);
  const ind = new CdlAdvanceBlock();
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

export const cdladvanceblockSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLADVANCEBLOCK',
  group: 'pattern',
  summary: 'Advance block',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlAdvanceBlock(out)),
  batch: ([o, h, l, c]) => [cdladvanceblock(o!, h!, l!, c!)],
  talib: { name: 'CDLADVANCEBLOCK', optIn: () => ({}), outputs: ['outInteger'] },
};
