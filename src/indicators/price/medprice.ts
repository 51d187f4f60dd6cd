/**
 * MEDPRICE — median price of a bar, (high + low) / 2.
 * Definition and floating-point order: TA-Lib TA_MEDPRICE.
 */
import { IndicatorBase } from '../base.js';
import { decodeNumber, encodeNumber } from '../state.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { rejectInput, rethrowAtIndex } from '../validate.js';
import { checkLengths } from './series.js';

export class MedPrice extends IndicatorBase {
  readonly lookback = 0;

  constructor(outputs?: Float64Array) {
    super(1, outputs);
  }

  update(bar: Bar): void {
    const h = bar.high;
    const l = bar.low;
    if (h - h + (l - l) !== 0) {
      if (h - h !== 0) rejectInput('MEDPRICE', 'high', h);
      rejectInput('MEDPRICE', 'low', l);
    }
    this.count++;
    this.outputs[0] = (h + l) / 2.0;
  }

  snapshot(): IndicatorState {
    return { count: this.count, out: encodeNumber(this.outputs[0]!) };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.outputs[0] = decodeNumber(s.out);
  }
}

/** Batch MEDPRICE with TA-Lib's name and inputs (no warm-up). */
export function medprice(high: ArrayLike<number>, low: ArrayLike<number>): Float64Array {
  const n = checkLengths('MEDPRICE', ['high', 'low'], [high, low]);
  const ind = new MedPrice();
  const bar = newMutableBar();
  const o = ind.outputs;
  const out = new Float64Array(n);
  let i = 0;
  try {
    for (; i < n; i++) {
      bar.high = high[i]!;
      bar.low = low[i]!;
      ind.update(bar);
      out[i] = o[0]!;
    }
  } catch (e) {
    rethrowAtIndex('MEDPRICE', ['high', 'low'], [high, low], i, e);
  }
  return out;
}

export const medpriceSpec: IndicatorSpec<Record<string, never>> = {
  name: 'MEDPRICE',
  group: 'price',
  summary: 'Median price (high + low) / 2',
  inputs: ['high', 'low'],
  outputs: ['real'],
  defaults: {},
  create: (_p, out) => new MedPrice(out),
  batch: ([h, l]) => [medprice(h!, l!)],
  talib: { name: 'MEDPRICE', optIn: () => ({}), outputs: ['outReal'] },
};
