/**
 * Base of the candlestick pattern indicators (TA-Lib TA_CDL*): one output (100 bullish, -100 bearish,
 * ±80 for TA-Lib's weaker variants, 0 none; NaN before the lookback), a `CandleWindow` with the last
 * bars and the running totals, snapshot/restore. Each pattern implements `update` itself so that its
 * hot path stays monomorphic.
 */
import { AlphaPulseError } from '../../core/errors.js';
import { IndicatorBase } from '../base.js';
import { decodeNumber, encodeNumber } from '../state.js';
import type { IndicatorState } from '../types.js';
import { assertFiniteSeries } from '../validate.js';
import { CandleWindow, type TotalSpec } from './candle-settings.js';

export abstract class CandlePattern extends IndicatorBase {
  readonly lookback: number;
  protected readonly w: CandleWindow;

  constructor(name: string, lookback: number, totals: readonly TotalSpec[], outputs?: Float64Array) {
    super(1, outputs);
    this.lookback = lookback;
    this.w = new CandleWindow(name, lookback, totals);
  }

  snapshot(): IndicatorState {
    return { count: this.count, out: encodeNumber(this.outputs[0]!), window: this.w.snapshot() };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.outputs[0] = decodeNumber(s.out);
    this.w.restore(s.window as IndicatorState);
  }
}

/** Checks the four price series of a batch pattern call: finite values and equal lengths. */
export function assertOhlc(name: string, open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): void {
  const n = close.length;
  if (open.length !== n || high.length !== n || low.length !== n) {
    throw new AlphaPulseError('AP_ERR_BAD_INPUT', `${name}: open, high, low and close must have the same length`, { indicator: name });
  }
  assertFiniteSeries(name, 'open', open);
  assertFiniteSeries(name, 'high', high);
  assertFiniteSeries(name, 'low', low);
  assertFiniteSeries(name, 'close', close);
}
