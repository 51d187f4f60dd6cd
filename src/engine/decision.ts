import type { DecisionCategory } from '../consensus/filters.js';

/**
 * The one decision made on every closed candle of a symbol: a signal, or a rejection with its category.
 * Reused by the engine between candles: copy what you keep.
 */
export type Decision = {
  symbol: string;
  /** decision time: the close of the candle (its openTime + interval) */
  time: number;
  /** open time of the decision candle */
  openTime: number;
  action: 'signal' | 'reject';
  category: DecisionCategory;
  /** candidate direction (1 / -1), 0 when there was none */
  direction: number;
  confidence: number;
  confluence: number;
  agreeing: number;
  regime: number;
  /** index into SETUP_TIMEFRAMES */
  tf: number;
  /** would-be trade; NaN when there is no candidate */
  entry: number;
  stop: number;
  target: number;
  rewardRisk: number;
  /** setup kind (direction × regime × leading heads) of the candidate, -1 without one */
  setupKind: number;
  /** ATR of the setup timeframe at the decision */
  atr: number;
};

export function newDecision(symbol: string): Decision {
  return {
    symbol,
    time: 0,
    openTime: 0,
    action: 'reject',
    category: 'no_consensus',
    direction: 0,
    confidence: 0,
    confluence: 0,
    agreeing: 0,
    regime: 2,
    tf: 0,
    entry: NaN,
    stop: NaN,
    target: NaN,
    rewardRisk: NaN,
    setupKind: -1,
    atr: NaN,
  };
}

/** True when the decision has a candidate trade (a signal, or a rejection that can be tracked as a shadow). */
export function hasCandidate(d: Decision): boolean {
  return d.direction !== 0 && d.entry === d.entry;
}
