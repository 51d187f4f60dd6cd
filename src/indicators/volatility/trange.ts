/**
 * TRANGE — true range: the greatest of high - low, |previous close - high| and |previous close - low|.
 * Definition and floating-point order: TA-Lib TA_TRANGE (the first bar has no previous close and gives
 * no output; lookback 1).
 */
import { IndicatorBase } from '../base.js';
import { checkLengths, rejectHlc } from '../price/series.js';
import { decodeNumber, encodeNumber } from '../state.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { rethrowAtIndex } from '../validate.js';

/** TA-Lib's true range of one bar given the previous close (same comparisons and order). */
export function trueRange(high: number, low: number, prevClose: number): number {
  let greatest = high - low;
  const val2 = Math.abs(prevClose - high);
  if (val2 > greatest) greatest = val2;
  const val3 = Math.abs(prevClose - low);
  if (val3 > greatest) greatest = val3;
  return greatest;
}

export class TRange extends IndicatorBase {
  readonly lookback = 1;
  private prevClose = NaN;

  constructor(outputs?: Float64Array) {
    super(1, outputs);
  }

  update(bar: Bar): void {
    const h = bar.high;
    const l = bar.low;
    const c = bar.close;
    if (h - h + (l - l) + (c - c) !== 0) rejectHlc('TRANGE', h, l, c);
    if (this.count++ !== 0) this.outputs[0] = trueRange(h, l, this.prevClose);
    this.prevClose = c;
  }

  snapshot(): IndicatorState {
    return { count: this.count, prevClose: encodeNumber(this.prevClose), out: encodeNumber(this.outputs[0]!) };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.prevClose = decodeNumber(s.prevClose);
    this.outputs[0] = decodeNumber(s.out);
  }
}

/** Batch TRANGE with TA-Lib's name and inputs (first valid index 1). */
export function trange(high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  const n = checkLengths('TRANGE', ['high', 'low', 'close'], [high, low, close]);
  const ind = new TRange();
  const bar = newMutableBar();
  const o = ind.outputs;
  const out = new Float64Array(n);
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
    rethrowAtIndex('TRANGE', ['high', 'low', 'close'], [high, low, close], i, e);
  }
  return out;
}

export const trangeSpec: IndicatorSpec<Record<string, never>> = {
  name: 'TRANGE',
  group: 'volatility',
  summary: 'True range',
  inputs: ['high', 'low', 'close'],
  outputs: ['real'],
  defaults: {},
  create: (_p, out) => new TRange(out),
  batch: ([h, l, c]) => [trange(h!, l!, c!)],
  talib: { name: 'TRANGE', optIn: () => ({}), outputs: ['outReal'] },
};
