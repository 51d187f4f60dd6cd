/**
 * T3 — Tillson's T3: six chained EMAs combined as GD(GD(GD(x))) with volume factor vFactor.
 * Definition, seeding (each EMA seeded with the mean of its first `period` inputs, the chain
 * started level by level) and floating-point order (k*x + (1-k)*e): TA-Lib TA_T3.
 */
import { IndicatorBase } from '../base.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertPeriod, assertRange, rejectInput, rethrowAtIndex } from '../validate.js';

export class T3 extends IndicatorBase {
  readonly lookback: number;
  private readonly period: number;
  private readonly k: number;
  private readonly omk: number;
  private readonly c1: number;
  private readonly c2: number;
  private readonly c3: number;
  private readonly c4: number;
  /** 1..6: level whose seed is being summed; 7: running. */
  private stage = 1;
  /** Inputs seen in the current stage. */
  private inStage = 0;
  private acc = 0;
  private e1 = 0;
  private e2 = 0;
  private e3 = 0;
  private e4 = 0;
  private e5 = 0;
  private e6 = 0;

  constructor(period = 5, vFactor = 0.7, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('T3', 'period', period, 2);
    assertRange('T3', 'vFactor', vFactor, 0, 1);
    this.period = period;
    this.lookback = 6 * (period - 1);
    this.k = 2.0 / (period + 1.0);
    this.omk = 1.0 - this.k;
    const t = vFactor * vFactor;
    const c1 = -(t * vFactor);
    this.c1 = c1;
    this.c2 = 3.0 * (t - c1);
    this.c3 = -6.0 * t - 3.0 * (vFactor - c1);
    this.c4 = 1.0 + 3.0 * vFactor - c1 + 3.0 * t;
  }

  /** Adds one value; returns T3 or NaN while warming up. */
  next(x: number): number {
    if (x - x !== 0) rejectInput('T3', 'input', x);
    this.count++;
    const k = this.k;
    const omk = this.omk;
    if (this.stage === 7) {
      const e1 = k * x + omk * this.e1;
      const e2 = k * e1 + omk * this.e2;
      const e3 = k * e2 + omk * this.e3;
      const e4 = k * e3 + omk * this.e4;
      const e5 = k * e4 + omk * this.e5;
      const e6 = k * e5 + omk * this.e6;
      this.e1 = e1;
      this.e2 = e2;
      this.e3 = e3;
      this.e4 = e4;
      this.e5 = e5;
      this.e6 = e6;
      const out = this.c1 * e6 + this.c2 * e5 + this.c3 * e4 + this.c4 * e3;
      this.outputs[0] = out;
      return out;
    }
    return this.seed(x);
  }

  private seed(x: number): number {
    const k = this.k;
    const omk = this.omk;
    const p = this.period;
    const s = this.stage;
    if (s === 1) {
      this.acc = this.inStage === 0 ? x : this.acc + x;
      if (++this.inStage === p) {
        this.e1 = this.acc / p;
        this.acc = this.e1;
        this.stage = 2;
        this.inStage = 0;
      }
      return NaN;
    }
    // Stage s: the levels below s run, level s-1 is summed for the seed of level s.
    this.e1 = k * x + omk * this.e1;
    let last = this.e1;
    if (s > 2) last = this.e2 = k * this.e1 + omk * this.e2;
    if (s > 3) last = this.e3 = k * this.e2 + omk * this.e3;
    if (s > 4) last = this.e4 = k * this.e3 + omk * this.e4;
    if (s > 5) last = this.e5 = k * this.e4 + omk * this.e5;
    this.acc += last;
    if (++this.inStage < p - 1) return NaN;
    const seed = this.acc / p;
    this.acc = seed;
    this.inStage = 0;
    this.stage = s + 1;
    switch (s) {
      case 2:
        this.e2 = seed;
        return NaN;
      case 3:
        this.e3 = seed;
        return NaN;
      case 4:
        this.e4 = seed;
        return NaN;
      case 5:
        this.e5 = seed;
        return NaN;
      default: {
        this.e6 = seed;
        const out = this.c1 * this.e6 + this.c2 * this.e5 + this.c3 * this.e4 + this.c4 * this.e3;
        this.outputs[0] = out;
        return out;
      }
    }
  }

  update(bar: Bar): void {
    this.next(bar.close);
  }

  snapshot(): IndicatorState {
    return {
      count: this.count,
      stage: this.stage,
      inStage: this.inStage,
      acc: this.acc,
      e: [this.e1, this.e2, this.e3, this.e4, this.e5, this.e6],
      out: this.outputs[0]!,
    };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.stage = s.stage as number;
    this.inStage = s.inStage as number;
    this.acc = s.acc as number;
    const e = s.e as number[];
    this.e1 = e[0]!;
    this.e2 = e[1]!;
    this.e3 = e[2]!;
    this.e4 = e[3]!;
    this.e5 = e[4]!;
    this.e6 = e[5]!;
    this.outputs[0] = (s.out as number | null) ?? NaN;
  }
}

/** Batch T3 with TA-Lib's name, parameters and warm-up (first valid index 6*(period-1)). */
export function t3(real: ArrayLike<number>, period = 5, vFactor = 0.7): Float64Array {
  const ind = new T3(period, vFactor);
  const n = real.length;
  const out = new Float64Array(n);
  let i = 0;
  try {
    for (; i < n; i++) out[i] = ind.next(real[i]!);
  } catch (e) {
    rethrowAtIndex('T3', ['input'], [real], i, e);
  }
  return out;
}

export const t3Spec: IndicatorSpec<{ period: number; vFactor: number }> = {
  name: 'T3',
  group: 'overlap',
  summary: 'Tillson T3 moving average',
  inputs: ['close'],
  outputs: ['real'],
  defaults: { period: 5, vFactor: 0.7 },
  testParams: [
    { period: 2, vFactor: 0.7 },
    { period: 9, vFactor: 0.3 },
  ],
  create: (p, out) => new T3(p.period, p.vFactor, out),
  batch: ([x], p) => [t3(x!, p.period, p.vFactor)],
  talib: { name: 'T3', optIn: (p) => ({ optInTimePeriod: p.period, optInVFactor: p.vFactor }), outputs: ['outReal'] },
};
