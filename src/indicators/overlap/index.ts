import type { IndicatorSpec } from '../types.js';
import { emaSpec } from './ema.js';
import { smaSpec } from './sma.js';

export { Ema, ema } from './ema.js';
export { Sma, sma } from './sma.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const overlapSpecs: readonly IndicatorSpec<any>[] = [smaSpec, emaSpec];
