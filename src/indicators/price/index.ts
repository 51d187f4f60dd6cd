import type { IndicatorSpec } from '../types.js';
import { avgpriceSpec } from './avgprice.js';
import { medpriceSpec } from './medprice.js';
import { typpriceSpec } from './typprice.js';
import { wclpriceSpec } from './wclprice.js';

export { AvgPrice, avgprice } from './avgprice.js';
export { MedPrice, medprice } from './medprice.js';
export { TypPrice, typprice } from './typprice.js';
export { WclPrice, wclprice } from './wclprice.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const priceSpecs: readonly IndicatorSpec<any>[] = [avgpriceSpec, medpriceSpec, typpriceSpec, wclpriceSpec];
