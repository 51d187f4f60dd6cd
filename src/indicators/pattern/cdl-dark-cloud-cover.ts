/**
 * CDLDARKCLOUDCOVER — Dark cloud cover: long white candle, then a black candle opening above its high
 * and closing within its real body, below the close by `penetration` of the body.
 * Definition: TA-Lib TA_CDLDARKCLOUDCOVER (ta_CDLDARKCLOUDCOVER.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertRange } from '../validate.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyLong, PENETRATION_MAX } from './candle-settings.js';

const LOOKBACK = BodyLong.avgPeriod + 1;

/** Incremental CDLDARKCLOUDCOVER: 1 output (-100 or 0). */
export class CdlDarkCloudCover extends CandlePattern {
  private readonly penetration: number;

  constructor(penetration = 0.5, outputs?: Float64Array) {
    super('CDLDARKCLOUDCOVER', LOOKBACK, [[BodyLong, 1]], outputs);
    assertRange('CDLDARKCLOUDCOVER', 'penetration', penetration, 0, PENETRATION_MAX);
    this.penetration = penetration;
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.push(bar, i);
    this.count = i + 1;
    if (i < LOOKBACK) return;
    const t = w.totals;
    const pen = this.penetration;
    let out = 0;
    if (
      w.color(i - 1) === 1 &&
      w.realBody(i - 1) > w.avg(BodyLong, t[0]!, i - 1) &&
      w.color(i) === -1 &&
      w.o(i) > w.h(i - 1) &&
      w.c(i) > w.o(i - 1) &&
      w.c(i) < w.c(i - 1) - w.realBody(i - 1) * pen
    ) {
      out = -100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDLDARKCLOUDCOVER (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdldarkcloudcover(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>, penetration = 0.5): Float64Array {
  assertOhlc('CDLDARKCLOUDCOVER', open, high, low, close);
  const ind = new CdlDarkCloudCover(penetration);
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

export const cdldarkcloudcoverSpec: IndicatorSpec<{ penetration: number }> = {
  name: 'CDLDARKCLOUDCOVER',
  group: 'pattern',
  summary: 'Dark cloud cover',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: { penetration: 0.5 },
  testParams: [{ penetration: 0.3 }],
  create: (p, out) => new CdlDarkCloudCover(p.penetration, out),
  batch: ([o, h, l, c], p) => [cdldarkcloudcover(o!, h!, l!, c!, p.penetration)],
  talib: { name: 'CDLDARKCLOUDCOVER', optIn: (p) => ({ optInPenetration: p.penetration }), outputs: ['outInteger'] },
};
