/**
 * CDLRISEFALL3METHODS — Rising/falling three methods: long candle, three small opposite candles held
 * within its range, then a long candle of the first colour closing beyond the first close.
 * Definition: TA-Lib TA_CDLRISEFALL3METHODS (ta_CDLRISEFALL3METHODS.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern, sharedPattern, when, type PatternDef } from './candle-pattern.js';
import { BodyLong, BodyShort, type CandleWindow } from './candle-settings.js';

const LOOKBACK = Math.max(BodyShort.avgPeriod, BodyLong.avgPeriod) + 4;

/** CDLRISEFALL3METHODS on bar i (>= LOOKBACK) of the window: 100 / -100 or 0. */
function rule(w: CandleWindow, tb: Int32Array): number {
  let out = 0;
  const cb = w.colors & 31;
  // long candle, three small ones of the other colour, long candle of the first colour
  if (cb === 0b10001 || cb === 0b01110) {
    const j0 = w.j0;
    const j1 = w.j1;
    const j2 = w.j2;
    const j3 = w.j3;
    const j4 = w.j4;
    const c4 = cb === 0b10001 ? 1 : -1;
    const h4 = w.high[j4];
    const l4 = w.low[j4];
    if (
      w.bottom[j3] < h4 &&
      w.top[j3] > l4 &&
      w.bottom[j2] < h4 &&
      w.top[j2] > l4 &&
      w.bottom[j1] < h4 &&
      w.top[j1] > l4 &&
      w.close[j2] * c4 < w.close[j3] * c4 &&
      w.close[j1] * c4 < w.close[j2] * c4 &&
      w.open[j0] * c4 > w.close[j1] * c4 &&
      w.close[j0] * c4 > w.close[j4] * c4
    ) {
      const s = w.sums;
      if (
        w.body[j4] > w.avgBodyLong(s[tb[0] + j4]) &&
        w.body[j3] < w.avgBodyShort(s[tb[1] + j3]) &&
        w.body[j2] < w.avgBodyShort(s[tb[2] + j2]) &&
        w.body[j1] < w.avgBodyShort(s[tb[3] + j1]) &&
        w.body[j0] > w.avgBodyLong(s[tb[4] + j0])
      ) {
        out = 100 * c4;
      }
    }
  }
  return out;
}

const DEF: PatternDef = { name: 'CDLRISEFALL3METHODS', lookback: LOOKBACK, totals: [[BodyLong, 4], [BodyShort, 3], [BodyShort, 2], [BodyShort, 1], [BodyLong, 0]], filter: [when('WBBBW', { long: [4], closeDown: [1, 2] }), when('BWWWB', { long: [4], closeUp: [1, 2] })], rule };

/** Incremental CDLRISEFALL3METHODS: 1 output (100 / -100 or 0). */
export class CdlRiseFall3Methods extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super(DEF, outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.take(bar, i, 'CDLRISEFALL3METHODS');
    this.count = i + 1;
    if (i >= LOOKBACK) this.outputs[0] = rule(w, this.tb);
  }
}

/** Batch CDLRISEFALL3METHODS (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlrisefall3methods(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  assertOhlc('CDLRISEFALL3METHODS', open, high, low, close);
  const ind = new CdlRiseFall3Methods();
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

export const cdlrisefall3methodsSpec: IndicatorSpec<Record<string, never>> = {
  name: 'CDLRISEFALL3METHODS',
  group: 'pattern',
  summary: 'Rising/falling three methods',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: {},
  create: (_p, out, shared) => (shared ? sharedPattern(DEF, shared, out) : new CdlRiseFall3Methods(out)),
  batch: ([o, h, l, c]) => [cdlrisefall3methods(o!, h!, l!, c!)],
  talib: { name: 'CDLRISEFALL3METHODS', optIn: () => ({}), outputs: ['outInteger'] },
};
