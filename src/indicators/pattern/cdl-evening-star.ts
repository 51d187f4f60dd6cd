/**
 * CDLEVENINGSTAR — Evening star: long white candle, short candle gapping up, black candle closing
 * well within the first real body (by `penetration` of it).
 * Definition: TA-Lib TA_CDLEVENINGSTAR (ta_CDLEVENINGSTAR.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertRange } from '../validate.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyLong, BodyShort, PENETRATION_MAX } from './candle-settings.js';

const LOOKBACK = Math.max(BodyShort.avgPeriod, BodyLong.avgPeriod) + 2;

/** Incremental CDLEVENINGSTAR: 1 output (-100 or 0). */
export class CdlEveningStar extends CandlePattern {
  private readonly penetration: number;

  constructor(penetration = 0.3, outputs?: Float64Array) {
    super('CDLEVENINGSTAR', LOOKBACK, [[BodyLong, 2], [BodyShort, 1], [BodyShort, 0]], outputs);
    assertRange('CDLEVENINGSTAR', 'penetration', penetration, 0, PENETRATION_MAX);
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
      w.color(i - 2) === 1 &&
      w.realBody(i - 1) <= w.avg(BodyShort, t[1]!, i - 1) &&
      w.realBodyGapUp(i - 1, i - 2) &&
      w.realBody(i) > w.avg(BodyShort, t[2]!, i) &&
      w.color(i) === -1 &&
      w.c(i) < w.c(i - 2) - w.realBody(i - 2) * pen
    ) {
      out = -100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDLEVENINGSTAR (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdleveningstar(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>, penetration = 0.3): Float64Array {
  assertOhlc('CDLEVENINGSTAR', open, high, low, close);
  const ind = new CdlEveningStar(penetration);
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

export const cdleveningstarSpec: IndicatorSpec<{ penetration: number }> = {
  name: 'CDLEVENINGSTAR',
  group: 'pattern',
  summary: 'Evening star',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: { penetration: 0.3 },
  testParams: [{ penetration: 0.1 }],
  create: (p, out) => new CdlEveningStar(p.penetration, out),
  batch: ([o, h, l, c], p) => [cdleveningstar(o!, h!, l!, c!, p.penetration)],
  talib: { name: 'CDLEVENINGSTAR', optIn: (p) => ({ optInPenetration: p.penetration }), outputs: ['outInteger'] },
};
