/**
 * STOCH — slow stochastic: slow %K = MA(fast %K, slowKPeriod), slow %D = MA(slow %K, slowDPeriod),
 * each with its TA-Lib MA type. Definition and floating-point order: TA-Lib TA_STOCH (fast %K as in
 * `FastKWindow`, zero range gives 0; both averages as TA_MA over the preceding series).
 */
import { createMovingAverage, type MovingAverage } from '../overlap/ma-type.js';
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { assertFiniteSeries, assertPeriod, rejectInput } from '../validate.js';
import { FastKWindow } from './stochf.js';

export class Stoch extends IndicatorBase {
  readonly lookback: number;
  private readonly fastK: FastKWindow;
  private readonly slowK: MovingAverage;
  private readonly slowD: MovingAverage;

  constructor(fastKPeriod = 5, slowKPeriod = 3, slowKMaType = 0, slowDPeriod = 3, slowDMaType = 0, outputs?: Float64Array) {
    super(2, outputs);
    assertPeriod('STOCH', 'fastKPeriod', fastKPeriod, 1);
    assertPeriod('STOCH', 'slowKPeriod', slowKPeriod, 1);
    assertPeriod('STOCH', 'slowKMaType', slowKMaType, 0, 8);
    assertPeriod('STOCH', 'slowDPeriod', slowDPeriod, 1);
    assertPeriod('STOCH', 'slowDMaType', slowDMaType, 0, 8);
    this.fastK = new FastKWindow(fastKPeriod);
    this.slowK = createMovingAverage(slowKMaType, slowKPeriod);
    this.slowD = createMovingAverage(slowDMaType, slowDPeriod);
    this.lookback = fastKPeriod - 1 + this.slowK.lookback + this.slowD.lookback;
  }

  update(bar: Bar): void {
    const h = bar.high;
    const l = bar.low;
    const c = bar.close;
    if (h - h !== 0) rejectInput('STOCH', 'high', h);
    if (l - l !== 0) rejectInput('STOCH', 'low', l);
    if (c - c !== 0) rejectInput('STOCH', 'close', c);
    this.count++;
    const fk = this.fastK.next(h, l, c);
    if (fk !== fk) return;
    const k = this.slowK.next(fk);
    if (k !== k) return;
    const d = this.slowD.next(k);
    if (d !== d) return;
    this.outputs[0] = k;
    this.outputs[1] = d;
  }

  snapshot(): IndicatorState {
    return {
      count: this.count,
      fastK: this.fastK.snapshot(),
      slowK: this.slowK.snapshot(),
      slowD: this.slowD.snapshot(),
      out: encodeArray(this.outputs),
    };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.fastK.restore(s.fastK as IndicatorState);
    this.slowK.restore(s.slowK as IndicatorState);
    this.slowD.restore(s.slowD as IndicatorState);
    decodeInto(this.outputs, s.out);
  }
}

/** Batch STOCH with TA-Lib's name, parameters and warm-up (fastKPeriod - 1 + both MA lookbacks). */
export function stoch(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  fastKPeriod = 5,
  slowKPeriod = 3,
  slowKMaType = 0,
  slowDPeriod = 3,
  slowDMaType = 0,
): { slowK: Float64Array; slowD: Float64Array } {
  assertFiniteSeries('STOCH', 'high', high);
  assertFiniteSeries('STOCH', 'low', low);
  assertFiniteSeries('STOCH', 'close', close);
  const ind = new Stoch(fastKPeriod, slowKPeriod, slowKMaType, slowDPeriod, slowDMaType);
  const n = close.length;
  const slowK = new Float64Array(n);
  const slowD = new Float64Array(n);
  const bar = newMutableBar();
  const o = ind.outputs;
  for (let i = 0; i < n; i++) {
    bar.high = high[i]!;
    bar.low = low[i]!;
    bar.close = close[i]!;
    ind.update(bar);
    slowK[i] = o[0]!;
    slowD[i] = o[1]!;
  }
  return { slowK, slowD };
}

type StochParams = { fastKPeriod: number; slowKPeriod: number; slowKMaType: number; slowDPeriod: number; slowDMaType: number };

export const stochSpec: IndicatorSpec<StochParams> = {
  name: 'STOCH',
  group: 'momentum',
  summary: 'Slow stochastic oscillator (smoothed %K and its moving average %D)',
  inputs: ['high', 'low', 'close'],
  outputs: ['slowK', 'slowD'],
  defaults: { fastKPeriod: 5, slowKPeriod: 3, slowKMaType: 0, slowDPeriod: 3, slowDMaType: 0 },
  create: (p, out) => new Stoch(p.fastKPeriod, p.slowKPeriod, p.slowKMaType, p.slowDPeriod, p.slowDMaType, out),
  batch: ([h, l, c], p) => {
    const r = stoch(h!, l!, c!, p.fastKPeriod, p.slowKPeriod, p.slowKMaType, p.slowDPeriod, p.slowDMaType);
    return [r.slowK, r.slowD];
  },
  testParams: [
    { fastKPeriod: 14, slowKPeriod: 4, slowKMaType: 1, slowDPeriod: 5, slowDMaType: 3 },
    { fastKPeriod: 1, slowKPeriod: 1, slowKMaType: 0, slowDPeriod: 3, slowDMaType: 4 },
  ],
  talib: {
    name: 'STOCH',
    optIn: (p) => ({
      optInFastK_Period: p.fastKPeriod,
      optInSlowK_Period: p.slowKPeriod,
      optInSlowK_MAType: p.slowKMaType,
      optInSlowD_Period: p.slowDPeriod,
      optInSlowD_MAType: p.slowDMaType,
    }),
    outputs: ['outSlowK', 'outSlowD'],
  },
};
