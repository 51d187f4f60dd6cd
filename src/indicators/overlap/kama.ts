/**
 * KAMA — Kaufman adaptive moving average: an EMA whose factor follows the efficiency ratio
 * |x - x[period ago]| / sum|x - x[-1]| between the 2- and 30-period EMA factors (squared).
 * Definition, seeding (previous close as the first previous KAMA) and floating-point order:
 * TA-Lib TA_KAMA.
 */
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertPeriod, rejectInput, rethrowAtIndex } from '../validate.js';

const CONST_MAX = 2.0 / (30.0 + 1.0);
const CONST_DIFF = 2.0 / (2.0 + 1.0) - CONST_MAX;
const EPSILON = 0.00000000000001;

export class Kama extends IndicatorBase {
  readonly lookback: number;
  private readonly period: number;
  /** The last `period` inputs; `pos` is the slot of the oldest. */
  private readonly window: Float64Array;
  private pos = 0;
  private sumROC1 = 0;
  private trailingValue = 0;
  private last = 0;
  private prevKama = 0;

  constructor(period = 30, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('KAMA', 'period', period, 2);
    this.period = period;
    this.lookback = period;
    this.window = new Float64Array(period);
  }

  /** Adds one value; returns the new average or NaN while warming up. */
  next(x: number): number {
    if (x - x !== 0) rejectInput('KAMA', 'input', x);
    const n = this.count++;
    if (n <= this.period) return this.warmUp(x, n);
    const w = this.window;
    const pos = this.pos;
    const trailing = w[pos]!; // x[n - period]
    w[pos] = x;
    this.pos = pos + 1 === this.period ? 0 : pos + 1;
    let sum = this.sumROC1;
    sum -= Math.abs(this.trailingValue - trailing);
    sum += Math.abs(x - this.last);
    this.sumROC1 = sum;
    this.trailingValue = trailing;
    this.last = x;
    const periodROC = x - trailing;
    let sc = sum <= periodROC || (-EPSILON < sum && sum < EPSILON) ? 1.0 : Math.abs(periodROC / sum);
    sc = sc * CONST_DIFF + CONST_MAX;
    sc *= sc;
    const prev = this.prevKama;
    const out = (x - prev) * sc + prev;
    this.prevKama = out;
    this.outputs[0] = out;
    return out;
  }

  /** Bars 0..period: the first sum of 1-bar changes, then the first KAMA (previous input as seed). */
  private warmUp(x: number, n: number): number {
    const p = this.period;
    if (n > 0) this.sumROC1 += Math.abs(this.last - x);
    const w = this.window;
    if (n < p) {
      w[n] = x;
      this.last = x;
      return NaN;
    }
    const trailing = w[0]!; // x[0]
    w[0] = x;
    this.pos = p === 1 ? 0 : 1;
    this.trailingValue = trailing;
    const sum = this.sumROC1;
    const periodROC = x - trailing;
    let sc = sum <= periodROC || (-EPSILON < sum && sum < EPSILON) ? 1.0 : Math.abs(periodROC / sum);
    sc = sc * CONST_DIFF + CONST_MAX;
    sc *= sc;
    const prev = this.last;
    const out = (x - prev) * sc + prev;
    this.prevKama = out;
    this.last = x;
    this.outputs[0] = out;
    return out;
  }

  update(bar: Bar): void {
    this.next(bar.close);
  }

  snapshot(): IndicatorState {
    return {
      count: this.count,
      pos: this.pos,
      sumROC1: this.sumROC1,
      trailingValue: this.trailingValue,
      last: this.last,
      prevKama: this.prevKama,
      window: encodeArray(this.window),
      out: encodeArray(this.outputs),
    };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.pos = s.pos as number;
    this.sumROC1 = s.sumROC1 as number;
    this.trailingValue = s.trailingValue as number;
    this.last = s.last as number;
    this.prevKama = s.prevKama as number;
    decodeInto(this.window, s.window);
    decodeInto(this.outputs, s.out);
  }
}

/** Batch KAMA with TA-Lib's name, parameters and warm-up (first valid index period). */
export function kama(real: ArrayLike<number>, period = 30): Float64Array {
  const ind = new Kama(period);
  const n = real.length;
  const out = new Float64Array(n);
  let i = 0;
  try {
    for (; i < n; i++) out[i] = ind.next(real[i]!);
  } catch (e) {
    rethrowAtIndex('KAMA', ['input'], [real], i, e);
  }
  return out;
}

export const kamaSpec: IndicatorSpec<{ period: number }> = {
  name: 'KAMA',
  group: 'overlap',
  summary: 'Kaufman adaptive moving average',
  inputs: ['close'],
  outputs: ['real'],
  defaults: { period: 30 },
  testParams: [{ period: 2 }, { period: 10 }],
  create: (p, out) => new Kama(p.period, out),
  batch: ([x], p) => [kama(x!, p.period)],
  talib: { name: 'KAMA', optIn: (p) => ({ optInTimePeriod: p.period }), outputs: ['outReal'] },
};
