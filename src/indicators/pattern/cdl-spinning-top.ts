/**
 * CDLSPINNINGTOP — Spinning top: small real body with both shadows longer than the body; sign is the
 * candle colour.
 * Definition: TA-Lib TA_CDLSPINNINGTOP (ta_CDLSPINNINGTOP.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyShort, type CandleWindow } from './candle-settings.js';

const LOOKBACK = BodyShort.avgPeriod;

/** CDLSPINNINGTOP on bar i (>= LOOKBACK) of the window: 100 / -100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  const j0 = w.j0;
  const rb = w.body[j0];
  let out = 0;
  if (w.upper[j0] > rb && w.lower[j0] > rb && rb < w.avgBodyShort(w.sums[tb[0] + j0])) {
    out = (w.colors & 1) !== 0 ? 100 : -100;
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLSPINNINGTOP', lookback: LOOKBACK, totals: [[BodyShort, 0]], filter: [when('W', { upperLong: true, lowerLong: true, short: true, output: 100 }), when('B', { upperLong: true, lowerLong: true, short: true, output: -100 })], rule };

/** Incremental CDLSPINNINGTOP: 1 output (100 / -100 or 0). */
export class CdlSpinningTop extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLSPINNINGTOP');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDLSPINNINGTOP (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlspinningtop(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLSPINNINGTOP', open, high, low, close);
  const ind = new CdlSpinningTop();
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

export const cdlspinningtopSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLSPINNINGTOP',
  group: 'pattern',
  summary: 'Spinning top',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlSpinningTop(out)),
  batch: ([o, h, l, c]) => [cdlspinningtop(o!, h!, l!, c!)],
  talib: { name: 'CDLSPINNINGTOP', optIn: () => ({}), outputs: ['outInteger'] },
};
