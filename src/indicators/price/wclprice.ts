/**
 * WCLPRICE — weighted close price of a bar, (high + low + 2 * close) / 4.
 * Definition and floating-point order: TA-Lib TA_WCLPRICE.
 */
import { IndicatorBase } from '../base.js';
import { decodeNumber, encodeNumber } from '../state.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { checkLengths, rejectHlc } from './series.js';
import { rethrowAtIndex } from '../validate.js';

export class WclPrice extends IndicatorBase {
  readonly lookback = 0;

  constructor(outputs?: Float64Array) {
    super(1, outputs);
  }

  update(bar: Bar): void {
    const h = bar.high;
    const l = bar.low;
    const c = bar.close;
    if (h - h + (l - l) + (c - c) !== 0) rejectHlc('WCLPRICE', h, l, c);
    this.count++;
    this.outputs[0] = (h + l + c * 2.0) / 4.0;
  }

  snapshot(): IndicatorState {
    return { count: this.count, out: encodeNumber(this.outputs[0]!) };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.outputs[0] = decodeNumber(s.out);
  }
}

/** Batch WCLPRICE with TA-Lib's name and inputs (no warm-up). */
export function wclprice(high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  const n = checkLengths('WCLPRICE', ['high', 'low', 'close'], [high, low, close]);
  const ind = new WclPrice();
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
    rethrowAtIndex('WCLPRICE', ['high', 'low', 'close'], [high, low, close], i, e);
  }
  return out;
}

export const wclpriceSpec: IndicatorSpec<Record<string, never>> = {
  name: 'WCLPRICE',
  group: 'price',
  summary: 'Weighted close price (high + low + 2 * close) / 4',
  inputs: ['high', 'low', 'close'],
  outputs: ['real'],
  defaults: {},
  create: (_p, out) => new WclPrice(out),
  batch: ([h, l, c]) => [wclprice(h!, l!, c!)],
  talib: { name: 'WCLPRICE', optIn: () => ({}), outputs: ['outReal'] },
};
