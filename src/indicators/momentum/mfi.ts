/**
 * MFI — money flow index: 100 * positive money flow / total money flow over `period` bars, money flow
 * = typical price * volume, signed by the change of the typical price. Definition and floating-point
 * order: TA-Lib TA_MFI (ring of positive/negative flows, running sums; 0 when the total is below 1).
 */
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { assertPeriod, rethrowAtIndex } from '../validate.js';
import { HLCV, rejectBar } from './bar-check.js';

export class Mfi extends IndicatorBase {
  readonly lookback: number;
  private readonly period: number;
  /** Money flows of the last `period` bars; the flow of bar n sits at (n-1) % period. */
  private readonly pos: Float64Array;
  private readonly neg: Float64Array;
  private posSum = 0;
  private negSum = 0;
  private prevTP = 0;
  /** Slot of the next money flow. */
  private slot = 0;

  constructor(period = 14, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('MFI', 'period', period, 2);
    this.period = period;
    this.lookback = period;
    this.pos = new Float64Array(period);
    this.neg = new Float64Array(period);
  }

  update(bar: Bar): void {
    const high = bar.high;
    const low = bar.low;
    const close = bar.close;
    const volume = bar.volume;
    if (high - high + (low - low) + (close - close) + (volume - volume) !== 0) rejectBar('MFI', bar, HLCV);
    const n = this.count++;
    const tp = (high + low + close) / 3.0;
    const change = tp - this.prevTP;
    this.prevTP = tp;
    if (n === 0) return;
    const p = this.period;
    const slot = this.slot;
    this.slot = slot + 1 === p ? 0 : slot + 1;
    const pos = this.pos;
    const neg = this.neg;
    let posSum = this.posSum;
    let negSum = this.negSum;
    if (n > p) {
      posSum -= pos[slot]!;
      negSum -= neg[slot]!;
    }
    const flow = tp * volume;
    if (change < 0) {
      neg[slot] = flow;
      negSum += flow;
      pos[slot] = 0.0;
    } else if (change > 0) {
      pos[slot] = flow;
      posSum += flow;
      neg[slot] = 0.0;
    } else {
      pos[slot] = 0.0;
      neg[slot] = 0.0;
    }
    this.posSum = posSum;
    this.negSum = negSum;
    if (n < p) return;
    const total = posSum + negSum;
    this.outputs[0] = total < 1.0 ? 0.0 : 100.0 * (posSum / total);
  }

  snapshot(): IndicatorState {
    return {
      count: this.count,
      pos: encodeArray(this.pos),
      neg: encodeArray(this.neg),
      posSum: this.posSum,
      negSum: this.negSum,
      prevTP: this.prevTP,
      slot: this.slot,
      out: this.outputs[0]!,
    };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    decodeInto(this.pos, s.pos);
    decodeInto(this.neg, s.neg);
    this.posSum = s.posSum as number;
    this.negSum = s.negSum as number;
    this.prevTP = s.prevTP as number;
    this.slot = s.slot as number;
    this.outputs[0] = (s.out as number | null) ?? NaN;
  }
}

/** Batch MFI with TA-Lib's name, parameters and warm-up (first valid index period). */
export function mfi(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  volume: ArrayLike<number>,
  period = 14,
): Float64Array {
  const ind = new Mfi(period);
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
      bar.volume = volume[i]!;
      ind.update(bar);
      out[i] = o[0]!;
    }
  } catch (e) {
    rethrowAtIndex('MFI', ['high', 'low', 'close', 'volume'], [high, low, close, volume], i, e);
  }
  return out;
}

export const mfiSpec: IndicatorSpec<{ period: number }> = {
  name: 'MFI',
  group: 'momentum',
  summary: 'Money flow index',
  inputs: ['high', 'low', 'close', 'volume'],
  outputs: ['real'],
  defaults: { period: 14 },
  testParams: [{ period: 2 }, { period: 30 }],
  create: (p, out) => new Mfi(p.period, out),
  batch: ([high, low, close, volume], p) => [mfi(high!, low!, close!, volume!, p.period)],
  talib: { name: 'MFI', optIn: (p) => ({ optInTimePeriod: p.period }), outputs: ['outReal'] },
};
