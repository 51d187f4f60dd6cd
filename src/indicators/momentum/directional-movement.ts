/**
 * Wilder's directional movement (+DM, -DM) and true range, summed and smoothed exactly as TA-Lib does
 * in TA_PLUS_DM, TA_MINUS_DM, TA_PLUS_DI, TA_MINUS_DI, TA_DX and TA_ADX. A building block, not an
 * indicator: PLUS_DM, MINUS_DM, PLUS_DI, MINUS_DI, DX, ADX and ADXR feed it and read its sums.
 *
 * Bar 0 only sets the previous high/low/close. Bars 1..period-1 are summed plainly; from bar `period`
 * on every sum is Wilder-smoothed: s = (s - s/period) + today's value. The one-bar +DM counts when
 * diffP > 0 and diffP > diffM, the one-bar -DM when diffM > 0 and diffP < diffM (never both).
 */
import type { Bar, IndicatorState } from '../types.js';

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
    if (diffM > 0 && diffP < diffM) minus += diffM;
    else if (diffP > 0 && diffP > diffM) plus += diffP;
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
    if (diffM > 0 && diffP < diffM) minus += diffM;
    else if (diffP > 0 && diffP > diffM) plus += diffP;
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
