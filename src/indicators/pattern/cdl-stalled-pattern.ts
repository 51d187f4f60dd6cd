/**
 * CDLSTALLEDPATTERN — Stalled pattern: two long white candles with higher closes, then a small white
 * candle riding on the second one's shoulder.
 * Definition: TA-Lib TA_CDLSTALLEDPATTERN (ta_CDLSTALLEDPATTERN.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyLong, BodyShort, Near, ShadowVeryShort } from './candle-settings.js';

const LOOKBACK = Math.max(BodyLong.avgPeriod, BodyShort.avgPeriod, ShadowVeryShort.avgPeriod, Near.avgPeriod) + 2;

/** Incremental CDLSTALLEDPATTERN: 1 output (-100 or 0). */
export class CdlStalledPattern extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLSTALLEDPATTERN', LOOKBACK, [[BodyLong, 2], [BodyLong, 1], [BodyShort, 0], [ShadowVeryShort, 1], [Near, 2], [Near, 1]], outputs);
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
      w.realBody(i - 2) > w.avg(BodyLong, t[0]!, i - 2) &&
      w.realBody(i - 1) > w.avg(BodyLong, t[1]!, i - 1) &&
      w.upperShadow(i - 1) < w.avg(ShadowVeryShort, t[3]!, i - 1) &&
      w.o(i - 1) > w.o(i - 2) &&
      w.o(i - 1) <= w.c(i - 2) + w.avg(Near, t[4]!, i - 2) &&
      w.realBody(i) < w.avg(BodyShort, t[2]!, i) &&
      w.o(i) >= w.c(i - 1) - w.realBody(i) - w.avg(Near, t[5]!, i - 1)
    ) {
      out = -100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDLSTALLEDPATTERN (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlstalledpattern(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLSTALLEDPATTERN', open, high, low, close);
  const ind = new CdlStalledPattern();
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

export const cdlstalledpatternSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLSTALLEDPATTERN',
  group: 'pattern',
  summary: 'Stalled pattern',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new CdlStalledPattern(out),
  batch: ([o, h, l, c]) => [cdlstalledpattern(o!, h!, l!, c!)],
  talib: { name: 'CDLSTALLEDPATTERN', optIn: () => ({}), outputs: ['outInteger'] },
};
