/**
 * STDDEV — standard deviation of the last `period` values times `nbDev`.
 * Definition and floating-point order: TA-Lib TA_STDDEV: sqrt of TA-Lib's VAR (TA_INT_VAR), times
 * nbDev when nbDev != 1; a variance below 1e-14 (rounding noise on flat data) gives 0.
 */
import { IndicatorBase } from '../base.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertPeriod, assertRange, rejectInput, rethrowAtIndex } from '../validate.js';
import { Var } from './var.js';

const EPSILON = 0.00000000000001;

export class Stddev extends IndicatorBase {
  readonly lookback: number;
  private readonly variance: Var;
  private readonly nbDev: number;

  constructor(period = 5, nbDev = 1, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('STDDEV', 'period', period, 2);
    assertRange('STDDEV', 'nbDev', nbDev, -3e37, 3e37);
    this.variance = new Var(period);
    this.lookback = this.variance.lookback;
    this.nbDev = nbDev;
  }

  /** Adds one value; returns the new standard deviation or NaN while warming up. */
  next(x: number): number {
    if (x - x !== 0) rejectInput('STDDEV', 'input', x);
    this.count++;
    const v = this.variance.next(x);
    if (v !== v) return NaN;
    let out: number;
    if (v < EPSILON) out = 0.0;
    else if (this.nbDev !== 1.0) out = Math.sqrt(v) * this.nbDev;
    else out = Math.sqrt(v);
    this.outputs[0] = out;
    return out;
  }

  update(bar: Bar): void {
    this.next(bar.close);
  }

  snapshot(): IndicatorState {
    return { count: this.count, variance: this.variance.snapshot(), out: this.outputs[0]! };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.variance.restore(s.variance as IndicatorState);
    this.outputs[0] = (s.out as number | null) ?? NaN;
  }
}

/** Batch STDDEV with TA-Lib's name, parameters and warm-up (first valid index period-1). */
export function stddev(real: ArrayLike<number>, period = 5, nbDev = 1): Float64Array {
  const ind = new Stddev(period, nbDev);
  const n = real.length;
  const out = new Float64Array(n);
  let i = 0;
  try {
    for (; i < n; i++) out[i] = ind.next(real[i]!);
  } catch (e) {
    rethrowAtIndex('STDDEV', ['input'], [real], i, e);
  }
  return out;
}

export const stddevSpec: IndicatorSpec<{ period: number; nbDev: number }> = {
  name: 'STDDEV',
  group: 'statistic',
  summary: 'Standard deviation over a window, times nbDev',
  inputs: ['close'],
  outputs: ['real'],
  defaults: { period: 5, nbDev: 1 },
  create: (p, out) => new Stddev(p.period, p.nbDev, out),
  batch: ([x], p) => [stddev(x!, p.period, p.nbDev)],
  testParams: [
    { period: 20, nbDev: 2 },
    { period: 2, nbDev: 0.5 },
  ],
  talib: { name: 'STDDEV', optIn: (p) => ({ optInTimePeriod: p.period, optInNbDev: p.nbDev }), outputs: ['outReal'] },
};
