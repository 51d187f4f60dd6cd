/**
 * TRIX — 1-bar rate of change (percent) of a triple-smoothed EMA.
 * Definition: TA-Lib TA_TRIX: EMA(EMA(EMA(x))) with each EMA seeded by the SMA of its first
 * `period` inputs (TA_INT_EMA, k = 2 / (period + 1)), then ROC(1) = ((e / prev) - 1) * 100,
 * 0 when prev is 0. Lookback 3 * (period - 1) + 1. TA-Lib declares period >= 1, but its EMA lookback
 * is -1 for period 1 and TA_TRIX then reads and writes out of bounds; period 1 is rejected here.
 */
import { Ema } from '../overlap/ema.js';
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertPeriod, rejectInput, rethrowAtIndex } from '../validate.js';

export class Trix extends IndicatorBase {
  readonly lookback: number;
  private readonly ema1: Ema;
  private readonly ema2: Ema;
  private readonly ema3: Ema;
  /** Index of the first triple-EMA value. */
  private readonly tripleStart: number;
  private prev = 0;

  constructor(period = 30, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('TRIX', 'period', period, 2);
    this.ema1 = new Ema(period);
    this.ema2 = new Ema(period);
    this.ema3 = new Ema(period);
    this.tripleStart = 3 * (period - 1);
    this.lookback = this.tripleStart + 1;
  }

  /** Adds one value; returns the new TRIX or NaN while warming up. */
  next(x: number): number {
    if (x - x !== 0) rejectInput('TRIX', 'input', x);
    const n = this.count++;
    const e1 = this.ema1.next(x);
    if (e1 !== e1) return NaN;
    const e2 = this.ema2.next(e1);
    if (e2 !== e2) return NaN;
    const e3 = this.ema3.next(e2);
    if (e3 !== e3) return NaN;
    const prev = this.prev;
    this.prev = e3;
    if (n === this.tripleStart) return NaN;
    const out = prev !== 0 ? (e3 / prev - 1.0) * 100.0 : 0;
    this.outputs[0] = out;
    return out;
  }

  update(bar: Bar): void {
    this.next(bar.close);
  }

  snapshot(): IndicatorState {
    return {
      count: this.count,
      prev: this.prev,
      ema1: this.ema1.snapshot(),
      ema2: this.ema2.snapshot(),
      ema3: this.ema3.snapshot(),
      out: encodeArray(this.outputs),
    };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.prev = s.prev as number;
    this.ema1.restore(s.ema1 as IndicatorState);
    this.ema2.restore(s.ema2 as IndicatorState);
    this.ema3.restore(s.ema3 as IndicatorState);
    decodeInto(this.outputs, s.out);
  }
}

/** Batch TRIX with TA-Lib's name, parameters and warm-up (first valid index 3 * (period - 1) + 1). */
export function trix(real: ArrayLike<number>, period = 30): Float64Array {
  const ind = new Trix(period);
  const n = real.length;
  const out = new Float64Array(n);
  let i = 0;
  try {
    for (; i < n; i++) out[i] = ind.next(real[i]!);
  } catch (e) {
    rethrowAtIndex('TRIX', ['input'], [real], i, e);
  }
  return out;
}

export const trixSpec: IndicatorSpec<{ period: number }> = {
  name: 'TRIX',
  group: 'momentum',
  summary: 'TRIX: 1-bar percent rate of change of a triple EMA',
  inputs: ['close'],
  outputs: ['real'],
  defaults: { period: 30 },
  create: (p, out) => new Trix(p.period, out),
  batch: ([x], p) => [trix(x!, p.period)],
  testParams: [{ period: 2 }, { period: 5 }],
  talib: { name: 'TRIX', optIn: (p) => ({ optInTimePeriod: p.period }), outputs: ['outReal'] },
};
