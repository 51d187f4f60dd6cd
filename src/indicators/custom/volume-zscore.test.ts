import { describe, expect, it } from 'vitest';
import { VolumeZScore, volumeZscore } from './volume-zscore.js';

describe('VOLUME_ZSCORE', () => {
  it('is the z-score of the volume in its window and 0 for an all-zero window', () => {
    const out = volumeZscore([0, 0, 0, 10], 3);
    expect(out[1]).toBeNaN();
    expect(out[2]).toBe(0); // [0,0,0]: zero standard deviation
    // [0,0,10]: mean 10/3, variance (2 (10/3)^2 + (20/3)^2) / 3 = 200/9 -> (20/3) / sqrt(200/9) = sqrt(2)
    expect(out[3]).toBeCloseTo(Math.SQRT2, 12);
  });

  it('reads the volume of a bar', () => {
    const ind = new VolumeZScore(2);
    ind.update({ openTime: 0, open: 1, high: 1, low: 1, close: 1, volume: 1 });
    ind.update({ openTime: 0, open: 9, high: 9, low: 9, close: 9, volume: 3 });
    expect(ind.value).toBe(1); // [1,3]: mean 2, sd 1 -> (3 - 2) / 1
  });
});
