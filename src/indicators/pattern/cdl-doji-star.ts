/**
 * CDLDOJISTAR — Doji star: a long candle followed by a doji whose body gaps away from it (bearish
 * after a white candle, bullish after a black one).
 * Definition: TA-Lib TA_CDLDOJISTAR (ta_CDLDOJISTAR.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyDoji, BodyLong } from './candle-settings.js';

const LOOKBACK = Math.max(BodyDoji.avgPeriod, BodyLong.avgPeriod) + 1;

/** Incremental CDLDOJISTAR: 1 output (100 / -100 or 0). */
export class CdlDojiStar extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLDOJISTAR', LOOKBACK, [[BodyLong, 1], [BodyDoji, 0]], outputs);
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
      w.realBody(i - 1) > w.avg(BodyLong, t[0]!, i - 1) &&
      w.realBody(i) <= w.avg(BodyDoji, t[1]!, i) &&
      ((w.color(i - 1) === 1 && w.realBodyGapUp(i, i - 1)) || (w.color(i - 1) === -1 && w.realBodyGapDown(i, i - 1)))
    ) {
      out = -w.color(i - 1) * 100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDLDOJISTAR (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdldojistar(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLDOJISTAR', open, high, low, close);
  const ind = new CdlDojiStar();
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

export const cdldojistarSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLDOJISTAR',
  group: 'pattern',
  summary: 'Doji star',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out) => new CdlDojiStar(out),
  batch: ([o, h, l, c]) => [cdldojistar(o!, h!, l!, c!)],
  talib: { name: 'CDLDOJISTAR', optIn: () => ({}), outputs: ['outInteger'] },
};
