/**
 * AVGPRICE — average price of a bar, (open + high + low + close) / 4.
 * Definition and floating-point order: TA-Lib TA_AVGPRICE ((high + low + close + open) / 4).
 */
import { IndicatorBase } from '../base.js';
import { decodeNumber, encodeNumber } from '../state.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { rejectInput, rethrowAtIndex } from '../validate.js';
import { checkLengths } from './series.js';

export class AvgPrice extends IndicatorBase {
  readonly lookback = 0;

  constructor(outputs?: Float64Array) {
    super(1, outputs);
  }

  update(bar: Bar): void {
    const o = bar.open;
    const h = bar.high;
    const l = bar.low;
    const c = bar.close;
    if (o - o + (h - h) + (l - l) + (c - c) !== 0) reject(o, h, l, c);
    this.count++;
    this.outputs[0] = (h + l + c + o) / 4;
  }

  snapshot(): IndicatorState {
    return { count: this.count, out: encodeNumber(this.outputs[0]!) };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.outputs[0] = decodeNumber(s.out);
  }
}

function reject(o: number, h: number, l: number, c: number): never {
  if (o - o !== 0) rejectInput('AVGPRICE', 'open', o);
  if (h - h !== 0) rejectInput('AVGPRICE', 'high', h);
  if (l - l !== 0) rejectInput('AVGPRICE', 'low', l);
  rejectInput('AVGPRICE', 'close', c);
}

/** Batch AVGPRICE with TA-Lib's name and inputs (no warm-up). */
export function avgprice(open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): Float64Array {
  const n = checkLengths('AVGPRICE', ['open', 'high', 'low', 'close'], [open, high, low, close]);
  const ind = new AvgPrice();
  const bar = newMutableBar();
  const o = ind.outputs;
  const out = new Float64Array(n);
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
    rethrowAtIndex('AVGPRICE', ['open', 'high', 'low', 'close'], [open, high, low, close], i, e);
  }
  return out;
}

export const avgpriceSpec: IndicatorSpec<Record<string, never>> = {
  name: 'AVGPRICE',
  group: 'price',
  summary: 'Average price (open + high + low + close) / 4',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['real'],
  defaults: {},
  create: (_p, out) => new AvgPrice(out),
  batch: ([o, h, l, c]) => [avgprice(o!, h!, l!, c!)],
  talib: { name: 'AVGPRICE', optIn: () => ({}), outputs: ['outReal'] },
};
