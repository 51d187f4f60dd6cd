/**
 * MACD — moving average convergence/divergence: fast EMA - slow EMA, its EMA (signal) and the
 * difference (histogram). Definition and floating-point order: TA-Lib TA_MACD (TA_INT_MACD): both
 * EMAs start at the same index, so the fast EMA is seeded with the SMA of the `fast` values ending
 * where the slow EMA's first value is (inputs before index slow - fast are not used by it); the
 * signal EMA is seeded with the SMA of the first `signal` MACD values. Periods are swapped when
 * slow < fast, as TA-Lib does. MACDFIX (fixed 12/26 with k = 0.15 / 0.075) shares the class.
 * signalPeriod must be >= 2: TA-Lib declares >= 1, but TA_EMA_Lookback(1) is -1 and TA_INT_MACD then
 * reads before its buffer (garbage first value, lookback one short), so 1 is rejected here.
 */
import { Ema } from '../overlap/ema.js';
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertPeriod, rejectInput, rethrowAtIndex } from '../validate.js';

export class Macd extends IndicatorBase {
  readonly lookback: number;
  private readonly name: string;
  private readonly fastEma: Ema;
  private readonly slowEma: Ema;
  private readonly signalEma: Ema;
  /** Index of the first input the fast EMA reads (slow - fast). */
  private readonly fastStart: number;
  /** Index of the first MACD value (slow - 1). */
  private readonly macdStart: number;

  /**
   * `fixed` = TA-Lib's MACDFIX: fast/slow forced to 12/26 with TA-Lib's fixed factors 0.15 / 0.075.
   */
  constructor(fastPeriod = 12, slowPeriod = 26, signalPeriod = 9, outputs?: Float64Array, fixed = false) {
    super(3, outputs);
    this.name = fixed ? 'MACDFIX' : 'MACD';
    assertPeriod(this.name, 'signalPeriod', signalPeriod, 2);
    let fast = fastPeriod;
    let slow = slowPeriod;
    if (fixed) {
      fast = 12;
      slow = 26;
    } else {
      assertPeriod('MACD', 'fastPeriod', fastPeriod, 2);
      assertPeriod('MACD', 'slowPeriod', slowPeriod, 2);
      if (slow < fast) {
        fast = slowPeriod;
        slow = fastPeriod;
      }
    }
    this.fastEma = new Ema(fast, undefined, fixed ? 0.15 : undefined);
    this.slowEma = new Ema(slow, undefined, fixed ? 0.075 : undefined);
    this.signalEma = new Ema(signalPeriod);
    this.fastStart = slow - fast;
    this.macdStart = slow - 1;
    this.lookback = slow - 1 + (signalPeriod - 1);
  }

  /** Adds one value; returns the MACD line (NaN while warming up); all three are in `outputs`. */
  next(x: number): number {
    if (x - x !== 0) rejectInput(this.name, 'input', x);
    const n = this.count++;
    const slow = this.slowEma.next(x);
    if (n < this.fastStart) return NaN;
    const fast = this.fastEma.next(x);
    if (n < this.macdStart) return NaN;
    const macd = fast - slow;
    const signal = this.signalEma.next(macd);
    if (n < this.lookback) return NaN;
    const o = this.outputs;
    o[0] = macd;
    o[1] = signal;
    o[2] = macd - signal;
    return macd;
  }

  update(bar: Bar): void {
    this.next(bar.close);
  }

  snapshot(): IndicatorState {
    return {
      count: this.count,
      fast: this.fastEma.snapshot(),
      slow: this.slowEma.snapshot(),
      signal: this.signalEma.snapshot(),
      out: encodeArray(this.outputs),
    };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.fastEma.restore(s.fast as IndicatorState);
    this.slowEma.restore(s.slow as IndicatorState);
    this.signalEma.restore(s.signal as IndicatorState);
    decodeInto(this.outputs, s.out);
  }
}

function runMacd(ind: Macd, name: string, real: ArrayLike<number>): { macd: Float64Array; signal: Float64Array; hist: Float64Array } {
  const n = real.length;
  const macd = new Float64Array(n);
  const signal = new Float64Array(n);
  const hist = new Float64Array(n);
  const o = ind.outputs;
  let i = 0;
  try {
    for (; i < n; i++) {
      ind.next(real[i]!);
      macd[i] = o[0]!;
      signal[i] = o[1]!;
      hist[i] = o[2]!;
    }
  } catch (e) {
    rethrowAtIndex(name, ['input'], [real], i, e);
  }
  return { macd, signal, hist };
}

/** Batch MACD with TA-Lib's name, parameters and warm-up (first valid index slow - 1 + signal - 1). */
export function macd(
  real: ArrayLike<number>,
  fastPeriod = 12,
  slowPeriod = 26,
  signalPeriod = 9,
): { macd: Float64Array; signal: Float64Array; hist: Float64Array } {
  return runMacd(new Macd(fastPeriod, slowPeriod, signalPeriod), 'MACD', real);
}

type MacdParams = { fastPeriod: number; slowPeriod: number; signalPeriod: number };

export const macdSpec: IndicatorSpec<MacdParams> = {
  name: 'MACD',
  group: 'momentum',
  summary: 'Moving average convergence/divergence (EMA fast - slow, signal EMA, histogram)',
  inputs: ['close'],
  outputs: ['macd', 'signal', 'hist'],
  defaults: { fastPeriod: 12, slowPeriod: 26, signalPeriod: 9 },
  create: (p, out) => new Macd(p.fastPeriod, p.slowPeriod, p.signalPeriod, out),
  batch: ([x], p) => {
    const r = macd(x!, p.fastPeriod, p.slowPeriod, p.signalPeriod);
    return [r.macd, r.signal, r.hist];
  },
  testParams: [
    { fastPeriod: 5, slowPeriod: 3, signalPeriod: 2 },
    { fastPeriod: 3, slowPeriod: 10, signalPeriod: 4 },
  ],
  talib: {
    name: 'MACD',
    optIn: (p) => ({ optInFastPeriod: p.fastPeriod, optInSlowPeriod: p.slowPeriod, optInSignalPeriod: p.signalPeriod }),
    outputs: ['outMACD', 'outMACDSignal', 'outMACDHist'],
  },
};

/** MACDFIX — MACD with TA-Lib's fixed 12/26 factors (TA-Lib TA_MACDFIX). */
export class MacdFix extends Macd {
  constructor(signalPeriod = 9, outputs?: Float64Array) {
    super(12, 26, signalPeriod, outputs, true);
  }
}

/** Batch MACDFIX with TA-Lib's name, parameters and warm-up (first valid index 25 + signal - 1). */
export function macdfix(real: ArrayLike<number>, signalPeriod = 9): { macd: Float64Array; signal: Float64Array; hist: Float64Array } {
  return runMacd(new MacdFix(signalPeriod), 'MACDFIX', real);
}

export const macdfixSpec: IndicatorSpec<{ signalPeriod: number }> = {
  name: 'MACDFIX',
  group: 'momentum',
  summary: 'MACD with the fixed 12/26 factors 0.15 and 0.075',
  inputs: ['close'],
  outputs: ['macd', 'signal', 'hist'],
  defaults: { signalPeriod: 9 },
  create: (p, out) => new MacdFix(p.signalPeriod, out),
  batch: ([x], p) => {
    const r = macdfix(x!, p.signalPeriod);
    return [r.macd, r.signal, r.hist];
  },
  testParams: [{ signalPeriod: 2 }, { signalPeriod: 4 }],
  talib: {
    name: 'MACDFIX',
    optIn: (p) => ({ optInSignalPeriod: p.signalPeriod }),
    outputs: ['outMACD', 'outMACDSignal', 'outMACDHist'],
  },
};
