/**
 * LINEARREG — Linear regression: the value of the least-squares line at the newest bar.
 * Definition and floating-point order: TA-Lib TA_LINEARREG: least squares over the last `period` values
 * (x = period-1 for the oldest down to 0 for the newest, sums recomputed over the window each bar in
 * TA-Lib's order); output b + m * (period - 1). See LinRegWindow.
 */
import { IndicatorBase } from '../base.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { rejectInput, rethrowAtIndex } from '../validate.js';
import { LinRegWindow } from './linreg-window.js';

export class LinearReg extends IndicatorBase {
  readonly lookback: number;
  private readonly w: LinRegWindow;

  constructor(period = 14, outputs?: Float64Array) {
    super(1, outputs);
    this.w = new LinRegWindow('LINEARREG', period);
    this.lookback = period - 1;
  }

  /** Adds one value; returns the new output or NaN while warming up. */
  next(x: number): number {
    if (x - x !== 0) rejectInput('LINEARREG', 'input', x);
    this.count++;
    const w = this.w;
    if (!w.push(x)) return NaN;
    const p = w.period;
    const m = w.slope;
    const b = (w.sumY - m * w.sumX) / p;
    const out = b + m * (p - 1);
    this.outputs[0] = out;
    return out;
  }

  update(bar: Bar): void {
    this.next(bar.close);
  }

  snapshot(): IndicatorState {
    return { count: this.count, window: this.w.snapshot(), out: this.outputs[0]! };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.w.restore(s.window as IndicatorState);
    this.outputs[0] = (s.out as number | null) ?? NaN;
  }
}

/** Batch LINEARREG with TA-Lib's name, parameters and warm-up (first valid index period-1). */
export function linearreg(real: ArrayLike<number>, period = 14): Float64Array {
  const ind = new LinearReg(period);
  const n = real.length;
  const out = new Float64Array(n);
  let i = 0;
  try {
    for (; i < n; i++) out[i] = ind.next(real[i]!);
  } catch (e) {
    rethrowAtIndex('LINEARREG', ['input'], [real], i, e);
  }
  return out;
}

export const linearregSpec: IndicatorSpec<{ period: number }> = {
  name: 'LINEARREG',
  group: 'statistic',
  summary: 'Linear regression: the value of the least-squares line at the newest bar',
  inputs: ['close'],
  outputs: ['real'],
  defaults: { period: 14 },
  create: (p, out) => new LinearReg(p.period, out),
  batch: ([x], p) => [linearreg(x!, p.period)],
  testParams: [{ period: 5 }, { period: 2 }],
  talib: { name: 'LINEARREG', optIn: (p) => ({ optInTimePeriod: p.period }), outputs: ['outReal'] },
};
