/**
 * `alphapulse/indicators`: batch functions with TA-Lib names and parameters (Float64Array in, aligned
 * Float64Array out, NaN during warm-up), incremental classes, the IndicatorSet and the registry.
 */
export * from './custom/index.js';
export * from './momentum/index.js';
export * from './overlap/index.js';
export * from './pattern/index.js';
export * from './price/index.js';
export * from './statistic/index.js';
export * from './volatility/index.js';
export * from './volume/index.js';
export { IndicatorSet, type IndicatorConfig, type IndicatorSetState, type SlotInfo } from './indicator-set.js';
export { ALL_INDICATORS, findIndicator } from './registry.js';
export type { Bar, Indicator, IndicatorGroup, IndicatorSpec, IndicatorState, InputField, Params } from './types.js';
