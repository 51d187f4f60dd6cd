import type { IndicatorSpec } from '../types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const volumeSpecs: readonly IndicatorSpec<any>[] = [];
