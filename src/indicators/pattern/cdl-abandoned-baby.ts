/**
 * CDLABANDONEDBABY — Abandoned baby: long candle, doji with shadows gapping away from it, then an
 * opposite candle gapping back and closing well within the first body (by `penetration` of it).
 * Definition: TA-Lib TA_CDLABANDONEDBABY (ta_CDLABANDONEDBABY.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertRange } from '../validate.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyDoji, BodyLong, BodyShort, PENETRATION_MAX } from './candle-settings.js';

const LOOKBACK = Math.max(BodyDoji.avgPeriod, BodyLong.avgPeriod, BodyShort.avgPeriod) + 2;

/** Incremental CDLABANDONEDBABY: 1 output (100 / -100 or 0). */
export class CdlAbandonedBaby extends CandlePattern {
  private readonly penetration: number;

  constructor(penetration = 0.3, outputs?: Float64Array) {
    super('CDLABANDONEDBABY', LOOKBACK, [[BodyLong, 2], [BodyDoji, 1], [BodyShort, 0]], outputs);
    assertRange('CDLABANDONEDBABY', 'penetration', penetration, 0, PENETRATION_MAX);
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
      w.realBody(i - 2) > w.avg(BodyLong, t[0]!, i - 2) &&
      w.realBody(i - 1) <= w.avg(BodyDoji, t[1]!, i - 1) &&
      w.realBody(i) > w.avg(BodyShort, t[2]!, i) &&
      ((w.color(i - 2) === 1 &&
        w.color(i) === -1 &&
        w.c(i) < w.c(i - 2) - w.realBody(i - 2) * pen &&
        w.candleGapUp(i - 1, i - 2) &&
        w.candleGapDown(i, i - 1)) ||
        (w.color(i - 2) === -1 &&
          w.color(i) === 1 &&
          w.c(i) > w.c(i - 2) + w.realBody(i - 2) * pen &&
          w.candleGapDown(i - 1, i - 2) &&
          w.candleGapUp(i, i - 1)))
    ) {
      out = w.color(i) * 100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDLABANDONEDBABY (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlabandonedbaby(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>, penetration = 0.3): Float64Array {
  assertOhlc('CDLABANDONEDBABY', open, high, low, close);
  const ind = new CdlAbandonedBaby(penetration);
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

export const cdlabandonedbabySpec: IndicatorSpec<{ penetration: number }> = {
  name: 'CDLABANDONEDBABY',
  group: 'pattern',
  summary: 'Abandoned baby',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: { penetration: 0.3 },
  testParams: [{ penetration: 0.1 }],
  create: (p, out) => new CdlAbandonedBaby(p.penetration, out),
  batch: ([o, h, l, c], p) => [cdlabandonedbaby(o!, h!, l!, c!, p.penetration)],
  talib: { name: 'CDLABANDONEDBABY', optIn: (p) => ({ optInPenetration: p.penetration }), outputs: ['outInteger'] },
};
