/**
 * CDLMATHOLD — Mat hold: long white candle, three small falling candles (the first gapping up) that
 * penetrate its body by less than `penetration`, then a white candle closing above their highs.
 * Definition: TA-Lib TA_CDLMATHOLD (ta_CDLMATHOLD.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertRange } from '../validate.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyLong, BodyShort, PENETRATION_MAX } from './candle-settings.js';

const LOOKBACK = Math.max(BodyShort.avgPeriod, BodyLong.avgPeriod) + 4;

/** Incremental CDLMATHOLD: 1 output (100 or 0). */
export class CdlMatHold extends CandlePattern {
  private readonly penetration: number;

  constructor(penetration = 0.5, outputs?: Float64Array) {
    super('CDLMATHOLD', LOOKBACK, [[BodyLong, 4], [BodyShort, 3], [BodyShort, 2], [BodyShort, 1]], outputs);
    assertRange('CDLMATHOLD', 'penetration', penetration, 0, PENETRATION_MAX);
    this.penetration = penetration;
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.push(bar, i);
    this.count = i + 1;
    if (i < LOOKBACK) return;
    const t = w.totals;
    const pen = this.penetration;
    let out = 0;
    if (
      w.realBody(i - 4) > w.avg(BodyLong, t[0]!, i - 4) &&
      w.realBody(i - 3) < w.avg(BodyShort, t[1]!, i - 3) &&
      w.realBody(i - 2) < w.avg(BodyShort, t[2]!, i - 2) &&
      w.realBody(i - 1) < w.avg(BodyShort, t[3]!, i - 1) &&
      w.color(i - 4) === 1 &&
      w.color(i - 3) === -1 &&
      w.color(i) === 1 &&
      w.realBodyGapUp(i - 3, i - 4) &&
      w.bodyBottom(i - 2) < w.c(i - 4) &&
      w.bodyBottom(i - 1) < w.c(i - 4) &&
      w.bodyBottom(i - 2) > w.c(i - 4) - w.realBody(i - 4) * pen &&
      w.bodyBottom(i - 1) > w.c(i - 4) - w.realBody(i - 4) * pen &&
      w.bodyTop(i - 2) < w.o(i - 3) &&
      w.bodyTop(i - 1) < w.bodyTop(i - 2) &&
      w.o(i) > w.c(i - 1) &&
      w.c(i) > Math.max(w.h(i - 3), w.h(i - 2), w.h(i - 1))
    ) {
      out = 100;
    }
    this.outputs[0] = out;
    w.advance(i);
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
  create: (p, out) => new CdlMatHold(p.penetration, out),
  batch: ([o, h, l, c], p) => [cdlmathold(o!, h!, l!, c!, p.penetration)],
  talib: { name: 'CDLMATHOLD', optIn: (p) => ({ optInPenetration: p.penetration }), outputs: ['outInteger'] },
};
