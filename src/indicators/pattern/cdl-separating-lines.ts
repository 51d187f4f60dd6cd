/**
 * CDLSEPARATINGLINES — Separating lines: opposite-coloured candles with (almost) the same open, the
 * second a long belt-hold; sign is the colour of the second.
 * Definition: TA-Lib TA_CDLSEPARATINGLINES (ta_CDLSEPARATINGLINES.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyLong, Equal, ShadowVeryShort } from './candle-settings.js';

const LOOKBACK = Math.max(ShadowVeryShort.avgPeriod, BodyLong.avgPeriod, Equal.avgPeriod) + 1;

/** Incremental CDLSEPARATINGLINES: 1 output (100 / -100 or 0). */
export class CdlSeparatingLines extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLSEPARATINGLINES', LOOKBACK, [[ShadowVeryShort, 0], [BodyLong, 0], [Equal, 1]], outputs);
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
      w.color(i - 1) === -w.color(i) &&
      w.o(i) <= w.o(i - 1) + w.avg(Equal, t[2]!, i - 1) &&
      w.o(i) >= w.o(i - 1) - w.avg(Equal, t[2]!, i - 1) &&
      w.realBody(i) > w.avg(BodyLong, t[1]!, i) &&
      ((w.color(i) === 1 && w.lowerShadow(i) < w.avg(ShadowVeryShort, t[0]!, i)) ||
        (w.color(i) === -1 && w.upperShadow(i) < w.avg(ShadowVeryShort, t[0]!, i)))
    ) {
      out = w.color(i) * 100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDLSEPARATINGLINES (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlseparatinglines(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLSEPARATINGLINES', open, high, low, close);
  const ind = new CdlSeparatingLines();
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

export const cdlseparatinglinesSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLSEPARATINGLINES',
  group: 'pattern',
  summary: 'Separating lines',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new CdlSeparatingLines(out),
  batch: ([o, h, l, c]) => [cdlseparatinglines(o!, h!, l!, c!)],
  talib: { name: 'CDLSEPARATINGLINES', optIn: () => ({}), outputs: ['outInteger'] },
};
