/**
 * DONCHIAN — Donchian Channels (Richard Donchian), definition as in StockCharts ChartSchool
 * "Donchian Channels": upper = highest high and lower = lowest low of the last `period` (20) bars
 * INCLUDING the current one, middle = (upper + lower) / 2. Monotonic deques, O(1) amortised.
 */
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { assertFiniteSeries, assertPeriod, rejectInput } from '../validate.js';
import { RollingExtreme } from './rolling.js';

export class Donchian extends IndicatorBase {
  readonly lookback: number;
  private readonly hi: RollingExtreme;
  private readonly lo: RollingExtreme;

  constructor(period = 20, outputs?: Float64Array) {
    super(3, outputs);
    assertPeriod('DONCHIAN', 'period', period, 1);
    this.lookback = period - 1;
    this.hi = new RollingExtreme(period, true);
    this.lo = new RollingExtreme(period, false);
  }

  update(bar: Bar): void {
    const { high: h, low: l } = bar;
    if (h - h !== 0) rejectInput('DONCHIAN', 'high', h);
    if (l - l !== 0) rejectInput('DONCHIAN', 'low', l);
    this.hi.push(h);
    this.lo.push(l);
    if (this.count++ < this.lookback) return;
    const up = this.hi.value;
    const dn = this.lo.value;
    const o = this.outputs;
    o[0] = up;
    o[1] = (up + dn) / 2;
    o[2] = dn;
  }

  snapshot(): IndicatorState {
    return { count: this.count, hi: this.hi.snapshot(), lo: this.lo.snapshot(), out: encodeArray(this.outputs) };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.hi.restore(s.hi as IndicatorState);
    this.lo.restore(s.lo as IndicatorState);
    decodeInto(this.outputs, s.out);
  }
}

/** Batch Donchian Channels: { upper, middle, lower }, NaN before index period - 1. */
export function donchian(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  period = 20,
): { upper: Float64Array; middle: Float64Array; lower: Float64Array } {
  assertFiniteSeries('DONCHIAN', 'high', high);
  assertFiniteSeries('DONCHIAN', 'low', low);
  const ind = new Donchian(period);
  const n = high.length;
  const r = { upper: new Float64Array(n), middle: new Float64Array(n), lower: new Float64Array(n) };
  const o = ind.outputs;
  const bar = newMutableBar();
  for (let i = 0; i < n; i++) {
    bar.high = high[i]!;
    bar.low = low[i]!;
    ind.update(bar);
    r.upper[i] = o[0]!;
    r.middle[i] = o[1]!;
    r.lower[i] = o[2]!;
  }
  return r;
}

export const donchianSpec: IndicatorSpec<{ period: number }> = {
  name: 'DONCHIAN',
  group: 'custom',
  summary: 'Donchian Channels: highest high, lowest low and their midpoint over the last `period` bars',
  inputs: ['high', 'low'],
  outputs: ['upper', 'middle', 'lower'],
  defaults: { period: 20 },
  testParams: [{ period: 5 }, { period: 1 }],
  create: (p, out) => new Donchian(p.period, out),
  batch: ([h, l], p) => {
    const r = donchian(h!, l!, p.period);
    return [r.upper, r.middle, r.lower];
  },
};
