/**
 * BETA — beta of series 0 against series 1: the least-squares slope of the bar-to-bar returns
 * (x = return of real0, y = return of real1) over the last `period` returns.
 * Definition and floating-point order: TA-Lib TA_BETA (running sums of x², xy, x, y; a return is 0
 * when the previous price is within 1e-14 of 0; the trailing return is removed after each output;
 * (n·Sxy − Sx·Sy) / (n·Sxx − Sx²), 0 when the denominator is within 1e-14 of 0). Lookback = period.
 * In a bar set real0 = high and real1 = low.
 */
import { IndicatorBase } from '../base.js';
import { checkLengths } from '../price/series.js';
import { decodeInto, decodeNumber, encodeArray, encodeNumber } from '../state.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { assertPeriod, rejectInput, rethrowAtIndex } from '../validate.js';

const EPSILON = 0.00000000000001;

export class Beta extends IndicatorBase {
  readonly lookback: number;
  private readonly period: number;
  /** Ring buffers of the last `period` returns. */
  private readonly rx: Float64Array;
  private readonly ry: Float64Array;
  private pos = 0;
  private lastX = NaN;
  private lastY = NaN;
  private sxx = 0;
  private sxy = 0;
  private sx = 0;
  private sy = 0;

  constructor(period = 5, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('BETA', 'period', period, 1);
    this.period = period;
    this.lookback = period;
    this.rx = new Float64Array(period);
    this.ry = new Float64Array(period);
  }

  update(bar: Bar): void {
    const px = bar.high;
    const py = bar.low;
    if (px - px + (py - py) !== 0) {
      if (px - px !== 0) rejectInput('BETA', 'high', px);
      rejectInput('BETA', 'low', py);
    }
    const n = this.count++;
    const lx = this.lastX;
    const ly = this.lastY;
    this.lastX = px;
    this.lastY = py;
    if (n === 0) return;
    const x = -EPSILON < lx && lx < EPSILON ? 0.0 : (px - lx) / lx;
    const y = -EPSILON < ly && ly < EPSILON ? 0.0 : (py - ly) / ly;
    this.sxx += x * x;
    this.sxy += x * y;
    this.sx += x;
    this.sy += y;
    const p = this.period;
    let pos = this.pos;
    this.rx[pos] = x;
    this.ry[pos] = y;
    if (++pos === p) pos = 0;
    this.pos = pos;
    if (n < p) return;
    const sx = this.sx;
    const t = p * this.sxx - sx * sx;
    this.outputs[0] = -EPSILON < t && t < EPSILON ? 0.0 : (p * this.sxy - sx * this.sy) / t;
    // The trailing return (oldest in the window) now sits where the next return will be written.
    const tx = this.rx[pos]!;
    const ty = this.ry[pos]!;
    this.sxx -= tx * tx;
    this.sxy -= tx * ty;
    this.sx -= tx;
    this.sy -= ty;
  }

  snapshot(): IndicatorState {
    return {
      count: this.count,
      pos: this.pos,
      lastX: encodeNumber(this.lastX),
      lastY: encodeNumber(this.lastY),
      sxx: this.sxx,
      sxy: this.sxy,
      sx: this.sx,
      sy: this.sy,
      rx: encodeArray(this.rx),
      ry: encodeArray(this.ry),
      out: encodeNumber(this.outputs[0]!),
    };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.pos = s.pos as number;
    this.lastX = decodeNumber(s.lastX);
    this.lastY = decodeNumber(s.lastY);
    this.sxx = s.sxx as number;
    this.sxy = s.sxy as number;
    this.sx = s.sx as number;
    this.sy = s.sy as number;
    decodeInto(this.rx, s.rx);
    decodeInto(this.ry, s.ry);
    this.outputs[0] = decodeNumber(s.out);
  }
}

/** Batch BETA with TA-Lib's name, inputs and warm-up (first valid index `period`). */
export function beta(real0: ArrayLike<number>, real1: ArrayLike<number>, period = 5): Float64Array {
  const n = checkLengths('BETA', ['real0', 'real1'], [real0, real1]);
  const ind = new Beta(period);
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
    rethrowAtIndex('BETA', ['real0', 'real1'], [real0, real1], i, e);
  }
  return out;
}

export const betaSpec: IndicatorSpec<{ period: number }> = {
  name: 'BETA',
  group: 'statistic',
  summary: 'Beta (regression slope) of the returns of high against the returns of low',
  inputs: ['high', 'low'],
  outputs: ['real'],
  defaults: { period: 5 },
  create: (p, out) => new Beta(p.period, out),
  batch: ([x, y], p) => [beta(x!, y!, p.period)],
  testParams: [{ period: 20 }, { period: 1 }],
  talib: { name: 'BETA', optIn: (p) => ({ optInTimePeriod: p.period }), outputs: ['outReal'] },
};
