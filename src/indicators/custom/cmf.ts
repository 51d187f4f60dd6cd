/**
 * CMF — Chaikin Money Flow (Marc Chaikin); definition as in StockCharts ChartSchool
 * "Chaikin Money Flow (CMF)":
 *   money flow multiplier = ((close - low) - (high - close)) / (high - low)   (0 when high == low)
 *   money flow volume     = multiplier × volume
 *   CMF = sum(money flow volume) / sum(volume) over the last `period` (20) bars
 * A window whose volumes are all zero gives 0. Sliding sums are recomputed from the window every
 * `period` bars so rounding error cannot build up.
 */
import { IndicatorBase } from '../base.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { assertPeriod, rejectInput, rethrowAtIndex } from '../validate.js';
import { RollingSum } from './rolling.js';

export class Cmf extends IndicatorBase {
  readonly lookback: number;
  private readonly mfv: RollingSum;
  private readonly vol: RollingSum;

  constructor(period = 20, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('CMF', 'period', period, 1);
    this.lookback = period - 1;
    this.mfv = new RollingSum(period);
    this.vol = new RollingSum(period);
  }

  update(bar: Bar): void {
    const { high: h, low: l, close: c, volume: v } = bar;
    if (h - h !== 0) rejectInput('CMF', 'high', h);
    if (l - l !== 0) rejectInput('CMF', 'low', l);
    if (c - c !== 0) rejectInput('CMF', 'close', c);
    if (v - v !== 0) rejectInput('CMF', 'volume', v);
    const range = h - l;
    this.mfv.push(range > 0 ? (((c - l) - (h - c)) / range) * v : 0);
    this.vol.push(v);
    if (this.count++ < this.lookback) return;
    const sv = this.vol.sum;
    this.outputs[0] = this.vol.nonZero === 0 || !(sv > 0) ? 0 : this.mfv.sum / sv;
  }

  snapshot(): IndicatorState {
    return { count: this.count, mfv: this.mfv.snapshot(), vol: this.vol.snapshot(), out: this.outputs[0]! };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.mfv.restore(s.mfv as IndicatorState);
    this.vol.restore(s.vol as IndicatorState);
    this.outputs[0] = (s.out as number | null) ?? NaN;
  }
}

/** Batch Chaikin Money Flow; NaN before index period - 1. */
export function cmf(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  volume: ArrayLike<number>,
  period = 20,
): Float64Array {
  const ind = new Cmf(period);
  const n = close.length;
  const out = new Float64Array(n);
  const bar = newMutableBar();
  let i = 0;
  try {
    for (; i < n; i++) {
      bar.high = high[i]!;
      bar.low = low[i]!;
      bar.close = close[i]!;
      bar.volume = volume[i]!;
      ind.update(bar);
      out[i] = ind.outputs[0]!;
    }
  } catch (e) {
    rethrowAtIndex('CMF', ['high', 'low', 'close', 'volume'], [high, low, close, volume], i, e);
  }
  return out;
}

export const cmfSpec: IndicatorSpec<{ period: number }> = {
  name: 'CMF',
  group: 'custom',
  summary: 'Chaikin Money Flow: volume-weighted close location within the range over `period` bars',
  inputs: ['high', 'low', 'close', 'volume'],
  outputs: ['real'],
  defaults: { period: 20 },
  testParams: [{ period: 3 }, { period: 50 }],
  create: (p, out) => new Cmf(p.period, out),
  batch: ([h, l, c, v], p) => [cmf(h!, l!, c!, v!, p.period)],
};
