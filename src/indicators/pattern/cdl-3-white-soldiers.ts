/**
 * CDL3WHITESOLDIERS — Three advancing white soldiers: three white candles with very short upper
 * shadows, higher closes, each opening within or near the previous body, not far shorter than it.
 * Definition: TA-Lib TA_CDL3WHITESOLDIERS (ta_CDL3WHITESOLDIERS.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyShort, Far, Near, ShadowVeryShort } from './candle-settings.js';

const LOOKBACK = Math.max(ShadowVeryShort.avgPeriod, BodyShort.avgPeriod, Far.avgPeriod, Near.avgPeriod) + 2;

/** Incremental CDL3WHITESOLDIERS: 1 output (100 or 0). */
export class Cdl3WhiteSoldiers extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDL3WHITESOLDIERS', LOOKBACK, [[ShadowVeryShort, 2], [ShadowVeryShort, 1], [ShadowVeryShort, 0], [Near, 2], [Near, 1], [Far, 2], [Far, 1], [BodyShort, 0]], outputs);
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
      w.upperShadow(i - 2) < w.avg(ShadowVeryShort, t[0]!, i - 2) &&
      w.color(i - 1) === 1 &&
      w.upperShadow(i - 1) < w.avg(ShadowVeryShort, t[1]!, i - 1) &&
      w.color(i) === 1 &&
      w.upperShadow(i) < w.avg(ShadowVeryShort, t[2]!, i) &&
      w.c(i) > w.c(i - 1) &&
      w.c(i - 1) > w.c(i - 2) &&
      w.o(i - 1) > w.o(i - 2) &&
      w.o(i - 1) <= w.c(i - 2) + w.avg(Near, t[3]!, i - 2) &&
      w.o(i) > w.o(i - 1) &&
      w.o(i) <= w.c(i - 1) + w.avg(Near, t[4]!, i - 1) &&
      w.realBody(i - 1) > w.realBody(i - 2) - w.avg(Far, t[5]!, i - 2) &&
      w.realBody(i) > w.realBody(i - 1) - w.avg(Far, t[6]!, i - 1) &&
      w.realBody(i) > w.avg(BodyShort, t[7]!, i)
    ) {
      out = 100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDL3WHITESOLDIERS (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdl3whitesoldiers(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDL3WHITESOLDIERS', open, high, low, close);
  const ind = new Cdl3WhiteSoldiers();
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

export const cdl3whitesoldiersSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDL3WHITESOLDIERS',
  group: 'pattern',
  summary: 'Three advancing white soldiers',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new Cdl3WhiteSoldiers(out),
  batch: ([o, h, l, c]) => [cdl3whitesoldiers(o!, h!, l!, c!)],
  talib: { name: 'CDL3WHITESOLDIERS', optIn: () => ({}), outputs: ['outInteger'] },
};
