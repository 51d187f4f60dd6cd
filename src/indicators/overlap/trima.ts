/**
 * TRIMA — triangular moving average (weights 1,2,..,m,..,2,1: an SMA of an SMA).
 * Definition and floating-point order: TA-Lib TA_TRIMA (numerator kept with numeratorSub /
 * numeratorAdd, multiplied by 1/sum-of-weights; odd and even periods updated as in the C code).
 */
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertPeriod, rejectInput, rethrowAtIndex } from '../validate.js';

export class Trima extends IndicatorBase {
  readonly lookback: number;
  private readonly period: number;
  private readonly half: number;
  private readonly odd: boolean;
  private readonly factor: number;
  /** The last `period` inputs; `pos` is the slot of the oldest, `midPos` that of x[n + 1 - half]. */
  private readonly window: Float64Array;
  private pos = 0;
  private midPos = 0;
  private numerator = 0;
  private numeratorSub = 0;
  private numeratorAdd = 0;

  constructor(period = 30, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('TRIMA', 'period', period, 2);
    this.period = period;
    this.lookback = period - 1;
    const i = period >> 1;
    this.half = i;
    this.odd = period % 2 === 1;
    this.factor = 1.0 / (this.odd ? (i + 1) * (i + 1) : i * (i + 1));
    this.window = new Float64Array(period);
  }

  /** Adds one value; returns the new average or NaN while warming up. */
  next(x: number): number {
    if (x - x !== 0) rejectInput('TRIMA', 'input', x);
    const n = this.count++;
    if (n < this.period) return this.warmUp(x, n);
    const p = this.period;
    const w = this.window;
    let pos = this.pos;
    const trailing = w[pos]!; // x[n - period]
    w[pos] = x;
    if (++pos === p) pos = 0;
    this.pos = pos;
    let midPos = this.midPos;
    const mid = w[midPos]!; // x[n - half]
    if (++midPos === p) midPos = 0;
    this.midPos = midPos;
    let num = this.numerator - this.numeratorSub;
    let sub = this.numeratorSub - trailing;
    sub += mid;
    let add = this.numeratorAdd;
    if (this.odd) {
      num += add;
      add -= mid;
    } else {
      add -= mid;
      num += add;
    }
    add += x;
    num += x;
    this.numerator = num;
    this.numeratorSub = sub;
    this.numeratorAdd = add;
    const out = num * this.factor;
    this.outputs[0] = out;
    return out;
  }

  /** Fills the window; at the period-th input builds the first numerator as TA-Lib does. */
  private warmUp(x: number, n: number): number {
    const w = this.window;
    w[n] = x;
    if (n < this.period - 1) return NaN;
    const middle = this.odd ? this.half : this.half - 1;
    let num = 0.0;
    let sub = 0.0;
    for (let i = middle; i >= 0; i--) {
      sub += w[i]!;
      num += sub;
    }
    let add = 0.0;
    for (let i = middle + 1; i <= n; i++) {
      add += w[i]!;
      num += add;
    }
    this.numerator = num;
    this.numeratorSub = sub;
    this.numeratorAdd = add;
    this.pos = 0;
    this.midPos = (n + 1 - this.half) % this.period;
    const out = num * this.factor;
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
      midPos: this.midPos,
      numerator: this.numerator,
      numeratorSub: this.numeratorSub,
      numeratorAdd: this.numeratorAdd,
      window: encodeArray(this.window),
      out: encodeArray(this.outputs),
    };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.pos = s.pos as number;
    this.midPos = s.midPos as number;
    this.numerator = s.numerator as number;
    this.numeratorSub = s.numeratorSub as number;
    this.numeratorAdd = s.numeratorAdd as number;
    decodeInto(this.window, s.window);
    decodeInto(this.outputs, s.out);
  }
}

/** Batch TRIMA with TA-Lib's name, parameters and warm-up (first valid index period-1). */
export function trima(real: ArrayLike<number>, period = 30): Float64Array {
  const ind = new Trima(period);
  const n = real.length;
  const out = new Float64Array(n);
  let i = 0;
  try {
    for (; i < n; i++) out[i] = ind.next(real[i]!);
  } catch (e) {
    rethrowAtIndex('TRIMA', ['input'], [real], i, e);
  }
  return out;
}

export const trimaSpec: IndicatorSpec<{ period: number }> = {
  name: 'TRIMA',
  group: 'overlap',
  summary: 'Triangular moving average',
  inputs: ['close'],
  outputs: ['real'],
  defaults: { period: 30 },
  testParams: [{ period: 2 }, { period: 7 }],
  create: (p, out) => new Trima(p.period, out),
  batch: ([x], p) => [trima(x!, p.period)],
  talib: { name: 'TRIMA', optIn: (p) => ({ optInTimePeriod: p.period }), outputs: ['outReal'] },
};
