/**
 * STOCHF — fast stochastic: %K = (close - lowest low) / (highest high - lowest low) * 100 over
 * `fastKPeriod` bars, %D = MA(%K) of a TA-Lib MA type.
 * Definition and floating-point order: TA-Lib TA_STOCHF: %K = (close - lowest) / diff with
 * diff = (highest - lowest) / 100, 0 when diff is 0 (the window extremes are the same values TA-Lib's
 * rescans find). `FastKWindow` is shared by STOCH and STOCHRSI.
 */
import { createMovingAverage, MA_TYPE, type MovingAverage } from '../overlap/ma-type.js';
import { SmaWindow } from '../overlap/sma.js';
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { assertPeriod, rethrowAtIndex } from '../validate.js';
import { HLC, rejectBar } from './bar-check.js';
import { WindowExtremes } from './window-extremes.js';

/**
 * Raw stochastic %K over a sliding window, as TA-Lib's TA_STOCH / TA_STOCHF loop computes it from the
 * window's extremes (TA-Lib tracks them with rescans; WindowExtremes gives the same values branch-free).
 */
export class FastKWindow extends WindowExtremes {
  /** Adds one bar (inputs already checked); returns %K or NaN while the window fills. */
  next(high: number, low: number, close: number): number {
    this.push(high, low);
    if (this.count < this.length) return NaN;
    // TA-Lib refreshes diff = (highest - lowest) / 100 whenever either extreme changes, so it always
    // equals this expression on the current extremes.
    const lowest = this.lowest;
    const diff = (this.highest - lowest) / 100.0;
    return diff !== 0.0 ? (close - lowest) / diff : 0.0;
  }

  /** Layout of the earlier rescanning window (ring, extremes and where they sit). */
  snapshot(): IndicatorState {
    const { highs, lows } = this.ringSnapshot();
    const { highestIdx, lowestIdx } = this.extremeIndexes();
    return { count: this.count, highs, lows, lowestIdx, highestIdx, lowest: this.lowest, highest: this.highest };
  }

  restore(s: IndicatorState): void {
    this.restoreRing(s.count as number, s.highs, s.lows);
  }
}

/**
 * The same %K with TA-Lib's own extreme tracking: the extremes are kept until they leave the window,
 * then the window is rescanned. Cheaper than WindowExtremes on a smooth input (STOCHRSI's RSI), where
 * new extremes and rescans are rare and their branches predictable; on raw highs and lows they are
 * coin flips, which FastKWindow avoids. Ties take the latest bar (TA-Lib's rescan keeps the first; only
 * the values reach the output, and the later bar keeps the extreme longer, so rescans are rarer).
 */
export class FastKRescan {
  readonly period: number;
  private readonly highs: Float64Array;
  private readonly lows: Float64Array;
  private count = 0;
  /** Ring slot of the newest bar (= (count - 1) % period). */
  private pos = -1;
  private lowestIdx = -1;
  private highestIdx = -1;
  private lowest = 0;
  private highest = 0;

  constructor(period: number) {
    this.period = period;
    this.highs = new Float64Array(period);
    this.lows = new Float64Array(period);
  }

  /** Adds one bar (inputs already checked); returns %K or NaN while the window fills. */
  next(high: number, low: number, close: number): number {
    const p = this.period;
    const today = this.count++;
    let slot = this.pos + 1;
    if (slot === p) slot = 0;
    this.pos = slot;
    this.highs[slot] = high;
    this.lows[slot] = low;
    const trailing = today - p + 1;
    if (trailing < 0) return NaN;
    if (this.lowestIdx < trailing) this.rescanLowest(trailing, slot);
    else if (low <= this.lowest) {
      this.lowestIdx = today;
      this.lowest = low;
    }
    if (this.highestIdx < trailing) this.rescanHighest(trailing, slot);
    else if (high >= this.highest) {
      this.highestIdx = today;
      this.highest = high;
    }
    const lowest = this.lowest;
    const diff = (this.highest - lowest) / 100.0;
    return diff !== 0.0 ? (close - lowest) / diff : 0.0;
  }

  /** Lowest low of the window starting at `trailing` (newest bar at `slot`): the ring read as two runs. */
  private rescanLowest(trailing: number, slot: number): void {
    const p = this.period;
    const lows = this.lows;
    let lowest = Infinity;
    let idx = trailing;
    let i = trailing;
    for (let j = slot + 1; j < p; j++, i++) {
      const t = lows[j]!;
      if (t <= lowest) {
        lowest = t;
        idx = i;
      }
    }
    for (let j = 0; j <= slot; j++, i++) {
      const t = lows[j]!;
      if (t <= lowest) {
        lowest = t;
        idx = i;
      }
    }
    this.lowestIdx = idx;
    this.lowest = lowest;
  }

  /** Highest high of the window starting at `trailing`, as rescanLowest. */
  private rescanHighest(trailing: number, slot: number): void {
    const p = this.period;
    const highs = this.highs;
    let highest = -Infinity;
    let idx = trailing;
    let i = trailing;
    for (let j = slot + 1; j < p; j++, i++) {
      const t = highs[j]!;
      if (t >= highest) {
        highest = t;
        idx = i;
      }
    }
    for (let j = 0; j <= slot; j++, i++) {
      const t = highs[j]!;
      if (t >= highest) {
        highest = t;
        idx = i;
      }
    }
    this.highestIdx = idx;
    this.highest = highest;
  }

  /** Same layout as FastKWindow's snapshot. */
  snapshot(): IndicatorState {
    return {
      count: this.count,
      highs: encodeArray(this.highs),
      lows: encodeArray(this.lows),
      lowestIdx: this.lowestIdx,
      highestIdx: this.highestIdx,
      lowest: this.lowest,
      highest: this.highest,
    };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.pos = (this.count + this.period - 1) % this.period;
    decodeInto(this.highs, s.highs);
    decodeInto(this.lows, s.lows);
    this.lowestIdx = s.lowestIdx as number;
    this.highestIdx = s.highestIdx as number;
    this.lowest = s.lowest as number;
    this.highest = s.highest as number;
  }
}

export class StochF extends IndicatorBase {
  readonly lookback: number;
  private readonly fastK: FastKWindow;
  /** %D as a TA_MA object: other MA types (null on the SMA path). */
  private readonly fastD: MovingAverage | null;
  /** SMA path (%D an SMA of period > 1, the default): the average inline, no polymorphic call. */
  private readonly dSma: SmaWindow | null;
  /** Bar count at which the first %K is computed. */
  private readonly fastKStart: number;

  constructor(fastKPeriod = 5, fastDPeriod = 3, fastDMaType = 0, outputs?: Float64Array) {
    super(2, outputs);
    assertPeriod('STOCHF', 'fastKPeriod', fastKPeriod, 1);
    assertPeriod('STOCHF', 'fastDPeriod', fastDPeriod, 1);
    assertPeriod('STOCHF', 'fastDMaType', fastDMaType, 0, 8);
    this.fastK = new FastKWindow(fastKPeriod);
    const smaPath = fastDMaType === MA_TYPE.SMA && fastDPeriod > 1;
    this.dSma = smaPath ? new SmaWindow(fastDPeriod) : null;
    this.fastD = smaPath ? null : createMovingAverage(fastDMaType, fastDPeriod);
    this.fastKStart = fastKPeriod - 1;
    this.lookback = this.fastKStart + (this.fastD?.lookback ?? fastDPeriod - 1);
  }

  update(bar: Bar): void {
    const h = bar.high;
    const l = bar.low;
    const c = bar.close;
    if (h - h + (l - l) + (c - c) !== 0) rejectBar('STOCHF', bar, HLC);
    const n = this.count++;
    const k = this.fastK.next(h, l, c);
    const dSma = this.dSma;
    if (dSma === null) {
      this.averageGeneric(k);
      return;
    }
    if (n < this.lookback) {
      if (n >= this.fastKStart) dSma.fill(k);
      return;
    }
    this.outputs[0] = k;
    this.outputs[1] = dSma.push(k);
  }

  /** Other MA types: %D through the TA_MA object (kept out of update's inlining budget). */
  private averageGeneric(k: number): void {
    if (k !== k) return;
    const d = this.fastD!.next(k);
    if (d !== d) return;
    this.outputs[0] = k;
    this.outputs[1] = d;
  }

  snapshot(): IndicatorState {
    const dSma = this.dSma;
    const fastD =
      dSma !== null
        ? dSma.snapshot(Math.max(0, this.count - this.fastKStart), this.count > this.lookback ? this.outputs[1]! : NaN)
        : this.fastD!.snapshot();
    return { count: this.count, fastK: this.fastK.snapshot(), fastD, out: encodeArray(this.outputs) };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.fastK.restore(s.fastK as IndicatorState);
    if (this.dSma !== null) this.dSma.restore(s.fastD as IndicatorState);
    else this.fastD!.restore(s.fastD as IndicatorState);
    decodeInto(this.outputs, s.out);
  }
}

/** Batch STOCHF with TA-Lib's name, parameters and warm-up (fastKPeriod - 1 + %D MA lookback). */
export function stochf(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  fastKPeriod = 5,
  fastDPeriod = 3,
  fastDMaType = 0,
): { fastK: Float64Array; fastD: Float64Array } {
  const ind = new StochF(fastKPeriod, fastDPeriod, fastDMaType);
  const n = close.length;
  const fastK = new Float64Array(n);
  const fastD = new Float64Array(n);
  const bar = newMutableBar();
  const o = ind.outputs;
  let i = 0;
  try {
    for (; i < n; i++) {
      bar.high = high[i]!;
      bar.low = low[i]!;
      bar.close = close[i]!;
      ind.update(bar);
      fastK[i] = o[0]!;
      fastD[i] = o[1]!;
    }
  } catch (e) {
    rethrowAtIndex('STOCHF', ['high', 'low', 'close'], [high, low, close], i, e);
  }
  return { fastK, fastD };
}

type StochFParams = { fastKPeriod: number; fastDPeriod: number; fastDMaType: number };

export const stochfSpec: IndicatorSpec<StochFParams> = {
  name: 'STOCHF',
  group: 'momentum',
  summary: 'Fast stochastic oscillator (%K and its moving average %D)',
  inputs: ['high', 'low', 'close'],
  outputs: ['fastK', 'fastD'],
  defaults: { fastKPeriod: 5, fastDPeriod: 3, fastDMaType: 0 },
  create: (p, out) => new StochF(p.fastKPeriod, p.fastDPeriod, p.fastDMaType, out),
  batch: ([h, l, c], p) => {
    const r = stochf(h!, l!, c!, p.fastKPeriod, p.fastDPeriod, p.fastDMaType);
    return [r.fastK, r.fastD];
  },
  testParams: [
    { fastKPeriod: 14, fastDPeriod: 4, fastDMaType: 5 },
    { fastKPeriod: 1, fastDPeriod: 1, fastDMaType: 0 },
  ],
  talib: {
    name: 'STOCHF',
    optIn: (p) => ({ optInFastK_Period: p.fastKPeriod, optInFastD_Period: p.fastDPeriod, optInFastD_MAType: p.fastDMaType }),
    outputs: ['outFastK', 'outFastD'],
  },
};
