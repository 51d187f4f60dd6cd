/**
 * CDLLADDERBOTTOM — Ladder bottom: three declining black candles, a black candle with an upper shadow,
 * then a white candle opening above its body and closing above its high.
 * Definition: TA-Lib TA_CDLLADDERBOTTOM (ta_CDLLADDERBOTTOM.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { ShadowVeryShort } from './candle-settings.js';

const LOOKBACK = ShadowVeryShort.avgPeriod + 4;

/** Incremental CDLLADDERBOTTOM: 1 output (100 or 0). */
export class CdlLadderBottom extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLLADDERBOTTOM', LOOKBACK, [[ShadowVeryShort, 1]], outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.push(bar, i);
    this.count = i + 1;
    if (i < LOOKBACK) return;
    const t = w.totals;
    let out = 0;
    if (
      w.color(i - 4) === -1 &&
      w.color(i - 3) === -1 &&
      w.color(i - 2) === -1 &&
      w.o(i - 4) > w.o(i - 3) &&
      w.o(i - 3) > w.o(i - 2) &&
      w.c(i - 4) > w.c(i - 3) &&
      w.c(i - 3) > w.c(i - 2) &&
      w.color(i - 1) === -1 &&
      w.upperShadow(i - 1) > w.avg(ShadowVeryShort, t[0]!, i - 1) &&
      w.color(i) === 1 &&
      w.o(i) > w.o(i - 1) &&
      w.c(i) > w.h(i - 1)
    ) {
      out = 100;
    }
    this.outputs[0] = out;
    w.advance(i);
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
  create: (_p, out) => new CdlLadderBottom(out),
  batch: ([o, h, l, c]) => [cdlladderbottom(o!, h!, l!, c!)],
  talib: { name: 'CDLLADDERBOTTOM', optIn: () => ({}), outputs: ['outInteger'] },
};
