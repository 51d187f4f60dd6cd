import type { IndicatorSpec } from '../types.js';
import { adSpec } from './ad.js';
import { adoscSpec } from './adosc.js';
import { obvSpec } from './obv.js';

export { Ad, ad } from './ad.js';
export { Adosc, adosc } from './adosc.js';
export { Obv, obv } from './obv.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const volumeSpecs: readonly IndicatorSpec<any>[] = [adSpec, adoscSpec, obvSpec];
