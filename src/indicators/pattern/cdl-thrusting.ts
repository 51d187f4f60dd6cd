/**
 * CDLTHRUSTING — Thrusting: long black candle, then a white candle opening below its low and closing
 * into its body but not above the midpoint.
 * Definition: TA-Lib TA_CDLTHRUSTING (ta_CDLTHRUSTING.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyLong, Equal } from './candle-settings.js';

const LOOKBACK = Math.max(Equal.avgPeriod, BodyLong.avgPeriod) + 1;

/** Incremental CDLTHRUSTING: 1 output (-100 or 0). */
export class CdlThrusting extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLTHRUSTING', LOOKBACK, [[Equal, 1], [BodyLong, 1]], outputs);
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
      w.realBody(i - 1) > w.avg(BodyLong, t[1]!, i - 1) &&
      w.color(i) === 1 &&
      w.o(i) < w.l(i - 1) &&
      w.c(i) > w.c(i - 1) + w.avg(Equal, t[0]!, i - 1) &&
      w.c(i) <= w.c(i - 1) + w.realBody(i - 1) * 0.5
    ) {
      out = -100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDLTHRUSTING (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlthrusting(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLTHRUSTING', open, high, low, close);
  const ind = new CdlThrusting();
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

export const cdlthrustingSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLTHRUSTING',
  group: 'pattern',
  summary: 'Thrusting pattern',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new CdlThrusting(out),
  batch: ([o, h, l, c]) => [cdlthrusting(o!, h!, l!, c!)],
  talib: { name: 'CDLTHRUSTING', optIn: () => ({}), outputs: ['outInteger'] },
};
