/**
 * ULTOSC — Williams' ultimate oscillator: 100 * (4*A1/B1 + 2*A2/B2 + A3/B3) / 7, where A is the sum of
 * (close - true low) and B the sum of the true range over the short, middle and long period.
 * Definition and floating-point order: TA-Lib TA_ULTOSC (periods sorted, the shortest weighted 4;
 * running sums primed separately per period; a term is skipped when its B is |v| < 1e-14). First valid
 * index = longest period. One deliberate difference: when all three periods are 1, TA-Lib's lookback is 0
 * and its first value reads the close before the series (out of bounds); ours starts at index 1.
 */
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { assertPeriod, rethrowAtIndex } from '../validate.js';
import { HLC, rejectBar } from './bar-check.js';
import { isZero } from './directional-movement.js';

export class UltOsc extends IndicatorBase {
  readonly lookback: number;
  /** Shortest, middle and longest period. */
  private readonly p1: number;
  private readonly p2: number;
  private readonly p3: number;
  /** close - true low and true range of the last p3 bars; bar n sits at n % p3. */
  private readonly cmtl: Float64Array;
  private readonly trs: Float64Array;
  private a1 = 0;
  private a2 = 0;
  private a3 = 0;
  private b1 = 0;
  private b2 = 0;
  private b3 = 0;
  private prevClose = 0;
  /** Ring slot of the current bar (bar n at n % p3). */
  private slot = 0;

  constructor(period1 = 7, period2 = 14, period3 = 28, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('ULTOSC', 'period1', period1, 1);
    assertPeriod('ULTOSC', 'period2', period2, 1);
    assertPeriod('ULTOSC', 'period3', period3, 1);
    // TA-Lib sorts the three periods; the shortest gets weight 4, the longest weight 1.
    const lo = Math.min(period1, period2, period3);
    const hi = Math.max(period1, period2, period3);
    this.p1 = lo;
    this.p2 = period1 + period2 + period3 - lo - hi;
    this.p3 = hi;
    this.lookback = hi;
    this.cmtl = new Float64Array(hi);
    this.trs = new Float64Array(hi);
  }

  update(bar: Bar): void {
    const high = bar.high;
    const low = bar.low;
    const close = bar.close;
    if (high - high + (low - low) + (close - close) !== 0) rejectBar('ULTOSC', bar, HLC);
    const n = this.count++;
    const prevClose = this.prevClose;
    this.prevClose = close;
    if (n === 0) return;
    // TA-Lib's CALC_TERMS
    const trueLow = low < prevClose ? low : prevClose;
    const a = close - trueLow;
    let b = high - low;
    let t = Math.abs(prevClose - high);
    if (t > b) b = t;
    t = Math.abs(prevClose - low);
    if (t > b) b = t;
    const p3 = this.p3;
    const cmtl = this.cmtl;
    const trs = this.trs;
    let cur = this.slot + 1;
    if (cur === p3) cur = 0;
    this.slot = cur;
    cmtl[cur] = a;
    trs[cur] = b;
    const p1 = this.p1;
    const p2 = this.p2;
    if (n < p3) {
      // priming: each sum starts at its own first bar, p3 - p + 1
      if (n > p3 - p1) {
        this.a1 += a;
        this.b1 += b;
      }
      if (n > p3 - p2) {
        this.a2 += a;
        this.b2 += b;
      }
      this.a3 += a;
      this.b3 += b;
      return;
    }
    let a1 = this.a1 + a;
    let a2 = this.a2 + a;
    let a3 = this.a3 + a;
    let b1 = this.b1 + b;
    let b2 = this.b2 + b;
    let b3 = this.b3 + b;
    let output = 0.0;
    if (!isZero(b1)) output += 4.0 * (a1 / b1);
    if (!isZero(b2)) output += 2.0 * (a2 / b2);
    if (!isZero(b3)) output += a3 / b3;
    // subtract the oldest term of each window: bar n - p + 1
    let s = cur - p1 + 1;
    if (s < 0) s += p3;
    a1 -= cmtl[s]!;
    b1 -= trs[s]!;
    s = cur - p2 + 1;
    if (s < 0) s += p3;
    a2 -= cmtl[s]!;
    b2 -= trs[s]!;
    s = cur + 1;
    if (s === p3) s = 0;
    a3 -= cmtl[s]!;
    b3 -= trs[s]!;
    this.a1 = a1;
    this.a2 = a2;
    this.a3 = a3;
    this.b1 = b1;
    this.b2 = b2;
    this.b3 = b3;
    this.outputs[0] = 100.0 * (output / 7.0);
  }

  snapshot(): IndicatorState {
    return {
      count: this.count,
      cmtl: encodeArray(this.cmtl),
      trs: encodeArray(this.trs),
      a1: this.a1,
      a2: this.a2,
      a3: this.a3,
      b1: this.b1,
      b2: this.b2,
      b3: this.b3,
      prevClose: this.prevClose,
      slot: this.slot,
      out: this.outputs[0]!,
    };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    decodeInto(this.cmtl, s.cmtl);
    decodeInto(this.trs, s.trs);
    this.a1 = s.a1 as number;
    this.a2 = s.a2 as number;
    this.a3 = s.a3 as number;
    this.b1 = s.b1 as number;
    this.b2 = s.b2 as number;
    this.b3 = s.b3 as number;
    this.prevClose = s.prevClose as number;
    this.slot = s.slot as number;
    this.outputs[0] = (s.out as number | null) ?? NaN;
  }
}

/** Batch ULTOSC with TA-Lib's name, parameters and warm-up (first valid index = longest period). */
export function ultosc(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  period1 = 7,
  period2 = 14,
  period3 = 28,
): Float64Array {
  const ind = new UltOsc(period1, period2, period3);
  const bar = newMutableBar();
  const n = high.length;
  const out = new Float64Array(n);
  const o = ind.outputs;
  let i = 0;
  try {
    for (; i < n; i++) {
      bar.high = high[i]!;
      bar.low = low[i]!;
      bar.close = close[i]!;
      ind.update(bar);
      out[i] = o[0]!;
    }
  } catch (e) {
    rethrowAtIndex('ULTOSC', ['high', 'low', 'close'], [high, low, close], i, e);
  }
  return out;
}

export const ultoscSpec: IndicatorSpec<{ period1: number; period2: number; period3: number }> = {
  name: 'ULTOSC',
  group: 'momentum',
  summary: 'Ultimate oscillator',
  inputs: ['high', 'low', 'close'],
  outputs: ['real'],
  defaults: { period1: 7, period2: 14, period3: 28 },
  testParams: [
    { period1: 2, period2: 3, period3: 5 },
    { period1: 10, period2: 1, period3: 4 },
  ],
  create: (p, out) => new UltOsc(p.period1, p.period2, p.period3, out),
  batch: ([high, low, close], p) => [ultosc(high!, low!, close!, p.period1, p.period2, p.period3)],
  talib: {
    name: 'ULTOSC',
    optIn: (p) => ({ optInTimePeriod1: p.period1, optInTimePeriod2: p.period2, optInTimePeriod3: p.period3 }),
    outputs: ['outReal'],
  },
};
