/**
 * VWAP_ROLLING — rolling volume-weighted average price over the last `period` bars:
 * sum(typical price × volume) / sum(volume), typical price = (high + low + close) / 3. A window whose
 * volumes are all zero gives the current bar's typical price (finite, never 0/0).
 * Definition: the VWAP formula (StockCharts ChartSchool "VWAP") over a sliding window instead of a
 * session ("rolling VWAP", as TradingView's Rolling VWAP with a bar-count window). The sliding sums are
 * recomputed from the window every `period` bars so rounding error cannot build up.
 */
import { IndicatorBase } from '../base.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { assertPeriod, rejectInput, rethrowAtIndex } from '../validate.js';
import { RollingSum } from './rolling.js';

export class VwapRolling extends IndicatorBase {
  readonly lookback: number;
  private readonly pv: RollingSum;
  private readonly vol: RollingSum;

  constructor(period = 20, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('VWAP_ROLLING', 'period', period, 1);
    this.lookback = period - 1;
    this.pv = new RollingSum(period);
    this.vol = new RollingSum(period);
  }

  update(bar: Bar): void {
    const { high: h, low: l, close: c, volume: v } = bar;
    if (h - h !== 0) rejectInput('VWAP_ROLLING', 'high', h);
    if (l - l !== 0) rejectInput('VWAP_ROLLING', 'low', l);
    if (c - c !== 0) rejectInput('VWAP_ROLLING', 'close', c);
    if (v - v !== 0) rejectInput('VWAP_ROLLING', 'volume', v);
    const tp = (h + l + c) / 3;
    this.pv.push(tp * v);
    this.vol.push(v);
    if (this.count++ < this.lookback) return;
    const sv = this.vol.sum;
    this.outputs[0] = this.vol.nonZero === 0 || !(sv > 0) ? tp : this.pv.sum / sv;
  }

  snapshot(): IndicatorState {
    return { count: this.count, pv: this.pv.snapshot(), vol: this.vol.snapshot(), out: this.outputs[0]! };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.pv.restore(s.pv as IndicatorState);
    this.vol.restore(s.vol as IndicatorState);
    this.outputs[0] = (s.out as number | null) ?? NaN;
  }
}

/** Batch rolling VWAP; NaN before index period - 1. */
export function vwapRolling(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  volume: ArrayLike<number>,
  period = 20,
): Float64Array {
  const ind = new VwapRolling(period);
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
    rethrowAtIndex('VWAP_ROLLING', ['high', 'low', 'close', 'volume'], [high, low, close, volume], i, e);
  }
  return out;
}

export const vwapRollingSpec: IndicatorSpec<{ period: number }> = {
  name: 'VWAP_ROLLING',
  group: 'custom',
  summary: 'Volume-weighted typical price over the last `period` bars',
  inputs: ['high', 'low', 'close', 'volume'],
  outputs: ['vwap'],
  defaults: { period: 20 },
  testParams: [{ period: 5 }, { period: 1 }],
  create: (p, out) => new VwapRolling(p.period, out),
  batch: ([h, l, c, v], p) => [vwapRolling(h!, l!, c!, v!, p.period)],
};
