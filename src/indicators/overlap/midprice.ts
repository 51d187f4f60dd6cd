/**
 * MIDPRICE — (highest high + lowest low) / 2 over `period` bars.
 * Definition: TA-Lib TA_MIDPRICE. TA-Lib rescans the window each bar; here two monotonic deques
 * (typed-array rings) give the same extremes in O(1) amortised.
 */
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { assertFiniteSeries, assertPeriod, rejectInput } from '../validate.js';

export class Midprice extends IndicatorBase {
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
    assertPeriod('MIDPRICE', 'period', period, 2);
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

  update(bar: Bar): void {
    const h = bar.high;
    const l = bar.low;
    if (h - h !== 0) rejectInput('MIDPRICE', 'high', h);
    if (l - l !== 0) rejectInput('MIDPRICE', 'low', l);
    const n = this.count++;
    const expired = n - this.period;
    const m = this.mask;

    const maxIdx = this.maxIdx;
    const maxVal = this.maxVal;
    let head = this.maxHead;
    let tail = this.maxTail;
    if (tail > head && maxIdx[head & m]! <= expired) head++;
    while (tail > head && maxVal[(tail - 1) & m]! <= h) tail--;
    maxIdx[tail & m] = n;
    maxVal[tail & m] = h;
    this.maxHead = head;
    this.maxTail = tail + 1;
    const highest = maxVal[head & m]!;

    const minIdx = this.minIdx;
    const minVal = this.minVal;
    head = this.minHead;
    tail = this.minTail;
    if (tail > head && minIdx[head & m]! <= expired) head++;
    while (tail > head && minVal[(tail - 1) & m]! >= l) tail--;
    minIdx[tail & m] = n;
    minVal[tail & m] = l;
    this.minHead = head;
    this.minTail = tail + 1;
    const lowest = minVal[head & m]!;

    if (n >= this.lookback) this.outputs[0] = (highest + lowest) / 2.0;
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

/** Batch MIDPRICE with TA-Lib's name, parameters and warm-up (first valid index period-1). */
export function midprice(high: ArrayLike<number>, low: ArrayLike<number>, period = 14): Float64Array {
  assertFiniteSeries('MIDPRICE', 'high', high);
  assertFiniteSeries('MIDPRICE', 'low', low);
  const ind = new Midprice(period);
  const n = high.length;
  const out = new Float64Array(n);
  const bar = newMutableBar();
  const o = ind.outputs;
  for (let i = 0; i < n; i++) {
    bar.high = high[i]!;
    bar.low = low[i]!;
    ind.update(bar);
    out[i] = o[0]!;
  }
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
