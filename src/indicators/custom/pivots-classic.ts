/**
 * PIVOTS_CLASSIC — classic (floor-trader / "standard") pivot points, definition as in StockCharts
 * ChartSchool "Pivot Points", with H, L, C the high, low and close of the previous completed
 * `periodMinutes` period (default the previous UTC day) aggregated from the bars fed:
 *   P = (H + L + C) / 3
 *   R1 = 2P - L,  R2 = P + (H - L),  R3 = H + 2(P - L)
 *   S1 = 2P - H,  S2 = P - (H - L),  S3 = L - 2(H - P)
 * Period handling, warm-up and gaps: see pivots.ts.
 */
import type { IndicatorSpec } from '../types.js';
import { PIVOT_OUTPUTS, PeriodPivots, pivotArrays, pivotsBatch, type PivotLevels } from './pivots.js';

export class PivotsClassic extends PeriodPivots {
  constructor(periodMinutes = 1440, outputs?: Float64Array) {
    super('PIVOTS_CLASSIC', 0, periodMinutes, outputs);
  }
}

/** Batch classic pivots: { p, r1, r2, r3, s1, s2, s3 }, NaN until a full previous period was seen. */
export function pivotsClassic(
  openTime: ArrayLike<number>,
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  periodMinutes = 1440,
): PivotLevels {
  return pivotsBatch(new PivotsClassic(periodMinutes), 'PIVOTS_CLASSIC', openTime, high, low, close);
}

export const pivotsClassicSpec: IndicatorSpec<{ periodMinutes: number }> = {
  name: 'PIVOTS_CLASSIC',
  group: 'custom',
  summary: 'Classic pivot point, 3 resistances and 3 supports from the previous UTC day (or period)',
  inputs: ['openTime', 'high', 'low', 'close'],
  outputs: PIVOT_OUTPUTS,
  defaults: { periodMinutes: 1440 },
  testParams: [{ periodMinutes: 60 }, { periodMinutes: 240 }],
  create: (p, out) => new PivotsClassic(p.periodMinutes, out),
  batch: ([t, h, l, c], p) => pivotArrays(pivotsClassic(t!, h!, l!, c!, p.periodMinutes)),
};
