/**
 * CDLMATHOLD — Mat hold: long white candle, three small falling candles (the first gapping up) that
 * penetrate its body by less than `penetration`, then a white candle closing above their highs.
 * Definition: TA-Lib TA_CDLMATHOLD (ta_CDLMATHOLD.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertRange } from '../validate.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyLong, BodyShort, PENETRATION_MAX, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Math.max(BodyShort.avgPeriod, BodyLong.avgPeriod) + 4;

/** CDLMATHOLD on bar i (>= LOOKBACK) of the window: 100 or 0. */
function rule(w: CandleWindow, tb: Int32Array, pen: number): number {
  let out = 0;
  // i-4 white, i-3 black, i white
  if ((w.colors & 0b11001) === 0b10001) {
    const j0 = w.j0;
    const j1 = w.j1;
    const j2 = w.j2;
    const j3 = w.j3;
    const j4 = w.j4;
    const c4 = w.close[j4];
    if (
      w.bottom[j3] > w.top[j4] &&
      w.bottom[j2] < c4 &&
      w.bottom[j1] < c4 &&
      w.top[j2] < w.open[j3] &&
      w.top[j1] < w.top[j2] &&
      w.open[j0] > w.close[j1] &&
      w.close[j0] > Math.max(w.high[j3], w.high[j2], w.high[j1])
    ) {
      const s = w.sums;
      if (
        w.bottom[j2] > c4 - w.body[j4] * pen &&
        w.bottom[j1] > c4 - w.body[j4] * pen &&
        w.body[j4] > w.avgBodyLong(s[tb[0] + j4]) &&
        w.body[j3] < w.avgBodyShort(s[tb[1] + j3]) &&
        w.body[j2] < w.avgBodyShort(s[tb[2] + j2]) &&
        w.body[j1] < w.avgBodyShort(s[tb[3] + j1])
      ) {
        out = 100;
      }
    }
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLMATHOLD', lookback: LOOKBACK, totals: [[BodyLong, 4], [BodyShort, 3], [BodyShort, 2], [BodyShort, 1]], filter: [when('WB..W', { long: [4], gapUp: [3] })], rule };

/** Incremental CDLMATHOLD: 1 output (100 or 0). */
export class CdlMatHold extends CandlePattern {
  private readonly penetration: number;

  constructor(penetration = 0.5, outputs?: Float64Array) {
    super(DEF, outputs);
    assertRange('CDLMATHOLD', 'penetration', penetration, 0, PENETRATION_MAX);
    this.penetration = penetration;
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLMATHOLD');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb, this.penetration);
  }
}

/** Batch CDLMATHOLD (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlmathold(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>, penetration = 0.5): Float64Array {
  assertOhlc('CDLMATHOLD', open, high, low, close);
  const ind = new CdlMatHold(penetration);
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

export const cdlmatholdSpec: IndicatorSpec<{ penetration: number }> = {
  name: 'CDLMATHOLD',
  group: 'pattern',
  summary: 'Mat hold',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: { penetration: 0.5 },
  testParams: [{ penetration: 0.3 }],
  create: (p, out, shared) => (shared ? sharedPattern(DEF, shared, out, p.penetration) : new CdlMatHold(p.penetration, out)),
  batch: ([o, h, l, c], p) => [cdlmathold(o!, h!, l!, c!, p.penetration)],
  talib: { name: 'CDLMATHOLD', optIn: (p) => ({ optInPenetration: p.penetration }), outputs: ['outInteger'] },
};
