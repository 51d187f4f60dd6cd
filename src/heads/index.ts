/** The nine heads, A to I, built from one parameter object (per head letter, overrides of its defaults). */
import { TrendHead } from './a-trend.js';
import { MeanReversionHead } from './b-mean-reversion.js';
import { MomentumHead } from './c-momentum.js';
import { VolumeFlowHead } from './d-volume-flow.js';
import { VolatilityBreakoutHead } from './e-volatility-breakout.js';
import { CandlestickHead } from './f-candlestick.js';
import { SupportResistanceHead } from './g-support-resistance.js';
import { MultiTimeframeHead } from './h-multi-timeframe.js';
import { StatisticalHead } from './i-statistical.js';
import type { Head } from './types.js';

export { TrendHead, MeanReversionHead, MomentumHead, VolumeFlowHead, VolatilityBreakoutHead, CandlestickHead, SupportResistanceHead, MultiTimeframeHead, StatisticalHead };
export * from './types.js';

export type HeadParamsInput = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** Fresh instances of the nine heads in A..I order. */
export function createHeads(params: HeadParamsInput = {}): Head[] {
  return [
    new TrendHead(params.A),
    new MeanReversionHead(params.B),
    new MomentumHead(params.C),
    new VolumeFlowHead(params.D),
    new VolatilityBreakoutHead(params.E),
    new CandlestickHead(params.F),
    new SupportResistanceHead(params.G),
    new MultiTimeframeHead(params.H),
    new StatisticalHead(params.I),
  ];
}
