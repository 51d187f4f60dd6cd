import { describe, expect, it } from 'vitest';
import { Ichimoku, ichimoku } from './ichimoku.js';

// tenkan 2, kijun 3, senkouB 4, displacement 2 -> lookback 4 - 1 + 2 = 5
const high = [10, 12, 11, 15, 14, 13, 16];
const low = high.map((h) => h - 2); // 8 10 9 13 12 11 14
const close = high.map((h) => h - 1); // 9 11 10 14 13 12 15

describe('ICHIMOKU', () => {
  it('has lookback max(tenkan, kijun, senkouB) - 1 + displacement and is NaN before it', () => {
    expect(new Ichimoku().lookback).toBe(77);
    const r = ichimoku(high, low, close, 2, 3, 4, 2);
    for (const k of ['tenkan', 'kijun', 'senkouA', 'senkouB', 'chikou'] as const) {
      for (let i = 0; i < 5; i++) expect(r[k][i]).toBeNaN();
    }
  });

  it('computes tenkan and kijun as mid-ranges of the last bars', () => {
    const r = ichimoku(high, low, close, 2, 3, 4, 2);
    // t=5: tenkan (max(14,13) + min(12,11)) / 2 = 12.5; kijun (max(15,14,13) + min(13,12,11)) / 2 = 13
    expect(r.tenkan[5]).toBe(12.5);
    expect(r.kijun[5]).toBe(13);
    // t=6: tenkan (16 + 11) / 2 = 13.5; kijun (16 + 11) / 2 = 13.5
    expect(r.tenkan[6]).toBe(13.5);
    expect(r.kijun[6]).toBe(13.5);
  });

  it('outputs as senkou spans the cloud computed displacement bars earlier (no look-ahead)', () => {
    const r = ichimoku(high, low, close, 2, 3, 4, 2);
    // spanA(3) = (tenkan 12 + kijun 12) / 2 = 12; spanA(4) = (13.5 + 12) / 2 = 12.75
    expect(r.senkouA[5]).toBe(12);
    expect(r.senkouA[6]).toBe(12.75);
    // spanB(3) = (max h[0..3] 15 + min l[0..3] 8) / 2 = 11.5; spanB(4) = (15 + 9) / 2 = 12
    expect(r.senkouB[5]).toBe(11.5);
    expect(r.senkouB[6]).toBe(12);
  });

  it('outputs chikou as close minus the close displacement bars earlier', () => {
    const r = ichimoku(high, low, close, 2, 3, 4, 2);
    expect(r.chikou[5]).toBe(12 - 14);
    expect(r.chikou[6]).toBe(15 - 13);
  });
});
