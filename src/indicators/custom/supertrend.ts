/**
 * SUPERTREND — Supertrend (Olivier Seban); final-band recursion as in TradingView's ta.supertrend:
 *   basic upper/lower = hl2 ± multiplier × ATR(period), hl2 = (high + low) / 2
 *   final upper = basic upper if basic upper < previous final upper or previous close > previous final
 *                 upper, else previous final upper (and symmetrically for the lower band)
 *   in a downtrend the trend turns up when close > final upper; in an uptrend it turns down when
 *   close < final lower; value = final lower in an uptrend, final upper in a downtrend.
 * Outputs `value` and `direction` (+1 up, -1 down — NB TradingView's sign is the opposite). As in
 * TradingView the first valid bar starts in a downtrend with the basic bands. ATR = volatility/atr
 * (TA-Lib TA_ATR, Wilder), so the lookback is `period` (TradingView's ta.atr starts one bar earlier).
 */
import { IndicatorBase } from '../base.js';
import { Atr } from '../volatility/atr.js';
import { decodeInto, encodeArray } from '../state.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { assertPeriod, assertRange, rejectInput, rethrowAtIndex } from '../validate.js';

export class Supertrend extends IndicatorBase {
  readonly lookback: number;
  private readonly mult: number;
  private readonly atr: Atr;
  private upper = 0;
  private lower = 0;
  private up = false;
  private prevClose = 0;

  constructor(period = 10, multiplier = 3, outputs?: Float64Array) {
    super(2, outputs);
    assertPeriod('SUPERTREND', 'period', period, 1);
    assertRange('SUPERTREND', 'multiplier', multiplier, 0, 1000);
    this.mult = multiplier;
    this.atr = new Atr(period);
    this.lookback = period;
  }

  update(bar: Bar): void {
    const { high: h, low: l, close: c } = bar;
    if (h - h !== 0) rejectInput('SUPERTREND', 'high', h);
    if (l - l !== 0) rejectInput('SUPERTREND', 'low', l);
    if (c - c !== 0) rejectInput('SUPERTREND', 'close', c);
    this.atr.update(bar);
    const atr = this.atr.outputs[0]!;
    const n = this.count++;
    const pc = this.prevClose;
    this.prevClose = c;
    if (n < this.lookback) return;
    const hl2 = (h + l) / 2;
    const w = this.mult * atr;
    let bu = hl2 + w;
    let bl = hl2 - w;
    if (n === this.lookback) {
      this.up = false;
    } else {
      const pu = this.upper;
      const pl = this.lower;
      if (!(bu < pu || pc > pu)) bu = pu;
      if (!(bl > pl || pc < pl)) bl = pl;
      this.up = this.up ? !(c < bl) : c > bu;
    }
    this.upper = bu;
    this.lower = bl;
    const o = this.outputs;
    o[0] = this.up ? bl : bu;
    o[1] = this.up ? 1 : -1;
  }

  snapshot(): IndicatorState {
    return {
      count: this.count,
      atr: this.atr.snapshot(),
      upper: this.upper,
      lower: this.lower,
      up: this.up,
      prevClose: this.prevClose,
      out: encodeArray(this.outputs),
    };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.atr.restore(s.atr as IndicatorState);
    this.upper = s.upper as number;
    this.lower = s.lower as number;
    this.up = s.up as boolean;
    this.prevClose = s.prevClose as number;
    decodeInto(this.outputs, s.out);
  }
}

/** Batch Supertrend: { value, direction }, NaN before index `period`. */
export function supertrend(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  period = 10,
  multiplier = 3,
): { value: Float64Array; direction: Float64Array } {
  const ind = new Supertrend(period, multiplier);
  const n = close.length;
  const r = { value: new Float64Array(n), direction: new Float64Array(n) };
  const o = ind.outputs;
  const bar = newMutableBar();
  let i = 0;
  try {
    for (; i < n; i++) {
      bar.high = high[i]!;
      bar.low = low[i]!;
      bar.close = close[i]!;
      ind.update(bar);
      r.value[i] = o[0]!;
      r.direction[i] = o[1]!;
    }
  } catch (e) {
    rethrowAtIndex('SUPERTREND', ['high', 'low', 'close'], [high, low, close], i, e);
  }
  return r;
}

export const supertrendSpec: IndicatorSpec<{ period: number; multiplier: number }> = {
  name: 'SUPERTREND',
  group: 'custom',
  summary: 'Supertrend: ATR trailing band and trend direction (+1 up, -1 down)',
  inputs: ['high', 'low', 'close'],
  outputs: ['value', 'direction'],
  defaults: { period: 10, multiplier: 3 },
  testParams: [
    { period: 5, multiplier: 1 },
    { period: 1, multiplier: 2 },
  ],
  create: (p, out) => new Supertrend(p.period, p.multiplier, out),
  batch: ([h, l, c], p) => {
    const r = supertrend(h!, l!, c!, p.period, p.multiplier);
    return [r.value, r.direction];
  },
};
