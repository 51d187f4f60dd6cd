/**
 * AROONOSC — Aroon oscillator: Aroon up - Aroon down = 100 * (index of the highest high - index of the
 * lowest low) / period over the last period+1 bars. Definition and floating-point order: TA-Lib
 * TA_AROONOSC (when several bars share the extreme, the latest one counts).
 */
import { IndicatorBase } from '../base.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { assertPeriod, rethrowAtIndex } from '../validate.js';
import { HL, rejectBar } from './bar-check.js';
import { HighLowWindow } from './high-low-window.js';

export class AroonOsc extends IndicatorBase {
  readonly lookback: number;
  private readonly factor: number;
  private readonly window: HighLowWindow;

  constructor(period = 14, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('AROONOSC', 'period', period, 2);
    this.lookback = period;
    this.factor = 100.0 / period;
    this.window = new HighLowWindow(period + 1);
  }

  update(bar: Bar): void {
    const high = bar.high;
    const low = bar.low;
    if (high - high + (low - low) !== 0) rejectBar('AROONOSC', bar, HL);
    const today = this.count++;
    const w = this.window;
    w.push(bar);
    if (today < this.lookback) return;
    this.outputs[0] = this.factor * (w.highestIdx - w.lowestIdx);
  }

  snapshot(): IndicatorState {
    return { count: this.count, window: this.window.snapshot(), out: this.outputs[0]! };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.window.restore(s.window as IndicatorState);
    this.outputs[0] = (s.out as number | null) ?? NaN;
  }
}

/** Batch AROONOSC with TA-Lib's name, parameters and warm-up (first valid index period). */
export function aroonosc(high: ArrayLike<number>, low: ArrayLike<number>, period = 14): Float64Array {
  const ind = new AroonOsc(period);
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
    rethrowAtIndex('AROONOSC', ['high', 'low'], [high, low], i, e);
  }
  return out;
}

export const aroonoscSpec: IndicatorSpec<{ period: number }> = {
  name: 'AROONOSC',
  group: 'momentum',
  summary: 'Aroon oscillator',
  inputs: ['high', 'low'],
  outputs: ['real'],
  defaults: { period: 14 },
  testParams: [{ period: 2 }, { period: 25 }],
  create: (p, out) => new AroonOsc(p.period, out),
  batch: ([high, low], p) => [aroonosc(high!, low!, p.period)],
  talib: { name: 'AROONOSC', optIn: (p) => ({ optInTimePeriod: p.period }), outputs: ['outReal'] },
};
