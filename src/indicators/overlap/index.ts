import type { IndicatorSpec } from '../types.js';
import { bbandsSpec } from './bbands.js';
import { demaSpec } from './dema.js';
import { emaSpec } from './ema.js';
import { htTrendlineSpec } from './ht-trendline.js';
import { kamaSpec } from './kama.js';
import { mamaSpec } from './mama.js';
import { midpointSpec } from './midpoint.js';
import { midpriceSpec } from './midprice.js';
import { sarSpec } from './sar.js';
import { smaSpec } from './sma.js';
import { t3Spec } from './t3.js';
import { temaSpec } from './tema.js';
import { trimaSpec } from './trima.js';
import { wmaSpec } from './wma.js';

export { Bbands, bbands } from './bbands.js';
export { Dema, dema } from './dema.js';
export { Ema, ema } from './ema.js';
export { HtTrendline, htTrendline, ht_trendline } from './ht-trendline.js';
export { Kama, kama } from './kama.js';
export { Mama, mama } from './mama.js';
export { createMovingAverage, IdentityMa, MA_TYPE, type MovingAverage } from './ma-type.js';
export { Midpoint, midpoint } from './midpoint.js';
export { Midprice, midprice } from './midprice.js';
export { Sar, sar } from './sar.js';
export { Sma, sma } from './sma.js';
export { T3, t3 } from './t3.js';
export { Tema, tema } from './tema.js';
export { Trima, trima } from './trima.js';
export { Wma, wma } from './wma.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const overlapSpecs: readonly IndicatorSpec<any>[] = [
  smaSpec,
  emaSpec,
  wmaSpec,
  demaSpec,
  temaSpec,
  trimaSpec,
  kamaSpec,
  t3Spec,
  mamaSpec,
  midpointSpec,
  midpriceSpec,
  sarSpec,
  bbandsSpec,
  htTrendlineSpec,
];
