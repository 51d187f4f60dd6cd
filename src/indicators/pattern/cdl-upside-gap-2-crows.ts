/**
 * CDLUPSIDEGAP2CROWS — Upside gap two crows: long white candle, a short black candle gapping up, then
 * a black candle engulfing it but closing above the first close.
 * Definition: TA-Lib TA_CDLUPSIDEGAP2CROWS (ta_CDLUPSIDEGAP2CROWS.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyLong, BodyShort, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Math.max(BodyShort.avgPeriod, BodyLong.avgPeriod) + 2;

/** CDLUPSIDEGAP2CROWS on bar i (>= LOOKBACK) of the window: -100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  let out = 0;
  // white, black, black
  if ((w.colors & 7) === 0b100) {
    const j0 = w.j0;
    const j1 = w.j1;
    const j2 = w.j2;
    if (
      w.bottom[j1] > w.top[j2] &&
      w.open[j0] > w.open[j1] &&
      w.close[j0] < w.close[j1] &&
      w.close[j0] > w.close[j2] &&
      w.body[j2] > w.avgBodyLong(w.sums[tb[0] + j2]) &&
      w.body[j1] <= w.avgBodyShort(w.sums[tb[1] + j1])
    ) {
      out = -100;
    }
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLUPSIDEGAP2CROWS', lookback: LOOKBACK, totals: [[BodyLong, 2], [BodyShort, 1]], filter: [when('WBB', { long: [2], gapUp: [1], closeDown: [0] })], rule };

/** Incremental CDLUPSIDEGAP2CROWS: 1 output (-100 or 0). */
export class CdlUpsideGap2Crows extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLUPSIDEGAP2CROWS');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDLUPSIDEGAP2CROWS (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlupsidegap2crows(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLUPSIDEGAP2CROWS', open, high, low, close);
  const ind = new CdlUpsideGap2Crows();
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

export const cdlupsidegap2crowsSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLUPSIDEGAP2CROWS',
  group: 'pattern',
  summary: 'Upside gap two crows',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlUpsideGap2Crows(out)),
  batch: ([o, h, l, c]) => [cdlupsidegap2crows(o!, h!, l!, c!)],
  talib: { name: 'CDLUPSIDEGAP2CROWS', optIn: () => ({}), outputs: ['outInteger'] },
};
