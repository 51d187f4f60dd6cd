import { describe, expect, it } from 'vitest';
import { AlphaPulseError } from '../../core/errors.js';
import type { Bar } from '../types.js';
import { VwapSession, vwapSession } from './vwap-session.js';

const M = 60_000;
const DAY = 1440 * M;
const T0 = Date.UTC(2025, 5, 1);
const bar = (openTime: number, high: number, low: number, close: number, volume: number): Bar => ({ openTime, open: close, high, low, close, volume });

describe('VWAP_SESSION', () => {
  it('weights typical prices by volume since 00:00 UTC and resets on the first bar of a new day', () => {
    const ind = new VwapSession();
    ind.update(bar(T0 + DAY - 2 * M, 12, 8, 10, 1)); // tp 10
    expect(ind.value).toBe(10);
    ind.update(bar(T0 + DAY - M, 22, 18, 20, 3)); // tp 20: (10*1 + 20*3) / 4 = 17.5
    expect(ind.value).toBe(17.5);
    ind.update(bar(T0 + DAY, 32, 28, 30, 2)); // new day: only tp 30
    expect(ind.value).toBe(30);
    ind.update(bar(T0 + DAY + 5 * M, 42, 38, 40, 2)); // (30*2 + 40*2) / 4 = 35
    expect(ind.value).toBe(35);
  });

  it('gives the typical price while the session volume is zero', () => {
    const ind = new VwapSession();
    ind.update(bar(T0, 13, 9, 11, 0)); // tp (13 + 9 + 11) / 3 = 11
    expect(ind.value).toBe(11);
    ind.update(bar(T0 + M, 16, 12, 14, 0)); // tp 14, volume still 0
    expect(ind.value).toBe(14);
    ind.update(bar(T0 + 2 * M, 22, 18, 20, 5)); // only the volume-carrying bar counts: 20
    expect(ind.value).toBe(20);
  });

  it('uses sessions of sessionMinutes aligned to the epoch', () => {
    // 60-minute sessions: 10:59 and 11:00 are in different sessions
    const out = vwapSession([T0 + 10 * 60 * M + 59 * M, T0 + 11 * 60 * M, T0 + 11 * 60 * M + M], [12, 22, 32], [8, 18, 28], [10, 20, 30], [1, 1, 1], 60);
    // 10, then reset -> 20, then (20 + 30) / 2 = 25
    expect(Array.from(out)).toEqual([10, 20, 25]);
  });

  it('rejects bars that go back in time', () => {
    const ind = new VwapSession();
    ind.update(bar(T0 + DAY, 12, 8, 10, 1));
    expect(() => ind.update(bar(T0, 12, 8, 10, 1))).toThrow(AlphaPulseError);
  });
});
