/**
 * DONCHIAN — Donchian Channels (Richard Donchian), definition as in StockCharts ChartSchool
 * "Donchian Channels": upper = highest high and lower = lowest low of the last `period` (20) bars
 * INCLUDING the current one, middle = (upper + lower) / 2. WindowExtremes: O(1) per bar, branch-free.
 */
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { HL, rejectBar } from '../momentum/bar-check.js';
import { rollingDeque, WindowExtremes } from '../momentum/window-extremes.js';
import { assertPeriod, rethrowAtIndex } from '../validate.js';

export class Donchian extends IndicatorBase {
  readonly lookback: number;
  private readonly window: WindowExtremes;

  constructor(period = 20, outputs?: Float64Array) {
    super(3, outputs);
    assertPeriod('DONCHIAN', 'period', period, 1);
    this.lookback = period - 1;
    this.window = new WindowExtremes(period);
  }

  update(bar: Bar): void {
    const h = bar.high;
    const l = bar.low;
    if (h - h + (l - l) !== 0) rejectBar('DONCHIAN', bar, HL);
    const w = this.window;
    w.push(h, l);
    if (this.count++ < this.lookback) return;
    const up = w.highest;
    const dn = w.lowest;
    const o = this.outputs;
    o[0] = up;
    o[1] = (up + dn) / 2;
    o[2] = dn;
  }

  snapshot(): IndicatorState {
    const { highs, lows } = this.window.ringSnapshot();
    return { count: this.count, highs, lows, out: encodeArray(this.outputs) };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    // older snapshots: a monotonic deque per extreme
    if (s.highs === undefined) this.window.restoreCandidates(this.count, rollingDeque(s.hi as IndicatorState), rollingDeque(s.lo as IndicatorState));
    else this.window.restoreRing(this.count, s.highs, s.lows);
    decodeInto(this.outputs, s.out);
  }
}

/** Batch Donchian Channels: { upper, middle, lower }, NaN before index period - 1. */
export function donchian(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  period = 20,
): { upper: Float64Array; middle: Float64Array; lower: Float64Array } {
  const ind = new Donchian(period);
  const n = high.length;
  const r = { upper: new Float64Array(n), middle: new Float64Array(n), lower: new Float64Array(n) };
  const o = ind.outputs;
  const bar = newMutableBar();
  let i = 0;
  try {
    for (; i < n; i++) {
      bar.high = high[i]!;
      bar.low = low[i]!;
      ind.update(bar);
      r.upper[i] = o[0]!;
      r.middle[i] = o[1]!;
      r.lower[i] = o[2]!;
    }
  } catch (e) {
    rethrowAtIndex('DONCHIAN', ['high', 'low'], [high, low], i, e);
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
