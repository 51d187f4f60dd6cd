import { describe, expect, it } from 'vitest';
import { RollingExtreme, RollingSum } from './rolling.js';

describe('rolling building blocks', () => {
  it('RollingExtreme keeps the window maximum and the latest bar holding it', () => {
    const mx = new RollingExtreme(3, true);
    const seen: [number, number][] = [];
    for (const x of [4, 4, 2, 1, 3, 3, 0]) {
      mx.push(x);
      seen.push([mx.value, mx.index]);
    }
    // windows: [4] [4,4] [4,4,2] [4,2,1] [2,1,3] [1,3,3] [3,3,0]
    expect(seen).toEqual([
      [4, 0],
      [4, 1],
      [4, 1],
      [4, 1],
      [3, 4],
      [3, 5],
      [3, 5],
    ]);
  });

  it('RollingExtreme in min mode equals a brute-force scan on pseudo-random data', () => {
    const p = 7;
    const mn = new RollingExtreme(p, false);
    const xs: number[] = [];
    let seed = 7;
    for (let i = 0; i < 5000; i++) {
      seed = (seed * 48271) % 2147483647;
      const x = seed % 10; // many ties
      xs.push(x);
      mn.push(x);
      const from = Math.max(0, i - p + 1);
      const w = xs.slice(from);
      const m = Math.min(...w);
      expect(mn.value).toBe(m);
      expect(mn.index).toBe(from + w.lastIndexOf(m));
    }
  });

  it('RollingSum counts non-zero values so an all-zero window is recognised exactly', () => {
    const s = new RollingSum(2);
    for (const x of [0.1, 0.2, 0, 0]) s.push(x);
    expect(s.nonZero).toBe(0);
    expect(s.sum).toBe(0); // recomputed from the window when the ring wrapped
  });
});
