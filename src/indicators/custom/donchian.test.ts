import { describe, expect, it } from 'vitest';
import { sampleSeries } from '../../../test/helpers/market-data.js';
import { donchian } from './donchian.js';

describe('DONCHIAN', () => {
  it('takes the highest high and lowest low of the last period bars including the current one', () => {
    const r = donchian([5, 7, 6, 4, 3], [1, 2, 3, 2, 3], 3);
    expect(r.upper[1]).toBeNaN();
    // bars 0..2: high 7, low 1, middle 4
    expect([r.upper[2], r.middle[2], r.lower[2]]).toEqual([7, 4, 1]);
    // bars 1..3: high 7, low 2, middle 4.5
    expect([r.upper[3], r.middle[3], r.lower[3]]).toEqual([7, 4.5, 2]);
    // bars 2..4: high 6, low 2, middle 4
    expect([r.upper[4], r.middle[4], r.lower[4]]).toEqual([6, 4, 2]);
  });

  it('equals a brute-force window scan on real data', () => {
    const s = sampleSeries('BTCUSDT', 5000);
    const p = 20;
    const r = donchian(s.high, s.low, p);
    for (let i = p - 1; i < 5000; i++) {
      let hi = -Infinity;
      let lo = Infinity;
      for (let k = i - p + 1; k <= i; k++) {
        hi = Math.max(hi, s.high[k]!);
        lo = Math.min(lo, s.low[k]!);
      }
      if (r.upper[i] !== hi || r.lower[i] !== lo) throw new Error(`mismatch at ${i}`);
    }
  });
});
