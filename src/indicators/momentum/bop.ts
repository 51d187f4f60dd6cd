/**
 * BOP — balance of power: (close - open) / (high - low), the share of the bar's range won by buyers.
 * Definition and floating-point order: TA-Lib TA_BOP (0 when high - low < 1e-14).
 */
import { IndicatorBase } from '../base.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { rethrowAtIndex } from '../validate.js';
import { OHLC, rejectBar } from './bar-check.js';

export class Bop extends IndicatorBase {
  readonly lookback = 0;

  constructor(outputs?: Float64Array) {
    super(1, outputs);
  }

  update(bar: Bar): void {
    const open = bar.open;
    const high = bar.high;
    const low = bar.low;
    const close = bar.close;
    if (open - open + (high - high) + (low - low) + (close - close) !== 0) rejectBar('BOP', bar, OHLC);
    this.count++;
    const range = high - low;
    this.outputs[0] = range < 0.00000000000001 ? 0.0 : (close - open) / range;
  }

  snapshot(): IndicatorState {
    return { count: this.count, out: this.outputs[0]! };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.outputs[0] = (s.out as number | null) ?? NaN;
  }
}

/** Batch BOP with TA-Lib's name and inputs (no warm-up). */
export function bop(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  const ind = new Bop();
  const bar = newMutableBar();
  const n = high.length;
  const out = new Float64Array(n);
  const o = ind.outputs;
  let i = 0;
  try {
    for (; i < n; i++) {
      bar.open = open[i]!;
      bar.high = high[i]!;
      bar.low = low[i]!;
      bar.close = close[i]!;
      ind.update(bar);
      out[i] = o[0]!;
    }
  } catch (e) {
    rethrowAtIndex('BOP', ['open', 'high', 'low', 'close'], [open, high, low, close], i, e);
  }
  return out;
}

export const bopSpec: IndicatorSpec<Record<string, never>> = {
  name: 'BOP',
  group: 'momentum',
  summary: 'Balance of power',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['real'],
  defaults: {},
  create: (_p, out) => new Bop(out),
  batch: ([open, high, low, close]) => [bop(open!, high!, low!, close!)],
  talib: { name: 'BOP', optIn: () => ({}), outputs: ['outReal'] },
};
