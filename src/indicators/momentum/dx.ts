/**
 * DX — Wilder's directional movement index: 100 * |+DI - -DI| / (+DI + -DI), from Wilder-smoothed
 * +DM, -DM and true range. Definition and floating-point order: TA-Lib TA_DX (first value 0 when the
 * true range or the DI sum is |v| < 1e-14; later such bars repeat the previous value).
 */
import { IndicatorBase } from '../base.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertPeriod } from '../validate.js';
import { HLC, rejectBar } from './bar-check.js';
import { DirectionalMovement, directionalInto, isZero } from './directional-movement.js';

export class Dx extends IndicatorBase {
  readonly lookback: number;
  private readonly dm: DirectionalMovement;
  /** Latest DX (0 before the first one: TA-Lib's value for a zero first bar). */
  private last = 0;

  constructor(period = 14, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('DX', 'period', period, 2);
    this.lookback = period;
    this.dm = new DirectionalMovement(period);
  }

  update(bar: Bar): void {
    const high = bar.high;
    const low = bar.low;
    const close = bar.close;
    if (high - high + (low - low) + (close - close) !== 0) rejectBar('DX', bar, HLC);
    const dm = this.dm;
    dm.step(bar);
    if (this.count++ < this.lookback) return;
    const tr = dm.tr;
    if (!isZero(tr)) {
      const minusDI = 100.0 * (dm.minusDM / tr);
      const plusDI = 100.0 * (dm.plusDM / tr);
      const sum = minusDI + plusDI;
      if (!isZero(sum)) this.last = 100.0 * (Math.abs(minusDI - plusDI) / sum);
    }
    this.outputs[0] = this.last;
  }

  snapshot(): IndicatorState {
    return { count: this.count, dm: this.dm.snapshot(), last: this.last, out: this.outputs[0]! };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.dm.restore(s.dm as IndicatorState);
    this.last = s.last as number;
    this.outputs[0] = (s.out as number | null) ?? NaN;
  }
}

/** Batch DX with TA-Lib's name, parameters and warm-up (first valid index period). */
export function dx(high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>, period = 14): Float64Array {
  assertPeriod('DX', 'period', period, 2);
  const out = new Float64Array(high.length);
  directionalInto('DX', high, low, close, period, out, false);
  return out;
}

export const dxSpec: IndicatorSpec<{ period: number }> = {
  name: 'DX',
  group: 'momentum',
  summary: 'Directional movement index',
  inputs: ['high', 'low', 'close'],
  outputs: ['real'],
  defaults: { period: 14 },
  testParams: [{ period: 2 }, { period: 5 }],
  create: (p, out) => new Dx(p.period, out),
  batch: ([high, low, close], p) => [dx(high!, low!, close!, p.period)],
  talib: { name: 'DX', optIn: (p) => ({ optInTimePeriod: p.period }), outputs: ['outReal'] },
};
