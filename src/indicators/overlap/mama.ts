/**
 * MAMA — Ehlers' MESA adaptive moving average and its following average FAMA: an EMA whose factor
 * is fastLimit / (phase change of the Hilbert-transformed, 4-bar-WMA-smoothed input), bounded below
 * by slowLimit; FAMA uses half that factor on MAMA.
 * Definition and floating-point order: TA-Lib TA_MAMA (lookback 32). TA_MA's maType 7 is this with
 * fastLimit 0.5, slowLimit 0.05.
 * Not always bit-exact: V8's Math.atan and the C library's atan differ in the last bit for a few
 * percent of arguments, which moves MAMA/FAMA by about 1e-16 relative (seen: <= 7e-16).
 */
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertRange, rejectInput, rethrowAtIndex } from '../validate.js';
import { HILBERT_SLOTS, hilbertTransform } from './hilbert.js';

const RAD2DEG = 180.0 / (4.0 * Math.atan(1));
const DETRENDER = 0;
const Q1 = HILBERT_SLOTS;
const JI = 2 * HILBERT_SLOTS;
const JQ = 3 * HILBERT_SLOTS;

export class Mama extends IndicatorBase {
  readonly lookback = 32;
  private readonly fastLimit: number;
  private readonly slowLimit: number;
  /** The last 4 inputs (the WMA's trailing value is 3 bars back). */
  private readonly ring = new Float64Array(4);
  private readonly hilbert = new Float64Array(4 * HILBERT_SLOTS);
  private periodWMASum = 0;
  private periodWMASub = 0;
  private trailingWMAValue = 0;
  private hilbertIdx = 0;
  private period = 0;
  private prevI2 = 0;
  private prevQ2 = 0;
  private re = 0;
  private im = 0;
  private i1ForOddPrev2 = 0;
  private i1ForOddPrev3 = 0;
  private i1ForEvenPrev2 = 0;
  private i1ForEvenPrev3 = 0;
  private prevPhase = 0;
  private mama = 0;
  private fama = 0;
  /** The value being added (see step). */
  private input = 0;

  constructor(fastLimit = 0.5, slowLimit = 0.05, outputs?: Float64Array) {
    super(2, outputs);
    assertRange('MAMA', 'fastLimit', fastLimit, 0.01, 0.99);
    assertRange('MAMA', 'slowLimit', slowLimit, 0.01, 0.99);
    this.fastLimit = fastLimit;
    this.slowLimit = slowLimit;
  }

  /** Adds one value; returns MAMA or NaN while warming up (FAMA is outputs[1]). */
  next(x: number): number {
    this.input = x;
    this.step();
    return this.count > 32 ? this.outputs[0]! : NaN;
  }

  update(bar: Bar): void {
    this.input = bar.close;
    this.step();
  }

  /**
   * One bar, read from `input`: a call V8 does not inline (this is too large) passes no double and
   * returns none, so nothing is boxed on the heap.
   */
  private step(): void {
    const x = this.input;
    if (x - x !== 0) rejectInput('MAMA', 'input', x);
    const n = this.count++;
    const ring = this.ring;
    ring[n & 3] = x;
    if (n < 3) {
      if (n === 0) {
        this.periodWMASub = x;
        this.periodWMASum = x;
      } else {
        this.periodWMASub += x;
        this.periodWMASum += x * (n + 1);
      }
      return;
    }
    // DO_PRICE_WMA
    let sub = this.periodWMASub + x;
    sub -= this.trailingWMAValue;
    let sum = this.periodWMASum + x * 4.0;
    this.trailingWMAValue = ring[(n - 3) & 3]!;
    const smoothedValue = sum * 0.1;
    sum -= sub;
    this.periodWMASub = sub;
    this.periodWMASum = sum;
    if (n < 12) return;

    const adjustedPrevPeriod = 0.075 * this.period + 0.54;
    const h = this.hilbert;
    const hIdx = this.hilbertIdx;
    // Even and odd bars use their own Hilbert buffers and i1 history; one code path with `even`
    // (rather than two copies of the four transforms) keeps next() within V8's inlining budget.
    const even = (n & 1) ^ 1;
    const i1 = even === 1 ? this.i1ForEvenPrev3 : this.i1ForOddPrev3;
    const detrender = hilbertTransform(h, DETRENDER, hIdx, even, smoothedValue, adjustedPrevPeriod);
    const q1 = hilbertTransform(h, Q1, hIdx, even, detrender, adjustedPrevPeriod);
    const jI = hilbertTransform(h, JI, hIdx, even, i1, adjustedPrevPeriod);
    const jQ = hilbertTransform(h, JQ, hIdx, even, q1, adjustedPrevPeriod);
    const q2 = 0.2 * (q1 + jI) + 0.8 * this.prevQ2;
    const i2 = 0.2 * (i1 - jQ) + 0.8 * this.prevI2;
    if (even === 1) {
      if (++this.hilbertIdx === 3) this.hilbertIdx = 0;
      this.i1ForOddPrev3 = this.i1ForOddPrev2;
      this.i1ForOddPrev2 = detrender;
    } else {
      this.i1ForEvenPrev3 = this.i1ForEvenPrev2;
      this.i1ForEvenPrev2 = detrender;
    }
    const phase = i1 !== 0.0 ? Math.atan(q1 / i1) * RAD2DEG : 0.0;
    let alpha = this.prevPhase - phase;
    this.prevPhase = phase;
    if (alpha < 1.0) alpha = 1.0;
    if (alpha > 1.0) {
      alpha = this.fastLimit / alpha;
      if (alpha < this.slowLimit) alpha = this.slowLimit;
    } else {
      alpha = this.fastLimit;
    }
    const mama = alpha * x + (1 - alpha) * this.mama;
    alpha *= 0.5;
    const fama = alpha * mama + (1 - alpha) * this.fama;
    this.mama = mama;
    this.fama = fama;

    const prevI2 = this.prevI2;
    const prevQ2 = this.prevQ2;
    const re = 0.2 * (i2 * prevI2 + q2 * prevQ2) + 0.8 * this.re;
    const im = 0.2 * (i2 * prevQ2 - q2 * prevI2) + 0.8 * this.im;
    this.re = re;
    this.im = im;
    this.prevQ2 = q2;
    this.prevI2 = i2;
    const prevPeriod = this.period;
    let period = prevPeriod;
    if (im !== 0.0 && re !== 0.0) period = 360.0 / (Math.atan(im / re) * RAD2DEG);
    let limit = 1.5 * prevPeriod;
    if (period > limit) period = limit;
    limit = 0.67 * prevPeriod;
    if (period < limit) period = limit;
    if (period < 6) period = 6;
    else if (period > 50) period = 50;
    this.period = 0.2 * period + 0.8 * prevPeriod;

    if (n < 32) return;
    const o = this.outputs;
    o[0] = mama;
    o[1] = fama;
  }

  snapshot(): IndicatorState {
    return {
      count: this.count,
      ring: encodeArray(this.ring),
      hilbert: encodeArray(this.hilbert),
      s: [
        this.periodWMASum,
        this.periodWMASub,
        this.trailingWMAValue,
        this.hilbertIdx,
        this.period,
        this.prevI2,
        this.prevQ2,
        this.re,
        this.im,
        this.i1ForOddPrev2,
        this.i1ForOddPrev3,
        this.i1ForEvenPrev2,
        this.i1ForEvenPrev3,
        this.prevPhase,
        this.mama,
        this.fama,
      ],
      out: encodeArray(this.outputs),
    };
  }

  restore(st: IndicatorState): void {
    this.count = st.count as number;
    decodeInto(this.ring, st.ring);
    decodeInto(this.hilbert, st.hilbert);
    const s = st.s as number[];
    this.periodWMASum = s[0]!;
    this.periodWMASub = s[1]!;
    this.trailingWMAValue = s[2]!;
    this.hilbertIdx = s[3]!;
    this.period = s[4]!;
    this.prevI2 = s[5]!;
    this.prevQ2 = s[6]!;
    this.re = s[7]!;
    this.im = s[8]!;
    this.i1ForOddPrev2 = s[9]!;
    this.i1ForOddPrev3 = s[10]!;
    this.i1ForEvenPrev2 = s[11]!;
    this.i1ForEvenPrev3 = s[12]!;
    this.prevPhase = s[13]!;
    this.mama = s[14]!;
    this.fama = s[15]!;
    decodeInto(this.outputs, st.out);
  }
}

/** Batch MAMA with TA-Lib's name, parameters and warm-up (first valid index 32). */
export function mama(real: ArrayLike<number>, fastLimit = 0.5, slowLimit = 0.05): { mama: Float64Array; fama: Float64Array } {
  const ind = new Mama(fastLimit, slowLimit);
  const n = real.length;
  const m = new Float64Array(n);
  const f = new Float64Array(n);
  const o = ind.outputs;
  let i = 0;
  try {
    for (; i < n; i++) {
      ind.next(real[i]!);
      m[i] = o[0]!;
      f[i] = o[1]!;
    }
  } catch (e) {
    rethrowAtIndex('MAMA', ['input'], [real], i, e);
  }
  return { mama: m, fama: f };
}

export const mamaSpec: IndicatorSpec<{ fastLimit: number; slowLimit: number }> = {
  name: 'MAMA',
  group: 'overlap',
  summary: 'MESA adaptive moving average (MAMA and FAMA)',
  inputs: ['close'],
  outputs: ['mama', 'fama'],
  defaults: { fastLimit: 0.5, slowLimit: 0.05 },
  testParams: [{ fastLimit: 0.3, slowLimit: 0.1 }],
  create: (p, out) => new Mama(p.fastLimit, p.slowLimit, out),
  batch: ([x], p) => {
    const r = mama(x!, p.fastLimit, p.slowLimit);
    return [r.mama, r.fama];
  },
  talib: {
    name: 'MAMA',
    optIn: (p) => ({ optInFastLimit: p.fastLimit, optInSlowLimit: p.slowLimit }),
    outputs: ['outMAMA', 'outFAMA'],
  },
};
