/**
 * MINUS_DM — Wilder's minus directional movement: the part of today's range below yesterday's low
 * (when it beats the part above yesterday's high), summed over period-1 bars and then Wilder-smoothed.
 * Definition and floating-point order: TA-Lib TA_MINUS_DM (period 1: the raw one-bar -DM).
 */
import { IndicatorBase } from '../base.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { assertPeriod, rethrowAtIndex } from '../validate.js';
import { HL, rejectBar } from './bar-check.js';
import { DirectionalMovement } from './directional-movement.js';

export class MinusDm extends IndicatorBase {
  readonly lookback: number;
  private readonly dm: DirectionalMovement;

  constructor(period = 14, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('MINUS_DM', 'period', period, 1);
    this.lookback = period > 1 ? period - 1 : 1;
    this.dm = new DirectionalMovement(period);
  }

  update(bar: Bar): void {
    const high = bar.high;
    const low = bar.low;
    if (high - high + (low - low) !== 0) rejectBar('MINUS_DM', bar, HL);
    const dm = this.dm;
    dm.stepHL(bar);
    if (this.count++ >= this.lookback) this.outputs[0] = dm.minusDM;
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

/** Batch MINUS_DM with TA-Lib's name, parameters and warm-up (first valid index period-1; 1 for period 1). */
export function minus_dm(high: ArrayLike<number>, low: ArrayLike<number>, period = 14): Float64Array {
  const ind = new MinusDm(period);
  const bar = newMutableBar();
  const n = high.length;
  const out = new Float64Array(n);
  const o = ind.outputs;
  let i = 0;
  try {
    for (; i < n; i++) {
      bar.high = high[i]!;
      bar.low = low[i]!;
      ind.update(bar);
      out[i] = o[0]!;
    }
  } catch (e) {
    rethrowAtIndex('MINUS_DM', ['high', 'low'], [high, low], i, e);
  }
  return out;
}

export const minusDmSpec: IndicatorSpec<{ period: number }> = {
  name: 'MINUS_DM',
  group: 'momentum',
  summary: 'Minus directional movement (Wilder-smoothed)',
  inputs: ['high', 'low'],
  outputs: ['real'],
  defaults: { period: 14 },
  testParams: [{ period: 1 }, { period: 5 }],
  create: (p, out) => new MinusDm(p.period, out),
  batch: ([high, low], p) => [minus_dm(high!, low!, p.period)],
  talib: { name: 'MINUS_DM', optIn: (p) => ({ optInTimePeriod: p.period }), outputs: ['outReal'] },
};
