/**
 * ICHIMOKU — Ichimoku Kinko Hyo (Goichi Hosoda); definitions as in StockCharts ChartSchool
 * "Ichimoku Cloud", re-expressed without any shift into the future or the past so every output at bar
 * t uses bars up to t only:
 *   tenkan  = (highest high + lowest low) / 2 over the last `tenkan` (9) bars
 *   kijun   = (highest high + lowest low) / 2 over the last `kijun` (26) bars
 *   senkouA = (tenkan + kijun) / 2 as computed `displacement` (26) bars ago — the cloud edge charted
 *             at bar t (charting plots it `displacement` bars ahead of where it is computed)
 *   senkouB = (highest high + lowest low) / 2 over `senkouB` (52) bars, as computed `displacement` bars ago
 *   chikou  = close[t] - close[t - displacement] — the lagging line's live meaning: the chikou span is
 *             today's close charted `displacement` bars back, and traders read it against the price
 *             there; this difference (> 0: chikou above that price) is what is known at bar t.
 * Note: TradingView plots the cloud with offset displacement - 1 (25); here the shift is exactly
 * `displacement` bars. All five outputs start together at the lookback
 * max(tenkan, kijun, senkouB) - 1 + displacement (77 with the defaults) so that no output is NaN after
 * it. The window extremes come from WindowExtremes (O(1) per bar, no data-dependent branches).
 */
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { HLC, rejectBar } from '../momentum/bar-check.js';
import { rollingDeque, WindowExtremes } from '../momentum/window-extremes.js';
import { assertPeriod, rethrowAtIndex } from '../validate.js';

export class Ichimoku extends IndicatorBase {
  readonly lookback: number;
  private readonly disp: number;
  /** highest high and lowest low over the tenkan, kijun and senkou B windows */
  private readonly tWin: WindowExtremes;
  private readonly kWin: WindowExtremes;
  private readonly bWin: WindowExtremes;
  /** spans A and B and closes of the last `displacement` bars, by index mod displacement */
  private readonly spanA: Float64Array;
  private readonly spanB: Float64Array;
  private readonly closes: Float64Array;
  /** count mod displacement: the slot of this bar in the three rings above */
  private slot = 0;

  constructor(tenkan = 9, kijun = 26, senkouB = 52, displacement = 26, outputs?: Float64Array) {
    super(5, outputs);
    assertPeriod('ICHIMOKU', 'tenkan', tenkan, 1);
    assertPeriod('ICHIMOKU', 'kijun', kijun, 1);
    assertPeriod('ICHIMOKU', 'senkouB', senkouB, 1);
    assertPeriod('ICHIMOKU', 'displacement', displacement, 1);
    this.disp = displacement;
    this.lookback = Math.max(tenkan, kijun, senkouB) - 1 + displacement;
    this.tWin = new WindowExtremes(tenkan);
    this.kWin = new WindowExtremes(kijun);
    this.bWin = new WindowExtremes(senkouB);
    this.spanA = new Float64Array(displacement);
    this.spanB = new Float64Array(displacement);
    this.closes = new Float64Array(displacement);
  }

  update(bar: Bar): void {
    const h = bar.high;
    const l = bar.low;
    const c = bar.close;
    if (h - h + (l - l) + (c - c) !== 0) rejectBar('ICHIMOKU', bar, HLC);
    const n = this.count++;
    const tWin = this.tWin;
    const kWin = this.kWin;
    const bWin = this.bWin;
    tWin.push(h, l);
    kWin.push(h, l);
    bWin.push(h, l);
    const tenkan = (tWin.highest + tWin.lowest) / 2;
    const kijun = (kWin.highest + kWin.lowest) / 2;
    const slot = this.slot;
    this.slot = slot + 1 === this.disp ? 0 : slot + 1;
    // values stored `displacement` bars ago, read before they are overwritten
    const oldA = this.spanA[slot]!;
    const oldB = this.spanB[slot]!;
    const oldC = this.closes[slot]!;
    this.spanA[slot] = (tenkan + kijun) / 2;
    this.spanB[slot] = (bWin.highest + bWin.lowest) / 2;
    this.closes[slot] = c;
    if (n < this.lookback) return;
    const o = this.outputs;
    o[0] = tenkan;
    o[1] = kijun;
    o[2] = oldA;
    o[3] = oldB;
    o[4] = c - oldC;
  }

  snapshot(): IndicatorState {
    return {
      count: this.count,
      tenkan: this.tWin.ringSnapshot(),
      kijun: this.kWin.ringSnapshot(),
      senkouB: this.bWin.ringSnapshot(),
      spanA: encodeArray(this.spanA),
      spanB: encodeArray(this.spanB),
      closes: encodeArray(this.closes),
      out: encodeArray(this.outputs),
    };
  }

  restore(s: IndicatorState): void {
    const n = s.count as number;
    this.count = n;
    this.slot = n % this.disp;
    const windows: [WindowExtremes, string, string, string][] = [
      [this.tWin, 'tenkan', 'tHi', 'tLo'],
      [this.kWin, 'kijun', 'kHi', 'kLo'],
      [this.bWin, 'senkouB', 'bHi', 'bLo'],
    ];
    for (const [w, key, hiKey, loKey] of windows) {
      const ring = s[key] as IndicatorState | undefined;
      // older snapshots: a monotonic deque per extreme
      if (ring === undefined) w.restoreCandidates(n, rollingDeque(s[hiKey] as IndicatorState), rollingDeque(s[loKey] as IndicatorState));
      else w.restoreRing(n, ring.highs, ring.lows);
    }
    decodeInto(this.spanA, s.spanA);
    decodeInto(this.spanB, s.spanB);
    decodeInto(this.closes, s.closes);
    decodeInto(this.outputs, s.out);
  }
}

/** Batch Ichimoku: { tenkan, kijun, senkouA, senkouB, chikou }, NaN before the lookback. */
export function ichimoku(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  tenkan = 9,
  kijun = 26,
  senkouB = 52,
  displacement = 26,
): { tenkan: Float64Array; kijun: Float64Array; senkouA: Float64Array; senkouB: Float64Array; chikou: Float64Array } {
  const ind = new Ichimoku(tenkan, kijun, senkouB, displacement);
  const n = close.length;
  const r = {
    tenkan: new Float64Array(n),
    kijun: new Float64Array(n),
    senkouA: new Float64Array(n),
    senkouB: new Float64Array(n),
    chikou: new Float64Array(n),
  };
  const o = ind.outputs;
  const bar = newMutableBar();
  let i = 0;
  try {
    for (; i < n; i++) {
      bar.high = high[i]!;
      bar.low = low[i]!;
      bar.close = close[i]!;
      ind.update(bar);
      r.tenkan[i] = o[0]!;
      r.kijun[i] = o[1]!;
      r.senkouA[i] = o[2]!;
      r.senkouB[i] = o[3]!;
      r.chikou[i] = o[4]!;
    }
  } catch (e) {
    rethrowAtIndex('ICHIMOKU', ['high', 'low', 'close'], [high, low, close], i, e);
  }
  return r;
}

type IchimokuParams = { tenkan: number; kijun: number; senkouB: number; displacement: number };

export const ichimokuSpec: IndicatorSpec<IchimokuParams> = {
  name: 'ICHIMOKU',
  group: 'custom',
  summary: 'Ichimoku cloud without look-ahead: tenkan, kijun, the cloud applying to this bar, chikou as close - close[t-26]',
  inputs: ['high', 'low', 'close'],
  outputs: ['tenkan', 'kijun', 'senkouA', 'senkouB', 'chikou'],
  defaults: { tenkan: 9, kijun: 26, senkouB: 52, displacement: 26 },
  testParams: [
    { tenkan: 3, kijun: 5, senkouB: 8, displacement: 4 },
    { tenkan: 20, kijun: 60, senkouB: 120, displacement: 30 },
  ],
  create: (p, out) => new Ichimoku(p.tenkan, p.kijun, p.senkouB, p.displacement, out),
  batch: ([h, l, c], p) => {
    const r = ichimoku(h!, l!, c!, p.tenkan, p.kijun, p.senkouB, p.displacement);
    return [r.tenkan, r.kijun, r.senkouA, r.senkouB, r.chikou];
  },
};
