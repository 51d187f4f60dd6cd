/**
 * CDLPIERCING — Piercing pattern: long black candle, then a long white candle opening below its low
 * and closing above the midpoint of its real body (but below its open).
 * Definition: TA-Lib TA_CDLPIERCING (ta_CDLPIERCING.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyLong } from './candle-settings.js';

const LOOKBACK = BodyLong.avgPeriod + 1;

/** Incremental CDLPIERCING: 1 output (100 or 0). */
export class CdlPiercing extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLPIERCING', LOOKBACK, [[BodyLong, 1], [BodyLong, 0]], outputs);
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
      w.color(i - 1) === -1 &&
      w.realBody(i - 1) > w.avg(BodyLong, t[0]!, i - 1) &&
      w.color(i) === 1 &&
      w.realBody(i) > w.avg(BodyLong, t[1]!, i) &&
      w.o(i) < w.l(i - 1) &&
      w.c(i) < w.o(i - 1) &&
      w.c(i) > w.c(i - 1) + w.realBody(i - 1) * 0.5
    ) {
      out = 100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDLPIERCING (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlpiercing(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLPIERCING', open, high, low, close);
  const ind = new CdlPiercing();
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

export const cdlpiercingSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLPIERCING',
  group: 'pattern',
  summary: 'Piercing pattern',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new CdlPiercing(out),
  batch: ([o, h, l, c]) => [cdlpiercing(o!, h!, l!, c!)],
  talib: { name: 'CDLPIERCING', optIn: () => ({}), outputs: ['outInteger'] },
};
