/**
 * Wilder's directional movement (+DM, -DM) and true range, summed and smoothed exactly as TA-Lib does
 * in TA_PLUS_DM, TA_MINUS_DM, TA_PLUS_DI, TA_MINUS_DI, TA_DX and TA_ADX. A building block, not an
 * indicator: PLUS_DM, MINUS_DM, PLUS_DI, MINUS_DI, DX, ADX and ADXR feed it and read its sums.
 *
 * Bar 0 only sets the previous high/low/close. Bars 1..period-1 are summed plainly; from bar `period`
 * on every sum is Wilder-smoothed: s = (s - s/period) + today's value. The one-bar +DM counts when
 * diffP > 0 and diffP > diffM, the one-bar -DM when diffM > 0 and diffP < diffM (never both).
 * Which one counts is a coin flip on market data, so instead of TA-Lib's branches each sum adds the
 * one-bar value or -0, picked through a scratch array (x + -0 is exactly x, as TA-Lib's skipped
 * addition leaves it).
 */
import type { Bar, IndicatorState } from '../types.js';
import { rejectSeriesAt } from '../validate.js';

/** TA-Lib's TA_IS_ZERO (|v| < 1e-14). */
export function isZero(v: number): boolean {
  return -0.00000000000001 < v && v < 0.00000000000001;
}

export class DirectionalMovement {
  readonly period: number;
  /** Bars fed so far. */
  n = 0;
  prevHigh = 0;
  prevLow = 0;
  prevClose = 0;
  /** Sum (bars 1..period-1) then Wilder-smoothed +DM. */
  plusDM = 0;
  /** Sum then Wilder-smoothed -DM. */
  minusDM = 0;
  /** Sum then Wilder-smoothed true range (only maintained by `step`). */
  tr = 0;
  /** Scratch for the branch-free choice of the one-bar +DM / -DM: [-0, diff]. */
  private readonly pick = Float64Array.of(-0, 0);

  constructor(period: number) {
    this.period = period;
  }

  /**
   * High and low only (PLUS_DM, MINUS_DM): +DM and -DM, no true range. Takes the (already checked) bar
   * rather than numbers so that a call V8 does not inline boxes no doubles.
   */
  stepHL(bar: Bar): void {
    const high = bar.high;
    const low = bar.low;
    const n = this.n++;
    const diffP = high - this.prevHigh;
    const diffM = this.prevLow - low;
    this.prevHigh = high;
    this.prevLow = low;
    if (n === 0) return;
    const p = this.period;
    let plus = this.plusDM;
    let minus = this.minusDM;
    if (n >= p) {
      minus -= minus / p;
      plus -= plus / p;
    }
    const pick = this.pick;
    pick[1] = diffM;
    minus += pick[+(diffM > 0) & +(diffP < diffM)]!;
    pick[1] = diffP;
    plus += pick[+(diffP > 0) & +(diffP > diffM)]!;
    this.plusDM = plus;
    this.minusDM = minus;
  }

  /** High, low and close (already checked): +DM, -DM and the true range. */
  step(bar: Bar): void {
    const high = bar.high;
    const low = bar.low;
    const close = bar.close;
    const n = this.n++;
    const diffP = high - this.prevHigh;
    const diffM = this.prevLow - low;
    const prevClose = this.prevClose;
    this.prevHigh = high;
    this.prevLow = low;
    this.prevClose = close;
    if (n === 0) return;
    // TA-Lib's TRUE_RANGE(today's high, today's low, yesterday's close)
    let tr1 = high - low;
    let t = Math.abs(high - prevClose);
    if (t > tr1) tr1 = t;
    t = Math.abs(low - prevClose);
    if (t > tr1) tr1 = t;
    const p = this.period;
    let plus = this.plusDM;
    let minus = this.minusDM;
    let tr = this.tr;
    if (n >= p) {
      minus -= minus / p;
      plus -= plus / p;
      tr = tr - tr / p + tr1;
    } else {
      tr += tr1;
    }
    const pick = this.pick;
    pick[1] = diffM;
    minus += pick[+(diffM > 0) & +(diffP < diffM)]!;
    pick[1] = diffP;
    plus += pick[+(diffP > 0) & +(diffP > diffM)]!;
    this.plusDM = plus;
    this.minusDM = minus;
    this.tr = tr;
  }

  snapshot(): IndicatorState {
    return {
      n: this.n,
      prevHigh: this.prevHigh,
      prevLow: this.prevLow,
      prevClose: this.prevClose,
      plusDM: this.plusDM,
      minusDM: this.minusDM,
      tr: this.tr,
    };
  }

  restore(s: IndicatorState): void {
    this.n = s.n as number;
    this.prevHigh = s.prevHigh as number;
    this.prevLow = s.prevLow as number;
    this.prevClose = s.prevClose as number;
    this.plusDM = s.plusDM as number;
    this.minusDM = s.minusDM as number;
    this.tr = s.tr as number;
  }
}

const HLC_NAMES = ['high', 'low', 'close'];
const EPSILON = 0.00000000000001;

/**
 * Batch DX (`adx` false, first value at `period`) or ADX (`adx` true, first value at 2*period-1) into
 * `out` (NaN before): DirectionalMovement.step, Dx.update and Adx.step's operations in the same order
 * as loops over the arrays. The running values that carry from bar to bar sit in a small Float64Array:
 * as plain locals, V8's on-stack-replacement code for the first call sometimes keeps them boxed (one
 * heap number per value per bar). The warm-up has its own loop, so the main loop has no warm-up tests.
 */
export function directionalInto(
  name: string,
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  period: number,
  out: Float64Array,
  adx: boolean,
): void {
  const n = out.length;
  out.fill(NaN);
  if (n === 0) return;
  const p = period;
  const pm1 = p - 1;
  const lookback = adx ? 2 * p - 1 : p;
  // [+DM, -DM, TR, previous high, previous low, previous close, ADX or the latest DX, sum of DX]
  const st = new Float64Array(8);
  const pick = Float64Array.of(-0, 0);
  let i = 0;
  const end = Math.min(n, lookback + 1);
  for (; i < end; i++) {
    const h = high[i]!;
    const l = low[i]!;
    const c = close[i]!;
    if (h - h + (l - l) + (c - c) !== 0) rejectSeriesAt(name, HLC_NAMES, [high, low, close], i);
    const diffP = h - st[3]!;
    const diffM = st[4]! - l;
    const pc = st[5]!;
    st[3] = h;
    st[4] = l;
    st[5] = c;
    if (i === 0) continue;
    let tr1 = h - l;
    let t = Math.abs(h - pc);
    if (t > tr1) tr1 = t;
    t = Math.abs(l - pc);
    if (t > tr1) tr1 = t;
    let plus = st[0]!;
    let minus = st[1]!;
    let tr = st[2]!;
    if (i >= p) {
      minus -= minus / p;
      plus -= plus / p;
      tr = tr - tr / p + tr1;
    } else {
      tr += tr1;
    }
    pick[1] = diffM;
    minus += pick[+(diffM > 0) & +(diffP < diffM)]!;
    pick[1] = diffP;
    plus += pick[+(diffP > 0) & +(diffP > diffM)]!;
    st[0] = plus;
    st[1] = minus;
    st[2] = tr;
    if (i < p) continue;
    if (!(-EPSILON < tr && tr < EPSILON)) {
      const minusDI = 100.0 * (minus / tr);
      const plusDI = 100.0 * (plus / tr);
      const sum = minusDI + plusDI;
      if (!(-EPSILON < sum && sum < EPSILON)) {
        const dx = 100.0 * (Math.abs(minusDI - plusDI) / sum);
        if (adx) st[7] = st[7]! + dx;
        else st[6] = dx;
      }
    }
    if (i === lookback) {
      if (adx) st[6] = st[7]! / p;
      out[i] = st[6]!;
    }
  }
  for (; i < n; i++) {
    const h = high[i]!;
    const l = low[i]!;
    const c = close[i]!;
    if (h - h + (l - l) + (c - c) !== 0) rejectSeriesAt(name, HLC_NAMES, [high, low, close], i);
    const diffP = h - st[3]!;
    const diffM = st[4]! - l;
    const pc = st[5]!;
    st[3] = h;
    st[4] = l;
    st[5] = c;
    let tr1 = h - l;
    let t = Math.abs(h - pc);
    if (t > tr1) tr1 = t;
    t = Math.abs(l - pc);
    if (t > tr1) tr1 = t;
    let plus = st[0]!;
    let minus = st[1]!;
    let tr = st[2]!;
    minus -= minus / p;
    plus -= plus / p;
    tr = tr - tr / p + tr1;
    pick[1] = diffM;
    minus += pick[+(diffM > 0) & +(diffP < diffM)]!;
    pick[1] = diffP;
    plus += pick[+(diffP > 0) & +(diffP > diffM)]!;
    st[0] = plus;
    st[1] = minus;
    st[2] = tr;
    let v = st[6]!;
    if (!(-EPSILON < tr && tr < EPSILON)) {
      const minusDI = 100.0 * (minus / tr);
      const plusDI = 100.0 * (plus / tr);
      const sum = minusDI + plusDI;
      if (!(-EPSILON < sum && sum < EPSILON)) {
        const dx = 100.0 * (Math.abs(minusDI - plusDI) / sum);
        st[6] = v = adx ? (v * pm1 + dx) / p : dx;
      }
    }
    out[i] = v;
  }
}
