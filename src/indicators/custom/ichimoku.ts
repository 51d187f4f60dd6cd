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
 * it. Rolling extremes use monotonic deques (O(1) amortised).
 */
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { assertFiniteSeries, assertPeriod, rejectInput } from '../validate.js';
import { RollingExtreme } from './rolling.js';

export class Ichimoku extends IndicatorBase {
  readonly lookback: number;
  private readonly disp: number;
  private readonly tHi: RollingExtreme;
  private readonly tLo: RollingExtreme;
  private readonly kHi: RollingExtreme;
  private readonly kLo: RollingExtreme;
  private readonly bHi: RollingExtreme;
  private readonly bLo: RollingExtreme;
  /** spans A and B and closes of the last `displacement` bars, by index mod displacement */
  private readonly spanA: Float64Array;
  private readonly spanB: Float64Array;
  private readonly closes: Float64Array;

  constructor(tenkan = 9, kijun = 26, senkouB = 52, displacement = 26, outputs?: Float64Array) {
    super(5, outputs);
    assertPeriod('ICHIMOKU', 'tenkan', tenkan, 1);
    assertPeriod('ICHIMOKU', 'kijun', kijun, 1);
    assertPeriod('ICHIMOKU', 'senkouB', senkouB, 1);
    assertPeriod('ICHIMOKU', 'displacement', displacement, 1);
    this.disp = displacement;
    this.lookback = Math.max(tenkan, kijun, senkouB) - 1 + displacement;
    this.tHi = new RollingExtreme(tenkan, true);
    this.tLo = new RollingExtreme(tenkan, false);
    this.kHi = new RollingExtreme(kijun, true);
    this.kLo = new RollingExtreme(kijun, false);
    this.bHi = new RollingExtreme(senkouB, true);
    this.bLo = new RollingExtreme(senkouB, false);
    this.spanA = new Float64Array(displacement);
    this.spanB = new Float64Array(displacement);
    this.closes = new Float64Array(displacement);
  }

  update(bar: Bar): void {
    const { high: h, low: l, close: c } = bar;
    if (h - h !== 0) rejectInput('ICHIMOKU', 'high', h);
    if (l - l !== 0) rejectInput('ICHIMOKU', 'low', l);
    if (c - c !== 0) rejectInput('ICHIMOKU', 'close', c);
    const n = this.count++;
    this.tHi.push(h);
    this.tLo.push(l);
    this.kHi.push(h);
    this.kLo.push(l);
    this.bHi.push(h);
    this.bLo.push(l);
    const tenkan = (this.tHi.value + this.tLo.value) / 2;
    const kijun = (this.kHi.value + this.kLo.value) / 2;
    const slot = n % this.disp;
    // values stored `displacement` bars ago, read before they are overwritten
    const oldA = this.spanA[slot]!;
    const oldB = this.spanB[slot]!;
    const oldC = this.closes[slot]!;
    this.spanA[slot] = (tenkan + kijun) / 2;
    this.spanB[slot] = (this.bHi.value + this.bLo.value) / 2;
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
      tHi: this.tHi.snapshot(),
      tLo: this.tLo.snapshot(),
      kHi: this.kHi.snapshot(),
      kLo: this.kLo.snapshot(),
      bHi: this.bHi.snapshot(),
      bLo: this.bLo.snapshot(),
      spanA: encodeArray(this.spanA),
      spanB: encodeArray(this.spanB),
      closes: encodeArray(this.closes),
      out: encodeArray(this.outputs),
    };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.tHi.restore(s.tHi as IndicatorState);
    this.tLo.restore(s.tLo as IndicatorState);
    this.kHi.restore(s.kHi as IndicatorState);
    this.kLo.restore(s.kLo as IndicatorState);
    this.bHi.restore(s.bHi as IndicatorState);
    this.bLo.restore(s.bLo as IndicatorState);
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
  assertFiniteSeries('ICHIMOKU', 'high', high);
  assertFiniteSeries('ICHIMOKU', 'low', low);
  assertFiniteSeries('ICHIMOKU', 'close', close);
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
  for (let i = 0; i < n; i++) {
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
