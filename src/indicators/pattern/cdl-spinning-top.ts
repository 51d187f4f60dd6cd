/**
 * CDLSPINNINGTOP — Spinning top: small real body with both shadows longer than the body; sign is the
 * candle colour.
 * Definition: TA-Lib TA_CDLSPINNINGTOP (ta_CDLSPINNINGTOP.c) with TA-Lib's default candle settings and its
 * running period totals; NaN before the lookback, then 100 / -100 or 0.
 */
import { newMutableBar, type Bar, type IndicatorSpec } from '../types.js';
import { assertOhlc, CandlePattern } from './candle-pattern.js';
import { BodyShort } from './candle-settings.js';

const LOOKBACK = BodyShort.avgPeriod;

/** Incremental CDLSPINNINGTOP: 1 output (100 / -100 or 0). */
export class CdlSpinningTop extends CandlePattern {
  constructor(outputs?: Float64Array) {
    super('CDLSPINNINGTOP', LOOKBACK, [[BodyShort, 0]], outputs);
  }

  update(bar: Bar): void {
    const w = this.w;
    const i = this.count;
    w.push(bar, i);
    this.count = i + 1;
    if (i < LOOKBACK) return;
    const t = w.totals;
    let out = 0;
    const rb = w.realBody(i);
    if (rb < w.avg(BodyShort, t[0]!, i) && w.upperShadow(i) > rb && w.lowerShadow(i) > rb) out = w.color(i) * 100;
    this.outputs[0] = out;
    w.advance(i);
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
  create: (_p, out) => new CdlSpinningTop(out),
  batch: ([o, h, l, c]) => [cdlspinningtop(o!, h!, l!, c!)],
  talib: { name: 'CDLSPINNINGTOP', optIn: () => ({}), outputs: ['outInteger'] },
};
