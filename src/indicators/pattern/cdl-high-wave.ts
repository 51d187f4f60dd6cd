/**
 * CDLHIGHWAVE — High-wave candle: small real body with very long upper and lower shadows; sign is the
 * candle colour.
 * Definition: TA-Lib TA_CDLHIGHWAVE (ta_CDLHIGHWAVE.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyShort, ShadowVeryLong, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Math.max(BodyShort.avgPeriod, ShadowVeryLong.avgPeriod);

/** CDLHIGHWAVE on bar i (>= LOOKBACK) of the window: 100 / -100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  const j0 = w.j0;
  const veryLong = w.avgShadowVeryLong(w.body[j0]);
  let out = 0;
  if (w.upper[j0] > veryLong && w.lower[j0] > veryLong && w.body[j0] < w.avgBodyShort(w.sums[tb[0] + j0])) {
    out = (w.colors & 1) !== 0 ? 100 : -100;
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLHIGHWAVE', lookback: LOOKBACK, totals: [[BodyShort, 0], [ShadowVeryLong, 0]], filter: [when('', { upperLong: true, lowerLong: true, short: true })], rule };

/** Incremental CDLHIGHWAVE: 1 output (100 / -100 or 0). */
export class CdlHighWave extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLHIGHWAVE');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDLHIGHWAVE (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlhighwave(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLHIGHWAVE', open, high, low, close);
  const ind = new CdlHighWave();
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

export const cdlhighwaveSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLHIGHWAVE',
  group: 'pattern',
  summary: 'High-wave candle',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlHighWave(out)),
  batch: ([o, h, l, c]) => [cdlhighwave(o!, h!, l!, c!)],
  talib: { name: 'CDLHIGHWAVE', optIn: () => ({}), outputs: ['outInteger'] },
};
