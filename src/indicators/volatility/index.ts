import type { IndicatorSpec } from '../types.js';
import { atrSpec } from './atr.js';
import { natrSpec } from './natr.js';
import { trangeSpec } from './trange.js';

export { Atr, atr } from './atr.js';
export { Natr, natr } from './natr.js';
export { TRange, trange, trueRange } from './trange.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const volatilitySpecs: readonly IndicatorSpec<any>[] = [trangeSpec, atrSpec, natrSpec];
