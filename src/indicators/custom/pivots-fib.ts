/**
 * PIVOTS_FIB — Fibonacci pivot points, definition as in StockCharts ChartSchool "Pivot Points"
 * (Fibonacci pivot points), with H, L, C the high, low and close of the previous completed
 * `periodMinutes` period (default the previous UTC day) aggregated from the bars fed:
 *   P = (H + L + C) / 3
 *   R1 = P + 0.382(H - L),  R2 = P + 0.618(H - L),  R3 = P + (H - L)
 *   S1 = P - 0.382(H - L),  S2 = P - 0.618(H - L),  S3 = P - (H - L)
 * Period handling, warm-up and gaps: see pivots.ts.
 */
import type { IndicatorSpec } from '../types.js';
import { PIVOT_OUTPUTS, PeriodPivots, pivotArrays, pivotsBatch, type PivotLevels } from './pivots.js';

export class PivotsFib extends PeriodPivots {
  constructor(periodMinutes = 1440, outputs?: Float64Array) {
    super('PIVOTS_FIB', 1, periodMinutes, outputs);
  }
}

/** Batch Fibonacci pivots: { p, r1, r2, r3, s1, s2, s3 }, NaN until a full previous period was seen. */
export function pivotsFib(
  openTime: ArrayLike<number>,
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  periodMinutes = 1440,
): PivotLevels {
  return pivotsBatch(new PivotsFib(periodMinutes), 'PIVOTS_FIB', openTime, high, low, close);
}

export const pivotsFibSpec: IndicatorSpec<{ periodMinutes: number }> = {
  name: 'PIVOTS_FIB',
  group: 'custom',
  summary: 'Fibonacci pivot point, 3 resistances and 3 supports from the previous UTC day (or period)',
  inputs: ['openTime', 'high', 'low', 'close'],
  outputs: PIVOT_OUTPUTS,
  defaults: { periodMinutes: 1440 },
  testParams: [{ periodMinutes: 60 }, { periodMinutes: 240 }],
  create: (p, out) => new PivotsFib(p.periodMinutes, out),
  batch: ([t, h, l, c], p) => pivotArrays(pivotsFib(t!, h!, l!, c!, p.periodMinutes)),
};
