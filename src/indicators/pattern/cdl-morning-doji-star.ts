/**
 * CDLMORNINGDOJISTAR — Morning doji star: long black candle, doji gapping down, white candle closing
 * well within the first real body (by `penetration` of it).
 * Definition: TA-Lib TA_CDLMORNINGDOJISTAR (ta_CDLMORNINGDOJISTAR.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertRange } from '../validate.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyDoji, BodyLong, BodyShort, PENETRATION_MAX } from './candle-settings.js';

const LOOKBACK = Math.max(BodyDoji.avgPeriod, BodyLong.avgPeriod, BodyShort.avgPeriod) + 2;

/** Incremental CDLMORNINGDOJISTAR: 1 output (100 or 0). */
export class CdlMorningDojiStar extends CandlePattern {
  private readonly penetration: number;

  constructor(penetration = 0.3, outputs?: Float64Array) {
    super('CDLMORNINGDOJISTAR', LOOKBACK, [[BodyLong, 2], [BodyDoji, 1], [BodyShort, 0]], outputs);
    assertRange('CDLMORNINGDOJISTAR', 'penetration', penetration, 0, PENETRATION_MAX);
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
      w.color(i - 2) === -1 &&
      w.realBody(i - 1) <= w.avg(BodyDoji, t[1]!, i - 1) &&
      w.realBodyGapDown(i - 1, i - 2) &&
      w.realBody(i) > w.avg(BodyShort, t[2]!, i) &&
      w.color(i) === 1 &&
      w.c(i) > w.c(i - 2) + w.realBody(i - 2) * pen
    ) {
      out = 100;
    }
    this.outputs[0] = out;
    w.advance(i);
  }
}

/** Batch CDLMORNINGDOJISTAR (TA-Lib's name and warm-up); outputs aligned to the input. */
export function cdlmorningdojistar(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>, penetration = 0.3): Float64Array {
  assertOhlc('CDLMORNINGDOJISTAR', open, high, low, close);
  const ind = new CdlMorningDojiStar(penetration);
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

export const cdlmorningdojistarSpec: IndicatorSpec<{ penetration: number }> = {
  name: 'CDLMORNINGDOJISTAR',
  group: 'pattern',
  summary: 'Morning doji star',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['integer'],
  defaults: { penetration: 0.3 },
  testParams: [{ penetration: 0.1 }],
  create: (p, out) => new CdlMorningDojiStar(p.penetration, out),
  batch: ([o, h, l, c], p) => [cdlmorningdojistar(o!, h!, l!, c!, p.penetration)],
  talib: { name: 'CDLMORNINGDOJISTAR', optIn: (p) => ({ optInPenetration: p.penetration }), outputs: ['outInteger'] },
};
