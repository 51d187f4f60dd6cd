/**
 * Quality filters, risk placement (entry, stop, target) and historical validation of a candidate that
 * passed consensus. Each filter is data-driven (ParamTable) and names itself when it rejects.
 */
import { paramDefaults, type ParamTable, type ParamValues } from '../core/params.js';

export const FILTER_PARAMS = {
  minVolumeZ: { default: -1.0, min: -5, max: 3, doc: 'minimum 1m volume z-score (20 candles): no signals into dead volume' },
  minAtrPct: { default: 0.0004, min: 0, max: 0.05, doc: 'minimum ATR/price on the setup timeframe: enough movement to pay fees' },
  minStopPct: { default: 0.002, min: 0, max: 0.05, doc: 'minimum stop distance / price (round-trip fees and slippage must be small against it)' },
  maxStopPct: { default: 0.06, min: 0.001, max: 0.5, doc: 'maximum stop distance / price' },
  minStopAtr: { default: 0.5, min: 0.1, max: 5, doc: 'minimum stop distance in ATRs of the setup timeframe' },
  maxStopAtr: { default: 4, min: 0.5, max: 20, doc: 'maximum stop distance in ATRs of the setup timeframe' },
  minRewardRisk: { default: 1.5, min: 0.5, max: 10, doc: 'minimum (target - entry) / (entry - stop)' },
  minHistory: { default: 20, min: 1, max: 10000, integer: true, doc: 'resolved outcomes of a setup kind before its win rate is checked' },
  minWinRate: { default: 0.6, min: 0, max: 1, doc: 'minimum historical win rate of the setup kind (direction × regime × leading heads)' },
} as const satisfies ParamTable;
export type FilterParams = ParamValues<typeof FILTER_PARAMS>;

export const RISK_PARAMS = {
  stopAtrTrending: { default: 1.5, min: 0.3, max: 10, doc: 'stop distance in ATRs of the setup timeframe, trending regimes' },
  targetAtrTrending: { default: 2.5, min: 0.5, max: 20, doc: 'target distance in ATRs, trending regimes' },
  stopAtrRanging: { default: 1.2, min: 0.3, max: 10, doc: 'stop distance in ATRs, ranging' },
  targetAtrRanging: { default: 2.0, min: 0.5, max: 20, doc: 'target distance in ATRs, ranging' },
  stopAtrVolatile: { default: 2.0, min: 0.3, max: 10, doc: 'stop distance in ATRs, volatile' },
  targetAtrVolatile: { default: 3.5, min: 0.5, max: 20, doc: 'target distance in ATRs, volatile' },
  levelCap: { default: 1, min: 0, max: 1, integer: true, doc: '1: a swing level between entry and target becomes the target' },
  maxHoldMinutes: { default: 4320, min: 15, max: 43200, integer: true, doc: 'time exit after this many minutes (72 h)' },
} as const satisfies ParamTable;
export type RiskParams = ParamValues<typeof RISK_PARAMS>;

export const DEFAULT_FILTER_PARAMS: FilterParams = paramDefaults(FILTER_PARAMS);
export const DEFAULT_RISK_PARAMS: RiskParams = paramDefaults(RISK_PARAMS);

export const REJECTION_CATEGORIES = [
  'no_consensus',
  'quality_filter:volume',
  'quality_filter:volatility',
  'quality_filter:stop_distance',
  'quality_filter:reward_risk',
  'quality_filter:history',
  'regime_limit',
  'cooldown',
] as const;
export type RejectionCategory = (typeof REJECTION_CATEGORIES)[number];
export type DecisionCategory = 'signal' | RejectionCategory;

export function stopAtr(p: RiskParams, regime: number): number {
  return regime <= 1 ? p.stopAtrTrending : regime === 2 ? p.stopAtrRanging : p.stopAtrVolatile;
}

export function targetAtr(p: RiskParams, regime: number): number {
  return regime <= 1 ? p.targetAtrTrending : regime === 2 ? p.targetAtrRanging : p.targetAtrVolatile;
}

/**
 * Historical record per setup kind, in flat typed arrays: kind = direction × regime × leading head ×
 * second head (720 kinds). Filled from resolved outcomes; read by the history filter.
 */
export class SetupHistory {
  readonly wins = new Int32Array(720);
  readonly losses = new Int32Array(720);

  static kind(direction: number, regime: number, lead1: number, lead2: number): number {
    return (((direction > 0 ? 0 : 1) * 4 + regime) * 9 + Math.max(lead1, 0)) * 10 + (lead2 + 1);
  }

  record(kind: number, won: boolean): void {
    if (won) this.wins[kind]!++;
    else this.losses[kind]!++;
  }

  snapshot() {
    return { wins: Array.from(this.wins), losses: Array.from(this.losses) };
  }

  restore(s: { wins: number[]; losses: number[] }): void {
    this.wins.set(s.wins);
    this.losses.set(s.losses);
  }
}
