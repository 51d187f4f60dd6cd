/**
 * STOCH — slow stochastic: slow %K = MA(fast %K, slowKPeriod), slow %D = MA(slow %K, slowDPeriod),
 * each with its TA-Lib MA type. Definition and floating-point order: TA-Lib TA_STOCH (fast %K as in
 * `FastKWindow`, zero range gives 0; both averages as TA_MA over the preceding series).
 */
import { createMovingAverage, MA_TYPE, type MovingAverage } from '../overlap/ma-type.js';
import { SmaWindow } from '../overlap/sma.js';
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { assertPeriod, rejectInput, rejectSeriesAt, rethrowAtIndex } from '../validate.js';
import { HLC, rejectBar } from './bar-check.js';
import { FastKWindow } from './stochf.js';

export class Stoch extends IndicatorBase {
  readonly lookback: number;
  private readonly fastK: FastKWindow;
  /** slow %K and %D as TA_MA objects: other MA types (null on the SMA path). */
  private readonly slowK: MovingAverage | null;
  private readonly slowD: MovingAverage | null;
  /** SMA path (both MAs SMAs of period > 1, the default): the averages inline, no polymorphic call. */
  private readonly kSma: SmaWindow | null;
  private readonly dSma: SmaWindow | null;
  /** Bar counts at which the first fast %K, slow %K and slow %D are computed. */
  private readonly fastKStart: number;
  private readonly slowKStart: number;
  /** SMA path: the latest slow %K while %D warms up (it is not an output yet; kept for snapshots). */
  private kWarm = NaN;

  constructor(fastKPeriod = 5, slowKPeriod = 3, slowKMaType = 0, slowDPeriod = 3, slowDMaType = 0, outputs?: Float64Array) {
    super(2, outputs);
    assertPeriod('STOCH', 'fastKPeriod', fastKPeriod, 1);
    assertPeriod('STOCH', 'slowKPeriod', slowKPeriod, 1);
    assertPeriod('STOCH', 'slowKMaType', slowKMaType, 0, 8);
    assertPeriod('STOCH', 'slowDPeriod', slowDPeriod, 1);
    assertPeriod('STOCH', 'slowDMaType', slowDMaType, 0, 8);
    this.fastK = new FastKWindow(fastKPeriod);
    const smaPath = slowKMaType === MA_TYPE.SMA && slowKPeriod > 1 && slowDMaType === MA_TYPE.SMA && slowDPeriod > 1;
    this.kSma = smaPath ? new SmaWindow(slowKPeriod) : null;
    this.dSma = smaPath ? new SmaWindow(slowDPeriod) : null;
    this.slowK = smaPath ? null : createMovingAverage(slowKMaType, slowKPeriod);
    this.slowD = smaPath ? null : createMovingAverage(slowDMaType, slowDPeriod);
    const kLookback = this.slowK?.lookback ?? slowKPeriod - 1;
    const dLookback = this.slowD?.lookback ?? slowDPeriod - 1;
    this.fastKStart = fastKPeriod - 1;
    this.slowKStart = this.fastKStart + kLookback;
    this.lookback = this.slowKStart + dLookback;
  }

  update(bar: Bar): void {
    const h = bar.high;
    const l = bar.low;
    const c = bar.close;
    if (h - h + (l - l) + (c - c) !== 0) rejectBar('STOCH', bar, HLC);
    const n = this.count++;
    const fk = this.fastK.next(h, l, c);
    const kSma = this.kSma;
    if (kSma === null) {
      this.averageGeneric(fk);
      return;
    }
    if (n < this.slowKStart) {
      if (n >= this.fastKStart) kSma.fill(fk);
      return;
    }
    const k = kSma.push(fk);
    const dSma = this.dSma!;
    if (n < this.lookback) {
      this.kWarm = k;
      dSma.fill(k);
      return;
    }
    this.outputs[0] = k;
    this.outputs[1] = dSma.push(k);
  }

  /** Other MA types: slow %K and %D through the TA_MA objects (kept out of update's inlining budget). */
  private averageGeneric(fk: number): void {
    if (fk !== fk) return;
    const k = this.slowK!.next(fk);
    if (k !== k) return;
    const d = this.slowD!.next(k);
    if (d !== d) return;
    this.outputs[0] = k;
    this.outputs[1] = d;
  }

  snapshot(): IndicatorState {
    const kSma = this.kSma;
    let slowK: IndicatorState;
    let slowD: IndicatorState;
    if (kSma !== null) {
      // Sma's layout, as when the averages were Sma objects
      const kCount = Math.max(0, this.count - this.fastKStart);
      const dCount = Math.max(0, this.count - this.slowKStart);
      slowK = kSma.snapshot(kCount, dCount > 0 ? this.slowKLast() : NaN);
      slowD = this.dSma!.snapshot(dCount, this.count > this.lookback ? this.outputs[1]! : NaN);
    } else {
      slowK = this.slowK!.snapshot();
      slowD = this.slowD!.snapshot();
    }
    return { count: this.count, fastK: this.fastK.snapshot(), slowK, slowD, out: encodeArray(this.outputs) };
  }

  /** The latest slow %K on the SMA path (only for snapshots: during the %D warm-up it is not in outputs). */
  private slowKLast(): number {
    return this.count > this.lookback ? this.outputs[0]! : this.kWarm;
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.fastK.restore(s.fastK as IndicatorState);
    if (this.kSma !== null) {
      const slowK = s.slowK as IndicatorState;
      this.kSma.restore(slowK);
      this.kWarm = (slowK.out as number | null) ?? NaN;
      this.dSma!.restore(s.slowD as IndicatorState);
    } else {
      this.slowK!.restore(s.slowK as IndicatorState);
      this.slowD!.restore(s.slowD as IndicatorState);
    }
    decodeInto(this.outputs, s.out);
  }
}

/** Batch STOCH with TA-Lib's name, parameters and warm-up (fastKPeriod - 1 + both MA lookbacks). */
export function stoch(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  fastKPeriod = 5,
  slowKPeriod = 3,
  slowKMaType = 0,
  slowDPeriod = 3,
  slowDMaType = 0,
): { slowK: Float64Array; slowD: Float64Array } {
  const ind = new Stoch(fastKPeriod, slowKPeriod, slowKMaType, slowDPeriod, slowDMaType);
  const n = close.length;
  const slowK = new Float64Array(n);
  const slowD = new Float64Array(n);
  if (slowKMaType === MA_TYPE.SMA && slowKPeriod > 1 && slowDMaType === MA_TYPE.SMA && slowDPeriod > 1) {
    stochSma(high, low, close, fastKPeriod, slowKPeriod, slowDPeriod, slowK, slowD);
    return { slowK, slowD };
  }
  const bar = newMutableBar();
  const o = ind.outputs;
  let i = 0;
  try {
    for (; i < n; i++) {
      bar.high = high[i]!;
      bar.low = low[i]!;
      bar.close = close[i]!;
      ind.update(bar);
      slowK[i] = o[0]!;
      slowD[i] = o[1]!;
    }
  } catch (e) {
    rethrowAtIndex('STOCH', ['high', 'low', 'close'], [high, low, close], i, e);
  }
  return { slowK, slowD };
}

/**
 * The default path of the batch STOCH (both averages SMAs) as loops over the arrays: the same
 * operations as Stoch.update in the same order (the window extremes found by TA-Lib's own rescans,
 * straight over the input arrays; only their values reach the output). The values carried from bar to
 * bar sit in a small Float64Array: as plain locals, V8's on-stack-replacement code for the first call
 * sometimes keeps them boxed. The warm-up has its own loop, so the main loop has no warm-up tests.
 */
function stochSma(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  fastKPeriod: number,
  kp: number,
  dp: number,
  slowK: Float64Array,
  slowD: Float64Array,
): void {
  const n = close.length;
  const kWin = new Float64Array(kp);
  const dWin = new Float64Array(dp);
  const fastKStart = fastKPeriod - 1;
  const slowKStart = fastKStart + kp - 1;
  const lookback = slowKStart + dp - 1;
  // [lowest, highest, sum of the %K window, sum of the %D window]
  const st = new Float64Array(4);
  let kHead = 0;
  let dHead = 0;
  let lowestIdx = -1;
  let highestIdx = -1;
  slowK.fill(NaN, 0, Math.min(n, lookback));
  slowD.fill(NaN, 0, Math.min(n, lookback));
  for (let i = 0; i < n; i++) {
    const h = high[i]!;
    const l = low[i]!;
    const c = close[i]!;
    if (h - h + (l - l) + (c - c) !== 0) rejectSeriesAt('STOCH', HLC, [high, low, close], i);
    if (i < fastKStart) continue;
    const trailing = i - fastKStart;
    let lowest = st[0]!;
    if (lowestIdx < trailing) {
      lowest = Infinity;
      for (let j = trailing; j <= i; j++) {
        const t = low[j]!;
        if (t <= lowest) {
          lowest = t;
          lowestIdx = j;
        }
      }
    } else if (l <= lowest) {
      lowestIdx = i;
      lowest = l;
    }
    let highest = st[1]!;
    if (highestIdx < trailing) {
      highest = -Infinity;
      for (let j = trailing; j <= i; j++) {
        const t = high[j]!;
        if (t >= highest) {
          highest = t;
          highestIdx = j;
        }
      }
    } else if (h >= highest) {
      highestIdx = i;
      highest = h;
    }
    st[0] = lowest;
    st[1] = highest;
    const diff = (highest - lowest) / 100.0;
    const fk = diff !== 0.0 ? (c - lowest) / diff : 0.0;
    // slow %K: SmaWindow's operations (and its check)
    if (fk - fk !== 0) rejectInput('SMA', 'input', fk);
    kWin[kHead] = fk;
    if (++kHead === kp) kHead = 0;
    if (i < slowKStart) {
      st[2] = st[2]! + fk;
      continue;
    }
    const ks = st[2]! + fk;
    st[2] = ks - kWin[kHead]!;
    const k = ks / kp;
    // slow %D
    if (k - k !== 0) rejectInput('SMA', 'input', k);
    dWin[dHead] = k;
    if (++dHead === dp) dHead = 0;
    if (i < lookback) {
      st[3] = st[3]! + k;
      continue;
    }
    const ds = st[3]! + k;
    st[3] = ds - dWin[dHead]!;
    slowK[i] = k;
    slowD[i] = ds / dp;
  }
}

type StochParams = { fastKPeriod: number; slowKPeriod: number; slowKMaType: number; slowDPeriod: number; slowDMaType: number };

export const stochSpec: IndicatorSpec<StochParams> = {
  name: 'STOCH',
  group: 'momentum',
  summary: 'Slow stochastic oscillator (smoothed %K and its moving average %D)',
  inputs: ['high', 'low', 'close'],
  outputs: ['slowK', 'slowD'],
  defaults: { fastKPeriod: 5, slowKPeriod: 3, slowKMaType: 0, slowDPeriod: 3, slowDMaType: 0 },
  create: (p, out) => new Stoch(p.fastKPeriod, p.slowKPeriod, p.slowKMaType, p.slowDPeriod, p.slowDMaType, out),
  batch: ([h, l, c], p) => {
    const r = stoch(h!, l!, c!, p.fastKPeriod, p.slowKPeriod, p.slowKMaType, p.slowDPeriod, p.slowDMaType);
    return [r.slowK, r.slowD];
  },
  testParams: [
    { fastKPeriod: 14, slowKPeriod: 4, slowKMaType: 1, slowDPeriod: 5, slowDMaType: 3 },
    { fastKPeriod: 1, slowKPeriod: 1, slowKMaType: 0, slowDPeriod: 3, slowDMaType: 4 },
  ],
  talib: {
    name: 'STOCH',
    optIn: (p) => ({
      optInFastK_Period: p.fastKPeriod,
      optInSlowK_Period: p.slowKPeriod,
      optInSlowK_MAType: p.slowKMaType,
      optInSlowD_Period: p.slowDPeriod,
      optInSlowD_MAType: p.slowDMaType,
    }),
    outputs: ['outSlowK', 'outSlowD'],
  },
};
