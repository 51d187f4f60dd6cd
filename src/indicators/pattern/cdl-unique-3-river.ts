/**
 * CDLUNIQUE3RIVER — Unique three river: long black candle, a black harami with a lower low, then a
 * small white candle opening above that low.
 * Definition: TA-Lib TA_CDLUNIQUE3RIVER (ta_CDLUNIQUE3RIVER.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyLong, BodyShort } from './candle-settings.js';

const LOOKBACK = Math.max(BodyShort.avgPeriod, BodyLong.avgPeriod) + 2;

/** Incremental CDLUNIQUE3RIVER: 1 output (100 or 0). */
export class CdlUnique3River extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLUNIQUE3RIVER', LOOKBACK, [[BodyLong, 2], [BodyShort, 0]], outputs);
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
      w.realBody(i - 2) > w.avg(BodyLong, t[0]!, i - 2) &&
      w.color(i - 2) === -1 &&
      w.color(i - 1) === -1 &&
      w.c(i - 1) > w.c(i - 2) &&
      w.o(i - 1) <= w.o(i - 2) &&
      w.l(i - 1) < w.l(i - 2) &&
      w.realBody(i) < w.avg(BodyShort, t[1]!, i) &&
      w.color(i) === 1 &&
      w.o(i) > w.l(i - 1)
    ) {
      out = 100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDLUNIQUE3RIVER (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlunique3river(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLUNIQUE3RIVER', open, high, low, close);
  const ind = new CdlUnique3River();
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

export const cdlunique3riverSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLUNIQUE3RIVER',
  group: 'pattern',
  summary: 'Unique 3 river',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new CdlUnique3River(out),
  batch: ([o, h, l, c]) => [cdlunique3river(o!, h!, l!, c!)],
  talib: { name: 'CDLUNIQUE3RIVER', optIn: () => ({}), outputs: ['outInteger'] },
};
