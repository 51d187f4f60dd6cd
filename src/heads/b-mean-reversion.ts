/**
 * Head B — mean reversion. Votes AGAINST a stretch on the judged timeframe (ctx.tf): oversold → LONG,
 * overbought → SHORT. Evidence, each graded in [0, 1] on its side:
 *   - RSI beyond `rsiLow` / `rsiHigh`, full at `rsiSpan` points beyond;
 *   - Bollinger %B = (price - lower) / (upper - lower) from BBANDS: counts from %B <= `pctbEdge`
 *     (or >= 1 - `pctbEdge`), fully half a band-width further out;
 *   - STOCH slow %K below `stochLow` / above 100 - `stochLow`;
 *   - ZSCORE of the close beyond `zMin` standard deviations, full at `zMin + 1.5`.
 * The weighted evidence must reach `voteMin` and come from at least `minAgree` of the four tools; a turn
 * already under way (slow %K crossed back over %D towards the mean) adds `turnBonus`.
 * "Price" is the close of the 1m candle that just closed, against the closed bars' bands on ctx.tf.
 * Stateless.
 */
import { resolveParams, type ParamTable, type ParamValues } from '../core/params.js';
import { indicatorKey, type IndicatorConfig, type IndicatorSet } from '../indicators/indicator-set.js';
import { indexOnEachTimeframe, onEachTimeframe, SETUP_TIMEFRAMES, type Head, type HeadContext, type VoteSlot } from './types.js';

export const B_PARAMS = {
  rsiPeriod: { default: 14, min: 5, max: 50, integer: true, doc: 'RSI period' },
  rsiLow: { default: 30, min: 10, max: 45, doc: 'RSI at or below which the market is oversold' },
  rsiHigh: { default: 70, min: 55, max: 90, doc: 'RSI at or above which the market is overbought' },
  rsiSpan: { default: 15, min: 3, max: 30, doc: 'RSI points beyond the threshold at which RSI counts fully' },
  bbPeriod: { default: 20, min: 5, max: 100, integer: true, doc: 'Bollinger band period' },
  bbDev: { default: 2, min: 1, max: 4, doc: 'Bollinger band width in standard deviations' },
  pctbEdge: { default: 0.05, min: -0.5, max: 0.3, doc: '%B below which (or above 1 - it) price is stretched' },
  stochK: { default: 14, min: 3, max: 50, integer: true, doc: 'STOCH fast %K period' },
  stochSmooth: { default: 3, min: 1, max: 10, integer: true, doc: 'STOCH slow %K and %D smoothing' },
  stochLow: { default: 20, min: 5, max: 40, doc: 'slow %K below which (or above 100 - it) price is stretched' },
  zPeriod: { default: 20, min: 10, max: 200, integer: true, doc: 'ZSCORE period' },
  zMin: { default: 2, min: 1, max: 4, doc: '|z| from which the close is stretched' },
  wRsi: { default: 0.3, min: 0, max: 1, doc: 'weight of RSI' },
  wPctb: { default: 0.25, min: 0, max: 1, doc: 'weight of Bollinger %B' },
  wStoch: { default: 0.2, min: 0, max: 1, doc: 'weight of STOCH' },
  wZ: { default: 0.25, min: 0, max: 1, doc: 'weight of ZSCORE' },
  voteMin: { default: 0.3, min: 0.05, max: 0.9, doc: 'minimum weighted stretch to vote' },
  minAgree: { default: 2, min: 1, max: 4, integer: true, doc: 'tools that must show the stretch to vote' },
  turnBonus: { default: 0.15, min: 0, max: 0.5, doc: 'added confidence when %K already turned back over %D' },
  maxConfidence: { default: 0.85, min: 0.3, max: 1, doc: 'cap on the confidence' },
} as const satisfies ParamTable;
export type MeanReversionParams = ParamValues<typeof B_PARAMS>;

export const B_REASONS = [
  'warming up',
  'RSI oversold',
  'RSI overbought',
  'close below the lower Bollinger band',
  'close above the upper Bollinger band',
  'STOCH oversold',
  'STOCH overbought',
  'z-score far below the mean',
  'z-score far above the mean',
  'STOCH turning up',
  'STOCH turning down',
  'not stretched enough',
] as const;
const R_WARMUP = 1 << 0;
const R_RSI_LOW = 1 << 1;
const R_RSI_HIGH = 1 << 2;
const R_BB_LOW = 1 << 3;
const R_BB_HIGH = 1 << 4;
const R_STOCH_LOW = 1 << 5;
const R_STOCH_HIGH = 1 << 6;
const R_Z_LOW = 1 << 7;
const R_Z_HIGH = 1 << 8;
const R_TURN_UP = 1 << 9;
const R_TURN_DOWN = 1 << 10;
const R_WEAK = 1 << 11;

function unit(x: number): number {
  return x <= 0 ? 0 : x >= 1 ? 1 : x;
}

function fmt(x: number): string {
  const a = Math.abs(x);
  if (a < 1e-9) return '0';
  return a >= 1000 ? x.toFixed(1) : a >= 1 ? x.toFixed(2) : x.toPrecision(3);
}

export class MeanReversionHead implements Head {
  readonly id = 'B' as const;
  readonly specialty = 'mean reversion';
  readonly params: Readonly<MeanReversionParams>;
  private readonly wSum: number;
  private iRsi: Int32Array = new Int32Array(0);
  private iUp: Int32Array = new Int32Array(0);
  private iLow: Int32Array = new Int32Array(0);
  private iK: Int32Array = new Int32Array(0);
  private iD: Int32Array = new Int32Array(0);
  private iZ: Int32Array = new Int32Array(0);

  constructor(params: Partial<ParamValues<typeof B_PARAMS>> = {}) {
    // copied by spread: an object built key by key goes to slow dictionary mode from 20 keys
    this.params = { ...resolveParams(B_PARAMS, params, 'heads.B') };
    const p = this.params;
    this.wSum = p.wRsi + p.wPctb + p.wStoch + p.wZ;
  }

  private bbParams(): Record<string, number> {
    const p = this.params;
    return { period: p.bbPeriod, nbDevUp: p.bbDev, nbDevDn: p.bbDev, maType: 0 };
  }

  private stochParams(): Record<string, number> {
    const p = this.params;
    return { fastKPeriod: p.stochK, slowKPeriod: p.stochSmooth, slowKMaType: 0, slowDPeriod: p.stochSmooth, slowDMaType: 0 };
  }

  requires(): IndicatorConfig[] {
    const p = this.params;
    return [
      ...onEachTimeframe('RSI', { period: p.rsiPeriod }),
      ...onEachTimeframe('BBANDS', this.bbParams()),
      ...onEachTimeframe('STOCH', this.stochParams()),
      ...onEachTimeframe('ZSCORE', { period: p.zPeriod }),
    ];
  }

  bind(set: IndicatorSet): void {
    const p = this.params;
    this.iRsi = indexOnEachTimeframe(set, indicatorKey('RSI', { period: p.rsiPeriod }));
    const bb = indicatorKey('BBANDS', this.bbParams());
    this.iUp = indexOnEachTimeframe(set, bb, 'upper');
    this.iLow = indexOnEachTimeframe(set, bb, 'lower');
    const st = indicatorKey('STOCH', this.stochParams());
    this.iK = indexOnEachTimeframe(set, st, 'slowK');
    this.iD = indexOnEachTimeframe(set, st, 'slowD');
    this.iZ = indexOnEachTimeframe(set, indicatorKey('ZSCORE', { period: p.zPeriod }));
  }

  evaluate(ctx: HeadContext, out: VoteSlot): void {
    const v = ctx.values;
    const tf = ctx.tf;
    const p = this.params;
    const price = ctx.candle.close;
    const rsi = v[this.iRsi[tf]!]!;
    const up = v[this.iUp[tf]!]!;
    const low = v[this.iLow[tf]!]!;
    const k = v[this.iK[tf]!]!;
    const d = v[this.iD[tf]!]!;
    const z = v[this.iZ[tf]!]!;
    if ((rsi + up + low + k + d + z) * 0 !== 0) {
      out.direction = 0;
      out.confidence = 0;
      out.reasons = R_WARMUP;
      return;
    }
    let reasons = 0;
    // each tool: positive = oversold (LONG side), negative = overbought (SHORT side)
    let cRsi = 0;
    if (rsi <= p.rsiLow) cRsi = 0.25 + 0.75 * unit((p.rsiLow - rsi) / p.rsiSpan);
    else if (rsi >= p.rsiHigh) cRsi = -(0.25 + 0.75 * unit((rsi - p.rsiHigh) / p.rsiSpan));
    if (cRsi > 0) reasons |= R_RSI_LOW;
    else if (cRsi < 0) reasons |= R_RSI_HIGH;

    const width = up - low;
    const pctb = width > 0 ? (price - low) / width : 0.5;
    let cBb = 0;
    if (pctb <= p.pctbEdge) cBb = 0.25 + 0.75 * unit((p.pctbEdge - pctb) / 0.5);
    else if (pctb >= 1 - p.pctbEdge) cBb = -(0.25 + 0.75 * unit((pctb - 1 + p.pctbEdge) / 0.5));
    if (cBb > 0) reasons |= R_BB_LOW;
    else if (cBb < 0) reasons |= R_BB_HIGH;

    let cSt = 0;
    if (k <= p.stochLow) cSt = 0.25 + 0.75 * unit((p.stochLow - k) / p.stochLow);
    else if (k >= 100 - p.stochLow) cSt = -(0.25 + 0.75 * unit((k - 100 + p.stochLow) / p.stochLow));
    if (cSt > 0) reasons |= R_STOCH_LOW;
    else if (cSt < 0) reasons |= R_STOCH_HIGH;

    let cZ = 0;
    if (z <= -p.zMin) cZ = 0.25 + 0.75 * unit((-z - p.zMin) / 1.5);
    else if (z >= p.zMin) cZ = -(0.25 + 0.75 * unit((z - p.zMin) / 1.5));
    if (cZ > 0) reasons |= R_Z_LOW;
    else if (cZ < 0) reasons |= R_Z_HIGH;

    const w = this.wSum;
    const score = w > 0 ? (p.wRsi * cRsi + p.wPctb * cBb + p.wStoch * cSt + p.wZ * cZ) / w : 0;
    const dir = score > 0 ? 1 : score < 0 ? -1 : 0;
    // tools agreeing with the side of the score
    const agree =
      (cRsi * dir > 0 ? 1 : 0) + (cBb * dir > 0 ? 1 : 0) + (cSt * dir > 0 ? 1 : 0) + (cZ * dir > 0 ? 1 : 0);
    const mag = score * dir;
    // a turn already under way: %K back above %D when oversold, below it when overbought
    const turned = dir > 0 ? k > d : dir < 0 ? k < d : false;
    if (turned) reasons |= dir > 0 ? R_TURN_UP : R_TURN_DOWN;
    if (dir === 0 || mag < p.voteMin || agree < p.minAgree) {
      out.direction = 0;
      out.confidence = 0;
      out.reasons = reasons | R_WEAK;
      return;
    }
    const conf = (0.2 + 0.55 * mag + (turned ? p.turnBonus : 0)) * p.maxConfidence;
    out.direction = dir;
    out.confidence = conf > 1 ? 1 : conf;
    out.reasons = reasons;
  }

  describe(reasons: number, ctx: HeadContext): string[] {
    const v = ctx.values;
    const tf = ctx.tf;
    const p = this.params;
    const at = tf === 0 ? '' : `@${SETUP_TIMEFRAMES[tf]}`;
    const price = ctx.candle.close;
    const rsi = v[this.iRsi[tf]!]!;
    const up = v[this.iUp[tf]!]!;
    const low = v[this.iLow[tf]!]!;
    const k = v[this.iK[tf]!]!;
    const d = v[this.iD[tf]!]!;
    const z = v[this.iZ[tf]!]!;
    const pctb = up > low ? (price - low) / (up - low) : 0.5;
    const bb = `BBANDS(${p.bbPeriod},${p.bbDev})${at}`;
    const stoch = `STOCH(${p.stochK})${at}`;
    const words: string[] = [];
    for (let b = 0; b < B_REASONS.length; b++) {
      const bit = 1 << b;
      if ((reasons & bit) === 0) continue;
      switch (bit) {
        case R_WARMUP:
          words.push(`warming up: mean-reversion indicators${at} not ready yet`);
          break;
        case R_RSI_LOW:
          words.push(`RSI(${p.rsiPeriod})${at} ${fmt(rsi)} at or below ${p.rsiLow}: oversold`);
          break;
        case R_RSI_HIGH:
          words.push(`RSI(${p.rsiPeriod})${at} ${fmt(rsi)} at or above ${p.rsiHigh}: overbought`);
          break;
        case R_BB_LOW:
          words.push(`price ${fmt(price)} at %B ${fmt(pctb)} of ${bb} (lower ${fmt(low)}): stretched down`);
          break;
        case R_BB_HIGH:
          words.push(`price ${fmt(price)} at %B ${fmt(pctb)} of ${bb} (upper ${fmt(up)}): stretched up`);
          break;
        case R_STOCH_LOW:
          words.push(`${stoch} slow %K ${fmt(k)} at or below ${p.stochLow}: oversold`);
          break;
        case R_STOCH_HIGH:
          words.push(`${stoch} slow %K ${fmt(k)} at or above ${100 - p.stochLow}: overbought`);
          break;
        case R_Z_LOW:
          words.push(`ZSCORE(${p.zPeriod})${at} ${fmt(z)} at or below -${p.zMin}`);
          break;
        case R_Z_HIGH:
          words.push(`ZSCORE(${p.zPeriod})${at} ${fmt(z)} at or above ${p.zMin}`);
          break;
        case R_TURN_UP:
          words.push(`${stoch} %K ${fmt(k)} back above %D ${fmt(d)}: turning up`);
          break;
        case R_TURN_DOWN:
          words.push(`${stoch} %K ${fmt(k)} back below %D ${fmt(d)}: turning down`);
          break;
        case R_WEAK:
          words.push(`not stretched enough to fade (RSI ${fmt(rsi)}, %B ${fmt(pctb)}, z ${fmt(z)})`);
          break;
      }
    }
    return words;
  }
}
