/**
 * MIDPOINT — (highest + lowest) / 2 of the input over `period` values.
 * Definition: TA-Lib TA_MIDPOINT. TA-Lib rescans the window each bar; WindowExtremes gives the same
 * extremes in O(1) per bar without data-dependent branches.
 */
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertPeriod, rejectInput } from '../validate.js';
import { maskedDeque, midpointsInto, WindowExtremes } from '../momentum/window-extremes.js';

export class Midpoint extends IndicatorBase {
  readonly lookback: number;
  private readonly window: WindowExtremes;

  constructor(period = 14, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('MIDPOINT', 'period', period, 2);
    this.lookback = period - 1;
    this.window = new WindowExtremes(period);
  }

  /** Adds one value; returns the midpoint or NaN while warming up. */
  next(x: number): number {
    if (x - x !== 0) rejectInput('MIDPOINT', 'input', x);
    const w = this.window;
    w.push(x, x);
    if (this.count++ < this.lookback) return NaN;
    const out = (w.highest + w.lowest) / 2.0;
    this.outputs[0] = out;
    return out;
  }

  update(bar: Bar): void {
    this.next(bar.close);
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

/** Batch MIDPOINT with TA-Lib's name, parameters and warm-up (first valid index period-1). */
export function midpoint(real: ArrayLike<number>, period = 14): Float64Array {
  assertPeriod('MIDPOINT', 'period', period, 2);
  const out = new Float64Array(real.length);
  midpointsInto('MIDPOINT', ['input'], [real], real, real, period, out);
  return out;
}

export const midpointSpec: IndicatorSpec<{ period: number }> = {
  name: 'MIDPOINT',
  group: 'overlap',
  summary: 'Midpoint of the highest and lowest value over the period',
  inputs: ['close'],
  outputs: ['real'],
  defaults: { period: 14 },
  testParams: [{ period: 2 }, { period: 5 }],
  create: (p, out) => new Midpoint(p.period, out),
  batch: ([x], p) => [midpoint(x!, p.period)],
  talib: { name: 'MIDPOINT', optIn: (p) => ({ optInTimePeriod: p.period }), outputs: ['outReal'] },
};
