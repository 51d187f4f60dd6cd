/**
 * CDLUNIQUE3RIVER — Unique three river: long black candle, a black harami with a lower low, then a
 * small white candle opening above that low.
 * Definition: TA-Lib TA_CDLUNIQUE3RIVER (ta_CDLUNIQUE3RIVER.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyLong, BodyShort, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Math.max(BodyShort.avgPeriod, BodyLong.avgPeriod) + 2;

/** CDLUNIQUE3RIVER on bar i (>= LOOKBACK) of the window: 100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  let out = 0;
  // black, black, white
  if ((w.colors & 7) === 0b001) {
    const j0 = w.j0;
    const j1 = w.j1;
    const j2 = w.j2;
    if (
      w.close[j1] > w.close[j2] &&
      w.open[j1] <= w.open[j2] &&
      w.low[j1] < w.low[j2] &&
      w.open[j0] > w.low[j1] &&
      w.body[j2] > w.avgBodyLong(w.sums[tb[0] + j2]) &&
      w.body[j0] < w.avgBodyShort(w.sums[tb[1] + j0])
    ) {
      out = 100;
    }
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLUNIQUE3RIVER', lookback: LOOKBACK, totals: [[BodyLong, 2], [BodyShort, 0]], filter: [when('BBW', { long: [2], closeUp: [1] })], rule };

/** Incremental CDLUNIQUE3RIVER: 1 output (100 or 0). */
export class CdlUnique3River extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLUNIQUE3RIVER');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDLUNIQUE3RIVER (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlunique3river(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLUNIQUE3RIVER', open, high, low, close);
  const ind = new CdlUnique3River();
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

export const cdlunique3riverSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLUNIQUE3RIVER',
  group: 'pattern',
  summary: 'Unique 3 river',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlUnique3River(out)),
  batch: ([o, h, l, c]) => [cdlunique3river(o!, h!, l!, c!)],
  talib: { name: 'CDLUNIQUE3RIVER', optIn: () => ({}), outputs: ['outInteger'] },
};
