/**
 * Moving-average types as TA-Lib's TA_MAType and a factory mirroring TA-Lib TA_MA (ta_MA.c):
 * period 1 returns the input unchanged (lookback 0) whatever the type; otherwise the call is
 * forwarded to the named average with TA-Lib's defaults (T3 with vFactor 0.7; MAMA with fastLimit 0.5,
 * slowLimit 0.05, the period ignored).
 */
import { AlphaPulseError } from '../../core/errors.js';
import type { IndicatorState } from '../types.js';
import { assertPeriod, rejectInput } from '../validate.js';
import { Dema } from './dema.js';
import { Ema } from './ema.js';
import { Kama } from './kama.js';
import { Mama } from './mama.js';
import { Sma } from './sma.js';
import { T3 } from './t3.js';
import { Tema } from './tema.js';
import { Trima } from './trima.js';
import { Wma } from './wma.js';

/** What indicators with a MA-type parameter need from a moving average. */
export interface MovingAverage {
  /** Adds one value; returns the new average or NaN while warming up. */
  next(x: number): number;
  readonly lookback: number;
  snapshot(): IndicatorState;
  restore(s: IndicatorState): void;
}

export const MA_TYPE = { SMA: 0, EMA: 1, WMA: 2, DEMA: 3, TEMA: 4, TRIMA: 5, KAMA: 6, MAMA: 7, T3: 8 } as const;

/** TA_MA with period 1: the input itself. */
export class IdentityMa implements MovingAverage {
  readonly lookback = 0;
  next(x: number): number {
    if (x - x !== 0) rejectInput('MA', 'input', x);
    return x;
  }
  snapshot(): IndicatorState {
    return {};
  }
  restore(_s: IndicatorState): void {
    // stateless
  }
}

/** Creates the moving average TA-Lib's TA_MA(period, maType) computes, incrementally. */
export function createMovingAverage(maType: number, period: number): MovingAverage {
  assertPeriod('MA', 'maType', maType, 0, 8);
  assertPeriod('MA', 'period', period, 1);
  if (period === 1) return new IdentityMa();
  switch (maType) {
    case MA_TYPE.SMA:
      return new Sma(period);
    case MA_TYPE.EMA:
      return new Ema(period);
    case MA_TYPE.WMA:
      return new Wma(period);
    case MA_TYPE.DEMA:
      return new Dema(period);
    case MA_TYPE.TEMA:
      return new Tema(period);
    case MA_TYPE.TRIMA:
      return new Trima(period);
    case MA_TYPE.KAMA:
      return new Kama(period);
    case MA_TYPE.T3:
      return new T3(period, 0.7);
    case MA_TYPE.MAMA:
      // TA_MA ignores the period for MAMA and uses fastLimit 0.5, slowLimit 0.05 (FAMA dropped).
      return new Mama(0.5, 0.05);
    default:
      throw new AlphaPulseError('AP_ERR_BAD_INPUT', `MA: unknown maType ${maType}`, { parameter: 'maType' });
  }
}
