/** Every indicator AlphaPulse has, by family; the set, the docs and the contract tests read this list. */
import { customSpecs } from './custom/index.js';
import { momentumSpecs } from './momentum/index.js';
import { overlapSpecs } from './overlap/index.js';
import { patternSpecs } from './pattern/index.js';
import { priceSpecs } from './price/index.js';
import { statisticSpecs } from './statistic/index.js';
import type { IndicatorSpec } from './types.js';
import { volatilitySpecs } from './volatility/index.js';
import { volumeSpecs } from './volume/index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const ALL_INDICATORS: readonly IndicatorSpec<any>[] = [
  ...overlapSpecs,
  ...momentumSpecs,
  ...volatilitySpecs,
  ...volumeSpecs,
  ...statisticSpecs,
  ...priceSpecs,
  ...patternSpecs,
  ...customSpecs,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function findIndicator(name: string): IndicatorSpec<any> | undefined {
  const upper = name.toUpperCase();
  return ALL_INDICATORS.find((s) => s.name === upper);
}
