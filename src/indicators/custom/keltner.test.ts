import { describe, expect, it } from 'vitest';
import { keltner } from './keltner.js';

describe('KELTNER', () => {
  it('is the EMA of close ± multiplier × Wilder ATR', () => {
    // period 2, multiplier 2, atrPeriod 2 -> lookback max(1, 2) = 2
    const r = keltner([11, 13, 12, 14], [9, 10, 9, 11], [10, 12, 10, 13], 2, 2, 2);
    // EMA(2), k = 2/3: seed (10 + 12) / 2 = 11; then 11 + (10 - 11) * 2/3 = 10.3333; then
    // 10.3333 + (13 - 10.3333) * 2/3 = 12.1111
    // TR: bar1 max(3, |10-13|, |10-10|) = 3; bar2 max(3, 0, 3) = 3; bar3 max(3, |10-14| = 4, 1) = 4
    // ATR(2): (3 + 3) / 2 = 3 at bar 2; (3 * 1 + 4) / 2 = 3.5 at bar 3
    expect(r.middle[1]).toBeNaN();
    expect(r.middle[2]).toBeCloseTo(10.333333333333334, 12);
    expect(r.upper[2]).toBeCloseTo(10.333333333333334 + 6, 12);
    expect(r.lower[2]).toBeCloseTo(10.333333333333334 - 6, 12);
    expect(r.middle[3]).toBeCloseTo(12.111111111111111, 12);
    expect(r.upper[3]).toBeCloseTo(12.111111111111111 + 7, 12);
    expect(r.lower[3]).toBeCloseTo(12.111111111111111 - 7, 12);
  });

  it('collapses the bands onto the middle line when the range is zero', () => {
    const r = keltner([5, 5, 5, 5], [5, 5, 5, 5], [5, 5, 5, 5], 2, 2, 2);
    expect([r.upper[3], r.middle[3], r.lower[3]]).toEqual([5, 5, 5]);
  });
});
