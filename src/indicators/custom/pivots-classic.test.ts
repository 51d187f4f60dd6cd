import { describe, expect, it } from 'vitest';
import type { Bar } from '../types.js';
import { PivotsClassic, pivotsClassic } from './pivots-classic.js';

const M = 60_000;
const H = 60 * M;
const DAY = 24 * H;
const T0 = Date.UTC(2025, 5, 1);
const bar = (openTime: number, high: number, low: number, close: number): Bar => ({ openTime, open: close, high, low, close, volume: 1 });

// day 1: high 120, low 90, last close 105 -> P = (120 + 90 + 105) / 3 = 105, range 30
const day1 = [bar(T0, 115, 100, 110), bar(T0 + 10 * H, 120, 105, 112), bar(T0 + DAY - M, 108, 90, 105)];

describe('PIVOTS_CLASSIC', () => {
  it('computes P, R1..R3, S1..S3 from the previous UTC day once the new day starts', () => {
    const ind = new PivotsClassic();
    for (const b of day1) {
      ind.update(b);
      expect(ind.value).toBeNaN();
      expect(ind.isReady).toBe(false);
    }
    ind.update(bar(T0 + DAY, 200, 50, 150)); // first bar of day 2: its own prices do not matter
    expect(ind.isReady).toBe(true);
    // P 105; R1 2P - L = 120; R2 P + range = 135; R3 H + 2(P - L) = 150;
    // S1 2P - H = 90; S2 P - range = 75; S3 L - 2(H - P) = 60
    expect(Array.from(ind.outputs)).toEqual([105, 120, 135, 150, 90, 75, 60]);
    ind.update(bar(T0 + DAY + H, 300, 10, 150)); // same day: levels unchanged
    expect(Array.from(ind.outputs)).toEqual([105, 120, 135, 150, 90, 75, 60]);
  });

  it('skips a first day that was not seen from its start', () => {
    const t = [T0 + 5 * M, T0 + DAY, T0 + DAY + H, T0 + 2 * DAY];
    const r = pivotsClassic(t, [130, 120, 110, 1], [70, 90, 100, 1], [100, 100, 105, 1]);
    expect(r.p[1]).toBeNaN(); // day 1 started at 00:05: partial, not used
    expect(r.p[2]).toBeNaN();
    // day 2: high 120, low 90, close 105 -> P 105
    expect(r.p[3]).toBe(105);
    expect(r.r1[3]).toBe(120);
  });

  it('uses the last day that had bars after a whole day without data', () => {
    const t = [T0, T0 + DAY - M, T0 + 3 * DAY];
    const r2 = pivotsClassic(t, [120, 110, 500], [90, 95, 400], [100, 105, 450]);
    expect(r2.p[2]).toBe(105); // day 1 (H 120, L 90, C 105); day 2 and 3's start missing
  });

  it('aggregates shorter periods with periodMinutes', () => {
    const t = [T0, T0 + 30 * M, T0 + H];
    const r = pivotsClassic(t, [11, 12, 0], [9, 6, 0], [10, 9, 0], 60);
    // hour 0: H 12, L 6, C 9 -> P 9, R1 12, S1 6
    expect([r.p[2], r.r1[2], r.s1[2]]).toEqual([9, 12, 6]);
  });
});
