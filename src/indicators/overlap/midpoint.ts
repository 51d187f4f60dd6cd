/**
 * MIDPOINT — (highest + lowest) / 2 of the input over `period` values.
 * Definition: TA-Lib TA_MIDPOINT. TA-Lib rescans the window each bar; here two monotonic deques
 * (typed-array rings) give the same extremes in O(1) amortised.
 */
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertFiniteSeries, assertPeriod, rejectInput } from '../validate.js';

export class Midpoint extends IndicatorBase {
  readonly lookback: number;
  private readonly period: number;
  private readonly mask: number;
  /** Monotonic deque for the maximum: absolute indexes and values, ring of power-of-two size. */
  private readonly maxIdx: Float64Array;
  private readonly maxVal: Float64Array;
  private maxHead = 0;
  private maxTail = 0;
  /** Monotonic deque for the minimum. */
  private readonly minIdx: Float64Array;
  private readonly minVal: Float64Array;
  private minHead = 0;
  private minTail = 0;

  constructor(period = 14, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('MIDPOINT', 'period', period, 2);
    this.period = period;
    this.lookback = period - 1;
    let cap = 1;
    while (cap < period) cap <<= 1;
    this.mask = cap - 1;
    this.maxIdx = new Float64Array(cap);
    this.maxVal = new Float64Array(cap);
    this.minIdx = new Float64Array(cap);
    this.minVal = new Float64Array(cap);
  }

  /** Adds one value; returns the midpoint or NaN while warming up. */
  next(x: number): number {
    if (x - x !== 0) rejectInput('MIDPOINT', 'input', x);
    const n = this.count++;
    const expired = n - this.period;
    const m = this.mask;

    const maxIdx = this.maxIdx;
    const maxVal = this.maxVal;
    let head = this.maxHead;
    let tail = this.maxTail;
    if (tail > head && maxIdx[head & m]! <= expired) head++;
    while (tail > head && maxVal[(tail - 1) & m]! <= x) tail--;
    maxIdx[tail & m] = n;
    maxVal[tail & m] = x;
    this.maxHead = head;
    this.maxTail = tail + 1;
    const highest = maxVal[head & m]!;

    const minIdx = this.minIdx;
    const minVal = this.minVal;
    head = this.minHead;
    tail = this.minTail;
    if (tail > head && minIdx[head & m]! <= expired) head++;
    while (tail > head && minVal[(tail - 1) & m]! >= x) tail--;
    minIdx[tail & m] = n;
    minVal[tail & m] = x;
    this.minHead = head;
    this.minTail = tail + 1;
    const lowest = minVal[head & m]!;

    if (n < this.lookback) return NaN;
    const out = (highest + lowest) / 2.0;
    this.outputs[0] = out;
    return out;
  }

  update(bar: Bar): void {
    this.next(bar.close);
  }

  snapshot(): IndicatorState {
    return {
      count: this.count,
      maxIdx: encodeArray(this.maxIdx),
      maxVal: encodeArray(this.maxVal),
      maxHead: this.maxHead,
      maxTail: this.maxTail,
      minIdx: encodeArray(this.minIdx),
      minVal: encodeArray(this.minVal),
      minHead: this.minHead,
      minTail: this.minTail,
      out: encodeArray(this.outputs),
    };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    decodeInto(this.maxIdx, s.maxIdx);
    decodeInto(this.maxVal, s.maxVal);
    this.maxHead = s.maxHead as number;
    this.maxTail = s.maxTail as number;
    decodeInto(this.minIdx, s.minIdx);
    decodeInto(this.minVal, s.minVal);
    this.minHead = s.minHead as number;
    this.minTail = s.minTail as number;
    decodeInto(this.outputs, s.out);
  }
}

/** Batch MIDPOINT with TA-Lib's name, parameters and warm-up (first valid index period-1). */
export function midpoint(real: ArrayLike<number>, period = 14): Float64Array {
  assertFiniteSeries('MIDPOINT', 'input', real);
  const ind = new Midpoint(period);
  const n = real.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = ind.next(real[i]!);
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
