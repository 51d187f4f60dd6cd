/**
 * Highest high and lowest low of the last `length` bars, with the (absolute, 0-based) index where each
 * sits — building block for AROON, AROONOSC and WILLR. TA-Lib's approach (TA_AROON, TA_WILLR): the
 * extreme is kept until it leaves the window, and only then is the window rescanned; among equal
 * extremes the latest bar wins (TA_AROON's `>=` / `<=`; WILLR reads only the values). Ring buffers in
 * preallocated Float64Arrays, no allocation per bar.
 */
import { decodeInto, encodeArray } from '../state.js';
import type { Bar, IndicatorState } from '../types.js';

export class HighLowWindow {
  private readonly length: number;
  private readonly highs: Float64Array;
  private readonly lows: Float64Array;
  /** Ring slot of the latest bar. */
  private slot = -1;
  /** Bars pushed so far; the latest bar has index n - 1. */
  n = 0;
  highest = 0;
  highestIdx = -1;
  lowest = 0;
  lowestIdx = -1;

  constructor(length: number) {
    this.length = length;
    this.highs = new Float64Array(length);
    this.lows = new Float64Array(length);
  }

  /** Adds the (already checked) bar; takes the bar rather than numbers so a non-inlined call boxes nothing. */
  push(bar: Bar): void {
    const high = bar.high;
    const low = bar.low;
    const today = this.n++;
    const len = this.length;
    let slot = this.slot + 1;
    if (slot === len) slot = 0;
    this.slot = slot;
    this.highs[slot] = high;
    this.lows[slot] = low;
    if (today === 0) {
      this.highest = high;
      this.highestIdx = 0;
      this.lowest = low;
      this.lowestIdx = 0;
      return;
    }
    const trailing = today - len + 1;
    if (this.lowestIdx < trailing) {
      const lows = this.lows;
      let s = slot + 1;
      if (s === len) s = 0;
      let v = lows[s]!;
      let idx = trailing;
      for (let j = trailing + 1; j <= today; j++) {
        if (++s === len) s = 0;
        const x = lows[s]!;
        if (x <= v) {
          v = x;
          idx = j;
        }
      }
      this.lowest = v;
      this.lowestIdx = idx;
    } else if (low <= this.lowest) {
      this.lowest = low;
      this.lowestIdx = today;
    }
    if (this.highestIdx < trailing) {
      const highs = this.highs;
      let s = slot + 1;
      if (s === len) s = 0;
      let v = highs[s]!;
      let idx = trailing;
      for (let j = trailing + 1; j <= today; j++) {
        if (++s === len) s = 0;
        const x = highs[s]!;
        if (x >= v) {
          v = x;
          idx = j;
        }
      }
      this.highest = v;
      this.highestIdx = idx;
    } else if (high >= this.highest) {
      this.highest = high;
      this.highestIdx = today;
    }
  }

  snapshot(): IndicatorState {
    return {
      n: this.n,
      slot: this.slot,
      highs: encodeArray(this.highs),
      lows: encodeArray(this.lows),
      highest: this.highest,
      highestIdx: this.highestIdx,
      lowest: this.lowest,
      lowestIdx: this.lowestIdx,
    };
  }

  restore(s: IndicatorState): void {
    this.n = s.n as number;
    this.slot = s.slot as number;
    decodeInto(this.highs, s.highs);
    decodeInto(this.lows, s.lows);
    this.highest = s.highest as number;
    this.highestIdx = s.highestIdx as number;
    this.lowest = s.lowest as number;
    this.lowestIdx = s.lowestIdx as number;
  }
}
