/**
 * CDLHOMINGPIGEON — Homing pigeon: long black candle followed by a short black candle inside its body.
 * Definition: TA-Lib TA_CDLHOMINGPIGEON (ta_CDLHOMINGPIGEON.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyLong, BodyShort } from './candle-settings.js';

const LOOKBACK = Math.max(BodyShort.avgPeriod, BodyLong.avgPeriod) + 1;

/** Incremental CDLHOMINGPIGEON: 1 output (100 or 0). */
export class CdlHomingPigeon extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLHOMINGPIGEON', LOOKBACK, [[BodyLong, 1], [BodyShort, 0]], outputs);
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
      w.color(i) === -1 &&
      w.realBody(i - 1) > w.avg(BodyLong, t[0]!, i - 1) &&
      w.realBody(i) <= w.avg(BodyShort, t[1]!, i) &&
      w.o(i) < w.o(i - 1) &&
      w.c(i) > w.c(i - 1)
    ) {
      out = 100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDLHOMINGPIGEON (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlhomingpigeon(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLHOMINGPIGEON', open, high, low, close);
  const ind = new CdlHomingPigeon();
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

export const cdlhomingpigeonSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLHOMINGPIGEON',
  group: 'pattern',
  summary: 'Homing pigeon',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new CdlHomingPigeon(out),
  batch: ([o, h, l, c]) => [cdlhomingpigeon(o!, h!, l!, c!)],
  talib: { name: 'CDLHOMINGPIGEON', optIn: () => ({}), outputs: ['outInteger'] },
};
