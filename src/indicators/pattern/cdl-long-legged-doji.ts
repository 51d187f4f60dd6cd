/**
 * CDLLONGLEGGEDDOJI — Long legged doji: a doji with one long shadow (longer than the real body).
 * Definition: TA-Lib TA_CDLLONGLEGGEDDOJI (ta_CDLLONGLEGGEDDOJI.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyDoji, ShadowLong } from './candle-settings.js';

const LOOKBACK = Math.max(BodyDoji.avgPeriod, ShadowLong.avgPeriod);

/** Incremental CDLLONGLEGGEDDOJI: 1 output (100 or 0). */
export class CdlLongLeggedDoji extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLLONGLEGGEDDOJI', LOOKBACK, [[BodyDoji, 0], [ShadowLong, 0]], outputs);
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
      w.realBody(i) <= w.avg(BodyDoji, t[0]!, i) &&
      (w.lowerShadow(i) > w.avg(ShadowLong, t[1]!, i) || w.upperShadow(i) > w.avg(ShadowLong, t[1]!, i))
    ) {
      out = 100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDLLONGLEGGEDDOJI (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdllongleggeddoji(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLLONGLEGGEDDOJI', open, high, low, close);
  const ind = new CdlLongLeggedDoji();
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

export const cdllongleggeddojiSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLLONGLEGGEDDOJI',
  group: 'pattern',
  summary: 'Long legged doji',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new CdlLongLeggedDoji(out),
  batch: ([o, h, l, c]) => [cdllongleggeddoji(o!, h!, l!, c!)],
  talib: { name: 'CDLLONGLEGGEDDOJI', optIn: () => ({}), outputs: ['outInteger'] },
};
