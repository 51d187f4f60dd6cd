import { describe, expect, it } from 'vitest';
import { cmf } from './cmf.js';

describe('CMF', () => {
  it('divides the summed money-flow volume by the summed volume of the window', () => {
    // bar0: MFM ((9.5-8) - (10-9.5)) / 2 = 0.5, MFV 0.5 * 4 = 2
    // bar1: high == low -> MFV 0 (volume 6 still counts)
    // bar2: MFM ((10-10) - (12-10)) / 2 = -1, MFV -2
    const out = cmf([10, 10, 12], [8, 10, 10], [9.5, 10, 10], [4, 6, 2], 2);
    expect(out[0]).toBeNaN();
    expect(out[1]).toBe(0.2); // (2 + 0) / (4 + 6)
    expect(out[2]).toBe(-0.25); // (0 - 2) / (6 + 2)
  });

  it('gives 0 for a window without volume', () => {
    const out = cmf([10, 11, 12], [8, 9, 10], [10, 11, 12], [3, 0, 0], 2);
    expect(out[1]).toBe(1); // close at the high: MFM 1, (3 + 0) / 3
    expect(out[2]).toBe(0);
  });
});
