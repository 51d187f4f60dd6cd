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
 * have no swings). Detection compares the candidate bar with the extremes of the `left` bars before
 * and the `right` bars after it (two WindowExtremes: O(1) per bar, no data-dependent branches).
 */
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { HL, rejectBar } from '../momentum/bar-check.js';
import { WindowExtremes } from '../momentum/window-extremes.js';
import { assertPeriod, rethrowAtIndex } from '../validate.js';

export class Swings extends IndicatorBase {
  readonly lookback: number;
  private readonly left: number;
  private readonly right: number;
  private readonly win: number;
  /** Highest high / lowest low of the `right` bars after the candidate bar j (bars j+1..t). */
  private readonly after: WindowExtremes;
  /** ... and of the `left` bars before it (bars j-left..j-1), fed `right` + 1 bars late. */
  private readonly before: WindowExtremes;
  /** The last `win` highs and lows; bar n at n % win. */
  private readonly highs: Float64Array;
  private readonly lows: Float64Array;
  /** Slot of the newest bar in highs/lows. */
  private slot = -1;
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
    this.left = left;
    this.right = right;
    this.win = left + right + 1;
    this.lookback = left + right;
    this.after = new WindowExtremes(right);
    this.before = new WindowExtremes(left);
    this.highs = new Float64Array(this.win);
    this.lows = new Float64Array(this.win);
  }

  update(bar: Bar): void {
    const h = bar.high;
    const l = bar.low;
    if (h - h + (l - l) !== 0) rejectBar('SWINGS', bar, HL);
    const n = this.count++;
    const w = this.win;
    let slot = this.slot + 1;
    if (slot === w) slot = 0;
    this.slot = slot;
    this.highs[slot] = h;
    this.lows[slot] = l;
    const after = this.after;
    after.push(h, l);
    const j = n - this.right;
    if (j < 0) return;
    let sj = slot - this.right;
    if (sj < 0) sj += w;
    const hj = this.highs[sj]!;
    const lj = this.lows[sj]!;
    const before = this.before;
    if (j > 0) {
      // bar j - 1 joins the window before the candidate
      const sb = sj === 0 ? w - 1 : sj - 1;
      before.push(this.highs[sb]!, this.lows[sb]!);
    }
    // Bar j is the swing high when it is >= every high of the left bars and > every high of the right
    // bars, i.e. the latest bar holding the highest high of bars j-left..j+right (TradingView's rule).
    const full = j >= this.left;
    if (full && hj >= before.highest && hj > after.highest) {
      this.swingHi = hj;
      this.swingHiAt = j;
      this.haveHi = true;
    } else if (!this.haveHi && !(hj < this.swingHi)) {
      // fallback before the first swing: running highest high of bars 0..j (NaN compares false)
      this.swingHi = hj;
      this.swingHiAt = j;
    }
    if (full && lj <= before.lowest && lj < after.lowest) {
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
      highs: encodeArray(this.highs),
      lows: encodeArray(this.lows),
      swing: encodeArray([this.swingHi, this.swingHiAt, this.swingLo, this.swingLoAt]),
      haveHi: this.haveHi,
      haveLo: this.haveLo,
      out: encodeArray(this.outputs),
    };
  }

  /** Also takes older snapshots (which had monotonic deques too): the windows are rebuilt from the rings. */
  restore(s: IndicatorState): void {
    const n = s.count as number;
    this.count = n;
    decodeInto(this.highs, s.highs);
    decodeInto(this.lows, s.lows);
    const w = this.win;
    this.slot = n === 0 ? -1 : (n - 1) % w;
    // the right-hand window: bars max(0, n-right)..n-1; the left-hand one: up to `left` bars before j
    const right = this.right;
    this.after.reset();
    for (let i = Math.max(0, n - right); i < n; i++) this.after.push(this.highs[i % w]!, this.lows[i % w]!);
    const j = n - 1 - right;
    this.before.reset();
    for (let i = Math.max(0, j - this.left); i < j; i++) this.before.push(this.highs[i % w]!, this.lows[i % w]!);
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
  let i = 0;
  try {
    for (; i < n; i++) {
      bar.high = high[i]!;
      bar.low = low[i]!;
      ind.update(bar);
      r.lastSwingHigh[i] = o[0]!;
      r.lastSwingLow[i] = o[1]!;
      r.barsSinceSwingHigh[i] = o[2]!;
      r.barsSinceSwingLow[i] = o[3]!;
    }
  } catch (e) {
    rethrowAtIndex('SWINGS', ['high', 'low'], [high, low], i, e);
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
