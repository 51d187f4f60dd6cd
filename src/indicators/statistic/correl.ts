/**
 * CORREL — Pearson correlation coefficient of two series over the last `period` bars.
 * Definition and floating-point order: TA-Lib TA_CORREL (running sums of x, x², xy, y, y²; the
 * trailing pair is subtracted before the new pair is added; 0 when the variance product is < 1e-14).
 * In a bar set x = high and y = low (TA-Lib inReal0, inReal1).
 */
import { IndicatorBase } from '../base.js';
import { checkLengths } from '../price/series.js';
import { decodeInto, encodeArray } from '../state.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { assertPeriod, rejectInput, rethrowAtIndex } from '../validate.js';

const EPSILON = 0.00000000000001;

export class Correl extends IndicatorBase {
  readonly lookback: number;
  private readonly period: number;
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  private pos = 0;
  private sumX = 0;
  private sumX2 = 0;
  private sumXY = 0;
  private sumY = 0;
  private sumY2 = 0;

  constructor(period = 30, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('CORREL', 'period', period, 1);
    this.period = period;
    this.lookback = period - 1;
    this.xs = new Float64Array(period);
    this.ys = new Float64Array(period);
  }

  update(bar: Bar): void {
    const x = bar.high;
    const y = bar.low;
    if (x - x + (y - y) !== 0) {
      if (x - x !== 0) rejectInput('CORREL', 'high', x);
      rejectInput('CORREL', 'low', y);
    }
    const p = this.period;
    const n = this.count++;
    const pos = this.pos;
    if (n >= p) {
      const tx = this.xs[pos]!;
      const ty = this.ys[pos]!;
      this.sumX -= tx;
      this.sumX2 -= tx * tx;
      this.sumXY -= tx * ty;
      this.sumY -= ty;
      this.sumY2 -= ty * ty;
    }
    this.xs[pos] = x;
    this.ys[pos] = y;
    this.pos = pos + 1 === p ? 0 : pos + 1;
    this.sumX += x;
    this.sumX2 += x * x;
    this.sumXY += x * y;
    this.sumY += y;
    this.sumY2 += y * y;
    if (n >= p - 1) this.outputs[0] = this.value_();
  }

  private value_(): number {
    const p = this.period;
    const sumX = this.sumX;
    const sumY = this.sumY;
    const t = (this.sumX2 - (sumX * sumX) / p) * (this.sumY2 - (sumY * sumY) / p);
    return t < EPSILON ? 0.0 : (this.sumXY - (sumX * sumY) / p) / Math.sqrt(t);
  }

  snapshot(): IndicatorState {
    return {
      count: this.count,
      pos: this.pos,
      sumX: this.sumX,
      sumX2: this.sumX2,
      sumXY: this.sumXY,
      sumY: this.sumY,
      sumY2: this.sumY2,
      xs: encodeArray(this.xs),
      ys: encodeArray(this.ys),
    };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.pos = s.pos as number;
    this.sumX = s.sumX as number;
    this.sumX2 = s.sumX2 as number;
    this.sumXY = s.sumXY as number;
    this.sumY = s.sumY as number;
    this.sumY2 = s.sumY2 as number;
    decodeInto(this.xs, s.xs);
    decodeInto(this.ys, s.ys);
    this.outputs[0] = this.count > this.lookback ? this.value_() : NaN;
  }
}

/** Batch CORREL with TA-Lib's name, inputs and warm-up (first valid index period-1). */
export function correl(real0: ArrayLike<number>, real1: ArrayLike<number>, period = 30): Float64Array {
  const n = checkLengths('CORREL', ['real0', 'real1'], [real0, real1]);
  const ind = new Correl(period);
  const bar = newMutableBar();
  const o = ind.outputs;
  const out = new Float64Array(n);
  let i = 0;
  try {
    for (; i < n; i++) {
      bar.high = real0[i]!;
      bar.low = real1[i]!;
      ind.update(bar);
      out[i] = o[0]!;
    }
  } catch (e) {
    rethrowAtIndex('CORREL', ['real0', 'real1'], [real0, real1], i, e);
  }
  return out;
}

export const correlSpec: IndicatorSpec<{ period: number }> = {
  name: 'CORREL',
  group: 'statistic',
  summary: "Pearson's correlation coefficient of high and low over a window",
  inputs: ['high', 'low'],
  outputs: ['real'],
  defaults: { period: 30 },
  create: (p, out) => new Correl(p.period, out),
  batch: ([x, y], p) => [correl(x!, y!, p.period)],
  testParams: [{ period: 5 }, { period: 1 }],
  talib: { name: 'CORREL', optIn: (p) => ({ optInTimePeriod: p.period }), outputs: ['outReal'] },
};
