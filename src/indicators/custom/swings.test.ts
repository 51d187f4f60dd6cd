import { describe, expect, it } from 'vitest';
import { sampleSeries } from '../../../test/helpers/market-data.js';
import { swings } from './swings.js';

describe('SWINGS', () => {
  it('confirms a swing high right bars later and applies the TradingView tie rule', () => {
    // left 2, right 2 -> lookback 4
    const high = [1, 2, 5, 3, 2, 4, 4, 3, 1, 0];
    const low = high.map((h) => h - 1);
    const r = swings(high, low, 2, 2);
    expect(r.lastSwingHigh[3]).toBeNaN();
    // t=4: bar 2 (5) is above bars 0,1 and 3,4 -> confirmed, 2 bars ago
    expect([r.lastSwingHigh[4], r.barsSinceSwingHigh[4]]).toEqual([5, 2]);
    // t=7: bar 5 (4) ties with bar 6 on its right -> not a swing
    expect([r.lastSwingHigh[7], r.barsSinceSwingHigh[7]]).toEqual([5, 5]);
    // t=8: bar 6 (4) ties with bar 5 on its LEFT, is above bars 7, 8 -> swing high
    expect([r.lastSwingHigh[8], r.barsSinceSwingHigh[8]]).toEqual([4, 2]);
    expect([r.lastSwingHigh[9], r.barsSinceSwingHigh[9]]).toEqual([4, 3]);
  });

  it('reports the lowest low so far until the first swing low is confirmed, then the swing low', () => {
    const high = [1, 2, 5, 3, 2, 4, 4, 3, 1, 0];
    const low = high.map((h) => h - 1); // 0 1 4 2 1 3 3 2 0 -1
    const r = swings(high, low, 2, 2);
    // t=4,5: no swing low yet; the lowest low of bars 0..t-2 is bar 0 (0)
    expect([r.lastSwingLow[4], r.barsSinceSwingLow[4]]).toEqual([0, 4]);
    expect([r.lastSwingLow[5], r.barsSinceSwingLow[5]]).toEqual([0, 5]);
    // t=6: bar 4 (1) is <= bars 2,3 and < bars 5,6 -> swing low 1, 2 bars ago
    expect([r.lastSwingLow[6], r.barsSinceSwingLow[6]]).toEqual([1, 2]);
    // later lower lows at bars 8, 9 are not confirmed yet: the swing low stays
    expect([r.lastSwingLow[9], r.barsSinceSwingLow[9]]).toEqual([1, 5]);
  });

  it('gives finite values on a flat market, which has no swings', () => {
    const r = swings([5, 5, 5, 5, 5, 5], [5, 5, 5, 5, 5, 5], 2, 2);
    expect([r.lastSwingHigh[5], r.barsSinceSwingHigh[5], r.lastSwingLow[5], r.barsSinceSwingLow[5]]).toEqual([5, 2, 5, 2]);
  });

  it('matches a brute-force TradingView pivothigh/pivotlow scan on real data', () => {
    const s = sampleSeries('BTCUSDT', 20_000);
    const L = 5;
    const R = 5;
    const r = swings(s.high, s.low, L, R);
    let lastHi = NaN;
    let lastHiAt = -1;
    let lastLo = NaN;
    let lastLoAt = -1;
    let found = 0;
    for (let t = L + R; t < s.high.length; t++) {
      const j = t - R;
      let isHi = true;
      let isLo = true;
      for (let k = 1; k <= L; k++) {
        if (s.high[j - k]! > s.high[j]!) isHi = false;
        if (s.low[j - k]! < s.low[j]!) isLo = false;
      }
      for (let k = 1; k <= R; k++) {
        if (s.high[j + k]! >= s.high[j]!) isHi = false;
        if (s.low[j + k]! <= s.low[j]!) isLo = false;
      }
      if (isHi) [lastHi, lastHiAt] = [s.high[j]!, j];
      if (isLo) [lastLo, lastLoAt] = [s.low[j]!, j];
      if (lastHiAt >= 0 && lastLoAt >= 0) {
        found++;
        if (r.lastSwingHigh[t] !== lastHi || r.barsSinceSwingHigh[t] !== t - lastHiAt) throw new Error(`high mismatch at ${t}`);
        if (r.lastSwingLow[t] !== lastLo || r.barsSinceSwingLow[t] !== t - lastLoAt) throw new Error(`low mismatch at ${t}`);
      }
    }
    expect(found).toBeGreaterThan(19_000);
  });
});
