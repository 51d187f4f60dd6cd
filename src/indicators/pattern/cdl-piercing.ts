/**
 * CDLPIERCING — Piercing pattern: long black candle, then a long white candle opening below its low
 * and closing above the midpoint of its real body (but below its open).
 * Definition: TA-Lib TA_CDLPIERCING (ta_CDLPIERCING.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyLong, type CandleWindow } from './candle-settings.js';

const LOOKBACK = BodyLong.avgPeriod + 1;

/** CDLPIERCING on bar i (>= LOOKBACK) of the window: 100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  let out = 0;
  // i-1 black, i white
  if ((w.colors & 3) === 0b01) {
    const j0 = w.j0;
    const j1 = w.j1;
    if (
      w.open[j0] < w.low[j1] &&
      w.close[j0] < w.open[j1] &&
      w.close[j0] > w.close[j1] + w.body[j1] * 0.5 &&
      w.body[j1] > w.avgBodyLong(w.sums[tb[0] + j1]) &&
      w.body[j0] > w.avgBodyLong(w.sums[tb[1] + j0])
    ) {
      out = 100;
    }
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLPIERCING', lookback: LOOKBACK, totals: [[BodyLong, 1], [BodyLong, 0]], filter: [when('BW', { long: [1], long11: true, openBelowLow: true })], rule };

/** Incremental CDLPIERCING: 1 output (100 or 0). */
export class CdlPiercing extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLPIERCING');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDLPIERCING (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlpiercing(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLPIERCING', open, high, low, close);
  const ind = new CdlPiercing();
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

export const cdlpiercingSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLPIERCING',
  group: 'pattern',
  summary: 'Piercing pattern',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlPiercing(out)),
  batch: ([o, h, l, c]) => [cdlpiercing(o!, h!, l!, c!)],
  talib: { name: 'CDLPIERCING', optIn: () => ({}), outputs: ['outInteger'] },
};
