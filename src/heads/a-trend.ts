/**
 * Head A — trend following. Votes with an established trend on the judged timeframe (ctx.tf):
 *   - EMA alignment: fast/mid/slow EMAs stacked (fast > mid > slow for up) and price on the right side
 *     of the fast EMA; each of the three comparisons counts a third;
 *   - ADX strength with the directional indicators: below `adxMin` there is no trend (the head then
 *     stays NEUTRAL whatever else it sees), between `adxMin` and `adxStrong` the +DI/-DI side counts
 *     proportionally, fully from `adxStrong` on;
 *   - SUPERTREND direction (+1 / -1);
 *   - ICHIMOKU cloud position: price above both senkou spans (+1), below both (-1), inside (0).
 * "Price" is the close of the 1m candle that just closed (the latest price), compared with the
 * indicators of closed bars on the judged timeframe.
 * The components are averaged with their weights into a score in [-1, 1]; the head votes when the ADX
 * shows a trend and |score| >= `voteMin`, with confidence growing with |score| and ADX strength.
 * Stateless.
 */
import { resolveParams, type ParamTable, type ParamValues } from '../core/params.js';
import { indicatorKey, type IndicatorConfig, type IndicatorSet } from '../indicators/indicator-set.js';
import { indexOnEachTimeframe, onEachTimeframe, SETUP_TIMEFRAMES, type Head, type HeadContext, type VoteSlot } from './types.js';

export const A_PARAMS = {
  emaFast: { default: 9, min: 3, max: 50, integer: true, doc: 'fast EMA period' },
  emaMid: { default: 21, min: 5, max: 120, integer: true, doc: 'middle EMA period' },
  emaSlow: { default: 55, min: 10, max: 300, integer: true, doc: 'slow EMA period' },
  adxPeriod: { default: 14, min: 5, max: 50, integer: true, doc: 'ADX / +DI / -DI period' },
  adxMin: { default: 22, min: 10, max: 40, doc: 'ADX below which there is no trend (head stays NEUTRAL)' },
  adxStrong: { default: 40, min: 20, max: 70, doc: 'ADX at which the trend strength counts fully' },
  stPeriod: { default: 10, min: 5, max: 50, integer: true, doc: 'SUPERTREND ATR period' },
  stMultiplier: { default: 3, min: 1, max: 6, doc: 'SUPERTREND ATR multiplier' },
  ichiTenkan: { default: 9, min: 5, max: 30, integer: true, doc: 'ICHIMOKU tenkan period' },
  ichiKijun: { default: 26, min: 10, max: 60, integer: true, doc: 'ICHIMOKU kijun period' },
  ichiSenkouB: { default: 52, min: 20, max: 120, integer: true, doc: 'ICHIMOKU senkou B period' },
  wEma: { default: 0.35, min: 0, max: 1, doc: 'weight of the EMA alignment' },
  wAdx: { default: 0.25, min: 0, max: 1, doc: 'weight of the ADX directional strength' },
  wSupertrend: { default: 0.2, min: 0, max: 1, doc: 'weight of the SUPERTREND direction' },
  wIchimoku: { default: 0.2, min: 0, max: 1, doc: 'weight of the Ichimoku cloud position' },
  voteMin: { default: 0.6, min: 0.2, max: 0.95, doc: 'minimum |weighted score| to vote' },
  maxConfidence: { default: 0.9, min: 0.3, max: 1, doc: 'cap on the confidence' },
} as const satisfies ParamTable;
export type TrendParams = ParamValues<typeof A_PARAMS>;

export const A_REASONS = [
  'warming up',
  'EMAs stacked up',
  'EMAs stacked down',
  'price above the fast EMA',
  'price below the fast EMA',
  'strong ADX with +DI above -DI',
  'strong ADX with -DI above +DI',
  'ADX too weak for a trend',
  'SUPERTREND up',
  'SUPERTREND down',
  'price above the Ichimoku cloud',
  'price below the Ichimoku cloud',
  'price inside the Ichimoku cloud',
] as const;
const R_WARMUP = 1 << 0;
const R_STACK_UP = 1 << 1;
const R_STACK_DOWN = 1 << 2;
const R_ABOVE_FAST = 1 << 3;
const R_BELOW_FAST = 1 << 4;
const R_ADX_UP = 1 << 5;
const R_ADX_DOWN = 1 << 6;
const R_ADX_WEAK = 1 << 7;
const R_ST_UP = 1 << 8;
const R_ST_DOWN = 1 << 9;
const R_ABOVE_CLOUD = 1 << 10;
const R_BELOW_CLOUD = 1 << 11;
const R_IN_CLOUD = 1 << 12;

function sign(x: number): number {
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}

function fmt(x: number): string {
  const a = Math.abs(x);
  if (a < 1e-9) return '0';
  return a >= 1000 ? x.toFixed(1) : a >= 1 ? x.toFixed(2) : x.toPrecision(3);
}

export class TrendHead implements Head {
  readonly id = 'A' as const;
  readonly specialty = 'trend following';
  readonly params: Readonly<TrendParams>;
  private readonly wSum: number;
  private iFast: Int32Array = new Int32Array(0);
  private iMid: Int32Array = new Int32Array(0);
  private iSlow: Int32Array = new Int32Array(0);
  private iAdx: Int32Array = new Int32Array(0);
  private iPlus: Int32Array = new Int32Array(0);
  private iMinus: Int32Array = new Int32Array(0);
  private iSt: Int32Array = new Int32Array(0);
  private iSpanA: Int32Array = new Int32Array(0);
  private iSpanB: Int32Array = new Int32Array(0);

  constructor(params: Partial<ParamValues<typeof A_PARAMS>> = {}) {
    // copied by spread: an object built key by key goes to slow dictionary mode from 20 keys
    this.params = { ...resolveParams(A_PARAMS, params, 'heads.A') };
    const p = this.params;
    this.wSum = p.wEma + p.wAdx + p.wSupertrend + p.wIchimoku;
  }

  private ichimokuParams(): Record<string, number> {
    const p = this.params;
    return { tenkan: p.ichiTenkan, kijun: p.ichiKijun, senkouB: p.ichiSenkouB };
  }

  requires(): IndicatorConfig[] {
    const p = this.params;
    return [
      ...onEachTimeframe('EMA', { period: p.emaFast }),
      ...onEachTimeframe('EMA', { period: p.emaMid }),
      ...onEachTimeframe('EMA', { period: p.emaSlow }),
      ...onEachTimeframe('ADX', { period: p.adxPeriod }),
      ...onEachTimeframe('PLUS_DI', { period: p.adxPeriod }),
      ...onEachTimeframe('MINUS_DI', { period: p.adxPeriod }),
      ...onEachTimeframe('SUPERTREND', { period: p.stPeriod, multiplier: p.stMultiplier }),
      ...onEachTimeframe('ICHIMOKU', this.ichimokuParams()),
    ];
  }

  bind(set: IndicatorSet): void {
    const p = this.params;
    this.iFast = indexOnEachTimeframe(set, indicatorKey('EMA', { period: p.emaFast }));
    this.iMid = indexOnEachTimeframe(set, indicatorKey('EMA', { period: p.emaMid }));
    this.iSlow = indexOnEachTimeframe(set, indicatorKey('EMA', { period: p.emaSlow }));
    this.iAdx = indexOnEachTimeframe(set, indicatorKey('ADX', { period: p.adxPeriod }));
    this.iPlus = indexOnEachTimeframe(set, indicatorKey('PLUS_DI', { period: p.adxPeriod }));
    this.iMinus = indexOnEachTimeframe(set, indicatorKey('MINUS_DI', { period: p.adxPeriod }));
    const st = indicatorKey('SUPERTREND', { period: p.stPeriod, multiplier: p.stMultiplier });
    this.iSt = indexOnEachTimeframe(set, st, 'direction');
    const ichi = indicatorKey('ICHIMOKU', this.ichimokuParams());
    this.iSpanA = indexOnEachTimeframe(set, ichi, 'senkouA');
    this.iSpanB = indexOnEachTimeframe(set, ichi, 'senkouB');
  }

  evaluate(ctx: HeadContext, out: VoteSlot): void {
    const v = ctx.values;
    const tf = ctx.tf;
    const p = this.params;
    const price = ctx.candle.close;
    const fast = v[this.iFast[tf]!]!;
    const mid = v[this.iMid[tf]!]!;
    const slow = v[this.iSlow[tf]!]!;
    const adx = v[this.iAdx[tf]!]!;
    const plus = v[this.iPlus[tf]!]!;
    const minus = v[this.iMinus[tf]!]!;
    const st = v[this.iSt[tf]!]!;
    const spanA = v[this.iSpanA[tf]!]!;
    const spanB = v[this.iSpanB[tf]!]!;
    // NaN anywhere (warm-up) makes the sum NaN
    if ((fast + mid + slow + adx + plus + minus + st + spanA + spanB) * 0 !== 0) {
      out.direction = 0;
      out.confidence = 0;
      out.reasons = R_WARMUP;
      return;
    }
    let reasons = 0;
    // EMA alignment: three comparisons, a third each
    const s1 = sign(fast - mid);
    const s2 = sign(mid - slow);
    const s3 = sign(price - fast);
    if (s1 > 0 && s2 > 0) reasons |= R_STACK_UP;
    else if (s1 < 0 && s2 < 0) reasons |= R_STACK_DOWN;
    if (s3 > 0) reasons |= R_ABOVE_FAST;
    else if (s3 < 0) reasons |= R_BELOW_FAST;
    const cEma = (s1 + s2 + s3) / 3;
    // ADX strength on the side of the dominant directional indicator
    let strength = (adx - p.adxMin) / (p.adxStrong - p.adxMin);
    strength = strength < 0 ? 0 : strength > 1 ? 1 : strength;
    const trending = adx >= p.adxMin;
    const di = sign(plus - minus);
    if (!trending) reasons |= R_ADX_WEAK;
    else if (di > 0) reasons |= R_ADX_UP;
    else if (di < 0) reasons |= R_ADX_DOWN;
    const cAdx = trending ? di * (0.5 + 0.5 * strength) : 0;
    // Supertrend direction
    const cSt = st > 0 ? 1 : st < 0 ? -1 : 0;
    reasons |= cSt > 0 ? R_ST_UP : cSt < 0 ? R_ST_DOWN : 0;
    // Ichimoku cloud
    const top = spanA > spanB ? spanA : spanB;
    const bottom = spanA > spanB ? spanB : spanA;
    const cIchi = price > top ? 1 : price < bottom ? -1 : 0;
    reasons |= cIchi > 0 ? R_ABOVE_CLOUD : cIchi < 0 ? R_BELOW_CLOUD : R_IN_CLOUD;

    const w = this.wSum;
    const score = w > 0 ? (p.wEma * cEma + p.wAdx * cAdx + p.wSupertrend * cSt + p.wIchimoku * cIchi) / w : 0;
    const mag = score < 0 ? -score : score;
    out.reasons = reasons;
    if (!trending || mag < p.voteMin) {
      out.direction = 0;
      out.confidence = 0;
      return;
    }
    // grades from 0.15 at the vote threshold with a bare ADX to 1 at a full score with a strong ADX, then capped
    const over = (mag - p.voteMin) / (1 - p.voteMin + 1e-9);
    const conf = (0.15 + 0.35 * over + 0.5 * strength) * p.maxConfidence;
    out.direction = score > 0 ? 1 : -1;
    out.confidence = conf > 1 ? 1 : conf;
  }

  describe(reasons: number, ctx: HeadContext): string[] {
    const v = ctx.values;
    const tf = ctx.tf;
    const p = this.params;
    const at = tf === 0 ? '' : `@${SETUP_TIMEFRAMES[tf]}`;
    const price = ctx.candle.close;
    const fast = v[this.iFast[tf]!]!;
    const mid = v[this.iMid[tf]!]!;
    const slow = v[this.iSlow[tf]!]!;
    const adx = v[this.iAdx[tf]!]!;
    const plus = v[this.iPlus[tf]!]!;
    const minus = v[this.iMinus[tf]!]!;
    const spanA = v[this.iSpanA[tf]!]!;
    const spanB = v[this.iSpanB[tf]!]!;
    const emas = `EMA(${p.emaFast})${at} ${fmt(fast)}, EMA(${p.emaMid})${at} ${fmt(mid)}, EMA(${p.emaSlow})${at} ${fmt(slow)}`;
    const adxWords = `ADX(${p.adxPeriod})${at} ${fmt(adx)} (+DI ${fmt(plus)}, -DI ${fmt(minus)})`;
    const cloud = `cloud${at} ${fmt(Math.min(spanA, spanB))}–${fmt(Math.max(spanA, spanB))}`;
    const words: string[] = [];
    for (let b = 0; b < A_REASONS.length; b++) {
      if ((reasons & (1 << b)) === 0) continue;
      const bit = 1 << b;
      switch (bit) {
        case R_WARMUP:
          words.push(`warming up: trend indicators${at} not ready yet`);
          break;
        case R_STACK_UP:
          words.push(`EMAs stacked up: ${emas}`);
          break;
        case R_STACK_DOWN:
          words.push(`EMAs stacked down: ${emas}`);
          break;
        case R_ABOVE_FAST:
          words.push(`price ${fmt(price)} above EMA(${p.emaFast})${at} ${fmt(fast)}`);
          break;
        case R_BELOW_FAST:
          words.push(`price ${fmt(price)} below EMA(${p.emaFast})${at} ${fmt(fast)}`);
          break;
        case R_ADX_UP:
          words.push(`${adxWords}: trend with +DI above -DI (ADX at least ${p.adxMin})`);
          break;
        case R_ADX_DOWN:
          words.push(`${adxWords}: trend with -DI above +DI (ADX at least ${p.adxMin})`);
          break;
        case R_ADX_WEAK:
          words.push(`${adxWords} below ${p.adxMin}: no trend`);
          break;
        case R_ST_UP:
          words.push(`SUPERTREND(${p.stPeriod},${p.stMultiplier})${at} up`);
          break;
        case R_ST_DOWN:
          words.push(`SUPERTREND(${p.stPeriod},${p.stMultiplier})${at} down`);
          break;
        case R_ABOVE_CLOUD:
          words.push(`price ${fmt(price)} above the Ichimoku ${cloud}`);
          break;
        case R_BELOW_CLOUD:
          words.push(`price ${fmt(price)} below the Ichimoku ${cloud}`);
          break;
        case R_IN_CLOUD:
          words.push(`price ${fmt(price)} inside the Ichimoku ${cloud}`);
          break;
      }
    }
    return words;
  }
}
