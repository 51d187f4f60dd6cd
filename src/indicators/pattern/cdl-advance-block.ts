/**
 * CDLADVANCEBLOCK — Advance block: three white candles with higher closes whose advance weakens
 * (shrinking bodies and/or growing upper shadows).
 * Definition: TA-Lib TA_CDLADVANCEBLOCK (ta_CDLADVANCEBLOCK.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyLong, Far, Near, ShadowLong, ShadowShort } from './candle-settings.js';

const LOOKBACK = Math.max(ShadowLong.avgPeriod, ShadowShort.avgPeriod, Far.avgPeriod, Near.avgPeriod, BodyLong.avgPeriod) + 2;

/** Incremental CDLADVANCEBLOCK: 1 output (-100 or 0). */
export class CdlAdvanceBlock extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLADVANCEBLOCK', LOOKBACK, [[ShadowShort, 2], [ShadowShort, 1], [ShadowShort, 0], [ShadowLong, 1], [ShadowLong, 0], [Near, 2], [Near, 1], [Far, 2], [Far, 1], [BodyLong, 2]], outputs);
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
      w.color(i - 2) === 1 &&
      w.color(i - 1) === 1 &&
      w.color(i) === 1 &&
      w.c(i) > w.c(i - 1) &&
      w.c(i - 1) > w.c(i - 2) &&
      w.o(i - 1) > w.o(i - 2) &&
      w.o(i - 1) <= w.c(i - 2) + w.avg(Near, t[5]!, i - 2) &&
      w.o(i) > w.o(i - 1) &&
      w.o(i) <= w.c(i - 1) + w.avg(Near, t[6]!, i - 1) &&
      w.realBody(i - 2) > w.avg(BodyLong, t[9]!, i - 2) &&
      w.upperShadow(i - 2) < w.avg(ShadowShort, t[0]!, i - 2) &&
      ((w.realBody(i - 1) < w.realBody(i - 2) - w.avg(Far, t[7]!, i - 2) && w.realBody(i) < w.realBody(i - 1) + w.avg(Near, t[6]!, i - 1)) ||
        w.realBody(i) < w.realBody(i - 1) - w.avg(Far, t[8]!, i - 1) ||
        (w.realBody(i) < w.realBody(i - 1) &&
          w.realBody(i - 1) < w.realBody(i - 2) &&
          (w.upperShadow(i) > w.avg(ShadowShort, t[2]!, i) || w.upperShadow(i - 1) > w.avg(ShadowShort, t[1]!, i - 1))) ||
        (w.realBody(i) < w.realBody(i - 1) && w.upperShadow(i) > w.avg(ShadowLong, t[4]!, i)))
    ) {
      out = -100;
    }
    this.outputs[0] = out;
    w.advance(i);
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
  create: (_p, out) => new CdlAdvanceBlock(out),
  batch: ([o, h, l, c]) => [cdladvanceblock(o!, h!, l!, c!)],
  talib: { name: 'CDLADVANCEBLOCK', optIn: () => ({}), outputs: ['outInteger'] },
};
