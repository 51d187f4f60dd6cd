/**
 * BBANDS — Bollinger bands: a moving average of the input (middle) plus/minus nbDevUp/nbDevDn
 * population standard deviations over the same period.
 * Definition: TA-Lib TA_BBANDS. The middle band is TA_MA(period, maType). The deviation is, for
 * SMA, TA_INT_stddev_using_precalc_ma (mean of squares minus the squared SMA), otherwise
 * TA_STDDEV started where the MA's output starts (so its running sums begin at
 * maLookback - (period-1), as in the C code); variances below 1e-14 give 0.
 * TA-Lib quirk kept: with MAMA (maType 7, lookback 32) and period > 33 the deviation starts later
 * than the MA and TA-Lib pairs the k-th deviation with the k-th MAMA value, so the middle band
 * lags by period-33 bars; we reproduce that.
 */
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertPeriod, assertRange, rejectInput, rethrowAtIndex } from '../validate.js';
import { createMovingAverage, MA_TYPE, type MovingAverage } from './ma-type.js';

const EPSILON = 0.00000000000001;

export class Bbands extends IndicatorBase {
  readonly lookback: number;
  private readonly period: number;
  private readonly nbDevUp: number;
  private readonly nbDevDn: number;
  private readonly isSma: boolean;
  private readonly ma: MovingAverage;
  /** Index of the first input in the deviation's running sums. */
  private readonly varStart: number;
  /** MA values waiting to be paired with a deviation (only MAMA with period > 33), else empty. */
  private readonly maDelay: Float64Array;
  /** The last `period` inputs of the deviation; `pos` is the next slot (the oldest). */
  private readonly window: Float64Array;
  private pos = 0;
  private total1 = 0;
  private total2 = 0;

  constructor(period = 5, nbDevUp = 2, nbDevDn = 2, maType = 0, outputs?: Float64Array) {
    super(3, outputs);
    assertPeriod('BBANDS', 'period', period, 2);
    assertRange('BBANDS', 'nbDevUp', nbDevUp, -3e37, 3e37);
    assertRange('BBANDS', 'nbDevDn', nbDevDn, -3e37, 3e37);
    assertPeriod('BBANDS', 'maType', maType, 0, 8);
    this.period = period;
    this.nbDevUp = nbDevUp;
    this.nbDevDn = nbDevDn;
    this.isSma = maType === MA_TYPE.SMA;
    this.ma = createMovingAverage(maType, period);
    const maLookback = this.ma.lookback;
    this.varStart = maLookback > period - 1 ? maLookback - (period - 1) : 0;
    this.lookback = this.varStart + period - 1;
    this.maDelay = new Float64Array(this.lookback - maLookback);
    this.window = new Float64Array(period);
  }

  /** Adds one value; returns the middle band or NaN while warming up. */
  next(x: number): number {
    if (x - x !== 0) rejectInput('BBANDS', 'input', x);
    this.count++;
    let ma = this.ma.next(x);
    const delay = this.maDelay.length;
    if (delay > 0 && ma === ma) {
      // Pair the k-th deviation with the k-th MA value, as TA-Lib does.
      const slot = (this.count - 1 - this.ma.lookback) % delay;
      const older = this.maDelay[slot]!;
      this.maDelay[slot] = ma;
      ma = older;
    }
    const j = this.count - 1 - this.varStart;
    if (j < 0) return NaN;
    const p = this.period;
    const w = this.window;
    let pos = this.pos;
    w[pos] = x;
    if (++pos === p) pos = 0;
    this.pos = pos;
    this.total1 += x;
    this.total2 += x * x;
    if (j < p - 1) return NaN;
    const mean1 = this.isSma ? ma : this.total1 / p;
    const mean2 = this.total2 / p;
    const trailing = w[pos]!; // the oldest input of the window
    this.total1 -= trailing;
    this.total2 -= trailing * trailing;
    const variance = mean2 - mean1 * mean1;
    const sd = variance < EPSILON ? 0.0 : Math.sqrt(variance);
    const o = this.outputs;
    o[0] = ma + sd * this.nbDevUp;
    o[1] = ma;
    o[2] = ma - sd * this.nbDevDn;
    return ma;
  }

  update(bar: Bar): void {
    this.next(bar.close);
  }

  snapshot(): IndicatorState {
    return {
      count: this.count,
      pos: this.pos,
      ma: this.ma.snapshot(),
      total1: this.total1,
      total2: this.total2,
      window: encodeArray(this.window),
      maDelay: encodeArray(this.maDelay),
      out: encodeArray(this.outputs),
    };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.pos = s.pos as number;
    this.ma.restore(s.ma as IndicatorState);
    this.total1 = s.total1 as number;
    this.total2 = s.total2 as number;
    decodeInto(this.window, s.window);
    decodeInto(this.maDelay, s.maDelay);
    decodeInto(this.outputs, s.out);
  }
}

/** Batch BBANDS with TA-Lib's name, parameters and warm-up (first valid index: the MA's lookback). */
export function bbands(
  real: ArrayLike<number>,
  period = 5,
  nbDevUp = 2,
  nbDevDn = 2,
  maType = 0,
): { upper: Float64Array; middle: Float64Array; lower: Float64Array } {
  const ind = new Bbands(period, nbDevUp, nbDevDn, maType);
  const n = real.length;
  const upper = new Float64Array(n);
  const middle = new Float64Array(n);
  const lower = new Float64Array(n);
  const o = ind.outputs;
  let i = 0;
  try {
    for (; i < n; i++) {
      ind.next(real[i]!);
      upper[i] = o[0]!;
      middle[i] = o[1]!;
      lower[i] = o[2]!;
    }
  } catch (e) {
    rethrowAtIndex('BBANDS', ['input'], [real], i, e);
  }
  return { upper, middle, lower };
}

type BbandsParams = { period: number; nbDevUp: number; nbDevDn: number; maType: number };

export const bbandsSpec: IndicatorSpec<BbandsParams> = {
  name: 'BBANDS',
  group: 'overlap',
  summary: 'Bollinger bands (moving average +/- standard deviations)',
  inputs: ['close'],
  outputs: ['upper', 'middle', 'lower'],
  defaults: { period: 5, nbDevUp: 2, nbDevDn: 2, maType: 0 },
  testParams: [
    { period: 10, nbDevUp: 1.5, nbDevDn: 2.5, maType: 1 },
    { period: 7, nbDevUp: 1, nbDevDn: 1, maType: 6 },
  ],
  create: (p, out) => new Bbands(p.period, p.nbDevUp, p.nbDevDn, p.maType, out),
  batch: ([x], p) => {
    const r = bbands(x!, p.period, p.nbDevUp, p.nbDevDn, p.maType);
    return [r.upper, r.middle, r.lower];
  },
  talib: {
    name: 'BBANDS',
    optIn: (p) => ({ optInTimePeriod: p.period, optInNbDevUp: p.nbDevUp, optInNbDevDn: p.nbDevDn, optInMAType: p.maType }),
    outputs: ['outRealUpperBand', 'outRealMiddleBand', 'outRealLowerBand'],
  },
};
