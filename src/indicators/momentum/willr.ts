/**
 * WILLR — Williams' %R: where the close sits in the high-low range of the last `period` bars, from
 * 0 (at the highest high) to -100 (at the lowest low). Definition and floating-point order: TA-Lib
 * TA_WILLR (diff = (highest - lowest) / -100, %R = (highest - close) / diff; 0 for a zero range).
 */
import { IndicatorBase } from '../base.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { assertPeriod, rethrowAtIndex } from '../validate.js';
import { HLC, rejectBar } from './bar-check.js';
import { WindowExtremes } from './window-extremes.js';

export class WillR extends IndicatorBase {
  readonly lookback: number;
  private readonly window: WindowExtremes;

  constructor(period = 14, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('WILLR', 'period', period, 2);
    this.lookback = period - 1;
    this.window = new WindowExtremes(period);
  }

  update(bar: Bar): void {
    const high = bar.high;
    const low = bar.low;
    const close = bar.close;
    if (high - high + (low - low) + (close - close) !== 0) rejectBar('WILLR', bar, HLC);
    const today = this.count++;
    const w = this.window;
    w.push(high, low);
    if (today < this.lookback) return;
    const highest = w.highest;
    const diff = (highest - w.lowest) / -100.0;
    this.outputs[0] = diff !== 0.0 ? (highest - close) / diff : 0.0;
  }

  /** The window in HighLowWindow's layout (what WILLR used before WindowExtremes). */
  snapshot(): IndicatorState {
    const w = this.window;
    const { highs, lows } = w.ringSnapshot();
    const { highestIdx, lowestIdx } = w.extremeIndexes();
    const n = w.count;
    const window = { n, slot: n === 0 ? -1 : (n - 1) % w.length, highs, lows, highest: w.highest, highestIdx, lowest: w.lowest, lowestIdx };
    return { count: this.count, window, out: this.outputs[0]! };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    const w = s.window as IndicatorState;
    this.window.restoreRing(w.n as number, w.highs, w.lows);
    this.outputs[0] = (s.out as number | null) ?? NaN;
  }
}

/** Batch WILLR with TA-Lib's name, parameters and warm-up (first valid index period-1). */
export function willr(high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>, period = 14): Float64Array {
  const ind = new WillR(period);
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
    rethrowAtIndex('WILLR', ['high', 'low', 'close'], [high, low, close], i, e);
  }
  return out;
}

export const willrSpec: IndicatorSpec<{ period: number }> = {
  name: 'WILLR',
  group: 'momentum',
  summary: "Williams' %R",
  inputs: ['high', 'low', 'close'],
  outputs: ['real'],
  defaults: { period: 14 },
  testParams: [{ period: 2 }, { period: 30 }],
  create: (p, out) => new WillR(p.period, out),
  batch: ([high, low, close], p) => [willr(high!, low!, close!, p.period)],
  talib: { name: 'WILLR', optIn: (p) => ({ optInTimePeriod: p.period }), outputs: ['outReal'] },
};
