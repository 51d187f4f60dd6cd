import { describe, expect, it } from 'vitest';
import { heikinAshi } from './heikin-ashi.js';

describe('HEIKIN_ASHI', () => {
  it('averages candles: first haOpen (open + close) / 2, then the midpoint of the previous HA body', () => {
    const r = heikinAshi([10, 11, 12], [12, 13, 12.5], [9, 10, 11.8], [11, 12, 12.2]);
    // bar0: haOpen (10 + 11) / 2 = 10.5, haClose (10 + 12 + 9 + 11) / 4 = 10.5, high 12, low 9
    expect([r.haOpen[0], r.haHigh[0], r.haLow[0], r.haClose[0]]).toEqual([10.5, 12, 9, 10.5]);
    // bar1: haOpen (10.5 + 10.5) / 2 = 10.5, haClose 46 / 4 = 11.5, high 13, low 10
    expect([r.haOpen[1], r.haHigh[1], r.haLow[1], r.haClose[1]]).toEqual([10.5, 13, 10, 11.5]);
    // bar2: haOpen (10.5 + 11.5) / 2 = 11 (below the bar's low 11.8, so haLow = 11),
    // haClose (12 + 12.5 + 11.8 + 12.2) / 4 = 12.125, haHigh 12.5
    expect(r.haOpen[2]).toBe(11);
    expect(r.haClose[2]).toBeCloseTo(12.125, 12);
    expect(r.haHigh[2]).toBe(12.5);
    expect(r.haLow[2]).toBe(11);
  });
});
