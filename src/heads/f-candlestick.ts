/**
 * Head F — candlestick patterns, weighted by where they appear. Reads a curated set of TA-Lib CDL
 * patterns on the judged timeframe (ctx.tf) — the reversal patterns with a sound reputation (engulfing,
 * hammer / hanging man, inverted hammer / shooting star, morning / evening (doji) star, three white
 * soldiers / three black crows, piercing / dark cloud cover, harami (cross), doji star, three
 * inside / outside) — each with its own weight. A pattern output of ±100 counts its full weight, ±80
 * (TA-Lib's weaker variant) 0.8 of it.
 *
 * Location decides how much a pattern counts. The "pattern extreme" is the lowest low (for bullish
 * patterns) / highest high (bearish) of the last `patternBars` bars on the judged timeframe (DONCHIAN):
 *   - swing: a bullish pattern whose low is at or below the last confirmed swing low (SWINGS), or within
 *     `nearAtr` ATRs above it, is at support (full at or below, fading linearly to 0 at `nearAtr`);
 *     a swing older than `swingMaxAge` bars no longer counts. Bearish mirror with the swing high.
 *   - band: a bullish pattern whose low is at or below the lower Bollinger band counts fully, fading to
 *     0 at %B = `bbNear`; bearish mirror with the upper band.
 * location = max(swing, band) in [0, 1]; a pattern's weight is multiplied by
 * `locFloor + (1 - locFloor) * location`, so a pattern in the middle of nowhere counts only `locFloor`.
 * Bullish and bearish evidence are summed separately; the head votes the side of the net score when
 * |net| >= `minScore`, with confidence maxConfidence * (1 - exp(-|net|)) (graded, saturating).
 * On a timeframe above 1m the patterns are those of the last closed bar of that timeframe, so a vote
 * lasts until the next bar closes. Stateless.
 */
import { resolveParams, type ParamTable, type ParamValues } from '../core/params.js';
import { indicatorKey, type IndicatorConfig, type IndicatorSet } from '../indicators/indicator-set.js';
import { indexOnEachTimeframe, onEachTimeframe, SETUP_TIMEFRAMES, type Head, type HeadContext, type VoteSlot } from './types.js';

/** The patterns read: indicator name, weight parameter, words. */
const PATTERNS = [
  ['CDLENGULFING', 'wEngulfing', 'engulfing'],
  ['CDLHAMMER', 'wHammer', 'hammer'],
  ['CDLHANGINGMAN', 'wHangingMan', 'hanging man'],
  ['CDLINVERTEDHAMMER', 'wInvertedHammer', 'inverted hammer'],
  ['CDLSHOOTINGSTAR', 'wShootingStar', 'shooting star'],
  ['CDLMORNINGSTAR', 'wMorningStar', 'morning star'],
  ['CDLEVENINGSTAR', 'wEveningStar', 'evening star'],
  ['CDLMORNINGDOJISTAR', 'wMorningDojiStar', 'morning doji star'],
  ['CDLEVENINGDOJISTAR', 'wEveningDojiStar', 'evening doji star'],
  ['CDL3WHITESOLDIERS', 'w3WhiteSoldiers', 'three white soldiers'],
  ['CDL3BLACKCROWS', 'w3BlackCrows', 'three black crows'],
  ['CDLPIERCING', 'wPiercing', 'piercing line'],
  ['CDLDARKCLOUDCOVER', 'wDarkCloudCover', 'dark cloud cover'],
  ['CDLHARAMI', 'wHarami', 'harami'],
  ['CDLHARAMICROSS', 'wHaramiCross', 'harami cross'],
  ['CDLDOJISTAR', 'wDojiStar', 'doji star'],
  ['CDL3INSIDE', 'w3Inside', 'three inside'],
  ['CDL3OUTSIDE', 'w3Outside', 'three outside'],
] as const;
const NP = PATTERNS.length;

function weight(def: number, what: string) {
  return { default: def, min: 0, max: 1, doc: `weight of the ${what} pattern (0 disables it)` } as const;
}

export const F_PARAMS = {
  wEngulfing: weight(0.6, 'engulfing'),
  wHammer: weight(0.5, 'hammer'),
  wHangingMan: weight(0.45, 'hanging man'),
  wInvertedHammer: weight(0.35, 'inverted hammer'),
  wShootingStar: weight(0.5, 'shooting star'),
  wMorningStar: weight(0.8, 'morning star'),
  wEveningStar: weight(0.8, 'evening star'),
  wMorningDojiStar: weight(0.8, 'morning doji star'),
  wEveningDojiStar: weight(0.8, 'evening doji star'),
  w3WhiteSoldiers: weight(0.6, 'three white soldiers'),
  w3BlackCrows: weight(0.6, 'three black crows'),
  wPiercing: weight(0.6, 'piercing line'),
  wDarkCloudCover: weight(0.6, 'dark cloud cover'),
  wHarami: weight(0.3, 'harami'),
  wHaramiCross: weight(0.35, 'harami cross'),
  wDojiStar: weight(0.35, 'doji star'),
  w3Inside: weight(0.5, 'three inside up/down'),
  w3Outside: weight(0.6, 'three outside up/down'),
  patternBars: { default: 3, min: 1, max: 5, integer: true, doc: 'bars whose lowest low / highest high is the pattern extreme (DONCHIAN period)' },
  swingLeft: { default: 5, min: 2, max: 20, integer: true, doc: 'SWINGS bars left of a swing' },
  swingRight: { default: 5, min: 2, max: 20, integer: true, doc: 'SWINGS bars right of a swing (confirmation delay)' },
  swingMaxAge: { default: 120, min: 10, max: 1000, integer: true, doc: 'bars after which a swing level no longer counts as a location' },
  nearAtr: { default: 0.75, min: 0.05, max: 3, doc: 'ATRs above a swing low (below a swing high) within which a pattern is near it' },
  atrPeriod: { default: 14, min: 5, max: 50, integer: true, doc: 'ATR period' },
  bbPeriod: { default: 20, min: 10, max: 50, integer: true, doc: 'Bollinger band period' },
  bbDev: { default: 2, min: 1, max: 3, doc: 'Bollinger band width in standard deviations' },
  bbNear: { default: 0.15, min: 0.01, max: 0.5, doc: '%B of the pattern extreme within which it is near the band' },
  locFloor: { default: 0.2, min: 0, max: 1, doc: 'share of its weight a pattern keeps away from any level' },
  minScore: { default: 0.3, min: 0.05, max: 2, doc: 'minimum |net located pattern score| to vote' },
  maxConfidence: { default: 0.8, min: 0.3, max: 1, doc: 'cap on the confidence' },
} as const satisfies ParamTable;
export type CandlestickParams = ParamValues<typeof F_PARAMS>;

export const F_REASONS = [
  ...PATTERNS.map((p) => p[2]),
  'warming up',
  'bullish pattern at a swing low',
  'bullish pattern at the lower Bollinger band',
  'bearish pattern at a swing high',
  'bearish pattern at the upper Bollinger band',
  'pattern away from any swing or band',
  'bullish and bearish patterns together',
] as const;
const R_WARMUP = 1 << NP;
const R_SWING_LOW = 1 << (NP + 1);
const R_LOWER_BAND = 1 << (NP + 2);
const R_SWING_HIGH = 1 << (NP + 3);
const R_UPPER_BAND = 1 << (NP + 4);
const R_AWAY = 1 << (NP + 5);
const R_CONFLICT = 1 << (NP + 6);
const PATTERN_BITS = (1 << NP) - 1;

function fmt(x: number): string {
  const a = Math.abs(x);
  return a >= 1000 ? x.toFixed(1) : a >= 1 ? x.toFixed(2) : x.toPrecision(3);
}

export class CandlestickHead implements Head {
  readonly id = 'F' as const;
  readonly specialty = 'candlestick patterns at swing levels and bands';
  readonly params: Readonly<CandlestickParams>;
  /** pattern weights, by pattern */
  private readonly weights: Float64Array;
  /** pattern indexes, flat: tf * NP + pattern */
  private iPat: Int32Array = new Int32Array(0);
  private iLo: Int32Array = new Int32Array(0);
  private iHi: Int32Array = new Int32Array(0);
  private iAtr: Int32Array = new Int32Array(0);
  private iSwHi: Int32Array = new Int32Array(0);
  private iSwLo: Int32Array = new Int32Array(0);
  private iAgeHi: Int32Array = new Int32Array(0);
  private iAgeLo: Int32Array = new Int32Array(0);
  private iBbUp: Int32Array = new Int32Array(0);
  private iBbLow: Int32Array = new Int32Array(0);

  constructor(params: Partial<ParamValues<typeof F_PARAMS>> = {}) {
    this.params = resolveParams(F_PARAMS, params, 'heads.F');
    const p = this.params;
    this.weights = Float64Array.from(PATTERNS, (q) => p[q[1]]);
  }

  private bbParams(): Record<string, number> {
    return { period: this.params.bbPeriod, nbDevUp: this.params.bbDev, nbDevDn: this.params.bbDev };
  }

  private swingParams(): Record<string, number> {
    return { left: this.params.swingLeft, right: this.params.swingRight };
  }

  requires(): IndicatorConfig[] {
    const p = this.params;
    return [
      ...PATTERNS.flatMap((q) => onEachTimeframe(q[0])),
      ...onEachTimeframe('DONCHIAN', { period: p.patternBars }),
      ...onEachTimeframe('ATR', { period: p.atrPeriod }),
      ...onEachTimeframe('SWINGS', this.swingParams()),
      ...onEachTimeframe('BBANDS', this.bbParams()),
    ];
  }

  bind(set: IndicatorSet): void {
    const p = this.params;
    const nTf = SETUP_TIMEFRAMES.length;
    const pat = new Int32Array(nTf * NP);
    PATTERNS.forEach((q, k) => {
      const idx = indexOnEachTimeframe(set, indicatorKey(q[0]));
      for (let t = 0; t < nTf; t++) pat[t * NP + k] = idx[t]!;
    });
    this.iPat = pat;
    const don = indicatorKey('DONCHIAN', { period: p.patternBars });
    this.iLo = indexOnEachTimeframe(set, don, 'lower');
    this.iHi = indexOnEachTimeframe(set, don, 'upper');
    this.iAtr = indexOnEachTimeframe(set, indicatorKey('ATR', { period: p.atrPeriod }));
    const sw = indicatorKey('SWINGS', this.swingParams());
    this.iSwHi = indexOnEachTimeframe(set, sw, 'lastSwingHigh');
    this.iSwLo = indexOnEachTimeframe(set, sw, 'lastSwingLow');
    this.iAgeHi = indexOnEachTimeframe(set, sw, 'barsSinceSwingHigh');
    this.iAgeLo = indexOnEachTimeframe(set, sw, 'barsSinceSwingLow');
    const bb = indicatorKey('BBANDS', this.bbParams());
    this.iBbUp = indexOnEachTimeframe(set, bb, 'upper');
    this.iBbLow = indexOnEachTimeframe(set, bb, 'lower');
  }

  evaluate(ctx: HeadContext, out: VoteSlot): void {
    const v = ctx.values;
    const tf = ctx.tf;
    const p = this.params;
    const lo = v[this.iLo[tf]!]!;
    const hi = v[this.iHi[tf]!]!;
    const atr = v[this.iAtr[tf]!]!;
    const swHi = v[this.iSwHi[tf]!]!;
    const swLo = v[this.iSwLo[tf]!]!;
    const ageHi = v[this.iAgeHi[tf]!]!;
    const ageLo = v[this.iAgeLo[tf]!]!;
    const bbUp = v[this.iBbUp[tf]!]!;
    const bbLow = v[this.iBbLow[tf]!]!;
    let bull = 0;
    let bear = 0;
    let reasons = 0;
    let sum = lo + hi + atr + swHi + swLo + ageHi + ageLo + bbUp + bbLow;
    const base = tf * NP;
    for (let k = 0; k < NP; k++) {
      const x = v[this.iPat[base + k]!]!;
      sum += x;
      if (x > 0) {
        bull += this.weights[k]! * x * 0.01;
        reasons |= 1 << k;
      } else if (x < 0) {
        bear -= this.weights[k]! * x * 0.01;
        reasons |= 1 << k;
      }
    }
    out.direction = 0;
    out.confidence = 0;
    // NaN anywhere (warm-up) makes the sum NaN
    if (sum * 0 !== 0) {
      out.reasons = R_WARMUP;
      return;
    }
    if (bull === 0 && bear === 0) {
      out.reasons = 0;
      return;
    }
    const width = bbUp - bbLow;
    if (bull > 0) {
      let sw = 0;
      if (ageLo <= p.swingMaxAge && atr > 0) {
        const d = (lo - swLo) / atr;
        sw = d <= 0 ? 1 : d < p.nearAtr ? 1 - d / p.nearAtr : 0;
      }
      let band = 0;
      if (width > 0) {
        const pb = (lo - bbLow) / width;
        band = pb <= 0 ? 1 : pb < p.bbNear ? 1 - pb / p.bbNear : 0;
      }
      if (sw > 0) reasons |= R_SWING_LOW;
      if (band > 0) reasons |= R_LOWER_BAND;
      const loc = sw > band ? sw : band;
      bull *= p.locFloor + (1 - p.locFloor) * loc;
    }
    if (bear > 0) {
      let sw = 0;
      if (ageHi <= p.swingMaxAge && atr > 0) {
        const d = (swHi - hi) / atr;
        sw = d <= 0 ? 1 : d < p.nearAtr ? 1 - d / p.nearAtr : 0;
      }
      let band = 0;
      if (width > 0) {
        const pb = (bbUp - hi) / width;
        band = pb <= 0 ? 1 : pb < p.bbNear ? 1 - pb / p.bbNear : 0;
      }
      if (sw > 0) reasons |= R_SWING_HIGH;
      if (band > 0) reasons |= R_UPPER_BAND;
      const loc = sw > band ? sw : band;
      bear *= p.locFloor + (1 - p.locFloor) * loc;
    }
    if ((reasons & (R_SWING_LOW | R_LOWER_BAND | R_SWING_HIGH | R_UPPER_BAND)) === 0) reasons |= R_AWAY;
    if (bull > 0 && bear > 0) reasons |= R_CONFLICT;
    out.reasons = reasons;
    const net = bull - bear;
    const mag = net < 0 ? -net : net;
    if (mag < p.minScore) return;
    out.direction = net > 0 ? 1 : -1;
    out.confidence = p.maxConfidence * (1 - Math.exp(-mag));
  }

  describe(reasons: number, ctx: HeadContext): string[] {
    const v = ctx.values;
    const tf = ctx.tf;
    const p = this.params;
    const at = tf === 0 ? '' : `@${SETUP_TIMEFRAMES[tf]}`;
    const atr = v[this.iAtr[tf]!]!;
    const lo = v[this.iLo[tf]!]!;
    const hi = v[this.iHi[tf]!]!;
    const inAtr = (d: number) => (atr > 0 ? `${(d / atr).toFixed(2)} ATR` : 'n/a ATR');
    const words: string[] = [];
    if (reasons & R_WARMUP) words.push(`warming up: pattern, swing, ATR(${p.atrPeriod}) or Bollinger values${at} not ready yet`);
    if (reasons & PATTERN_BITS) {
      for (let k = 0; k < NP; k++) {
        if ((reasons & (1 << k)) === 0) continue;
        const x = v[this.iPat[tf * NP + k]!]!;
        const side = x > 0 ? 'bullish' : x < 0 ? 'bearish' : '';
        words.push(`${side} ${PATTERNS[k]![2]}${at} (${PATTERNS[k]![0]} ${x > 0 ? '+' : ''}${x}, weight ${this.weights[k]})`.trim());
      }
    }
    if (reasons & R_SWING_LOW) {
      const s = v[this.iSwLo[tf]!]!;
      words.push(`pattern low ${fmt(lo)} near the swing low ${fmt(s)}${at} of ${v[this.iAgeLo[tf]!]} bars ago (${inAtr(lo - s)} above it)`);
    }
    if (reasons & R_LOWER_BAND) words.push(`pattern low ${fmt(lo)} at the lower Bollinger band${at} ${fmt(v[this.iBbLow[tf]!]!)}`);
    if (reasons & R_SWING_HIGH) {
      const s = v[this.iSwHi[tf]!]!;
      words.push(`pattern high ${fmt(hi)} near the swing high ${fmt(s)}${at} of ${v[this.iAgeHi[tf]!]} bars ago (${inAtr(s - hi)} below it)`);
    }
    if (reasons & R_UPPER_BAND) words.push(`pattern high ${fmt(hi)} at the upper Bollinger band${at} ${fmt(v[this.iBbUp[tf]!]!)}`);
    if (reasons & R_AWAY) words.push(`pattern away from any swing level or Bollinger band${at}: counts only ${p.locFloor} of its weight`);
    if (reasons & R_CONFLICT) words.push(`bullish and bearish patterns${at} at once: they offset each other`);
    return words;
  }
}
