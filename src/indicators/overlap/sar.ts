/**
 * SAR — Wilder's parabolic stop-and-reverse.
 * Definition: TA-Lib TA_SAR: the first direction comes from the minus DM of the first two bars
 * (long unless the low fell by more than the high rose), the first SAR is the first bar's low
 * (long) or high (short), the extreme point the second bar's high/low; acceleration is clamped
 * to the maximum; same comparisons and floating-point order as the C code. Lookback 1.
 */
import { IndicatorBase } from '../base.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { assertRange, rejectInput, rethrowAtIndex } from '../validate.js';

export class Sar extends IndicatorBase {
  readonly lookback = 1;
  private readonly acceleration: number;
  private readonly maximum: number;
  private isLong = true;
  private af = 0;
  private ep = 0;
  private sar = 0;
  private newHigh = 0;
  private newLow = 0;
  /** The bar before newHigh/newLow, for step (not state: set before each step). */
  private prevHigh = 0;
  private prevLow = 0;

  constructor(acceleration = 0.02, maximum = 0.2, outputs?: Float64Array) {
    super(1, outputs);
    assertRange('SAR', 'acceleration', acceleration, 0, 3e37);
    assertRange('SAR', 'maximum', maximum, 0, 3e37);
    this.acceleration = acceleration > maximum ? maximum : acceleration;
    this.maximum = maximum;
  }

  update(bar: Bar): void {
    const high = bar.high;
    const low = bar.low;
    if (high - high !== 0) rejectInput('SAR', 'high', high);
    if (low - low !== 0) rejectInput('SAR', 'low', low);
    if (this.count++ < 2) {
      this.warmUp(bar);
      return;
    }
    this.prevHigh = this.newHigh;
    this.prevLow = this.newLow;
    this.newHigh = high;
    this.newLow = low;
    this.step();
  }

  /** Bar 0 is remembered; bar 1 sets the direction from the minus DM and the first SAR/EP. */
  private warmUp(bar: Bar): void {
    const high = bar.high;
    const low = bar.low;
    if (this.count === 1) {
      this.newHigh = high;
      this.newLow = low;
      return;
    }
    const diffP = high - this.newHigh;
    const diffM = this.newLow - low;
    this.isLong = !(diffM > 0 && diffP < diffM);
    if (this.isLong) {
      this.ep = high;
      this.sar = this.newLow;
    } else {
      this.ep = low;
      this.sar = this.newHigh;
    }
    this.af = this.acceleration;
    // TA-Lib's first iteration uses the second bar as both the previous and the new bar.
    this.prevHigh = high;
    this.prevLow = low;
    this.newHigh = high;
    this.newLow = low;
    this.step();
  }

  /**
   * One iteration of TA-Lib's loop (same comparisons and operations) on the bar in newHigh/newLow
   * after the one in prevHigh/prevLow. The numbers travel in fields: a call V8 does not inline would
   * box every double argument on the heap.
   */
  private step(): void {
    const high = this.newHigh;
    const low = this.newLow;
    const prevHigh = this.prevHigh;
    const prevLow = this.prevLow;
    let sar = this.sar;
    let out: number;
    if (this.isLong) {
      if (low <= sar) {
        this.isLong = false;
        out = this.ep;
        if (out < prevHigh) out = prevHigh;
        if (out < high) out = high;
        const af = this.acceleration;
        this.af = af;
        this.ep = low;
        sar = out + af * (low - out);
        if (sar < prevHigh) sar = prevHigh;
        if (sar < high) sar = high;
      } else {
        out = sar;
        let ep = this.ep;
        let af = this.af;
        if (high > ep) {
          ep = high;
          af += this.acceleration;
          if (af > this.maximum) af = this.maximum;
          this.ep = ep;
          this.af = af;
        }
        sar = sar + af * (ep - sar);
        if (sar > prevLow) sar = prevLow;
        if (sar > low) sar = low;
      }
    } else if (high >= sar) {
      this.isLong = true;
      out = this.ep;
      if (out > prevLow) out = prevLow;
      if (out > low) out = low;
      const af = this.acceleration;
      this.af = af;
      this.ep = high;
      sar = out + af * (high - out);
      if (sar > prevLow) sar = prevLow;
      if (sar > low) sar = low;
    } else {
      out = sar;
      let ep = this.ep;
      let af = this.af;
      if (low < ep) {
        ep = low;
        af += this.acceleration;
        if (af > this.maximum) af = this.maximum;
        this.ep = ep;
        this.af = af;
      }
      sar = sar + af * (ep - sar);
      if (sar < prevHigh) sar = prevHigh;
      if (sar < high) sar = high;
    }
    this.sar = sar;
    this.outputs[0] = out;
  }

  snapshot(): IndicatorState {
    return {
      count: this.count,
      isLong: this.isLong,
      af: this.af,
      ep: this.ep,
      sar: this.sar,
      newHigh: this.newHigh,
      newLow: this.newLow,
      out: this.outputs[0]!,
    };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.isLong = s.isLong as boolean;
    this.af = s.af as number;
    this.ep = s.ep as number;
    this.sar = s.sar as number;
    this.newHigh = s.newHigh as number;
    this.newLow = s.newLow as number;
    this.outputs[0] = (s.out as number | null) ?? NaN;
  }
}

/** Batch SAR with TA-Lib's name, parameters and warm-up (first valid index 1). */
export function sar(high: ArrayLike<number>, low: ArrayLike<number>, acceleration = 0.02, maximum = 0.2): Float64Array {
  const ind = new Sar(acceleration, maximum);
  const n = high.length;
  const out = new Float64Array(n);
  const bar = newMutableBar();
  const o = ind.outputs;
  let i = 0;
  try {
    for (; i < n; i++) {
      bar.high = high[i]!;
      bar.low = low[i]!;
      ind.update(bar);
      out[i] = o[0]!;
    }
  } catch (e) {
    rethrowAtIndex('SAR', ['high', 'low'], [high, low], i, e);
  }
  return out;
}

export const sarSpec: IndicatorSpec<{ acceleration: number; maximum: number }> = {
  name: 'SAR',
  group: 'overlap',
  summary: 'Parabolic stop and reverse',
  inputs: ['high', 'low'],
  outputs: ['real'],
  defaults: { acceleration: 0.02, maximum: 0.2 },
  testParams: [
    { acceleration: 0.05, maximum: 0.3 },
    { acceleration: 0.3, maximum: 0.1 },
  ],
  create: (p, out) => new Sar(p.acceleration, p.maximum, out),
  batch: ([h, l], p) => [sar(h!, l!, p.acceleration, p.maximum)],
  talib: {
    name: 'SAR',
    optIn: (p) => ({ optInAcceleration: p.acceleration, optInMaximum: p.maximum }),
    outputs: ['outReal'],
  },
};
