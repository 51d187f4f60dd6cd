/**
 * The vote of a head and the head port. A head is a small, pure function of the indicator set (all
 * timeframes): it declares the indicators it reads, resolves their indexes once, then on every closed
 * candle writes its vote into a reused slot — direction, confidence in [0, 1] and a bitmask of reason
 * codes that `describe` turns into words only when a decision is recorded (no allocation per candle).
 */
import type { Candle } from '../core/candle.js';
import type { IndicatorConfig, IndicatorSet } from '../indicators/indicator-set.js';

export const LONG = 1;
export const SHORT = -1;
export const NEUTRAL = 0;
export type DirectionCode = -1 | 0 | 1;
export type Direction = 'LONG' | 'SHORT' | 'NEUTRAL';

export function directionName(d: number): Direction {
  return d > 0 ? 'LONG' : d < 0 ? 'SHORT' : 'NEUTRAL';
}

/** Market regimes, by code (index). */
export const REGIMES = ['trending_up', 'trending_down', 'ranging', 'volatile'] as const;
export type Regime = (typeof REGIMES)[number];
export const TRENDING_UP = 0;
export const TRENDING_DOWN = 1;
export const RANGING = 2;
export const VOLATILE = 3;

/** Timeframes a setup can be judged on; heads resolve one index per timeframe for what they read. */
export const SETUP_TIMEFRAMES = ['1m', '5m', '15m', '1h', '4h'] as const;
export type SetupTimeframe = (typeof SETUP_TIMEFRAMES)[number];

/** Where a head writes its vote; one per head, reused every candle. */
export type VoteSlot = { direction: DirectionCode; confidence: number; reasons: number };

export function newVoteSlot(): VoteSlot {
  return { direction: 0, confidence: 0, reasons: 0 };
}

/** What a head sees on a closed 1m candle. */
export type HeadContext = {
  /** The indicator set's flat values (all timeframes) after this candle. */
  readonly values: Float64Array;
  /** The 1m candle that just closed. */
  readonly candle: Candle;
  /** Index into SETUP_TIMEFRAMES of the timeframe the setup is judged on (chosen by the regime). */
  readonly tf: number;
  /** Regime code (index into REGIMES). */
  readonly regime: number;
};

export const HEAD_IDS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'] as const;
export type HeadId = (typeof HEAD_IDS)[number];

export interface Head {
  readonly id: HeadId;
  /** e.g. 'trend following' */
  readonly specialty: string;
  /** The indicators (with timeframes) this head reads. */
  requires(): IndicatorConfig[];
  /** Resolves indexes into the set's values; called once before the first evaluate. */
  bind(set: IndicatorSet): void;
  /** Writes the vote for this candle into `out`. Must not allocate. NaN inputs (warm-up) mean NEUTRAL. */
  evaluate(ctx: HeadContext, out: VoteSlot): void;
  /** Words for a reasons bitmask, with the numbers behind them read from ctx (cold path). */
  describe(reasons: number, ctx: HeadContext): string[];
  /** The head's parameters (a flat object of numbers, see core/params.ts). */
  readonly params: Readonly<Record<string, number>>;
  /** Heads that keep state between candles (beyond the indicator set) expose it for restarts. */
  snapshot?(): unknown;
  restore?(state: unknown): void;
}

/** Index of `key` (e.g. 'RSI' or 'RSI(7)') on each setup timeframe: key on 1m, key@5m, … */
export function indexOnEachTimeframe(set: IndicatorSet, key: string, output?: string): Int32Array {
  return Int32Array.from(SETUP_TIMEFRAMES, (tf) => set.index(tf === '1m' ? key : `${key}@${tf}`, output));
}

/** The configs for an indicator on every setup timeframe. */
export function onEachTimeframe(name: string, params?: Record<string, number>): IndicatorConfig[] {
  return SETUP_TIMEFRAMES.map((tf) => ({ name, ...(params ? { params } : {}), ...(tf === '1m' ? {} : { timeframe: tf }) }));
}
