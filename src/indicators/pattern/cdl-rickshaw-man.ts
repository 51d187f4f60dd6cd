/**
 * CDLRICKSHAWMAN — Rickshaw man: a doji with two long shadows and its body near the middle of the
 * high-low range.
 * Definition: TA-Lib TA_CDLRICKSHAWMAN (ta_CDLRICKSHAWMAN.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyDoji, Near, ShadowLong, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Math.max(BodyDoji.avgPeriod, ShadowLong.avgPeriod, Near.avgPeriod);

/** CDLRICKSHAWMAN on bar i (>= LOOKBACK) of the window: 100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  const j0 = w.j0;
  const body = w.body[j0];
  const long = w.avgShadowLong(body);
  let out = 0;
  if (w.lower[j0] > long && w.upper[j0] > long && body <= w.avgBodyDoji(w.sums[tb[0] + j0])) {
    const near = w.avgNear(w.sums[tb[2] + j0]);
    if (
      w.bottom[j0] <= w.low[j0] + w.range[j0] / 2 + near &&
      w.top[j0] >= w.low[j0] + w.range[j0] / 2 - near
    ) {
      out = 100;
    }
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLRICKSHAWMAN', lookback: LOOKBACK, totals: [[BodyDoji, 0], [ShadowLong, 0], [Near, 0]], filter: [when('', { upperLong: true, lowerLong: true, doji: [0] })], rule };

/** Incremental CDLRICKSHAWMAN: 1 output (100 or 0). */
export class CdlRickshawMan extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLRICKSHAWMAN');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDLRICKSHAWMAN (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlrickshawman(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLRICKSHAWMAN', open, high, low, close);
  const ind = new CdlRickshawMan();
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

export const cdlrickshawmanSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLRICKSHAWMAN',
  group: 'pattern',
  summary: 'Rickshaw man',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlRickshawMan(out)),
  batch: ([o, h, l, c]) => [cdlrickshawman(o!, h!, l!, c!)],
  talib: { name: 'CDLRICKSHAWMAN', optIn: () => ({}), outputs: ['outInteger'] },
};
