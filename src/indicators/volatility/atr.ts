/**
 * ATR — average true range, Wilder's smoothing of TRANGE.
 * Definition and floating-point order: TA-Lib TA_ATR: the first ATR (at bar `period`) is the SMA of
 * the first `period` true ranges (bars 1..period, summed in order from 0); then
 * atr = ((atr * (period - 1)) + tr) / period. Lookback = period; period 1 gives TRANGE.
 */
import { IndicatorBase } from '../base.js';
import { checkLengths, rejectHlc } from '../price/series.js';
import { decodeNumber, encodeNumber } from '../state.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertPeriod, rejectSeriesAt } from '../validate.js';
import { trueRange } from './trange.js';

export class Atr extends IndicatorBase {
  readonly lookback: number;
  private readonly period: number;
  private prevClose = NaN;
  /** Sum of the true ranges while warming up, then the previous ATR. */
  private acc = 0;

  constructor(period = 14, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('ATR', 'period', period, 1);
    this.period = period;
    this.lookback = period;
  }

  update(bar: Bar): void {
    const h = bar.high;
    const l = bar.low;
    const c = bar.close;
    if (h - h + (l - l) + (c - c) !== 0) rejectHlc('ATR', h, l, c);
    const n = this.count++;
    const pc = this.prevClose;
    this.prevClose = c;
    if (n === 0) return;
    const tr = trueRange(h, l, pc);
    const p = this.period;
    if (n < p) {
      this.acc += tr;
      return;
    }
    // With period 1 both branches give tr exactly, as TA-Lib's TRANGE shortcut does.
    if (n === p) this.acc = (this.acc + tr) / p;
    else this.acc = (this.acc * (p - 1) + tr) / p;
    this.outputs[0] = this.acc;
  }

  snapshot(): IndicatorState {
    return { count: this.count, prevClose: encodeNumber(this.prevClose), acc: this.acc };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.prevClose = decodeNumber(s.prevClose);
    this.acc = s.acc as number;
    this.outputs[0] = this.count > this.lookback ? this.acc : NaN;
  }
}

/** Batch ATR with TA-Lib's name, inputs and warm-up (first valid index `period`). */
export function atr(high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>, period = 14): Float64Array {
  const n = checkLengths('ATR', ['high', 'low', 'close'], [high, low, close]);
  assertPeriod('ATR', 'period', period, 1);
  const out = new Float64Array(n);
  atrInto('ATR', high, low, close, period, out, false);
  return out;
}

/**
 * Atr.update's operations in the same order as a loop over the arrays. The average and the previous
 * close sit in a small Float64Array rather than in locals: V8's on-stack-replacement code for the first
 * call sometimes keeps such locals boxed. With `normalise`, NATR's (atr / close) * 100 from the first
 * output on.
 */
export function atrInto(
  name: string,
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  period: number,
  out: Float64Array,
  normalise: boolean,
): void {
  const n = out.length;
  const p = period;
  const pm1 = p - 1;
  // [previous close, sum of the true ranges then the ATR]
  const st = new Float64Array(2);
  out.fill(NaN, 0, Math.min(n, p));
  for (let i = 0; i < n; i++) {
    const h = high[i]!;
    const l = low[i]!;
    const c = close[i]!;
    if (h - h + (l - l) + (c - c) !== 0) rejectSeriesAt(name, HLC_NAMES, [high, low, close], i);
    const pc = st[0]!;
    st[0] = c;
    if (i === 0) continue;
    const tr = trueRange(h, l, pc);
    if (i < p) {
      st[1] = st[1]! + tr;
      continue;
    }
    const acc = i === p ? (st[1]! + tr) / p : (st[1]! * pm1 + tr) / p;
    st[1] = acc;
    out[i] = normalise ? (-EPSILON < c && c < EPSILON ? 0.0 : (acc / c) * 100.0) : acc;
  }
}

const HLC_NAMES = ['high', 'low', 'close'];
/** TA-Lib's TA_EPSILON (NATR gives 0 for a close this close to zero). */
const EPSILON = 0.00000000000001;

export const atrSpec: IndicatorSpec<{ period: number }> = {
  name: 'ATR',
  group: 'volatility',
  summary: 'Average true range (Wilder smoothing)',
  inputs: ['high', 'low', 'close'],
  outputs: ['real'],
  defaults: { period: 14 },
  create: (p, out) => new Atr(p.period, out),
  batch: ([h, l, c], p) => [atr(h!, l!, c!, p.period)],
  testParams: [{ period: 5 }, { period: 1 }],
  talib: { name: 'ATR', optIn: (p) => ({ optInTimePeriod: p.period }), outputs: ['outReal'] },
};
