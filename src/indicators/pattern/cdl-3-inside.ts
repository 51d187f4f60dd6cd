/**
 * CDL3INSIDE — Three inside up/down: a harami (long candle, short one inside its body) confirmed by a
 * third candle of the opposite colour to the first closing beyond its open.
 * Definition: TA-Lib TA_CDL3INSIDE (ta_CDL3INSIDE.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyLong, BodyShort } from './candle-settings.js';

const LOOKBACK = Math.max(BodyShort.avgPeriod, BodyLong.avgPeriod) + 2;

/** Incremental CDL3INSIDE: 1 output (100 / -100 or 0). */
export class Cdl3Inside extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDL3INSIDE', LOOKBACK, [[BodyLong, 2], [BodyShort, 1]], outputs);
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
      w.realBody(i - 1) <= w.avg(BodyShort, t[1]!, i - 1) &&
      w.bodyTop(i - 1) < w.bodyTop(i - 2) &&
      w.bodyBottom(i - 1) > w.bodyBottom(i - 2) &&
      ((w.color(i - 2) === 1 && w.color(i) === -1 && w.c(i) < w.o(i - 2)) ||
        (w.color(i - 2) === -1 && w.color(i) === 1 && w.c(i) > w.o(i - 2)))
    ) {
      out = -w.color(i - 2) * 100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDL3INSIDE (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdl3inside(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDL3INSIDE', open, high, low, close);
  const ind = new Cdl3Inside();
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

export const cdl3insideSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDL3INSIDE',
  group: 'pattern',
  summary: 'Three inside up/down',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new Cdl3Inside(out),
  batch: ([o, h, l, c]) => [cdl3inside(o!, h!, l!, c!)],
  talib: { name: 'CDL3INSIDE', optIn: () => ({}), outputs: ['outInteger'] },
};
