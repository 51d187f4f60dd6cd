import { describe, expect, it } from 'vitest';
import { pivotsFib } from './pivots-fib.js';

const M = 60_000;
const DAY = 1440 * M;
const T0 = Date.UTC(2025, 5, 1);

describe('PIVOTS_FIB', () => {
  it('places R/S at 0.382, 0.618 and 1 times the previous day range around P', () => {
    // day 1: high 120, low 90, close 105 -> P 105, range 30
    const r = pivotsFib([T0, T0 + DAY - M, T0 + DAY], [120, 100, 1], [95, 90, 1], [110, 105, 1]);
    expect(r.p[1]).toBeNaN();
    expect(r.p[2]).toBe(105);
    expect(r.r1[2]).toBeCloseTo(116.46, 12); // 105 + 11.46
    expect(r.r2[2]).toBeCloseTo(123.54, 12); // 105 + 18.54
    expect(r.r3[2]).toBe(135);
    expect(r.s1[2]).toBeCloseTo(93.54, 12);
    expect(r.s2[2]).toBeCloseTo(86.46, 12);
    expect(r.s3[2]).toBe(75);
  });
});
