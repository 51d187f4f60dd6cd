/**
 * CDLRISEFALL3METHODS — Rising/falling three methods: long candle, three small opposite candles held
 * within its range, then a long candle of the first colour closing beyond the first close.
 * Definition: TA-Lib TA_CDLRISEFALL3METHODS (ta_CDLRISEFALL3METHODS.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyLong, BodyShort } from './candle-settings.js';

const LOOKBACK = Math.max(BodyShort.avgPeriod, BodyLong.avgPeriod) + 4;

/** Incremental CDLRISEFALL3METHODS: 1 output (100 / -100 or 0). */
export class CdlRiseFall3Methods extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLRISEFALL3METHODS', LOOKBACK, [[BodyLong, 4], [BodyShort, 3], [BodyShort, 2], [BodyShort, 1], [BodyLong, 0]], outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.push(bar, i);
    this.count = i + 1;
    if (i < LOOKBACK) return;
    const t = w.totals;
    let out = 0;
    const c4 = w.color(i - 4);
    if (
      w.realBody(i - 4) > w.avg(BodyLong, t[0]!, i - 4) &&
      w.realBody(i - 3) < w.avg(BodyShort, t[1]!, i - 3) &&
      w.realBody(i - 2) < w.avg(BodyShort, t[2]!, i - 2) &&
      w.realBody(i - 1) < w.avg(BodyShort, t[3]!, i - 1) &&
      w.realBody(i) > w.avg(BodyLong, t[4]!, i) &&
      c4 === -w.color(i - 3) &&
      w.color(i - 3) === w.color(i - 2) &&
      w.color(i - 2) === w.color(i - 1) &&
      w.color(i - 1) === -w.color(i) &&
      w.bodyBottom(i - 3) < w.h(i - 4) &&
      w.bodyTop(i - 3) > w.l(i - 4) &&
      w.bodyBottom(i - 2) < w.h(i - 4) &&
      w.bodyTop(i - 2) > w.l(i - 4) &&
      w.bodyBottom(i - 1) < w.h(i - 4) &&
      w.bodyTop(i - 1) > w.l(i - 4) &&
      w.c(i - 2) * c4 < w.c(i - 3) * c4 &&
      w.c(i - 1) * c4 < w.c(i - 2) * c4 &&
      w.o(i) * c4 > w.c(i - 1) * c4 &&
      w.c(i) * c4 > w.c(i - 4) * c4
    ) {
      out = 100 * c4;
    }
    this.outputs[0] = out;
    w.advance(i);
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
  create: (_p, out) => new CdlRiseFall3Methods(out),
  batch: ([o, h, l, c]) => [cdlrisefall3methods(o!, h!, l!, c!)],
  talib: { name: 'CDLRISEFALL3METHODS', optIn: () => ({}), outputs: ['outInteger'] },
};
