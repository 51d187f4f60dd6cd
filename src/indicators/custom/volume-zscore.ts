/**
 * VOLUME_ZSCORE — rolling z-score of the volume: (volume - mean) / standard deviation over the last
 * `period` (20) volumes, population standard deviation, current bar included. A window with zero
 * standard deviation (e.g. all-zero volume) gives 0. Same numerics as ZSCORE (see rolling.ts).
 * Standard statistical z-score applied to volume (relative-volume / volume-spike detection).
 */
import { IndicatorBase } from '../base.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertPeriod, rejectInput, rethrowAtIndex } from '../validate.js';
import { RollingZScore } from './rolling.js';

export class VolumeZScore extends IndicatorBase {
  readonly lookback: number;
  private readonly z: RollingZScore;

  constructor(period = 20, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('VOLUME_ZSCORE', 'period', period, 2);
    this.lookback = period - 1;
    this.z = new RollingZScore(period);
  }

  /** Adds one volume; returns its z-score or NaN while warming up. */
  next(x: number): number {
    if (x - x !== 0) rejectInput('VOLUME_ZSCORE', 'volume', x);
    this.count++;
    const z = this.z.push(x);
    if (z === z) this.outputs[0] = z;
    return z;
  }

  update(bar: Bar): void {
    this.next(bar.volume);
  }

  snapshot(): IndicatorState {
    return { count: this.count, z: this.z.snapshot(), out: this.outputs[0]! };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.z.restore(s.z as IndicatorState);
    this.outputs[0] = (s.out as number | null) ?? NaN;
  }
}

/** Batch rolling z-score of the volume; NaN before index period - 1. */
export function volumeZscore(volume: ArrayLike<number>, period = 20): Float64Array {
  const ind = new VolumeZScore(period);
  const n = volume.length;
  const out = new Float64Array(n);
  let i = 0;
  try {
    for (; i < n; i++) out[i] = ind.next(volume[i]!);
  } catch (e) {
    rethrowAtIndex('VOLUME_ZSCORE', ['volume'], [volume], i, e);
  }
  return out;
}

export const volumeZscoreSpec: IndicatorSpec<{ period: number }> = {
  name: 'VOLUME_ZSCORE',
  group: 'custom',
  summary: 'Rolling z-score of the volume (population standard deviation)',
  inputs: ['volume'],
  outputs: ['real'],
  defaults: { period: 20 },
  testParams: [{ period: 2 }, { period: 100 }],
  create: (p, out) => new VolumeZScore(p.period, out),
  batch: ([x], p) => [volumeZscore(x!, p.period)],
};
