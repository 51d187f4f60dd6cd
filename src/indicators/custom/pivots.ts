/**
 * Shared engine of PIVOTS_CLASSIC and PIVOTS_FIB: floor-trader pivot levels from the previous
 * completed higher-timeframe bar, aggregated from the bars fed.
 *
 * Periods are `periodMinutes`-long intervals aligned to the UTC epoch (default 1440: UTC days). The
 * high, low and close of the current period are accumulated from the bars whose openTime falls in it;
 * when the first bar of a later period arrives, the accumulated period is complete and the levels
 * computed from it are output until the next period completes. "Previous completed bar" means the last
 * period that had bars, as a higher-timeframe chart (which has no empty bars) would show it: after a
 * gap of whole periods the levels come from the last period with data.
 *
 * The first period is used only when the first bar fed opens exactly at its start (otherwise its
 * high/low/close would be partial), so outputs are NaN until one full period has been seen and the
 * next has begun. `lookback` is nominal — periodMinutes, the first valid index for 1m bars starting on
 * a period boundary; `isReady` reports the actual state. Bars must come in time order.
 */
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import { newMutableBar, type Bar, type IndicatorState } from '../types.js';
import { assertPeriod, rejectInput, rethrowAtIndex } from '../validate.js';
import { timeWentBack } from './time-bucket.js';

export const PIVOT_OUTPUTS = ['p', 'r1', 'r2', 'r3', 's1', 's2', 's3'] as const;

/** 0 = classic (floor-trader), 1 = Fibonacci. */
export type PivotMode = 0 | 1;

export class PeriodPivots extends IndicatorBase {
  readonly lookback: number;
  private readonly name: string;
  private readonly mode: PivotMode;
  private readonly periodMs: number;
  private period = NaN;
  /** whether the period being accumulated is complete from its start */
  private full = false;
  private hi = 0;
  private lo = 0;
  private cl = 0;

  constructor(name: string, mode: PivotMode, periodMinutes = 1440, outputs?: Float64Array) {
    super(7, outputs);
    assertPeriod(name, 'periodMinutes', periodMinutes, 1, 5_256_000);
    this.name = name;
    this.mode = mode;
    this.periodMs = periodMinutes * 60_000;
    this.lookback = periodMinutes;
  }

  override get isReady(): boolean {
    return !Number.isNaN(this.outputs[0]!);
  }

  update(bar: Bar): void {
    const { openTime: t, high: h, low: l, close: c } = bar;
    if (t - t !== 0) rejectInput(this.name, 'openTime', t);
    if (h - h !== 0) rejectInput(this.name, 'high', h);
    if (l - l !== 0) rejectInput(this.name, 'low', l);
    if (c - c !== 0) rejectInput(this.name, 'close', c);
    const pid = Math.floor(t / this.periodMs);
    this.count++;
    if (pid === this.period) {
      if (h > this.hi) this.hi = h;
      if (l < this.lo) this.lo = l;
      this.cl = c;
      return;
    }
    if (this.count === 1) {
      this.full = t === pid * this.periodMs;
    } else {
      if (pid < this.period) timeWentBack(this.name, t);
      if (this.full) this.levels();
      this.full = true;
    }
    this.period = pid;
    this.hi = h;
    this.lo = l;
    this.cl = c;
  }

  private levels(): void {
    const H = this.hi;
    const L = this.lo;
    const p = (H + L + this.cl) / 3;
    const range = H - L;
    const o = this.outputs;
    o[0] = p;
    if (this.mode === 0) {
      o[1] = 2 * p - L;
      o[2] = p + range;
      o[3] = H + 2 * (p - L);
      o[4] = 2 * p - H;
      o[5] = p - range;
      o[6] = L - 2 * (H - p);
    } else {
      o[1] = p + 0.382 * range;
      o[2] = p + 0.618 * range;
      o[3] = p + range;
      o[4] = p - 0.382 * range;
      o[5] = p - 0.618 * range;
      o[6] = p - range;
    }
  }

  snapshot(): IndicatorState {
    return {
      count: this.count,
      period: Number.isNaN(this.period) ? null : this.period,
      full: this.full,
      hi: this.hi,
      lo: this.lo,
      cl: this.cl,
      out: encodeArray(this.outputs),
    };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.period = s.period === null ? NaN : (s.period as number);
    this.full = s.full as boolean;
    this.hi = s.hi as number;
    this.lo = s.lo as number;
    this.cl = s.cl as number;
    decodeInto(this.outputs, s.out);
  }
}

export type PivotLevels = {
  p: Float64Array;
  r1: Float64Array;
  r2: Float64Array;
  r3: Float64Array;
  s1: Float64Array;
  s2: Float64Array;
  s3: Float64Array;
};

/** Batch loop shared by pivotsClassic and pivotsFib. */
export function pivotsBatch(
  ind: PeriodPivots,
  name: string,
  openTime: ArrayLike<number>,
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
): PivotLevels {
  const n = close.length;
  const r: PivotLevels = {
    p: new Float64Array(n),
    r1: new Float64Array(n),
    r2: new Float64Array(n),
    r3: new Float64Array(n),
    s1: new Float64Array(n),
    s2: new Float64Array(n),
    s3: new Float64Array(n),
  };
  const o = ind.outputs;
  const bar = newMutableBar();
  let i = 0;
  try {
    for (; i < n; i++) {
      bar.openTime = openTime[i]!;
      bar.high = high[i]!;
      bar.low = low[i]!;
      bar.close = close[i]!;
      ind.update(bar);
      r.p[i] = o[0]!;
      r.r1[i] = o[1]!;
      r.r2[i] = o[2]!;
      r.r3[i] = o[3]!;
      r.s1[i] = o[4]!;
      r.s2[i] = o[5]!;
      r.s3[i] = o[6]!;
    }
  } catch (e) {
    rethrowAtIndex(name, ['openTime', 'high', 'low', 'close'], [openTime, high, low, close], i, e);
  }
  return r;
}

export function pivotArrays(r: PivotLevels): Float64Array[] {
  return [r.p, r.r1, r.r2, r.r3, r.s1, r.s2, r.s3];
}
