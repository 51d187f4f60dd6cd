/**
 * CDLUPSIDEGAP2CROWS — Upside gap two crows: long white candle, a short black candle gapping up, then
 * a black candle engulfing it but closing above the first close.
 * Definition: TA-Lib TA_CDLUPSIDEGAP2CROWS (ta_CDLUPSIDEGAP2CROWS.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyLong, BodyShort } from './candle-settings.js';

const LOOKBACK = Math.max(BodyShort.avgPeriod, BodyLong.avgPeriod) + 2;

/** Incremental CDLUPSIDEGAP2CROWS: 1 output (-100 or 0). */
export class CdlUpsideGap2Crows extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLUPSIDEGAP2CROWS', LOOKBACK, [[BodyLong, 2], [BodyShort, 1]], outputs);
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
      w.realBody(i - 2) > w.avg(BodyLong, t[0]!, i - 2) &&
      w.color(i - 1) === -1 &&
      w.realBody(i - 1) <= w.avg(BodyShort, t[1]!, i - 1) &&
      w.realBodyGapUp(i - 1, i - 2) &&
      w.color(i) === -1 &&
      w.o(i) > w.o(i - 1) &&
      w.c(i) < w.c(i - 1) &&
      w.c(i) > w.c(i - 2)
    ) {
      out = -100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDLUPSIDEGAP2CROWS (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlupsidegap2crows(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLUPSIDEGAP2CROWS', open, high, low, close);
  const ind = new CdlUpsideGap2Crows();
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

export const cdlupsidegap2crowsSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLUPSIDEGAP2CROWS',
  group: 'pattern',
  summary: 'Upside gap two crows',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new CdlUpsideGap2Crows(out),
  batch: ([o, h, l, c]) => [cdlupsidegap2crows(o!, h!, l!, c!)],
  talib: { name: 'CDLUPSIDEGAP2CROWS', optIn: () => ({}), outputs: ['outInteger'] },
};
