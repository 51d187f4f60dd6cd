/**
 * Head H — multi-timeframe confluence. Votes with the trend of the other timeframes when most of them
 * agree and the setup on the judged timeframe (ctx.tf) points the same way.
 *
 * Trend of one timeframe: three signs, each ±1 (0 when equal) — EMA(emaFast) vs EMA(emaSlow), price vs
 * EMA(emaFast), and the MACD histogram weighted `macdWeight` — summed; the timeframe is up when the sum
 * is >= `trendMin`, down when <= -`trendMin`, otherwise mixed. With the defaults both EMA signs must
 * agree and the histogram only adds to (or takes from) the strength: in a steady trend it hovers around
 * 0, so as a full vote it would veto good trends at random. "Price" is the close of the 1m candle that
 * just closed. The MACD needs more bars than the EMAs (33 with 12/26/9: 5.5 days on 4h): while it is not
 * ready on a timeframe only the two EMA signs count there.
 *
 * Setup: the same measure on the judged timeframe (with defaults that is the 1m EMA(9)/EMA(21), price
 * and MACD momentum). Confluence timeframes: 5m, 15m, 1h and 4h except the judged one, each with a
 * weight. A timeframe whose EMAs are not ready yet is left out (4h EMA(21) needs 21 bars: 3.5 days);
 * with fewer than `minTimeframes` of them ready, or the setup's own EMAs not ready, the head is warming up.
 *
 * Vote: the setup direction d when it is not mixed, the agreeing weight share among the ready confluence
 * timeframes is >= `minAgree` and the opposing share is <= `maxOppose`; otherwise NEUTRAL (a setup
 * against the higher timeframes is a conflict). Confidence = maxConfidence × (agreeing − opposing
 * weight) / (weight of all confluence timeframes, ready or not) × setup strength (|setup sum| /
 * (2 + macdWeight): 1 with all three setup signs aligned), so it grows with every agreeing timeframe.
 * With the defaults one dissenting timeframe of four is tolerated (at a lower confidence), two conflict. Stateless.
 */
import { resolveParams, type ParamTable, type ParamValues } from '../core/params.js';
import { indicatorKey, type IndicatorConfig, type IndicatorSet } from '../indicators/indicator-set.js';
import { indexOnEachTimeframe, onEachTimeframe, SETUP_TIMEFRAMES, type Head, type HeadContext, type VoteSlot } from './types.js';

export const H_PARAMS = {
  emaFast: { default: 9, min: 3, max: 50, integer: true, doc: 'fast EMA period (every timeframe)' },
  emaSlow: { default: 21, min: 5, max: 200, integer: true, doc: 'slow EMA period (every timeframe)' },
  macdFast: { default: 12, min: 3, max: 50, integer: true, doc: 'MACD fast period' },
  macdSlow: { default: 26, min: 10, max: 100, integer: true, doc: 'MACD slow period' },
  macdSignal: { default: 9, min: 3, max: 30, integer: true, doc: 'MACD signal period' },
  macdWeight: { default: 0.5, min: 0, max: 1, doc: 'weight of the MACD histogram sign in a timeframe trend (the EMA signs weigh 1 each)' },
  trendMin: { default: 1.5, min: 0.5, max: 3, doc: 'weighted sum of the trend signs that makes a timeframe up / down' },
  w5m: { default: 0.7, min: 0, max: 1, doc: 'weight of the 5m trend' },
  w15m: { default: 0.9, min: 0, max: 1, doc: 'weight of the 15m trend' },
  w1h: { default: 1, min: 0, max: 1, doc: 'weight of the 1h trend' },
  w4h: { default: 1, min: 0, max: 1, doc: 'weight of the 4h trend' },
  minTimeframes: { default: 2, min: 1, max: 4, integer: true, doc: 'confluence timeframes that must be ready' },
  minAgree: { default: 0.7, min: 0.3, max: 1, doc: 'minimum agreeing weight share of the ready confluence timeframes' },
  maxOppose: { default: 0.3, min: 0, max: 0.5, doc: 'maximum opposing weight share (above it the timeframes conflict)' },
  maxConfidence: { default: 0.8, min: 0.3, max: 1, doc: 'confidence when every confluence timeframe agrees' },
} as const satisfies ParamTable;
export type MultiTimeframeParams = ParamValues<typeof H_PARAMS>;

const TF_NAMES = ['5m', '15m', '1h', '4h'] as const;
export const H_REASONS = [
  'warming up',
  'setup up',
  'setup down',
  'setup mixed',
  ...TF_NAMES.flatMap((t) => [`${t} trend up`, `${t} trend down`, `${t} trend mixed`]),
  'higher timeframes agree with the setup',
  'higher timeframes against the setup',
  'too few timeframes agree',
] as const;
const R_WARMUP = 1 << 0;
const R_SETUP_UP = 1 << 1;
const R_SETUP_DOWN = 1 << 2;
const R_SETUP_MIXED = 1 << 3;
/** bit of timeframe t (1..4 = 5m..4h): up, down (<< 1), mixed (<< 2) */
const trendBit = (t: number) => 1 << (4 + (t - 1) * 3);
const R_AGREE = 1 << 16;
const R_AGAINST = 1 << 17;
const R_FEW = 1 << 18;

function sign(x: number): number {
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}

function fmt(x: number): string {
  const a = Math.abs(x);
  return a >= 1000 ? x.toFixed(1) : a >= 1 ? x.toFixed(2) : x.toPrecision(3);
}

export class MultiTimeframeHead implements Head {
  readonly id = 'H' as const;
  readonly specialty = 'multi-timeframe confluence';
  readonly params: Readonly<MultiTimeframeParams>;
  /** weight by timeframe index (0 for 1m, never a confluence timeframe) */
  private readonly weights: Float64Array;
  private iFast: Int32Array = new Int32Array(0);
  private iSlow: Int32Array = new Int32Array(0);
  private iHist: Int32Array = new Int32Array(0);

  constructor(params: Partial<ParamValues<typeof H_PARAMS>> = {}) {
    this.params = resolveParams(H_PARAMS, params, 'heads.H');
    const p = this.params;
    this.weights = Float64Array.of(0, p.w5m, p.w15m, p.w1h, p.w4h);
  }

  private macdParams(): Record<string, number> {
    const p = this.params;
    return { fastPeriod: p.macdFast, slowPeriod: p.macdSlow, signalPeriod: p.macdSignal };
  }

  requires(): IndicatorConfig[] {
    const p = this.params;
    return [
      ...onEachTimeframe('EMA', { period: p.emaFast }),
      ...onEachTimeframe('EMA', { period: p.emaSlow }),
      ...onEachTimeframe('MACD', this.macdParams()),
    ];
  }

  bind(set: IndicatorSet): void {
    const p = this.params;
    this.iFast = indexOnEachTimeframe(set, indicatorKey('EMA', { period: p.emaFast }));
    this.iSlow = indexOnEachTimeframe(set, indicatorKey('EMA', { period: p.emaSlow }));
    this.iHist = indexOnEachTimeframe(set, indicatorKey('MACD', this.macdParams()), 'hist');
  }

  /** Weighted trend sign sum of timeframe t (in ±(2 + macdWeight)); NaN while its EMAs are not ready. */
  private score(v: Float64Array, t: number, price: number): number {
    const fast = v[this.iFast[t]!]!;
    const slow = v[this.iSlow[t]!]!;
    const hist = v[this.iHist[t]!]!;
    if ((fast + slow) * 0 !== 0) return NaN;
    const s = sign(fast - slow) + sign(price - fast);
    return hist === hist ? s + this.params.macdWeight * sign(hist) : s;
  }

  evaluate(ctx: HeadContext, out: VoteSlot): void {
    const v = ctx.values;
    const tf = ctx.tf;
    const p = this.params;
    const price = ctx.candle.close;
    out.direction = 0;
    out.confidence = 0;
    const setup = this.score(v, tf, price);
    if (setup !== setup) {
      out.reasons = R_WARMUP;
      return;
    }
    let reasons = 0;
    let ready = 0;
    let readyWeight = 0;
    let allWeight = 0;
    let up = 0;
    let down = 0;
    for (let t = 1; t < 5; t++) {
      if (t === tf) continue;
      const w = this.weights[t]!;
      allWeight += w;
      const s = this.score(v, t, price);
      if (s !== s) continue;
      ready++;
      readyWeight += w;
      if (s >= p.trendMin) {
        up += w;
        reasons |= trendBit(t);
      } else if (s <= -p.trendMin) {
        down += w;
        reasons |= trendBit(t) << 1;
      } else reasons |= trendBit(t) << 2;
    }
    if (ready < p.minTimeframes || readyWeight <= 0) {
      out.reasons = R_WARMUP;
      return;
    }
    const d = setup >= p.trendMin ? 1 : setup <= -p.trendMin ? -1 : 0;
    reasons |= d > 0 ? R_SETUP_UP : d < 0 ? R_SETUP_DOWN : R_SETUP_MIXED;
    if (d === 0) {
      out.reasons = reasons;
      return;
    }
    const agree = d > 0 ? up : down;
    const oppose = d > 0 ? down : up;
    if (oppose / readyWeight > p.maxOppose) {
      out.reasons = reasons | R_AGAINST;
      return;
    }
    if (agree / readyWeight < p.minAgree) {
      out.reasons = reasons | R_FEW;
      return;
    }
    out.reasons = reasons | R_AGREE;
    out.direction = d > 0 ? 1 : -1;
    // a setup with all three signs aligned counts fully, less with the MACD histogram against it
    const strength = (setup < 0 ? -setup : setup) / (2 + p.macdWeight);
    const c = (p.maxConfidence * strength * (agree - oppose)) / allWeight;
    out.confidence = c > 1 ? 1 : c;
  }

  describe(reasons: number, ctx: HeadContext): string[] {
    const v = ctx.values;
    const tf = ctx.tf;
    const p = this.params;
    const price = ctx.candle.close;
    const trendWords = (t: number) => {
      const at = t === 0 ? '' : `@${SETUP_TIMEFRAMES[t]}`;
      const hist = v[this.iHist[t]!]!;
      return `EMA(${p.emaFast})${at} ${fmt(v[this.iFast[t]!]!)} vs EMA(${p.emaSlow})${at} ${fmt(v[this.iSlow[t]!]!)}, price ${fmt(price)}, MACD hist${at} ${hist === hist ? fmt(hist) : 'not ready'}`;
    };
    const words: string[] = [];
    const setupTf = SETUP_TIMEFRAMES[tf];
    if (reasons & R_WARMUP) words.push(`warming up: the ${setupTf} setup or fewer than ${p.minTimeframes} other timeframes have their EMAs ready`);
    if (reasons & R_SETUP_UP) words.push(`${setupTf} setup up: ${trendWords(tf)}`);
    if (reasons & R_SETUP_DOWN) words.push(`${setupTf} setup down: ${trendWords(tf)}`);
    if (reasons & R_SETUP_MIXED) words.push(`${setupTf} setup mixed: ${trendWords(tf)}`);
    for (let t = 1; t < 5; t++) {
      const b = trendBit(t);
      const name = TF_NAMES[t - 1];
      if (reasons & b) words.push(`${name} trend up: ${trendWords(t)}`);
      if (reasons & (b << 1)) words.push(`${name} trend down: ${trendWords(t)}`);
      if (reasons & (b << 2)) words.push(`${name} trend mixed: ${trendWords(t)}`);
    }
    if (reasons & R_AGREE) words.push(`the other timeframes agree with the ${setupTf} setup (at least ${Math.round(p.minAgree * 100)}% of their weight)`);
    if (reasons & R_AGAINST) words.push(`the other timeframes run against the ${setupTf} setup: conflict`);
    if (reasons & R_FEW) words.push(`too few other timeframes agree with the ${setupTf} setup (less than ${Math.round(p.minAgree * 100)}% of their weight)`);
    return words;
  }
}
