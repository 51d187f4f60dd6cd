/**
 * VAR — population variance of the last `period` values, mean(x²) - mean(x)².
 * Definition and floating-point order: TA-Lib TA_VAR / TA_INT_VAR (running sums of x and x², the
 * trailing value subtracted after each output). `nbDev` is accepted but unused, as in TA-Lib.
 */
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertPeriod, assertRange, rejectInput, rethrowAtIndex } from '../validate.js';

export class Var extends IndicatorBase {
  readonly lookback: number;
  private readonly period: number;
  private readonly window: Float64Array;
  private pos = 0;
  private total1 = 0;
  private total2 = 0;

  constructor(period = 5, nbDev = 1, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('VAR', 'period', period, 1);
    assertRange('VAR', 'nbDev', nbDev, -3e37, 3e37);
    this.period = period;
    this.lookback = period - 1;
    this.window = new Float64Array(period);
  }

  /** Adds one value; returns the new variance or NaN while warming up. */
  next(x: number): number {
    if (x - x !== 0) rejectInput('VAR', 'input', x);
    const p = this.period;
    const w = this.window;
    let pos = this.pos;
    w[pos] = x;
    if (++pos === p) pos = 0;
    this.pos = pos;
    this.total1 += x;
    this.total2 += x * x;
    if (this.count++ < p - 1) return NaN;
    const mean1 = this.total1 / p;
    const mean2 = this.total2 / p;
    // The trailing value (oldest in the window) now sits where the next value will be written.
    const t = w[pos]!;
    this.total1 -= t;
    this.total2 -= t * t;
    const out = mean2 - mean1 * mean1;
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
      total1: this.total1,
      total2: this.total2,
      window: encodeArray(this.window),
      out: this.outputs[0]!,
    };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.pos = s.pos as number;
    this.total1 = s.total1 as number;
    this.total2 = s.total2 as number;
    decodeInto(this.window, s.window);
    this.outputs[0] = (s.out as number | null) ?? NaN;
  }
}

/**
 * Batch VAR with TA-Lib's parameters and warm-up (first valid index period-1). Named `variance`
 * because `var` is a reserved word.
 */
export function variance(real: ArrayLike<number>, period = 5, nbDev = 1): Float64Array {
  const ind = new Var(period, nbDev);
  const n = real.length;
  const out = new Float64Array(n);
  let i = 0;
  try {
    for (; i < n; i++) out[i] = ind.next(real[i]!);
  } catch (e) {
    rethrowAtIndex('VAR', ['input'], [real], i, e);
  }
  return out;
}

export const varSpec: IndicatorSpec<{ period: number; nbDev: number }> = {
  name: 'VAR',
  group: 'statistic',
  summary: 'Variance over a window',
  inputs: ['close'],
  outputs: ['real'],
  defaults: { period: 5, nbDev: 1 },
  create: (p, out) => new Var(p.period, p.nbDev, out),
  batch: ([x], p) => [variance(x!, p.period, p.nbDev)],
  testParams: [
    { period: 20, nbDev: 1 },
    { period: 1, nbDev: 2 },
  ],
  talib: { name: 'VAR', optIn: (p) => ({ optInTimePeriod: p.period, optInNbDev: p.nbDev }), outputs: ['outReal'] },
};
