/**
 * AROON — Chande's Aroon: how recently the highest high (up) and the lowest low (down) of the last
 * period+1 bars occurred, 100 * (period - bars since) / period. Definition and floating-point order:
 * TA-Lib TA_AROON (when several bars share the extreme, the latest one counts).
 */
import { IndicatorBase } from '../base.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { assertPeriod, rethrowAtIndex } from '../validate.js';
import { HL, rejectBar } from './bar-check.js';
import { HighLowWindow } from './high-low-window.js';

export class Aroon extends IndicatorBase {
  readonly lookback: number;
  private readonly period: number;
  private readonly factor: number;
  private readonly window: HighLowWindow;

  /** outputs: [aroondown, aroonup] (TA-Lib's order). */
  constructor(period = 14, outputs?: Float64Array) {
    super(2, outputs);
    assertPeriod('AROON', 'period', period, 2);
    this.period = period;
    this.lookback = period;
    this.factor = 100.0 / period;
    this.window = new HighLowWindow(period + 1);
  }

  update(bar: Bar): void {
    const high = bar.high;
    const low = bar.low;
    if (high - high + (low - low) !== 0) rejectBar('AROON', bar, HL);
    const today = this.count++;
    const w = this.window;
    w.push(bar);
    const p = this.period;
    if (today < p) return;
    const f = this.factor;
    this.outputs[0] = f * (p - (today - w.lowestIdx));
    this.outputs[1] = f * (p - (today - w.highestIdx));
  }

  snapshot(): IndicatorState {
    return {
      count: this.count,
      window: this.window.snapshot(),
      down: this.outputs[0]!,
      up: this.outputs[1]!,
    };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.window.restore(s.window as IndicatorState);
    this.outputs[0] = (s.down as number | null) ?? NaN;
    this.outputs[1] = (s.up as number | null) ?? NaN;
  }
}

/** Batch AROON with TA-Lib's name, parameters and warm-up (first valid index period). */
export function aroon(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  period = 14,
): { aroondown: Float64Array; aroonup: Float64Array } {
  const ind = new Aroon(period);
  const bar = newMutableBar();
  const n = high.length;
  const aroondown = new Float64Array(n);
  const aroonup = new Float64Array(n);
  const o = ind.outputs;
  let i = 0;
  try {
    for (; i < n; i++) {
      bar.high = high[i]!;
      bar.low = low[i]!;
      ind.update(bar);
      aroondown[i] = o[0]!;
      aroonup[i] = o[1]!;
    }
  } catch (e) {
    rethrowAtIndex('AROON', ['high', 'low'], [high, low], i, e);
  }
  return { aroondown, aroonup };
}

export const aroonSpec: IndicatorSpec<{ period: number }> = {
  name: 'AROON',
  group: 'momentum',
  summary: 'Aroon down and up',
  inputs: ['high', 'low'],
  outputs: ['aroondown', 'aroonup'],
  defaults: { period: 14 },
  testParams: [{ period: 2 }, { period: 25 }],
  create: (p, out) => new Aroon(p.period, out),
  batch: ([high, low], p) => {
    const r = aroon(high!, low!, p.period);
    return [r.aroondown, r.aroonup];
  },
  talib: { name: 'AROON', optIn: (p) => ({ optInTimePeriod: p.period }), outputs: ['outAroonDown', 'outAroonUp'] },
};
