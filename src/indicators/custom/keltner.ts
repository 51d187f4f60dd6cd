/**
 * KELTNER — Keltner Channels (Chester Keltner; modern ATR form by Linda Bradford Raschke), definition
 * as in StockCharts ChartSchool "Keltner Channels": middle = EMA(`period`, 20) of the CLOSE (not the
 * typical price), upper/lower = middle ± `multiplier` (2) × ATR(`atrPeriod`, 10).
 * EMA = overlap/ema (TA-Lib TA_EMA, SMA seed); ATR = volatility/atr (TA-Lib TA_ATR, Wilder, first
 * value at index atrPeriod). Lookback = max(period - 1, atrPeriod).
 */
import { Ema } from '../overlap/ema.js';
import { IndicatorBase } from '../base.js';
import { Atr } from '../volatility/atr.js';
import { decodeInto, encodeArray } from '../state.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { assertPeriod, assertRange, rejectInput, rethrowAtIndex } from '../validate.js';

export class Keltner extends IndicatorBase {
  readonly lookback: number;
  private readonly mult: number;
  private readonly ema: Ema;
  private readonly atr: Atr;

  constructor(period = 20, multiplier = 2, atrPeriod = 10, outputs?: Float64Array) {
    super(3, outputs);
    assertPeriod('KELTNER', 'period', period, 1);
    assertRange('KELTNER', 'multiplier', multiplier, 0, 1000);
    assertPeriod('KELTNER', 'atrPeriod', atrPeriod, 1);
    this.mult = multiplier;
    this.ema = new Ema(period);
    this.atr = new Atr(atrPeriod);
    this.lookback = Math.max(period - 1, atrPeriod);
  }

  update(bar: Bar): void {
    const { high: h, low: l, close: c } = bar;
    if (h - h !== 0) rejectInput('KELTNER', 'high', h);
    if (l - l !== 0) rejectInput('KELTNER', 'low', l);
    if (c - c !== 0) rejectInput('KELTNER', 'close', c);
    const mid = this.ema.next(c);
    this.atr.update(bar);
    const atr = this.atr.outputs[0]!;
    if (this.count++ < this.lookback) return;
    const w = this.mult * atr;
    const o = this.outputs;
    o[0] = mid + w;
    o[1] = mid;
    o[2] = mid - w;
  }

  snapshot(): IndicatorState {
    return { count: this.count, ema: this.ema.snapshot(), atr: this.atr.snapshot(), out: encodeArray(this.outputs) };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.ema.restore(s.ema as IndicatorState);
    this.atr.restore(s.atr as IndicatorState);
    decodeInto(this.outputs, s.out);
  }
}

/** Batch Keltner Channels: { upper, middle, lower }, NaN before the lookback. */
export function keltner(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  period = 20,
  multiplier = 2,
  atrPeriod = 10,
): { upper: Float64Array; middle: Float64Array; lower: Float64Array } {
  const ind = new Keltner(period, multiplier, atrPeriod);
  const n = close.length;
  const r = { upper: new Float64Array(n), middle: new Float64Array(n), lower: new Float64Array(n) };
  const o = ind.outputs;
  const bar = newMutableBar();
  let i = 0;
  try {
    for (; i < n; i++) {
      bar.high = high[i]!;
      bar.low = low[i]!;
      bar.close = close[i]!;
      ind.update(bar);
      r.upper[i] = o[0]!;
      r.middle[i] = o[1]!;
      r.lower[i] = o[2]!;
    }
  } catch (e) {
    rethrowAtIndex('KELTNER', ['high', 'low', 'close'], [high, low, close], i, e);
  }
  return r;
}

type KeltnerParams = { period: number; multiplier: number; atrPeriod: number };

export const keltnerSpec: IndicatorSpec<KeltnerParams> = {
  name: 'KELTNER',
  group: 'custom',
  summary: 'Keltner Channels: EMA of close ± multiplier × ATR',
  inputs: ['high', 'low', 'close'],
  outputs: ['upper', 'middle', 'lower'],
  defaults: { period: 20, multiplier: 2, atrPeriod: 10 },
  testParams: [
    { period: 5, multiplier: 1.5, atrPeriod: 14 },
    { period: 1, multiplier: 3, atrPeriod: 1 },
  ],
  create: (p, out) => new Keltner(p.period, p.multiplier, p.atrPeriod, out),
  batch: ([h, l, c], p) => {
    const r = keltner(h!, l!, c!, p.period, p.multiplier, p.atrPeriod);
    return [r.upper, r.middle, r.lower];
  },
};
