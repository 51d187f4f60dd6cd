/** Engine, learning and outcome settings from the validated app config (each value checked against its bounds). */
import type { AppConfig } from '../config/config.js';
import { resolveParams } from '../core/params.js';
import type { CoordinatorConfig } from '../learning/coordinator.js';
import type { LearningMode } from '../learning/learned-state.js';
import { THRESHOLD_PARAMS } from '../learning/thresholds.js';
import { LEARNING_PARAMS } from '../learning/weights.js';
import { OUTCOME_PARAMS, type OutcomeParams } from '../outcomes/resolve.js';
import { resolveEngineParams, type EngineParams, type EngineParamsInput } from './engine-params.js';

export type EngineSettings = { params: EngineParams; learning: CoordinatorConfig; outcome: OutcomeParams };

export function engineSettings(config: Readonly<AppConfig>, overrides: { mode?: LearningMode; perRegime?: boolean } = {}): EngineSettings {
  return {
    params: resolveEngineParams(config.engine as EngineParamsInput),
    learning: {
      mode: overrides.mode ?? config.learning.mode,
      perRegime: overrides.perRegime ?? config.learning.perRegime,
      params: resolveParams(LEARNING_PARAMS, config.learning.params, 'learning.params'),
      thresholdParams: resolveParams(THRESHOLD_PARAMS, config.learning.thresholds, 'learning.thresholds'),
    },
    outcome: resolveParams(OUTCOME_PARAMS, config.outcome, 'outcome'),
  };
}
