/**
 * MIDPRICE — (highest high + lowest low) / 2 over `period` bars.
 * Definition: TA-Lib TA_MIDPRICE. TA-Lib rescans the window each bar; WindowExtremes gives the same
 * extremes in O(1) per bar without data-dependent branches.
 */
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertPeriod } from '../validate.js';
import { HL, rejectBar } from '../momentum/bar-check.js';
import { maskedDeque, midpointsInto, WindowExtremes } from '../momentum/window-extremes.js';

export class Midprice extends IndicatorBase {
  readonly lookback: number;
  private readonly window: WindowExtremes;

  constructor(period = 14, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('MIDPRICE', 'period', period, 2);
    this.lookback = period - 1;
    this.window = new WindowExtremes(period);
  }

  update(bar: Bar): void {
    const h = bar.high;
    const l = bar.low;
    if (h - h + (l - l) !== 0) rejectBar('MIDPRICE', bar, HL);
    const w = this.window;
    w.push(h, l);
    if (this.count++ >= this.lookback) this.outputs[0] = (w.highest + w.lowest) / 2.0;
  }

  snapshot(): IndicatorState {
    const { highs, lows } = this.window.ringSnapshot();
    return { count: this.count, highs, lows, out: encodeArray(this.outputs) };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    if (s.highs === undefined) {
      // older snapshots: two monotonic deques
      const hi = maskedDeque(s.maxVal, s.maxIdx, s.maxHead, s.maxTail);
      const lo = maskedDeque(s.minVal, s.minIdx, s.minHead, s.minTail);
      this.window.restoreCandidates(this.count, hi, lo);
    } else {
      this.window.restoreRing(this.count, s.highs, s.lows);
    }
    decodeInto(this.outputs, s.out);
  }
}

/** Batch MIDPRICE with TA-Lib's name, parameters and warm-up (first valid index period-1). */
export function midprice(high: ArrayLike<number>, low: ArrayLike<number>, period = 14): Float64Array {
  assertPeriod('MIDPRICE', 'period', period, 2);
  const out = new Float64Array(high.length);
  midpointsInto('MIDPRICE', ['high', 'low'], [high, low], high, low, period, out);
  return out;
}

export const midpriceSpec: IndicatorSpec<{ period: number }> = {
  name: 'MIDPRICE',
  group: 'overlap',
  summary: 'Midpoint of the highest high and lowest low over the period',
  inputs: ['high', 'low'],
  outputs: ['real'],
  defaults: { period: 14 },
  testParams: [{ period: 2 }, { period: 5 }],
  create: (p, out) => new Midprice(p.period, out),
  batch: ([h, l], p) => [midprice(h!, l!, p.period)],
  talib: { name: 'MIDPRICE', optIn: (p) => ({ optInTimePeriod: p.period }), outputs: ['outReal'] },
};
