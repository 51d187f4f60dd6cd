/**
 * STOCHF — fast stochastic: %K = (close - lowest low) / (highest high - lowest low) * 100 over
 * `fastKPeriod` bars, %D = MA(%K) of a TA-Lib MA type.
 * Definition and floating-point order: TA-Lib TA_STOCHF: %K = (close - lowest) / diff with
 * diff = (highest - lowest) / 100, 0 when diff is 0; the extremes are tracked as TA-Lib does
 * (rescan only when the extreme leaves the window). `FastKWindow` is shared by STOCH and STOCHRSI.
 */
import { createMovingAverage, type MovingAverage } from '../overlap/ma-type.js';
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { assertFiniteSeries, assertPeriod, rejectInput } from '../validate.js';

/** Raw stochastic %K over a sliding window, exactly as TA-Lib's TA_STOCH / TA_STOCHF loop. */
export class FastKWindow {
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
    const slot = this.pos + 1 === p ? 0 : this.pos + 1;
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
    // TA-Lib refreshes diff = (highest - lowest) / 100 whenever either extreme changes, so it always
    // equals this expression on the current extremes.
    const lowest = this.lowest;
    const diff = (this.highest - lowest) / 100.0;
    return diff !== 0.0 ? (close - lowest) / diff : 0.0;
  }

  /** The lowest low of the window starting at `trailing` (first of equal values), as TA-Lib rescans. */
  private rescanLowest(trailing: number, slot: number): void {
    const p = this.period;
    const lows = this.lows;
    let j = slot + 1 === p ? 0 : slot + 1;
    let idx = trailing;
    let lowest = lows[j]!;
    const today = trailing + p - 1;
    for (let i = trailing + 1; i <= today; i++) {
      if (++j === p) j = 0;
      const t = lows[j]!;
      if (t < lowest) {
        idx = i;
        lowest = t;
      }
    }
    this.lowestIdx = idx;
    this.lowest = lowest;
  }

  /** The highest high of the window starting at `trailing` (first of equal values), as TA-Lib rescans. */
  private rescanHighest(trailing: number, slot: number): void {
    const p = this.period;
    const highs = this.highs;
    let j = slot + 1 === p ? 0 : slot + 1;
    let idx = trailing;
    let highest = highs[j]!;
    const today = trailing + p - 1;
    for (let i = trailing + 1; i <= today; i++) {
      if (++j === p) j = 0;
      const t = highs[j]!;
      if (t > highest) {
        idx = i;
        highest = t;
      }
    }
    this.highestIdx = idx;
    this.highest = highest;
  }

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
  private readonly fastD: MovingAverage;

  constructor(fastKPeriod = 5, fastDPeriod = 3, fastDMaType = 0, outputs?: Float64Array) {
    super(2, outputs);
    assertPeriod('STOCHF', 'fastKPeriod', fastKPeriod, 1);
    assertPeriod('STOCHF', 'fastDPeriod', fastDPeriod, 1);
    assertPeriod('STOCHF', 'fastDMaType', fastDMaType, 0, 8);
    this.fastK = new FastKWindow(fastKPeriod);
    this.fastD = createMovingAverage(fastDMaType, fastDPeriod);
    this.lookback = fastKPeriod - 1 + this.fastD.lookback;
  }

  update(bar: Bar): void {
    const h = bar.high;
    const l = bar.low;
    const c = bar.close;
    if (h - h !== 0) rejectInput('STOCHF', 'high', h);
    if (l - l !== 0) rejectInput('STOCHF', 'low', l);
    if (c - c !== 0) rejectInput('STOCHF', 'close', c);
    this.count++;
    const k = this.fastK.next(h, l, c);
    if (k !== k) return;
    const d = this.fastD.next(k);
    if (d !== d) return;
    this.outputs[0] = k;
    this.outputs[1] = d;
  }

  snapshot(): IndicatorState {
    return { count: this.count, fastK: this.fastK.snapshot(), fastD: this.fastD.snapshot(), out: encodeArray(this.outputs) };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.fastK.restore(s.fastK as IndicatorState);
    this.fastD.restore(s.fastD as IndicatorState);
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
  assertFiniteSeries('STOCHF', 'high', high);
  assertFiniteSeries('STOCHF', 'low', low);
  assertFiniteSeries('STOCHF', 'close', close);
  const ind = new StochF(fastKPeriod, fastDPeriod, fastDMaType);
  const n = close.length;
  const fastK = new Float64Array(n);
  const fastD = new Float64Array(n);
  const bar = newMutableBar();
  const o = ind.outputs;
  for (let i = 0; i < n; i++) {
    bar.high = high[i]!;
    bar.low = low[i]!;
    bar.close = close[i]!;
    ind.update(bar);
    fastK[i] = o[0]!;
    fastD[i] = o[1]!;
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
