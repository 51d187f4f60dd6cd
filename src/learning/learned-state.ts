/**
 * The learned state as a versioned value: head weights (global, or one vector per regime), confidence
 * thresholds per regime and head parameters. Every version is stored with its reason and metrics;
 * activating one is a single transaction; rollback activates an old one and records that it did.
 */
import { AlphaPulseError } from '../core/errors.js';

export const LEARNING_MODES = ['off', 'seed', 'hedge'] as const;
export type LearningMode = (typeof LEARNING_MODES)[number];

export type LearnedState = {
  /** 9 head weights (A..I), sum 1: the vector used when weights are not per regime */
  readonly headWeights: readonly number[];
  /** 4 × 9 weights (trending up, trending down, ranging, volatile) when learning per regime, else null */
  readonly regimeWeights: readonly (readonly number[])[] | null;
  /** confidence threshold per regime */
  readonly thresholds: readonly number[];
  /** per head letter, the head's parameter overrides */
  readonly headParams: Readonly<Record<string, Readonly<Record<string, number>>>>;
};

export function initialLearnedState(thresholds: ArrayLike<number>, perRegime: boolean): LearnedState {
  const equal = new Array<number>(9).fill(1 / 9);
  return {
    headWeights: equal,
    regimeWeights: perRegime ? [0, 1, 2, 3].map(() => [...equal]) : null,
    thresholds: Array.from(thresholds),
    headParams: {},
  };
}

/** Checks a state read from storage or an API: 9 weights summing to 1, 4 thresholds, finite numbers. */
export function validateLearnedState(s: unknown, where: string): LearnedState {
  const fail = (what: string): never => {
    throw new AlphaPulseError('AP_ERR_BAD_INPUT', `${where}: ${what}`);
  };
  if (typeof s !== 'object' || s === null) fail('not an object');
  const o = s as Record<string, unknown>;
  const vec = (v: unknown, n: number, name: string): number[] => {
    if (!Array.isArray(v) || v.length !== n || v.some((x) => typeof x !== 'number' || !Number.isFinite(x))) fail(`${name} must be ${n} finite numbers`);
    return v as number[];
  };
  const w = vec(o.headWeights, 9, 'headWeights');
  if (Math.abs(w.reduce((a, b) => a + b, 0) - 1) > 1e-6) fail('headWeights must sum to 1');
  const regimeWeights = o.regimeWeights === null || o.regimeWeights === undefined ? null : (o.regimeWeights as unknown[]).map((r, i) => vec(r, 9, `regimeWeights[${i}]`));
  if (regimeWeights && regimeWeights.length !== 4) fail('regimeWeights must have 4 rows');
  return { headWeights: w, regimeWeights, thresholds: vec(o.thresholds, 4, 'thresholds'), headParams: (o.headParams ?? {}) as LearnedState['headParams'] };
}
