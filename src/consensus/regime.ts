/**
 * Market regime per symbol: trending up, trending down, ranging or volatile, from ADX and the
 * directional indicators, the ATR percentile, Bollinger band width and the slope of a higher-timeframe
 * EMA — with hysteresis (separate enter/exit thresholds and a confirmation count) so it does not flicker.
 *
 * Inputs are read from the indicator set: ADX, PLUS_DI, MINUS_DI, ATR and BBANDS on `regimeTimeframe`
 * (15m) and EMA(50) on 1h. The ATR percentile ranks the current ATR% among the last `atrWindow` values
 * sampled at each closed 15m bar; the EMA slope compares the 1h EMA with its value at the previous
 * closed hour. Everything reads only closed bars.
 */
import type { Candle } from '../core/candle.js';
import { paramDefaults, type ParamTable, type ParamValues } from '../core/params.js';
import type { IndicatorConfig, IndicatorSet } from '../indicators/indicator-set.js';
import { RANGING, REGIMES, TRENDING_DOWN, TRENDING_UP, VOLATILE } from '../heads/types.js';

export const REGIME_PARAMS = {
  adxEnter: { default: 25, min: 15, max: 40, doc: 'ADX at or above which a trend starts' },
  adxExit: { default: 20, min: 10, max: 35, doc: 'ADX below which a trend ends' },
  slopeMin: { default: 0.0003, min: 0, max: 0.01, doc: 'minimum |1h EMA(50) change per hour| / price for a trend' },
  volatileEnter: { default: 0.9, min: 0.5, max: 1, doc: 'ATR% percentile at or above which the market is volatile' },
  volatileExit: { default: 0.75, min: 0.3, max: 1, doc: 'ATR% percentile below which volatility has calmed' },
  atrWindow: { default: 96, min: 20, max: 1000, integer: true, doc: 'closed 15m bars in the ATR percentile window' },
  confirm: { default: 10, min: 1, max: 240, integer: true, doc: 'consecutive 1m candles a new regime must persist' },
} as const satisfies ParamTable;
export type RegimeParams = ParamValues<typeof REGIME_PARAMS>;

const REGIME_TF = '15m';
const REGIME_TF_MS = 900_000;
const HOUR_MS = 3_600_000;

export const REGIME_INDICATORS: readonly IndicatorConfig[] = [
  { name: 'ADX', timeframe: REGIME_TF },
  { name: 'PLUS_DI', timeframe: REGIME_TF },
  { name: 'MINUS_DI', timeframe: REGIME_TF },
  { name: 'ATR', timeframe: REGIME_TF },
  { name: 'BBANDS', params: { period: 20 }, timeframe: REGIME_TF },
  { name: 'EMA', params: { period: 50 }, timeframe: '1h' },
];

export class RegimeClassifier {
  private readonly p: RegimeParams;
  private iAdx = 0;
  private iPlus = 0;
  private iMinus = 0;
  private iAtr = 0;
  private iBbUp = 0;
  private iBbMid = 0;
  private iBbLow = 0;
  private iEma = 0;
  private readonly atrRing: Float64Array;
  private atrCount = 0;
  private atrHead = 0;
  private emaPrev = NaN;
  private emaLast = NaN;
  /** current regime code */
  regime = RANGING;
  private candidate = RANGING;
  private streak = 0;
  /** last computed inputs, for describing the regime */
  atrPercentile = NaN;
  emaSlope = NaN;
  bbWidth = NaN;

  constructor(params: Partial<RegimeParams> = {}) {
    this.p = { ...paramDefaults(REGIME_PARAMS), ...params };
    this.atrRing = new Float64Array(this.p.atrWindow);
  }

  bind(set: IndicatorSet): void {
    this.iAdx = set.index(`ADX@${REGIME_TF}`);
    this.iPlus = set.index(`PLUS_DI@${REGIME_TF}`);
    this.iMinus = set.index(`MINUS_DI@${REGIME_TF}`);
    this.iAtr = set.index(`ATR@${REGIME_TF}`);
    this.iBbUp = set.index(`BBANDS(20,2,2,0)@${REGIME_TF}`, 'upper');
    this.iBbMid = set.index(`BBANDS(20,2,2,0)@${REGIME_TF}`, 'middle');
    this.iBbLow = set.index(`BBANDS(20,2,2,0)@${REGIME_TF}`, 'lower');
    this.iEma = set.index('EMA(50)@1h');
  }

  /** Updates the regime after the indicator set has taken `candle`; returns the regime code. */
  update(values: Float64Array, candle: Candle): number {
    const closeMs = candle.openTime + 60_000;
    const price = candle.close;
    const atrPct = values[this.iAtr]! / price;
    if (closeMs % REGIME_TF_MS === 0 && atrPct === atrPct) {
      this.atrRing[this.atrHead] = atrPct;
      this.atrHead = this.atrHead + 1 === this.atrRing.length ? 0 : this.atrHead + 1;
      if (this.atrCount < this.atrRing.length) this.atrCount++;
    }
    if (closeMs % HOUR_MS === 0) {
      const e = values[this.iEma]!;
      if (e === e) {
        this.emaPrev = this.emaLast;
        this.emaLast = e;
      }
    }
    let below = 0;
    for (let i = 0; i < this.atrCount; i++) if (this.atrRing[i]! < atrPct) below++;
    this.atrPercentile = this.atrCount >= 8 ? below / this.atrCount : NaN;
    this.emaSlope = (this.emaLast - this.emaPrev) / price;
    this.bbWidth = (values[this.iBbUp]! - values[this.iBbLow]!) / values[this.iBbMid]!;
    const raw = this.classify(values);
    if (raw === this.regime) {
      this.streak = 0;
      this.candidate = raw;
    } else if (raw === this.candidate) {
      if (++this.streak >= this.p.confirm) {
        this.regime = raw;
        this.streak = 0;
      }
    } else {
      this.candidate = raw;
      this.streak = 1;
      if (this.p.confirm <= 1) this.regime = raw;
    }
    return this.regime;
  }

  /** The regime these inputs show, with exit thresholds applied when already in that regime. */
  private classify(values: Float64Array): number {
    const p = this.p;
    const pct = this.atrPercentile;
    const inVolatile = this.regime === VOLATILE;
    if (pct === pct && pct >= (inVolatile ? p.volatileExit : p.volatileEnter)) return VOLATILE;
    const adx = values[this.iAdx]!;
    const slope = this.emaSlope;
    if (adx !== adx || slope !== slope) return RANGING;
    const plus = values[this.iPlus]!;
    const minus = values[this.iMinus]!;
    const inTrend = this.regime === TRENDING_UP || this.regime === TRENDING_DOWN;
    if (adx >= (inTrend ? p.adxExit : p.adxEnter)) {
      if (slope >= p.slopeMin && plus > minus) return TRENDING_UP;
      if (slope <= -p.slopeMin && minus > plus) return TRENDING_DOWN;
    }
    return RANGING;
  }

  get name(): string {
    return REGIMES[this.regime]!;
  }

  snapshot() {
    return {
      ring: Array.from(this.atrRing),
      atrCount: this.atrCount,
      atrHead: this.atrHead,
      emaPrev: Number.isNaN(this.emaPrev) ? null : this.emaPrev,
      emaLast: Number.isNaN(this.emaLast) ? null : this.emaLast,
      regime: this.regime,
      candidate: this.candidate,
      streak: this.streak,
    };
  }

  restore(s: ReturnType<RegimeClassifier['snapshot']>): void {
    this.atrRing.set(s.ring);
    this.atrCount = s.atrCount;
    this.atrHead = s.atrHead;
    this.emaPrev = s.emaPrev ?? NaN;
    this.emaLast = s.emaLast ?? NaN;
    this.regime = s.regime;
    this.candidate = s.candidate;
    this.streak = s.streak;
  }
}
