/**
 * CDLBREAKAWAY — Breakaway: long candle, a gap in its direction, two more candles continuing, then an
 * opposite candle closing inside the gap.
 * Definition: TA-Lib TA_CDLBREAKAWAY (ta_CDLBREAKAWAY.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyLong } from './candle-settings.js';

const LOOKBACK = BodyLong.avgPeriod + 4;

/** Incremental CDLBREAKAWAY: 1 output (100 / -100 or 0). */
export class CdlBreakaway extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLBREAKAWAY', LOOKBACK, [[BodyLong, 4]], outputs);
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
      w.realBody(i - 4) > w.avg(BodyLong, t[0]!, i - 4) &&
      w.color(i - 4) === w.color(i - 3) &&
      w.color(i - 3) === w.color(i - 1) &&
      w.color(i - 1) === -w.color(i) &&
      ((w.color(i - 4) === -1 &&
        w.realBodyGapDown(i - 3, i - 4) &&
        w.h(i - 2) < w.h(i - 3) &&
        w.l(i - 2) < w.l(i - 3) &&
        w.h(i - 1) < w.h(i - 2) &&
        w.l(i - 1) < w.l(i - 2) &&
        w.c(i) > w.o(i - 3) &&
        w.c(i) < w.c(i - 4)) ||
        (w.color(i - 4) === 1 &&
          w.realBodyGapUp(i - 3, i - 4) &&
          w.h(i - 2) > w.h(i - 3) &&
          w.l(i - 2) > w.l(i - 3) &&
          w.h(i - 1) > w.h(i - 2) &&
          w.l(i - 1) > w.l(i - 2) &&
          w.c(i) < w.o(i - 3) &&
          w.c(i) > w.c(i - 4)))
    ) {
      out = w.color(i) * 100;
    }
    this.outputs[0] = out;
    w.advance(i);
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
  create: (_p, out) => new CdlBreakaway(out),
  batch: ([o, h, l, c]) => [cdlbreakaway(o!, h!, l!, c!)],
  talib: { name: 'CDLBREAKAWAY', optIn: () => ({}), outputs: ['outInteger'] },
};
