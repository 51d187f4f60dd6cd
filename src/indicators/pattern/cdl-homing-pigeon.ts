/**
 * CDLHOMINGPIGEON — Homing pigeon: long black candle followed by a short black candle inside its body.
 * Definition: TA-Lib TA_CDLHOMINGPIGEON (ta_CDLHOMINGPIGEON.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyLong, BodyShort, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Math.max(BodyShort.avgPeriod, BodyLong.avgPeriod) + 1;

/** CDLHOMINGPIGEON on bar i (>= LOOKBACK) of the window: 100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  let out = 0;
  // i-1 and i black
  if ((w.colors & 3) === 0) {
    const j0 = w.j0;
    const j1 = w.j1;
    if (
      w.open[j0] < w.open[j1] &&
      w.close[j0] > w.close[j1] &&
      w.body[j1] > w.avgBodyLong(w.sums[tb[0] + j1]) &&
      w.body[j0] <= w.avgBodyShort(w.sums[tb[1] + j0])
    ) {
      out = 100;
    }
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLHOMINGPIGEON', lookback: LOOKBACK, totals: [[BodyLong, 1], [BodyShort, 0]], filter: [when('BB', { long: [1], inside: [0], closeUp: [0] })], rule };

/** Incremental CDLHOMINGPIGEON: 1 output (100 or 0). */
export class CdlHomingPigeon extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLHOMINGPIGEON');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDLHOMINGPIGEON (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlhomingpigeon(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLHOMINGPIGEON', open, high, low, close);
  const ind = new CdlHomingPigeon();
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

export const cdlhomingpigeonSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLHOMINGPIGEON',
  group: 'pattern',
  summary: 'Homing pigeon',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlHomingPigeon(out)),
  batch: ([o, h, l, c]) => [cdlhomingpigeon(o!, h!, l!, c!)],
  talib: { name: 'CDLHOMINGPIGEON', optIn: () => ({}), outputs: ['outInteger'] },
};
