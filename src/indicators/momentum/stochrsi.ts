/**
 * STOCHRSI — stochastic RSI: the fast stochastic (%K, %D) applied to RSI values.
 * Definition: TA-Lib TA_STOCHRSI: RSI(period) as TA_RSI, then TA_STOCHF with the RSI as high, low
 * and close (%K over `fastKPeriod`, %D = MA(%K) of a TA-Lib MA type).
 */
import { createMovingAverage, MA_TYPE, type MovingAverage } from '../overlap/ma-type.js';
import { SmaWindow } from '../overlap/sma.js';
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import type { Bar, IndicatorSpec, IndicatorState } from '../types.js';
import { assertPeriod, rejectInput, rethrowAtIndex } from '../validate.js';
import { Rsi } from './rsi.js';
import { FastKRescan } from './stochf.js';

export class StochRsi extends IndicatorBase {
  readonly lookback: number;
  private readonly rsi: Rsi;
  private readonly fastK: FastKRescan;
  /** %D as a TA_MA object: other MA types (null on the SMA path). */
  private readonly fastD: MovingAverage | null;
  /** SMA path (%D an SMA of period > 1, the default): the average inline, no polymorphic call. */
  private readonly dSma: SmaWindow | null;
  /** Bar count at which the first %K is computed. */
  private readonly fastKStart: number;

  constructor(period = 14, fastKPeriod = 5, fastDPeriod = 3, fastDMaType = 0, outputs?: Float64Array) {
    super(2, outputs);
    assertPeriod('STOCHRSI', 'period', period, 2);
    assertPeriod('STOCHRSI', 'fastKPeriod', fastKPeriod, 1);
    assertPeriod('STOCHRSI', 'fastDPeriod', fastDPeriod, 1);
    assertPeriod('STOCHRSI', 'fastDMaType', fastDMaType, 0, 8);
    this.rsi = new Rsi(period);
    this.fastK = new FastKRescan(fastKPeriod);
    const smaPath = fastDMaType === MA_TYPE.SMA && fastDPeriod > 1;
    this.dSma = smaPath ? new SmaWindow(fastDPeriod) : null;
    this.fastD = smaPath ? null : createMovingAverage(fastDMaType, fastDPeriod);
    this.fastKStart = period + fastKPeriod - 1;
    this.lookback = this.fastKStart + (this.fastD?.lookback ?? fastDPeriod - 1);
  }

  /** Adds one value; returns %K (NaN while warming up); %K and %D are in `outputs`. */
  next(x: number): number {
    if (x - x !== 0) rejectInput('STOCHRSI', 'input', x);
    const n = this.count++;
    const r = this.rsi.next(x);
    if (r !== r) return NaN;
    const k = this.fastK.next(r, r, r);
    const dSma = this.dSma;
    if (dSma === null) {
      this.averageGeneric(k);
      return this.outputs[0]!;
    }
    if (n < this.lookback) {
      if (n >= this.fastKStart) dSma.fill(k);
      return NaN;
    }
    this.outputs[0] = k;
    this.outputs[1] = dSma.push(k);
    return k;
  }

  /** Other MA types: %D through the TA_MA object (kept out of next's inlining budget). */
  private averageGeneric(k: number): void {
    if (k !== k) return;
    const d = this.fastD!.next(k);
    if (d !== d) return;
    this.outputs[0] = k;
    this.outputs[1] = d;
  }

  update(bar: Bar): void {
    this.next(bar.close);
  }

  snapshot(): IndicatorState {
    const dSma = this.dSma;
    const fastD =
      dSma !== null
        ? dSma.snapshot(Math.max(0, this.count - this.fastKStart), this.count > this.lookback ? this.outputs[1]! : NaN)
        : this.fastD!.snapshot();
    return { count: this.count, rsi: this.rsi.snapshot(), fastK: this.fastK.snapshot(), fastD, out: encodeArray(this.outputs) };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.rsi.restore(s.rsi as IndicatorState);
    this.fastK.restore(s.fastK as IndicatorState);
    if (this.dSma !== null) this.dSma.restore(s.fastD as IndicatorState);
    else this.fastD!.restore(s.fastD as IndicatorState);
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
  const ind = new StochRsi(period, fastKPeriod, fastDPeriod, fastDMaType);
  const n = real.length;
  const fastK = new Float64Array(n);
  const fastD = new Float64Array(n);
  const o = ind.outputs;
  let i = 0;
  try {
    for (; i < n; i++) {
      ind.next(real[i]!);
      fastK[i] = o[0]!;
      fastD[i] = o[1]!;
    }
  } catch (e) {
    rethrowAtIndex('STOCHRSI', ['input'], [real], i, e);
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
