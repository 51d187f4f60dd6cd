import { describe, expect, it } from 'vitest';
import { zscore } from './zscore.js';

describe('ZSCORE', () => {
  it('is (close - mean) / population standard deviation of the last period closes', () => {
    const out = zscore([1, 2, 3, 4, 4, 4, 4], 3);
    expect(out[1]).toBeNaN();
    // [1,2,3]: mean 2, variance 2/3 -> (3 - 2) / sqrt(2/3) = sqrt(1.5)
    expect(out[2]).toBeCloseTo(Math.sqrt(1.5), 12);
    expect(out[3]).toBeCloseTo(Math.sqrt(1.5), 12);
    // [3,4,4]: mean 11/3, variance ((-2/3)^2 + 2 (1/3)^2) / 3 = 2/9 -> (1/3) / sqrt(2/9) = 1/sqrt(2)
    expect(out[4]).toBeCloseTo(Math.SQRT1_2, 12);
    // [4,4,4]: zero standard deviation -> 0
    expect(out[5]).toBe(0);
    expect(out[6]).toBe(0);
  });

  it('gives exactly 0 on a constant window whose mean is not exactly representable', () => {
    const x = 0.1 + 0.2; // 0.30000000000000004: 3x / 3 rounds differently
    const out = zscore([x, x, x, x, x], 3);
    expect(Array.from(out.subarray(2))).toEqual([0, 0, 0]);
  });

  it('stays accurate over a million bars at a large price level', () => {
    const n = 1_000_000;
    const p = 20;
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = 1e8 + 1e6 * Math.sin(i / 5e4) + Math.sin(i * 1.7) * 3 + ((i * 7919) % 13) * 0.01;
    const out = zscore(x, p);
    let worst = 0;
    for (let i = n - 200_000; i < n; i += 997) {
      let s = 0;
      for (let k = i - p + 1; k <= i; k++) s += x[k]!;
      const mean = s / p;
      let v = 0;
      for (let k = i - p + 1; k <= i; k++) v += (x[k]! - mean) ** 2;
      const z = (x[i]! - mean) / Math.sqrt(v / p);
      worst = Math.max(worst, Math.abs(out[i]! - z));
    }
    expect(worst).toBeLessThan(1e-7);
  });
});
