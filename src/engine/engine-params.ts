/** Every tunable parameter of the decision engine in one typed, versionable object. */
import { CONSENSUS_PARAMS, type ConsensusParams } from '../consensus/consensus.js';
import { FILTER_PARAMS, RISK_PARAMS, type FilterParams, type RiskParams } from '../consensus/filters.js';
import { LIMIT_PARAMS, type LimitParams } from '../consensus/limits.js';
import { REGIME_PARAMS, type RegimeParams } from '../consensus/regime.js';
import { AlphaPulseError } from '../core/errors.js';
import { resolveParams } from '../core/params.js';
import { SETUP_TIMEFRAMES } from '../heads/types.js';

export type EngineParams = {
  readonly consensus: ConsensusParams;
  readonly filters: FilterParams;
  readonly risk: RiskParams;
  readonly limits: LimitParams;
  readonly regime: RegimeParams;
  /** setup timeframe per regime (trending up, trending down, ranging, volatile) */
  readonly timeframes: readonly [string, string, string, string];
  /** per head letter, overrides of its parameter defaults */
  readonly heads: Readonly<Record<string, Readonly<Record<string, number>>>>;
};

export type EngineParamsInput = {
  readonly [K in keyof EngineParams]?: K extends 'timeframes' ? readonly [string, string, string, string] : K extends 'heads' ? EngineParams['heads'] : Partial<Record<string, number>>;
};

export const DEFAULT_TIMEFRAMES: readonly [string, string, string, string] = ['15m', '15m', '5m', '1m'];

/** Defaults merged with `input`, every value checked against its bounds; errors name the key. */
export function resolveEngineParams(input: EngineParamsInput = {}): EngineParams {
  const timeframes = input.timeframes ?? DEFAULT_TIMEFRAMES;
  for (const tf of timeframes) {
    if (!(SETUP_TIMEFRAMES as readonly string[]).includes(tf)) {
      throw new AlphaPulseError('AP_ERR_CONFIG', `engine.timeframes: "${tf}" is not a setup timeframe (${SETUP_TIMEFRAMES.join(', ')})`);
    }
  }
  return {
    consensus: resolveParams(CONSENSUS_PARAMS, input.consensus, 'engine.consensus'),
    filters: resolveParams(FILTER_PARAMS, input.filters, 'engine.filters'),
    risk: resolveParams(RISK_PARAMS, input.risk, 'engine.risk'),
    limits: resolveParams(LIMIT_PARAMS, input.limits, 'engine.limits'),
    regime: resolveParams(REGIME_PARAMS, input.regime, 'engine.regime'),
    timeframes: [...timeframes] as [string, string, string, string],
    heads: input.heads ?? {},
  };
}
