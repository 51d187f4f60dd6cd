/**
 * Outcomes of would-be trades: parameters, position / outcome types, P/L after fees and slippage, validation.
 * Pure and deterministic. The per-candle rule and the position book are in `position-book.ts`; every rule is
 * documented in docs/OUTCOMES.md.
 */
import { AlphaPulseError } from '../core/errors.js';
import { paramDefaults, type ParamTable, type ParamValues } from '../core/params.js';

export const OUTCOME_PARAMS = {
  takerFee: { default: 0.001, min: 0, max: 0.01, doc: 'taker fee per side as a fraction of notional (0.001 = 0.1%)' },
  slippageBps: { default: 2, min: 0, max: 100, doc: 'adverse slippage in basis points, applied to the entry and to the exit' },
  tolerance: {
    default: 0.001,
    min: 0,
    max: 0.01,
    doc: 'a level counts as touched when price comes within this fraction of it (long: high >= target*(1-tol), low <= stop*(1+tol); short mirrored)',
  },
  maxHoldMinutes: { default: 4320, min: 1, max: 43200, integer: true, doc: 'time exit this many minutes after the decision (72 h)' },
} as const satisfies ParamTable;
export type OutcomeParams = ParamValues<typeof OUTCOME_PARAMS>;
export const DEFAULT_OUTCOME_PARAMS: OutcomeParams = paramDefaults(OUTCOME_PARAMS);

/** Candles are 1m: a candle's close time (the moment it is complete) is its openTime + 60000. */
export const CANDLE_MS = 60_000;

export type Position = {
  id: string;
  symbol: string;
  direction: 1 | -1;
  entry: number;
  stop: number;
  target: number;
  /** decision time = close of the decision candle (its openTime + 60000) */
  openedAt: number;
  /** time exit on the first candle whose close time (openTime + 60000) is >= this */
  expiresAt: number;
};

export type OutcomeResult = 'tp' | 'sl' | 'time';

export type Outcome = {
  id: string;
  symbol: string;
  direction: 1 | -1;
  result: OutcomeResult;
  entry: number;
  /** close time of the resolving candle: its openTime + 60000 */
  exitTime: number;
  /** the level (or the gap open, or the close for a time exit), before slippage */
  exitPrice: number;
  /** price move in the trade's favour, in %, without fees and slippage */
  grossPct: number;
  /** after taker fees on both sides and adverse slippage on entry and exit, in % */
  netPct: number;
  /** exitTime - openedAt */
  holdingMs: number;
  /** max adverse excursion from entry, in % (>= 0) */
  maePct: number;
  /** max favourable excursion from entry, in % (>= 0) */
  mfePct: number;
  /** netPct > 0 */
  won: boolean;
};

/** Result codes of `resolveOnCandle` (small integers so the hot path compares numbers; it uses the literals). */
export const RESULT_NONE = 0;
export const RESULT_TP = 1;
export const RESULT_SL = 2;
export const RESULT_TIME = 3;
export type ResultCode = 0 | 1 | 2 | 3;
/** Result names by code (index 0, RESULT_NONE, never names an outcome). */
export const RESULT_NAMES: readonly OutcomeResult[] = ['tp', 'tp', 'sl', 'time'];

/** Scratch filled by `resolveOnCandle` when it resolves (reuse one per caller: nothing is allocated). */
export type Resolution = {
  /** the exit price before slippage */
  exitPrice: number;
  /** true when the exit happened at the candle's open (the open was already at/through the level) */
  atOpen: boolean;
};

export function newResolution(): Resolution {
  return { exitPrice: NaN, atOpen: false };
}

/** Price move in the trade's favour in %, without fees and slippage: 100·d·(exit − entry)/entry. */
export function grossPct(direction: number, entry: number, exit: number): number {
  return (100 * direction * (exit - entry)) / entry;
}

/**
 * P/L in % after taker fees (both sides) and adverse slippage (entry and exit), s = slippageBps/10000, f = takerFee:
 * long:  entryEff = entry·(1+s), exitEff = exit·(1−s), net = 100·(exitEff·(1−f) − entryEff·(1+f)) / (entryEff·(1+f))
 * short: entryEff = entry·(1−s), exitEff = exit·(1+s), net = 100·(entryEff·(1−f) − exitEff·(1+f)) / (entryEff·(1−f))
 * (a long's return on the cash spent; a short's on the cash received).
 */
export function netPct(direction: number, entry: number, exit: number, takerFee: number, slippageBps: number): number {
  const s = slippageBps / 10_000;
  const entryEff = entry * (1 + direction * s);
  const exitEff = exit * (1 - direction * s);
  if (direction === 1) {
    const cost = entryEff * (1 + takerFee);
    return (100 * (exitEff * (1 - takerFee) - cost)) / cost;
  }
  const proceeds = entryEff * (1 - takerFee);
  return (100 * (proceeds - exitEff * (1 + takerFee))) / proceeds;
}

export function computePnl(
  direction: 1 | -1,
  entry: number,
  exit: number,
  params: Pick<OutcomeParams, 'takerFee' | 'slippageBps'>,
): { grossPct: number; netPct: number } {
  return { grossPct: grossPct(direction, entry, exit), netPct: netPct(direction, entry, exit, params.takerFee, params.slippageBps) };
}

/** Time exit of a position opened at `openedAt` (decision time): openedAt + maxHoldMinutes·60000. */
export function expiryTime(openedAt: number, params: Pick<OutcomeParams, 'maxHoldMinutes'> = DEFAULT_OUTCOME_PARAMS): number {
  return openedAt + params.maxHoldMinutes * CANDLE_MS;
}

/** The fields of an engine decision a position is built from (`src/engine/decision.ts` has them all). */
export type DecisionLike = {
  readonly symbol: string;
  /** decision time: close of the decision candle */
  readonly time: number;
  readonly direction: number;
  readonly entry: number;
  readonly stop: number;
  readonly target: number;
};

/** A position from a decision's candidate trade; expiresAt = decision time + maxHoldMinutes. Validated. */
export function positionFromDecision(id: string, d: DecisionLike, params: Pick<OutcomeParams, 'maxHoldMinutes'> = DEFAULT_OUTCOME_PARAMS): Position {
  const p: Position = {
    id,
    symbol: d.symbol,
    direction: d.direction === 1 ? 1 : -1,
    entry: d.entry,
    stop: d.stop,
    target: d.target,
    openedAt: d.time,
    expiresAt: expiryTime(d.time, params),
  };
  if (d.direction !== 1 && d.direction !== -1) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `position ${id}: the decision has no direction (${d.direction})`);
  assertValidPosition(p);
  return p;
}

/** Returns what is wrong with the position, or null: finite positive prices, stop < entry < target (long; mirrored short), expiresAt > openedAt. */
export function positionProblem(p: Position): string | null {
  if (typeof p.id !== 'string' || p.id === '') return 'id must be a non-empty string';
  if (p.direction !== 1 && p.direction !== -1) return `direction must be 1 or -1 (got ${String(p.direction)})`;
  for (const k of ['entry', 'stop', 'target'] as const) {
    const v = p[k];
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) return `${k} must be a finite positive number (got ${String(v)})`;
  }
  if (p.direction === 1 && !(p.stop < p.entry && p.entry < p.target)) return `a long needs stop < entry < target (${p.stop}, ${p.entry}, ${p.target})`;
  if (p.direction === -1 && !(p.target < p.entry && p.entry < p.stop)) return `a short needs target < entry < stop (${p.target}, ${p.entry}, ${p.stop})`;
  if (!Number.isSafeInteger(p.openedAt) || p.openedAt < 0) return `openedAt must be an epoch time in ms (got ${String(p.openedAt)})`;
  if (!Number.isSafeInteger(p.expiresAt) || p.expiresAt <= p.openedAt) return `expiresAt must be an epoch time after openedAt (got ${String(p.expiresAt)})`;
  return null;
}

export function assertValidPosition(p: Position): void {
  const problem = positionProblem(p);
  if (problem !== null) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `position ${String(p.id)}: ${problem}`, { id: p.id });
}

/** Builds the outcome object (the one allocation of a resolution). */
export function makeOutcome(
  id: string,
  symbol: string,
  direction: 1 | -1,
  code: ResultCode,
  entry: number,
  openedAt: number,
  exitTime: number,
  exitPrice: number,
  lowest: number,
  highest: number,
  params: Pick<OutcomeParams, 'takerFee' | 'slippageBps'>,
): Outcome {
  const net = netPct(direction, entry, exitPrice, params.takerFee, params.slippageBps);
  const mae = direction === 1 ? (100 * (entry - lowest)) / entry : (100 * (highest - entry)) / entry;
  const mfe = direction === 1 ? (100 * (highest - entry)) / entry : (100 * (entry - lowest)) / entry;
  return {
    id,
    symbol,
    direction,
    result: RESULT_NAMES[code]!,
    entry,
    exitTime,
    exitPrice,
    grossPct: grossPct(direction, entry, exitPrice),
    netPct: net,
    holdingMs: exitTime - openedAt,
    maePct: mae,
    mfePct: mfe,
    won: net > 0,
  };
}
