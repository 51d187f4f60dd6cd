/**
 * STOCHRSI — stochastic RSI: the fast stochastic (%K, %D) applied to RSI values.
 * Definition: TA-Lib TA_STOCHRSI: RSI(period) as TA_RSI, then TA_STOCHF with the RSI as high, low
 * and close (%K over `fastKPeriod`, %D = MA(%K) of a TA-Lib MA type).
 */
import { createMovingAverage, type MovingAverage } from '../overlap/ma-type.js';
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertFiniteSeries, assertPeriod, rejectInput } from '../validate.js';
import { Rsi } from './rsi.js';
import { FastKWindow } from './stochf.js';

export class StochRsi extends IndicatorBase {
  readonly lookback: number;
  private readonly rsi: Rsi;
  private readonly fastK: FastKWindow;
  private readonly fastD: MovingAverage;

  constructor(period = 14, fastKPeriod = 5, fastDPeriod = 3, fastDMaType = 0, outputs?: Float64Array) {
    super(2, outputs);
    assertPeriod('STOCHRSI', 'period', period, 2);
    assertPeriod('STOCHRSI', 'fastKPeriod', fastKPeriod, 1);
    assertPeriod('STOCHRSI', 'fastDPeriod', fastDPeriod, 1);
    assertPeriod('STOCHRSI', 'fastDMaType', fastDMaType, 0, 8);
    this.rsi = new Rsi(period);
    this.fastK = new FastKWindow(fastKPeriod);
    this.fastD = createMovingAverage(fastDMaType, fastDPeriod);
    this.lookback = period + fastKPeriod - 1 + this.fastD.lookback;
  }

  /** Adds one value; returns %K (NaN while warming up); %K and %D are in `outputs`. */
  next(x: number): number {
    if (x - x !== 0) rejectInput('STOCHRSI', 'input', x);
    this.count++;
    const r = this.rsi.next(x);
    if (r !== r) return NaN;
    const k = this.fastK.next(r, r, r);
    if (k !== k) return NaN;
    const d = this.fastD.next(k);
    if (d !== d) return NaN;
    this.outputs[0] = k;
    this.outputs[1] = d;
    return k;
  }

  update(bar: Bar): void {
    this.next(bar.close);
  }

  snapshot(): IndicatorState {
    return {
      count: this.count,
      rsi: this.rsi.snapshot(),
      fastK: this.fastK.snapshot(),
      fastD: this.fastD.snapshot(),
      out: encodeArray(this.outputs),
    };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.rsi.restore(s.rsi as IndicatorState);
    this.fastK.restore(s.fastK as IndicatorState);
    this.fastD.restore(s.fastD as IndicatorState);
    decodeInto(this.outputs, s.out);
  }
}

/** Batch STOCHRSI with TA-Lib's name, parameters and warm-up (period + fastKPeriod - 1 + %D MA lookback). */
export function stochrsi(
  real: ArrayLike<number>,
  period = 14,
  fastKPeriod = 5,
  fastDPeriod = 3,
  fastDMaType = 0,
): { fastK: Float64Array; fastD: Float64Array } {
  assertFiniteSeries('STOCHRSI', 'input', real);
  const ind = new StochRsi(period, fastKPeriod, fastDPeriod, fastDMaType);
  const n = real.length;
  const fastK = new Float64Array(n);
  const fastD = new Float64Array(n);
  const o = ind.outputs;
  for (let i = 0; i < n; i++) {
    ind.next(real[i]!);
    fastK[i] = o[0]!;
    fastD[i] = o[1]!;
  }
  return { fastK, fastD };
}

type StochRsiParams = { period: number; fastKPeriod: number; fastDPeriod: number; fastDMaType: number };

export const stochrsiSpec: IndicatorSpec<StochRsiParams> = {
  name: 'STOCHRSI',
  group: 'momentum',
  summary: 'Stochastic RSI (fast stochastic of the RSI)',
  inputs: ['close'],
  outputs: ['fastK', 'fastD'],
  defaults: { period: 14, fastKPeriod: 5, fastDPeriod: 3, fastDMaType: 0 },
  create: (p, out) => new StochRsi(p.period, p.fastKPeriod, p.fastDPeriod, p.fastDMaType, out),
  batch: ([x], p) => {
    const r = stochrsi(x!, p.period, p.fastKPeriod, p.fastDPeriod, p.fastDMaType);
    return [r.fastK, r.fastD];
  },
  testParams: [
    { period: 5, fastKPeriod: 14, fastDPeriod: 4, fastDMaType: 8 },
    { period: 2, fastKPeriod: 1, fastDPeriod: 1, fastDMaType: 0 },
  ],
  talib: {
    name: 'STOCHRSI',
    optIn: (p) => ({
      optInTimePeriod: p.period,
      optInFastK_Period: p.fastKPeriod,
      optInFastD_Period: p.fastDPeriod,
      optInFastD_MAType: p.fastDMaType,
    }),
    outputs: ['outFastK', 'outFastD'],
  },
};
