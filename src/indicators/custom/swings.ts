/**
 * SWINGS — last confirmed swing high and swing low (fractal pivots), with TradingView's
 * ta.pivothigh / ta.pivotlow rule (as documented by TradingView and reproduced by PineTS):
 *   bar j is a swing high when high[j] is >= the highs of the `left` (5) bars before it (an EQUAL left
 *   bar does not disqualify it) and STRICTLY greater than the highs of the `right` (5) bars after it
 *   (an equal later bar takes the pivot instead); a swing low is the mirror image on lows.
 * A swing at bar j is confirmed on bar j + right, once bars j+1..j+right have closed; it is reported
 * from that bar on and never revised. Outputs: lastSwingHigh, lastSwingLow (prices) and
 * barsSinceSwingHigh, barsSinceSwingLow (current bar index - swing bar index, so `right` on the
 * confirming bar).
 * Before the first swing high (low) is confirmed, the outputs hold the highest high (lowest low) of the
 * bars already out of the right-hand confirmation zone (bars 0..t-right, latest on ties) and the bars
 * since it, so all outputs are defined from the lookback left + right on (also on flat markets, which
 * have no swings). Detection is one monotonic deque per side over left + right + 1 bars (the pivot is
 * the latest bar holding the window's extreme), O(1) amortised.
 */
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { assertFiniteSeries, assertPeriod, rejectInput } from '../validate.js';
import { RollingExtreme } from './rolling.js';

export class Swings extends IndicatorBase {
  readonly lookback: number;
  private readonly right: number;
  private readonly win: number;
  private readonly hiDq: RollingExtreme;
  private readonly loDq: RollingExtreme;
  private readonly highs: Float64Array;
  private readonly lows: Float64Array;
  private swingHi = NaN;
  private swingHiAt = 0;
  private swingLo = NaN;
  private swingLoAt = 0;
  /** whether a real (confirmed) swing high / low has been found yet */
  private haveHi = false;
  private haveLo = false;

  constructor(left = 5, right = 5, outputs?: Float64Array) {
    super(4, outputs);
    assertPeriod('SWINGS', 'left', left, 1);
    assertPeriod('SWINGS', 'right', right, 1);
    this.right = right;
    this.win = left + right + 1;
    this.lookback = left + right;
    this.hiDq = new RollingExtreme(this.win, true);
    this.loDq = new RollingExtreme(this.win, false);
    this.highs = new Float64Array(this.win);
    this.lows = new Float64Array(this.win);
  }

  update(bar: Bar): void {
    const { high: h, low: l } = bar;
    if (h - h !== 0) rejectInput('SWINGS', 'high', h);
    if (l - l !== 0) rejectInput('SWINGS', 'low', l);
    const n = this.count++;
    const w = this.win;
    this.highs[n % w] = h;
    this.lows[n % w] = l;
    this.hiDq.push(h);
    this.loDq.push(l);
    const j = n - this.right;
    if (j < 0) return;
    const full = n >= this.lookback;
    const hj = this.highs[j % w]!;
    if (full && this.hiDq.index === j) {
      this.swingHi = hj;
      this.swingHiAt = j;
      this.haveHi = true;
    } else if (!this.haveHi && !(hj < this.swingHi)) {
      // fallback before the first swing: running highest high of bars 0..j (NaN compares false)
      this.swingHi = hj;
      this.swingHiAt = j;
    }
    const lj = this.lows[j % w]!;
    if (full && this.loDq.index === j) {
      this.swingLo = lj;
      this.swingLoAt = j;
      this.haveLo = true;
    } else if (!this.haveLo && !(lj > this.swingLo)) {
      this.swingLo = lj;
      this.swingLoAt = j;
    }
    if (!full) return;
    const o = this.outputs;
    o[0] = this.swingHi;
    o[1] = this.swingLo;
    o[2] = n - this.swingHiAt;
    o[3] = n - this.swingLoAt;
  }

  snapshot(): IndicatorState {
    return {
      count: this.count,
      hiDq: this.hiDq.snapshot(),
      loDq: this.loDq.snapshot(),
      highs: encodeArray(this.highs),
      lows: encodeArray(this.lows),
      swing: encodeArray([this.swingHi, this.swingHiAt, this.swingLo, this.swingLoAt]),
      haveHi: this.haveHi,
      haveLo: this.haveLo,
      out: encodeArray(this.outputs),
    };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.hiDq.restore(s.hiDq as IndicatorState);
    this.loDq.restore(s.loDq as IndicatorState);
    decodeInto(this.highs, s.highs);
    decodeInto(this.lows, s.lows);
    const sw = s.swing as readonly (number | null)[];
    this.swingHi = sw[0] ?? NaN;
    this.swingHiAt = sw[1] as number;
    this.swingLo = sw[2] ?? NaN;
    this.swingLoAt = sw[3] as number;
    this.haveHi = s.haveHi as boolean;
    this.haveLo = s.haveLo as boolean;
    decodeInto(this.outputs, s.out);
  }
}

/** Batch swings: { lastSwingHigh, lastSwingLow, barsSinceSwingHigh, barsSinceSwingLow }. */
export function swings(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  left = 5,
  right = 5,
): { lastSwingHigh: Float64Array; lastSwingLow: Float64Array; barsSinceSwingHigh: Float64Array; barsSinceSwingLow: Float64Array } {
  assertFiniteSeries('SWINGS', 'high', high);
  assertFiniteSeries('SWINGS', 'low', low);
  const ind = new Swings(left, right);
  const n = high.length;
  const r = {
    lastSwingHigh: new Float64Array(n),
    lastSwingLow: new Float64Array(n),
    barsSinceSwingHigh: new Float64Array(n),
    barsSinceSwingLow: new Float64Array(n),
  };
  const o = ind.outputs;
  const bar = newMutableBar();
  for (let i = 0; i < n; i++) {
    bar.high = high[i]!;
    bar.low = low[i]!;
    ind.update(bar);
    r.lastSwingHigh[i] = o[0]!;
    r.lastSwingLow[i] = o[1]!;
    r.barsSinceSwingHigh[i] = o[2]!;
    r.barsSinceSwingLow[i] = o[3]!;
  }
  return r;
}

export const swingsSpec: IndicatorSpec<{ left: number; right: number }> = {
  name: 'SWINGS',
  group: 'custom',
  summary: 'Last confirmed swing high/low (TradingView pivot rule) and bars since each',
  inputs: ['high', 'low'],
  outputs: ['lastSwingHigh', 'lastSwingLow', 'barsSinceSwingHigh', 'barsSinceSwingLow'],
  defaults: { left: 5, right: 5 },
  testParams: [
    { left: 2, right: 2 },
    { left: 10, right: 3 },
  ],
  create: (p, out) => new Swings(p.left, p.right, out),
  batch: ([h, l], p) => {
    const r = swings(h!, l!, p.left, p.right);
    return [r.lastSwingHigh, r.lastSwingLow, r.barsSinceSwingHigh, r.barsSinceSwingLow];
  },
};
