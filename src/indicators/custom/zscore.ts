/**
 * ZSCORE — rolling z-score of the close: (close - mean) / standard deviation over the last `period`
 * (20) closes, population standard deviation (divide by period), the current close included in the
 * window. Standard statistical z-score (e.g. StockCharts ChartSchool "Z-Score"-style scans; Bollinger
 * %b in standard-deviation units). A window with zero standard deviation gives 0.
 * Accuracy: shifted sums recomputed from the window every `period` bars (see rolling.ts), so the
 * values stay accurate over millions of bars.
 */
import { IndicatorBase } from '../base.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertPeriod, rejectInput, rethrowAtIndex } from '../validate.js';
import { RollingZScore } from './rolling.js';

export class ZScore extends IndicatorBase {
  readonly lookback: number;
  private readonly z: RollingZScore;

  constructor(period = 20, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('ZSCORE', 'period', period, 2);
    this.lookback = period - 1;
    this.z = new RollingZScore(period);
  }

  /** Adds one close; returns its z-score or NaN while warming up. */
  next(x: number): number {
    if (x - x !== 0) rejectInput('ZSCORE', 'close', x);
    this.count++;
    const z = this.z.push(x);
    if (z === z) this.outputs[0] = z;
    return z;
  }

  update(bar: Bar): void {
    this.next(bar.close);
  }

  snapshot(): IndicatorState {
    return { count: this.count, z: this.z.snapshot(), out: this.outputs[0]! };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.z.restore(s.z as IndicatorState);
    this.outputs[0] = (s.out as number | null) ?? NaN;
  }
}

/** Batch rolling z-score of the close; NaN before index period - 1. */
export function zscore(close: ArrayLike<number>, period = 20): Float64Array {
  const ind = new ZScore(period);
  const n = close.length;
  const out = new Float64Array(n);
  let i = 0;
  try {
    for (; i < n; i++) out[i] = ind.next(close[i]!);
  } catch (e) {
    rethrowAtIndex('ZSCORE', ['close'], [close], i, e);
  }
  return out;
}

export const zscoreSpec: IndicatorSpec<{ period: number }> = {
  name: 'ZSCORE',
  group: 'custom',
  summary: 'Rolling z-score of the close (population standard deviation)',
  inputs: ['close'],
  outputs: ['real'],
  defaults: { period: 20 },
  testParams: [{ period: 2 }, { period: 100 }],
  create: (p, out) => new ZScore(p.period, out),
  batch: ([x], p) => [zscore(x!, p.period)],
};
