/**
 * CDLLONGLEGGEDDOJI — Long legged doji: a doji with one long shadow (longer than the real body).
 * Definition: TA-Lib TA_CDLLONGLEGGEDDOJI (ta_CDLLONGLEGGEDDOJI.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyDoji, ShadowLong, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Math.max(BodyDoji.avgPeriod, ShadowLong.avgPeriod);

/** CDLLONGLEGGEDDOJI on bar i (>= LOOKBACK) of the window: 100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  const j0 = w.j0;
  const body = w.body[j0];
  const long = w.avgShadowLong(body);
  let out = 0;
  if ((w.lower[j0] > long || w.upper[j0] > long) && body <= w.avgBodyDoji(w.sums[tb[0] + j0])) out = 100;
  return out;
}

const DEF: PatternDef = { name: 'CDLLONGLEGGEDDOJI', lookback: LOOKBACK, totals: [[BodyDoji, 0], [ShadowLong, 0]], filter: [when('', { upperLong: true, doji: [0], output: 100 }), when('', { lowerLong: true, doji: [0], output: 100 })], rule };

/** Incremental CDLLONGLEGGEDDOJI: 1 output (100 or 0). */
export class CdlLongLeggedDoji extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLLONGLEGGEDDOJI');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
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
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlLongLeggedDoji(out)),
  batch: ([o, h, l, c]) => [cdllongleggeddoji(o!, h!, l!, c!)],
  talib: { name: 'CDLLONGLEGGEDDOJI', optIn: () => ({}), outputs: ['outInteger'] },
};
