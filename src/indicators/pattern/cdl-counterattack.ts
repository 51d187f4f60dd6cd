/**
 * CDLCOUNTERATTACK — Counterattack: two long opposite-coloured candles with (almost) equal closes;
 * sign is the colour of the second.
 * Definition: TA-Lib TA_CDLCOUNTERATTACK (ta_CDLCOUNTERATTACK.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyLong, Equal } from './candle-settings.js';

const LOOKBACK = Math.max(Equal.avgPeriod, BodyLong.avgPeriod) + 1;

/** Incremental CDLCOUNTERATTACK: 1 output (100 / -100 or 0). */
export class CdlCounterattack extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLCOUNTERATTACK', LOOKBACK, [[Equal, 1], [BodyLong, 1], [BodyLong, 0]], outputs);
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
      w.realBody(i - 1) > w.avg(BodyLong, t[1]!, i - 1) &&
      w.realBody(i) > w.avg(BodyLong, t[2]!, i) &&
      w.c(i) <= w.c(i - 1) + w.avg(Equal, t[0]!, i - 1) &&
      w.c(i) >= w.c(i - 1) - w.avg(Equal, t[0]!, i - 1)
    ) {
      out = w.color(i) * 100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDLCOUNTERATTACK (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlcounterattack(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLCOUNTERATTACK', open, high, low, close);
  const ind = new CdlCounterattack();
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

export const cdlcounterattackSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLCOUNTERATTACK',
  group: 'pattern',
  summary: 'Counterattack',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new CdlCounterattack(out),
  batch: ([o, h, l, c]) => [cdlcounterattack(o!, h!, l!, c!)],
  talib: { name: 'CDLCOUNTERATTACK', optIn: () => ({}), outputs: ['outInteger'] },
};
