/**
 * MINUS_DI — Wilder's minus directional indicator: 100 * smoothed -DM / smoothed true range.
 * Definition and floating-point order: TA-Lib TA_MINUS_DI (true range |v| < 1e-14 gives 0; period 1
 * gives TA-Lib's raw one-bar ratio -DM1 / TR1, without the factor 100).
 */
import { IndicatorBase } from '../base.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { assertPeriod, rethrowAtIndex } from '../validate.js';
import { HLC, rejectBar } from './bar-check.js';
import { DirectionalMovement, isZero } from './directional-movement.js';

export class MinusDi extends IndicatorBase {
  readonly lookback: number;
  private readonly scale: number;
  private readonly dm: DirectionalMovement;

  constructor(period = 14, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('MINUS_DI', 'period', period, 1);
    this.lookback = period;
    this.scale = period > 1 ? 100.0 : 1.0;
    this.dm = new DirectionalMovement(period);
  }

  update(bar: Bar): void {
    const high = bar.high;
    const low = bar.low;
    const close = bar.close;
    if (high - high + (low - low) + (close - close) !== 0) rejectBar('MINUS_DI', bar, HLC);
    const dm = this.dm;
    dm.step(bar);
    if (this.count++ < this.lookback) return;
    const tr = dm.tr;
    this.outputs[0] = isZero(tr) ? 0.0 : this.scale * (dm.minusDM / tr);
  }

  snapshot(): IndicatorState {
    return { count: this.count, dm: this.dm.snapshot(), out: this.outputs[0]! };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.dm.restore(s.dm as IndicatorState);
    this.outputs[0] = (s.out as number | null) ?? NaN;
  }
}

/** Batch MINUS_DI with TA-Lib's name, parameters and warm-up (first valid index period). */
export function minus_di(high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>, period = 14): Float64Array {
  const ind = new MinusDi(period);
  const bar = newMutableBar();
  const n = high.length;
  const out = new Float64Array(n);
  const o = ind.outputs;
  let i = 0;
  try {
    for (; i < n; i++) {
      bar.high = high[i]!;
      bar.low = low[i]!;
      bar.close = close[i]!;
      ind.update(bar);
      out[i] = o[0]!;
    }
  } catch (e) {
    rethrowAtIndex('MINUS_DI', ['high', 'low', 'close'], [high, low, close], i, e);
  }
  return out;
}

export const minusDiSpec: IndicatorSpec<{ period: number }> = {
  name: 'MINUS_DI',
  group: 'momentum',
  summary: 'Minus directional indicator',
  inputs: ['high', 'low', 'close'],
  outputs: ['real'],
  defaults: { period: 14 },
  testParams: [{ period: 1 }, { period: 5 }],
  create: (p, out) => new MinusDi(p.period, out),
  batch: ([high, low, close], p) => [minus_di(high!, low!, close!, p.period)],
  talib: { name: 'MINUS_DI', optIn: (p) => ({ optInTimePeriod: p.period }), outputs: ['outReal'] },
};
