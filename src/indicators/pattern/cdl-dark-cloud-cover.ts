/**
 * CDLDARKCLOUDCOVER — Dark cloud cover: long white candle, then a black candle opening above its high
 * and closing within its real body, below the close by `penetration` of the body.
 * Definition: TA-Lib TA_CDLDARKCLOUDCOVER (ta_CDLDARKCLOUDCOVER.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertRange } from '../validate.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyLong, PENETRATION_MAX, type CandleWindow } from './candle-settings.js';

const LOOKBACK = BodyLong.avgPeriod + 1;

/** CDLDARKCLOUDCOVER on bar i (>= LOOKBACK) of the window: -100 or 0. */
function rule(w: CandleWindow, tb: Int32Array, pen: number): number {
  let out = 0;
  // i-1 white, i black
  if ((w.colors & 3) === 0b10) {
    const j0 = w.j0;
    const j1 = w.j1;
    if (
      w.open[j0] > w.high[j1] &&
      w.close[j0] > w.open[j1] &&
      w.close[j0] < w.close[j1] - w.body[j1] * pen &&
      w.body[j1] > w.avgBodyLong(w.sums[tb[0] + j1])
    ) {
      out = -100;
    }
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLDARKCLOUDCOVER', lookback: LOOKBACK, totals: [[BodyLong, 1]], filter: [when('WB', { long: [1], openAboveHigh: true })], rule };

/** Incremental CDLDARKCLOUDCOVER: 1 output (-100 or 0). */
export class CdlDarkCloudCover extends CandlePattern {
  private readonly penetration: number;

  constructor(penetration = 0.5, outputs?: Float64Array) {
    super(DEF, outputs);
    assertRange('CDLDARKCLOUDCOVER', 'penetration', penetration, 0, PENETRATION_MAX);
    this.penetration = penetration;
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLDARKCLOUDCOVER');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb, this.penetration);
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
  create: (p, out, shared) => (shared ? sharedPattern(DEF, shared, out, p.penetration) : new CdlDarkCloudCover(p.penetration, out)),
  batch: ([o, h, l, c], p) => [cdldarkcloudcover(o!, h!, l!, c!, p.penetration)],
  talib: { name: 'CDLDARKCLOUDCOVER', optIn: (p) => ({ optInPenetration: p.penetration }), outputs: ['outInteger'] },
};
