/**
 * ADOSC — Chaikin A/D oscillator: EMA(fast) of AD minus EMA(slow) of AD.
 * Definition and floating-point order: TA-Lib TA_ADOSC: both EMAs are seeded with the AD value of the
 * first bar and then follow ema = (k * ad) + ((1 - k) * ema) from the second bar on; the first output
 * is at index max(fast, slow) - 1. `fast` is not required to be the shorter period (as in TA-Lib).
 */
import { IndicatorBase } from '../base.js';
import { checkLengths } from '../price/series.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { assertPeriod, rethrowAtIndex } from '../validate.js';
import { Ad, rejectHlcv } from './ad.js';

export class Adosc extends IndicatorBase {
  readonly lookback: number;
  private readonly ad = new Ad();
  private readonly fastK: number;
  private readonly oneMinusFastK: number;
  private readonly slowK: number;
  private readonly oneMinusSlowK: number;
  private fastEma = 0;
  private slowEma = 0;

  constructor(fastPeriod = 3, slowPeriod = 10, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('ADOSC', 'fastPeriod', fastPeriod, 2);
    assertPeriod('ADOSC', 'slowPeriod', slowPeriod, 2);
    this.lookback = Math.max(fastPeriod, slowPeriod) - 1;
    this.fastK = 2.0 / (fastPeriod + 1);
    this.oneMinusFastK = 1.0 - this.fastK;
    this.slowK = 2.0 / (slowPeriod + 1);
    this.oneMinusSlowK = 1.0 - this.slowK;
  }

  update(bar: Bar): void {
    const h = bar.high;
    const l = bar.low;
    const c = bar.close;
    const v = bar.volume;
    if (h - h + (l - l) + (c - c) + (v - v) !== 0) rejectHlcv('ADOSC', h, l, c, v);
    const adi = this.ad;
    adi.update(bar);
    const x = adi.outputs[0]!;
    const n = this.count++;
    if (n === 0) {
      this.fastEma = x;
      this.slowEma = x;
      return;
    }
    this.fastEma = this.fastK * x + this.oneMinusFastK * this.fastEma;
    this.slowEma = this.slowK * x + this.oneMinusSlowK * this.slowEma;
    if (n >= this.lookback) this.outputs[0] = this.fastEma - this.slowEma;
  }

  snapshot(): IndicatorState {
    return { count: this.count, ad: this.ad.snapshot(), fastEma: this.fastEma, slowEma: this.slowEma };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.ad.restore(s.ad as IndicatorState);
    this.fastEma = s.fastEma as number;
    this.slowEma = s.slowEma as number;
    this.outputs[0] = this.count > this.lookback ? this.fastEma - this.slowEma : NaN;
  }
}

/** Batch ADOSC with TA-Lib's name, inputs and warm-up (first valid index max(fast, slow) - 1). */
export function adosc(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  volume: ArrayLike<number>,
  fastPeriod = 3,
  slowPeriod = 10,
): Float64Array {
  const n = checkLengths('ADOSC', ['high', 'low', 'close', 'volume'], [high, low, close, volume]);
  const ind = new Adosc(fastPeriod, slowPeriod);
  const bar = newMutableBar();
  const o = ind.outputs;
  const out = new Float64Array(n);
  let i = 0;
  try {
    for (; i < n; i++) {
      bar.high = high[i]!;
      bar.low = low[i]!;
      bar.close = close[i]!;
      bar.volume = volume[i]!;
      ind.update(bar);
      out[i] = o[0]!;
    }
  } catch (e) {
    rethrowAtIndex('ADOSC', ['high', 'low', 'close', 'volume'], [high, low, close, volume], i, e);
  }
  return out;
}

export const adoscSpec: IndicatorSpec<{ fastPeriod: number; slowPeriod: number }> = {
  name: 'ADOSC',
  group: 'volume',
  summary: 'Chaikin A/D oscillator (EMA fast - EMA slow of AD)',
  inputs: ['high', 'low', 'close', 'volume'],
  outputs: ['real'],
  defaults: { fastPeriod: 3, slowPeriod: 10 },
  create: (p, out) => new Adosc(p.fastPeriod, p.slowPeriod, out),
  batch: ([h, l, c, v], p) => [adosc(h!, l!, c!, v!, p.fastPeriod, p.slowPeriod)],
  testParams: [
    { fastPeriod: 5, slowPeriod: 20 },
    { fastPeriod: 12, slowPeriod: 4 },
  ],
  talib: {
    name: 'ADOSC',
    optIn: (p) => ({ optInFastPeriod: p.fastPeriod, optInSlowPeriod: p.slowPeriod }),
    outputs: ['outReal'],
  },
};
