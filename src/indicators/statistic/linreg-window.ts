/**
 * Building block of LINEARREG, LINEARREG_SLOPE, LINEARREG_ANGLE, LINEARREG_INTERCEPT and TSF: the
 * least-squares slope over the last `period` values, with x = period-1 for the oldest value down to
 * 0 for the newest, exactly as TA-Lib's TA_LINEARREG* / TA_TSF compute it.
 *
 * TA-Lib recomputes SumY and SumXY over the whole window each bar (oldest value first); so does this
 * class (O(period) per update, no allocation), which keeps results bit-identical to TA-Lib — a rolling
 * O(1) update of SumXY would lose the slope's relative precision when the slope is near zero.
 * The window is a ring buffer stored twice (length 2*period) so that it is always contiguous.
 */
import { decodeInto, encodeArray } from '../state.js';
import type { IndicatorState } from '../types.js';
import { assertPeriod } from '../validate.js';

export class LinRegWindow {
  readonly period: number;
  readonly sumX: number;
  readonly divisor: number;
  /** Number of values pushed. */
  count = 0;
  /** Sums of the current window once `count >= period`. */
  sumY = 0;
  slope = 0;
  private readonly buf: Float64Array;
  private pos = 0;

  constructor(indicator: string, period: number) {
    assertPeriod(indicator, 'period', period, 2);
    this.period = period;
    this.sumX = period * (period - 1) * 0.5;
    const sumXSqr = (period * (period - 1) * (2 * period - 1)) / 6;
    this.divisor = this.sumX * this.sumX - period * sumXSqr;
    this.buf = new Float64Array(2 * period);
  }

  /** Adds one value; returns true when the window is full and `sumY`/`slope` are set. */
  push(x: number): boolean {
    const p = this.period;
    const b = this.buf;
    let pos = this.pos;
    b[pos] = x;
    b[pos + p] = x;
    if (++pos === p) pos = 0;
    this.pos = pos;
    if (++this.count < p) return false;
    // Oldest value first: b[pos .. pos + p - 1], x from p-1 down to 0 (TA-Lib's loop order).
    let sumY = 0;
    let sumXY = 0;
    let j = pos;
    for (let i = p; i-- !== 0; ) {
      const v = b[j++]!;
      sumY += v;
      sumXY += i * v;
    }
    this.sumY = sumY;
    this.slope = (p * sumXY - this.sumX * sumY) / this.divisor;
    return true;
  }

  snapshot(): IndicatorState {
    return { count: this.count, pos: this.pos, buf: encodeArray(this.buf) };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.pos = s.pos as number;
    decodeInto(this.buf, s.buf);
    this.recompute();
  }

  /** Recomputes sumY/slope from the buffer after a restore. */
  private recompute(): void {
    if (this.count < this.period) return;
    const p = this.period;
    let sumY = 0;
    let sumXY = 0;
    let j = this.pos;
    for (let i = p; i-- !== 0; ) {
      const v = this.buf[j++]!;
      sumY += v;
      sumXY += i * v;
    }
    this.sumY = sumY;
    this.slope = (p * sumXY - this.sumX * sumY) / this.divisor;
  }
}
