/**
 * CDLEVENINGSTAR — Evening star: long white candle, short candle gapping up, black candle closing
 * well within the first real body (by `penetration` of it).
 * Definition: TA-Lib TA_CDLEVENINGSTAR (ta_CDLEVENINGSTAR.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertRange } from '../validate.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyLong, BodyShort, PENETRATION_MAX, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Math.max(BodyShort.avgPeriod, BodyLong.avgPeriod) + 2;

/** CDLEVENINGSTAR on bar i (>= LOOKBACK) of the window: -100 or 0. */
function rule(w: CandleWindow, tb: Int32Array, pen: number): number {
  let out = 0;
  // i-2 white, i black
  if ((w.colors & 5) === 0b100) {
    const j0 = w.j0;
    const j1 = w.j1;
    const j2 = w.j2;
    if (
      w.bottom[j1] > w.top[j2] &&
      w.close[j0] < w.close[j2] - w.body[j2] * pen &&
      w.body[j2] > w.avgBodyLong(w.sums[tb[0] + j2]) &&
      w.body[j1] <= w.avgBodyShort(w.sums[tb[1] + j1]) &&
      w.body[j0] > w.avgBodyShort(w.sums[tb[2] + j0])
    ) {
      out = -100;
    }
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLEVENINGSTAR', lookback: LOOKBACK, totals: [[BodyLong, 2], [BodyShort, 1], [BodyShort, 0]], filter: [when('W.B', { long: [2], gapUp: [1] })], rule };

/** Incremental CDLEVENINGSTAR: 1 output (-100 or 0). */
export class CdlEveningStar extends CandlePattern {
  private readonly penetration: number;

  constructor(penetration = 0.3, outputs?: Float64Array) {
    super(DEF, outputs);
    assertRange('CDLEVENINGSTAR', 'penetration', penetration, 0, PENETRATION_MAX);
    this.penetration = penetration;
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLEVENINGSTAR');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb, this.penetration);
  }
}

/** Batch CDLEVENINGSTAR (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdleveningstar(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>, penetration = 0.3): Float64Array {
  assertOhlc('CDLEVENINGSTAR', open, high, low, close);
  const ind = new CdlEveningStar(penetration);
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

export const cdleveningstarSpec: IndicatorSpec<{ penetration: number }> = {
  name: 'CDLEVENINGSTAR',
  group: 'pattern',
  summary: 'Evening star',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: { penetration: 0.3 },
  testParams: [{ penetration: 0.1 }],
  create: (p, out, shared) => (shared ? sharedPattern(DEF, shared, out, p.penetration) : new CdlEveningStar(p.penetration, out)),
  batch: ([o, h, l, c], p) => [cdleveningstar(o!, h!, l!, c!, p.penetration)],
  talib: { name: 'CDLEVENINGSTAR', optIn: (p) => ({ optInPenetration: p.penetration }), outputs: ['outInteger'] },
};
