/**
 * TEMA — triple exponential moving average (Mulloy): 3*EMA1 - 3*EMA2 + EMA3 of chained EMAs.
 * Definition and floating-point order: TA-Lib TA_TEMA (EMA3 + (3*EMA1 - 3*EMA2)); the three
 * SMA-seeded EMAs are inlined (same operations as the Ema class) to keep the update short.
 */
import { IndicatorBase } from '../base.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertPeriod, rejectInput, rethrowAtIndex } from '../validate.js';
import { emaStep } from './ema-chain.js';

export class Tema extends IndicatorBase {
  readonly lookback: number;
  private readonly period: number;
  private readonly k: number;
  private e1 = 0;
  private e2 = 0;
  private e3 = 0;

  constructor(period = 30, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('TEMA', 'period', period, 2);
    this.lookback = 3 * (period - 1);
    this.period = period;
    this.k = 2 / (period + 1);
  }

  /** Adds one value; returns the new average or NaN while warming up. */
  next(x: number): number {
    if (x - x !== 0) rejectInput('TEMA', 'input', x);
    const n = this.count++;
    if (n <= this.lookback) return this.warmUp(x, n);
    const k = this.k;
    const e1 = (x - this.e1) * k + this.e1;
    const e2 = (e1 - this.e2) * k + this.e2;
    const e3 = (e2 - this.e3) * k + this.e3;
    this.e1 = e1;
    this.e2 = e2;
    this.e3 = e3;
    const out = e3 + (3.0 * e1 - 3.0 * e2);
    this.outputs[0] = out;
    return out;
  }

  private warmUp(x: number, n: number): number {
    const p = this.period;
    const k = this.k;
    const e1 = (this.e1 = emaStep(this.e1, x, n, p, k));
    const m2 = n - (p - 1);
    if (m2 < 0) return NaN;
    const e2 = (this.e2 = emaStep(this.e2, e1, m2, p, k));
    const m3 = m2 - (p - 1);
    if (m3 < 0) return NaN;
    const e3 = (this.e3 = emaStep(this.e3, e2, m3, p, k));
    if (m3 < p - 1) return NaN;
    const out = e3 + (3.0 * e1 - 3.0 * e2);
    this.outputs[0] = out;
    return out;
  }

  update(bar: Bar): void {
    this.next(bar.close);
  }

  snapshot(): IndicatorState {
    return {
      count: this.count,
      e1: this.e1,
      e2: this.e2,
      e3: this.e3,
      out: this.outputs[0]!,
    };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.e1 = s.e1 as number;
    this.e2 = s.e2 as number;
    this.e3 = s.e3 as number;
    this.outputs[0] = (s.out as number | null) ?? NaN;
  }
}

/** Batch TEMA with TA-Lib's name, parameters and warm-up (first valid index 3*(period-1)). */
export function tema(real: ArrayLike<number>, period = 30): Float64Array {
  const ind = new Tema(period);
  const n = real.length;
  const out = new Float64Array(n);
  let i = 0;
  try {
    for (; i < n; i++) out[i] = ind.next(real[i]!);
  } catch (e) {
    rethrowAtIndex('TEMA', ['input'], [real], i, e);
  }
  return out;
}

export const temaSpec: IndicatorSpec<{ period: number }> = {
  name: 'TEMA',
  group: 'overlap',
  summary: 'Triple exponential moving average',
  inputs: ['close'],
  outputs: ['real'],
  defaults: { period: 30 },
  testParams: [{ period: 2 }, { period: 9 }],
  create: (p, out) => new Tema(p.period, out),
  batch: ([x], p) => [tema(x!, p.period)],
  talib: { name: 'TEMA', optIn: (p) => ({ optInTimePeriod: p.period }), outputs: ['outReal'] },
};
