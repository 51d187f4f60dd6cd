import { describe, expect, it } from 'vitest';
import { supertrend } from './supertrend.js';

describe('SUPERTREND', () => {
  it('follows the final-band recursion and flips direction when the close crosses the active band', () => {
    // period 1 (ATR = true range), multiplier 1
    const high = [10, 11, 14, 14, 13, 12];
    const low = [8, 9, 12, 13, 11, 10];
    const close = [9, 10, 13.5, 13.5, 11.5, 11];
    const r = supertrend(high, low, close, 1, 1);
    expect(r.value[0]).toBeNaN();
    // bar1: TR 2, hl2 10 -> bands 12 / 8; first bar starts down -> value 12, direction -1
    expect([r.value[1], r.direction[1]]).toEqual([12, -1]);
    // bar2: TR 4, hl2 13 -> basic 17 / 9; upper stays 12 (17 > 12, prev close 10 <= 12);
    // lower rises to 9; close 13.5 > 12 -> up, value = lower 9
    expect([r.value[2], r.direction[2]]).toEqual([9, 1]);
    // bar3: TR 1, hl2 13.5 -> basic 14.5 / 12.5; lower 12.5 > 9 -> 12.5; close 13.5 >= 12.5 -> stays up
    expect([r.value[3], r.direction[3]]).toEqual([12.5, 1]);
    // bar4: TR 2.5, hl2 12 -> basic 14.5 / 9.5; lower keeps 12.5 (9.5 < 12.5, prev close 13.5 >= 12.5);
    // upper: prev close 13.5 > prev upper 12 -> basic 14.5; close 11.5 < 12.5 -> down, value = upper 14.5
    expect([r.value[4], r.direction[4]]).toEqual([14.5, -1]);
    // bar5: TR 2, hl2 11 -> basic 13 / 9; upper 13 < 14.5 -> 13; close 11 <= 13 -> stays down
    expect([r.value[5], r.direction[5]]).toEqual([13, -1]);
  });

  it('starts at index period (TA-Lib ATR warm-up)', () => {
    const n = 30;
    const h = Array.from({ length: n }, (_, i) => 100 + i + 1);
    const l = Array.from({ length: n }, (_, i) => 100 + i - 1);
    const c = Array.from({ length: n }, (_, i) => 100 + i);
    const r = supertrend(h, l, c, 10, 3);
    expect(r.value[9]).toBeNaN();
    expect(Number.isFinite(r.value[10])).toBe(true);
    expect(r.direction[29]).toBe(1); // a steady rise ends in an uptrend
  });
});
