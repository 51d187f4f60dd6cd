/**
 * ADX — Wilder's average directional movement index: DX averaged over `period` bars, then
 * Wilder-smoothed. Definition and floating-point order: TA-Lib TA_ADX (seed = sum of the first
 * `period` DX / period; bars whose true range or DI sum is |v| < 1e-14 add nothing to the seed and
 * leave the ADX unchanged afterwards).
 */
import { IndicatorBase } from '../base.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertPeriod } from '../validate.js';
import { HLC, rejectBar } from './bar-check.js';
import { DirectionalMovement, directionalInto, isZero } from './directional-movement.js';

export class Adx extends IndicatorBase {
  readonly lookback: number;
  private readonly period: number;
  private readonly dm: DirectionalMovement;
  private sumDX = 0;
  private adx = 0;

  constructor(period = 14, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('ADX', 'period', period, 2);
    this.period = period;
    this.lookback = 2 * period - 1;
    this.dm = new DirectionalMovement(period);
  }

  /**
   * Feeds an already checked bar (also used by ADXR); the ADX lands in outputs[0] once ready. Takes the
   * bar and returns nothing, so that a call V8 does not inline boxes no doubles.
   */
  step(bar: Bar): void {
    const dm = this.dm;
    dm.step(bar);
    const n = this.count++;
    const p = this.period;
    if (n < p) return;
    const tr = dm.tr;
    const lookback = this.lookback;
    if (!isZero(tr)) {
      const minusDI = 100.0 * (dm.minusDM / tr);
      const plusDI = 100.0 * (dm.plusDM / tr);
      const sum = minusDI + plusDI;
      if (!isZero(sum)) {
        const dx = 100.0 * (Math.abs(minusDI - plusDI) / sum);
        if (n <= lookback) this.sumDX += dx;
        else this.adx = (this.adx * (p - 1) + dx) / p;
      }
    }
    if (n < lookback) return;
    if (n === lookback) this.adx = this.sumDX / p;
    this.outputs[0] = this.adx;
  }

  update(bar: Bar): void {
    const high = bar.high;
    const low = bar.low;
    const close = bar.close;
    if (high - high + (low - low) + (close - close) !== 0) rejectBar('ADX', bar, HLC);
    this.step(bar);
  }

  snapshot(): IndicatorState {
    return { count: this.count, dm: this.dm.snapshot(), sumDX: this.sumDX, adx: this.adx, out: this.outputs[0]! };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.dm.restore(s.dm as IndicatorState);
    this.sumDX = s.sumDX as number;
    this.adx = s.adx as number;
    this.outputs[0] = (s.out as number | null) ?? NaN;
  }
}

/** Batch ADX with TA-Lib's name, parameters and warm-up (first valid index 2*period-1). */
export function adx(high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>, period = 14): Float64Array {
  assertPeriod('ADX', 'period', period, 2);
  const out = new Float64Array(high.length);
  directionalInto('ADX', high, low, close, period, out, true);
  return out;
}

export const adxSpec: IndicatorSpec<{ period: number }> = {
  name: 'ADX',
  group: 'momentum',
  summary: 'Average directional movement index',
  inputs: ['high', 'low', 'close'],
  outputs: ['real'],
  defaults: { period: 14 },
  testParams: [{ period: 2 }, { period: 5 }],
  create: (p, out) => new Adx(p.period, out),
  batch: ([high, low, close], p) => [adx(high!, low!, close!, p.period)],
  talib: { name: 'ADX', optIn: (p) => ({ optInTimePeriod: p.period }), outputs: ['outReal'] },
};
