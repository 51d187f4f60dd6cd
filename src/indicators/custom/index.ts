import type { IndicatorSpec } from '../types.js';
import { cmfSpec } from './cmf.js';
import { donchianSpec } from './donchian.js';
import { heikinAshiSpec } from './heikin-ashi.js';
import { ichimokuSpec } from './ichimoku.js';
import { keltnerSpec } from './keltner.js';
import { pivotsClassicSpec } from './pivots-classic.js';
import { pivotsFibSpec } from './pivots-fib.js';
import { supertrendSpec } from './supertrend.js';
import { swingsSpec } from './swings.js';
import { volumeZscoreSpec } from './volume-zscore.js';
import { vwapRollingSpec } from './vwap-rolling.js';
import { vwapSessionSpec } from './vwap-session.js';
import { zscoreSpec } from './zscore.js';

export { Cmf, cmf } from './cmf.js';
export { Donchian, donchian } from './donchian.js';
export { HeikinAshi, heikinAshi } from './heikin-ashi.js';
export { Ichimoku, ichimoku } from './ichimoku.js';
export { Keltner, keltner } from './keltner.js';
export { PeriodPivots, PIVOT_OUTPUTS, type PivotLevels } from './pivots.js';
export { PivotsClassic, pivotsClassic } from './pivots-classic.js';
export { PivotsFib, pivotsFib } from './pivots-fib.js';
export { Supertrend, supertrend } from './supertrend.js';
export { Swings, swings } from './swings.js';
export { VolumeZScore, volumeZscore } from './volume-zscore.js';
export { VwapRolling, vwapRolling } from './vwap-rolling.js';
export { VwapSession, vwapSession } from './vwap-session.js';
export { ZScore, zscore } from './zscore.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const customSpecs: readonly IndicatorSpec<any>[] = [
  vwapSessionSpec,
  vwapRollingSpec,
  ichimokuSpec,
  keltnerSpec,
  donchianSpec,
  supertrendSpec,
  heikinAshiSpec,
  cmfSpec,
  pivotsClassicSpec,
  pivotsFibSpec,
  swingsSpec,
  zscoreSpec,
  volumeZscoreSpec,
];
