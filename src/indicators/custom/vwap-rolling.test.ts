import { describe, expect, it } from 'vitest';
import { sampleSeries } from '../../../test/helpers/market-data.js';
import { vwapRolling } from './vwap-rolling.js';

describe('VWAP_ROLLING', () => {
  it('weights typical prices by volume over the last period bars', () => {
    // typical prices 10, 20, 30 (high/low ±2 around the close), volumes 1, 3, 0, 2
    const out = vwapRolling([12, 22, 32, 42], [8, 18, 28, 38], [10, 20, 30, 40], [1, 3, 0, 2], 2);
    expect(out[0]).toBeNaN();
    expect(out[1]).toBe(17.5); // (10*1 + 20*3) / 4
    expect(out[2]).toBe(20); // (20*3 + 30*0) / 3
    expect(out[3]).toBe(40); // (30*0 + 40*2) / 2
  });

  it('gives the current typical price when the whole window has zero volume', () => {
    const out = vwapRolling([12, 22, 32], [8, 18, 28], [10, 20, 30], [5, 0, 0], 2);
    expect(out[1]).toBe(10); // (10*5 + 0) / 5
    expect(out[2]).toBe(30); // volumes 0, 0 -> typical price of the last bar
  });

  it('stays within 1e-12 relative of a from-scratch sum over a month of real 1m data', () => {
    const s = sampleSeries('BTCUSDT');
    const p = 20;
    const out = vwapRolling(s.high, s.low, s.close, s.volume, p);
    let worst = 0;
    for (let i = p - 1; i < s.close.length; i++) {
      let pv = 0;
      let v = 0;
      for (let k = i - p + 1; k <= i; k++) {
        pv += ((s.high[k]! + s.low[k]! + s.close[k]!) / 3) * s.volume[k]!;
        v += s.volume[k]!;
      }
      worst = Math.max(worst, Math.abs(out[i]! - pv / v) / (pv / v));
    }
    expect(worst).toBeLessThan(1e-12);
  });
});
