/**
 * NATR — normalised average true range, ATR / close * 100.
 * Definition and floating-point order: TA-Lib TA_NATR: (atr / close) * 100 with TA-Lib's ATR
 * (0 when |close| < 1e-14). As in TA-Lib, period 1 returns the plain TRANGE (not normalised).
 */
import { IndicatorBase } from '../base.js';
import { checkLengths, rejectHlc } from '../price/series.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertPeriod } from '../validate.js';
import { Atr, atrInto } from './atr.js';

const EPSILON = 0.00000000000001;

export class Natr extends IndicatorBase {
  readonly lookback: number;
  private readonly atr: Atr;
  private readonly normalise: boolean;

  constructor(period = 14, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('NATR', 'period', period, 1);
    this.atr = new Atr(period);
    this.lookback = this.atr.lookback;
    this.normalise = period > 1;
  }

  update(bar: Bar): void {
    const h = bar.high;
    const l = bar.low;
    const c = bar.close;
    if (h - h + (l - l) + (c - c) !== 0) rejectHlc('NATR', h, l, c);
    this.count++;
    const a = this.atr;
    a.update(bar);
    if (this.count <= this.lookback) return;
    const v = a.outputs[0]!;
    if (!this.normalise) this.outputs[0] = v;
    else this.outputs[0] = -EPSILON < c && c < EPSILON ? 0.0 : (v / c) * 100.0;
  }

  snapshot(): IndicatorState {
    return { count: this.count, atr: this.atr.snapshot(), out: this.outputs[0]! };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.atr.restore(s.atr as IndicatorState);
    this.outputs[0] = (s.out as number | null) ?? NaN;
  }
}

/** Batch NATR with TA-Lib's name, inputs and warm-up (first valid index `period`). */
export function natr(high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>, period = 14): Float64Array {
  const n = checkLengths('NATR', ['high', 'low', 'close'], [high, low, close]);
  assertPeriod('NATR', 'period', period, 1);
  const out = new Float64Array(n);
  // As Natr: period 1 gives the plain TRANGE
  atrInto('NATR', high, low, close, period, out, period > 1);
  return out;
}

export const natrSpec: IndicatorSpec<{ period: number }> = {
  name: 'NATR',
  group: 'volatility',
  summary: 'Normalised average true range (ATR / close * 100)',
  inputs: ['high', 'low', 'close'],
  outputs: ['real'],
  defaults: { period: 14 },
  create: (p, out) => new Natr(p.period, out),
  batch: ([h, l, c], p) => [natr(h!, l!, c!, p.period)],
  testParams: [{ period: 5 }, { period: 1 }],
  talib: { name: 'NATR', optIn: (p) => ({ optInTimePeriod: p.period }), outputs: ['outReal'] },
};
