/**
 * Head I — statistical learner: an online logistic regression that predicts P(win | features, direction)
 * from a standardised vector of indicator values on the judged timeframe (ctx.tf), learned ONLY from
 * resolved outcomes.
 *
 * Features (FEATURE_NAMES, `featureCount` of them): RSI, MACD histogram / price, Bollinger %B, ADX,
 * +DI − −DI, ROC, ZSCORE of the close, VOLUME_ZSCORE, CMF, ATR / price, (EMA fast − EMA slow) / price,
 * CCI, MFI and the slow stochastic %K. "Price" is the close of the 1m candle that just closed.
 *
 * The engine calls `captureFeatures(ctx, out)` when it records a decision and stores the vector with the
 * signal; when the signal's outcome is resolved it calls `learn(features, direction, won)`. That is the
 * ONLY way the model changes: evaluate(), captureFeatures() and describe() read it and never update it,
 * so nothing from the future (or from unresolved signals) leaks into the model.
 *
 * Model: separate weights (and bias) per direction — P(win | x, LONG) = σ(bL + wL·z), P(win | x, SHORT) =
 * σ(bS + wS·z) — rather than one weight vector applied to direction × features: magnitudes such as ADX,
 * ATR / price or volume z-score say "a move is coming" for both sides, which a sign flip cannot express.
 * z is x standardised with a running mean and variance (Welford) over the learned examples only,
 * clipped to ±`zClip`. learn() first updates the mean / variance with x, then takes one SGD step on the
 * log loss with L2 (`learningRate`, `l2`) on the weights of the given direction only (the bias is not
 * regularised). Examples with a non-finite feature are refused (learn returns false).
 *
 * Vote: until `minOutcomes` examples have been learned → NEUTRAL with 'learning: N of M outcomes'. Then
 * each direction with at least `minDirectionOutcomes` examples gets its predicted win probability; the
 * head votes the direction with the higher one when it is >= `threshold`, with confidence
 * maxConfidence × min(1, 2 × (p − 0.5)) (the margin over a coin flip). Stateful: snapshot()/restore().
 * No allocation in evaluate, captureFeatures or learn.
 */
import { AlphaPulseError } from '../core/errors.js';
import { resolveParams, type ParamTable, type ParamValues } from '../core/params.js';
import { indicatorKey, type IndicatorConfig, type IndicatorSet } from '../indicators/indicator-set.js';
import { indexOnEachTimeframe, onEachTimeframe, SETUP_TIMEFRAMES, type Head, type HeadContext, type VoteSlot } from './types.js';

export const I_PARAMS = {
  learningRate: { default: 0.01, min: 0.0001, max: 1, doc: 'SGD step size' },
  l2: { default: 0.001, min: 0, max: 0.1, doc: 'L2 penalty on the weights (per step)' },
  minOutcomes: { default: 30, min: 5, max: 10000, integer: true, doc: 'learned outcomes before the head votes at all' },
  minDirectionOutcomes: { default: 10, min: 1, max: 5000, integer: true, doc: 'learned outcomes of a direction before it can be voted' },
  threshold: { default: 0.58, min: 0.5, max: 0.95, doc: 'minimum predicted win probability to vote' },
  maxConfidence: { default: 0.8, min: 0.3, max: 1, doc: 'cap on the confidence' },
  zClip: { default: 4, min: 1, max: 10, doc: 'standardised features are clipped to ± this' },
  rsiPeriod: { default: 14, min: 2, max: 50, integer: true, doc: 'RSI period' },
  macdFast: { default: 12, min: 3, max: 50, integer: true, doc: 'MACD fast period' },
  macdSlow: { default: 26, min: 10, max: 100, integer: true, doc: 'MACD slow period' },
  macdSignal: { default: 9, min: 3, max: 30, integer: true, doc: 'MACD signal period' },
  bbPeriod: { default: 20, min: 5, max: 50, integer: true, doc: 'Bollinger band period (%B, 2 deviations)' },
  adxPeriod: { default: 14, min: 5, max: 50, integer: true, doc: 'ADX / +DI / -DI period' },
  rocPeriod: { default: 10, min: 1, max: 100, integer: true, doc: 'ROC period' },
  zPeriod: { default: 20, min: 5, max: 200, integer: true, doc: 'ZSCORE and VOLUME_ZSCORE period' },
  cmfPeriod: { default: 20, min: 5, max: 100, integer: true, doc: 'CMF period' },
  atrPeriod: { default: 14, min: 5, max: 50, integer: true, doc: 'ATR period' },
  emaFast: { default: 9, min: 3, max: 50, integer: true, doc: 'fast EMA period (EMA spread)' },
  emaSlow: { default: 21, min: 5, max: 200, integer: true, doc: 'slow EMA period (EMA spread)' },
  cciPeriod: { default: 14, min: 5, max: 50, integer: true, doc: 'CCI period' },
  mfiPeriod: { default: 14, min: 5, max: 50, integer: true, doc: 'MFI period' },
  stochPeriod: { default: 14, min: 5, max: 50, integer: true, doc: 'stochastic %K look-back (slow %K smoothed 3)' },
} as const satisfies ParamTable;
export type StatisticalParams = ParamValues<typeof I_PARAMS>;

/** The features, in vector order. */
export const FEATURE_NAMES = [
  'RSI',
  'MACD hist / price',
  'Bollinger %B',
  'ADX',
  '+DI - -DI',
  'ROC',
  'ZSCORE',
  'VOLUME_ZSCORE',
  'CMF',
  'ATR / price',
  'EMA spread / price',
  'CCI',
  'MFI',
  'STOCH %K',
] as const;
const F = FEATURE_NAMES.length;

export const I_REASONS = [
  'warming up',
  'learning: not enough outcomes yet',
  'predicted LONG win probability above the threshold',
  'predicted SHORT win probability above the threshold',
  'no direction predicted to win often enough',
  'a direction has too few outcomes to be voted',
] as const;
const R_WARMUP = 1 << 0;
const R_LEARNING = 1 << 1;
const R_LONG = 1 << 2;
const R_SHORT = 1 << 3;
const R_NO_EDGE = 1 << 4;
const R_FEW_DIR = 1 << 5;

/** JSON-safe model state. */
export type StatisticalState = {
  readonly version: 1;
  /** feature set and periods the model was learned with */
  readonly signature: string;
  readonly count: number;
  readonly countLong: number;
  readonly countShort: number;
  readonly mean: number[];
  readonly m2: number[];
  /** featureCount weights then the bias */
  readonly wLong: number[];
  readonly wShort: number[];
};

function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

function fmt(x: number): string {
  const a = Math.abs(x);
  return a >= 1000 ? x.toFixed(1) : a >= 1 ? x.toFixed(2) : x.toPrecision(3);
}

export class StatisticalHead implements Head {
  readonly id = 'I' as const;
  readonly specialty = 'statistical learner (online logistic regression)';
  readonly params: Readonly<StatisticalParams>;
  readonly featureCount = F;
  readonly featureNames: readonly string[] = FEATURE_NAMES;
  private readonly signature: string;
  // model
  private count = 0;
  private countLong = 0;
  private countShort = 0;
  private readonly mean = new Float64Array(F);
  private readonly m2 = new Float64Array(F);
  /** 1 / standard deviation of each feature (0 while it has none), derived from m2 and count */
  private readonly invSd = new Float64Array(F);
  private readonly wLong = new Float64Array(F + 1);
  private readonly wShort = new Float64Array(F + 1);
  // scratch (no allocation per candle)
  private readonly x = new Float64Array(F);
  private readonly z = new Float64Array(F);
  // indexes
  private iRsi: Int32Array = new Int32Array(0);
  private iHist: Int32Array = new Int32Array(0);
  private iBbUp: Int32Array = new Int32Array(0);
  private iBbLow: Int32Array = new Int32Array(0);
  private iAdx: Int32Array = new Int32Array(0);
  private iPlus: Int32Array = new Int32Array(0);
  private iMinus: Int32Array = new Int32Array(0);
  private iRoc: Int32Array = new Int32Array(0);
  private iZ: Int32Array = new Int32Array(0);
  private iVz: Int32Array = new Int32Array(0);
  private iCmf: Int32Array = new Int32Array(0);
  private iAtr: Int32Array = new Int32Array(0);
  private iFast: Int32Array = new Int32Array(0);
  private iSlow: Int32Array = new Int32Array(0);
  private iCci: Int32Array = new Int32Array(0);
  private iMfi: Int32Array = new Int32Array(0);
  private iStoch: Int32Array = new Int32Array(0);

  constructor(params: Partial<ParamValues<typeof I_PARAMS>> = {}) {
    this.params = resolveParams(I_PARAMS, params, 'heads.I');
    const p = this.params;
    this.signature = `${F}:${[p.rsiPeriod, p.macdFast, p.macdSlow, p.macdSignal, p.bbPeriod, p.adxPeriod, p.rocPeriod, p.zPeriod, p.cmfPeriod, p.atrPeriod, p.emaFast, p.emaSlow, p.cciPeriod, p.mfiPeriod, p.stochPeriod].join(',')}`;
  }

  /** Outcomes learned so far. */
  get outcomes(): number {
    return this.count;
  }

  private configs(): [string, Record<string, number>][] {
    const p = this.params;
    return [
      ['RSI', { period: p.rsiPeriod }],
      ['MACD', { fastPeriod: p.macdFast, slowPeriod: p.macdSlow, signalPeriod: p.macdSignal }],
      ['BBANDS', { period: p.bbPeriod, nbDevUp: 2, nbDevDn: 2 }],
      ['ADX', { period: p.adxPeriod }],
      ['PLUS_DI', { period: p.adxPeriod }],
      ['MINUS_DI', { period: p.adxPeriod }],
      ['ROC', { period: p.rocPeriod }],
      ['ZSCORE', { period: p.zPeriod }],
      ['VOLUME_ZSCORE', { period: p.zPeriod }],
      ['CMF', { period: p.cmfPeriod }],
      ['ATR', { period: p.atrPeriod }],
      ['EMA', { period: p.emaFast }],
      ['EMA', { period: p.emaSlow }],
      ['CCI', { period: p.cciPeriod }],
      ['MFI', { period: p.mfiPeriod }],
      ['STOCH', { fastKPeriod: p.stochPeriod }],
    ];
  }

  requires(): IndicatorConfig[] {
    return this.configs().flatMap(([name, params]) => onEachTimeframe(name, params));
  }

  bind(set: IndicatorSet): void {
    const idx = (i: number, output?: string) => {
      const [name, params] = this.configs()[i]!;
      return indexOnEachTimeframe(set, indicatorKey(name, params), output);
    };
    this.iRsi = idx(0);
    this.iHist = idx(1, 'hist');
    this.iBbUp = idx(2, 'upper');
    this.iBbLow = idx(2, 'lower');
    this.iAdx = idx(3);
    this.iPlus = idx(4);
    this.iMinus = idx(5);
    this.iRoc = idx(6);
    this.iZ = idx(7);
    this.iVz = idx(8);
    this.iCmf = idx(9);
    this.iAtr = idx(10);
    this.iFast = idx(11);
    this.iSlow = idx(12);
    this.iCci = idx(13);
    this.iMfi = idx(14);
    this.iStoch = idx(15, 'slowK');
  }

  /**
   * Fills `out` (length >= featureCount) with the raw feature vector at this candle, on ctx.tf. Returns
   * false while any feature is not finite (warm-up; a flat band gives %B 0.5). Reads only; never learns.
   */
  captureFeatures(ctx: HeadContext, out: Float64Array): boolean {
    const v = ctx.values;
    const t = ctx.tf;
    const price = ctx.candle.close;
    const up = v[this.iBbUp[t]!]!;
    const low = v[this.iBbLow[t]!]!;
    const width = up - low;
    out[0] = v[this.iRsi[t]!]!;
    out[1] = v[this.iHist[t]!]! / price;
    out[2] = width > 0 ? (price - low) / width : width === 0 ? 0.5 : NaN;
    out[3] = v[this.iAdx[t]!]!;
    out[4] = v[this.iPlus[t]!]! - v[this.iMinus[t]!]!;
    out[5] = v[this.iRoc[t]!]!;
    out[6] = v[this.iZ[t]!]!;
    out[7] = v[this.iVz[t]!]!;
    out[8] = v[this.iCmf[t]!]!;
    out[9] = v[this.iAtr[t]!]! / price;
    out[10] = (v[this.iFast[t]!]! - v[this.iSlow[t]!]!) / price;
    out[11] = v[this.iCci[t]!]!;
    out[12] = v[this.iMfi[t]!]!;
    out[13] = v[this.iStoch[t]!]!;
    let sum = 0;
    for (let i = 0; i < F; i++) sum += out[i]!;
    return sum * 0 === 0;
  }

  /** Recomputes invSd from m2 and count. */
  private scale(): void {
    const n = this.count;
    for (let i = 0; i < F; i++) {
      const sd = n > 0 ? Math.sqrt(this.m2[i]! / n) : 0;
      this.invSd[i] = sd > 1e-12 ? 1 / sd : 0;
    }
  }

  /** Standardises x into this.z with the learned mean / variance. */
  private standardise(x: Float64Array): void {
    const clip = this.params.zClip;
    for (let i = 0; i < F; i++) {
      const z = (x[i]! - this.mean[i]!) * this.invSd[i]!;
      this.z[i] = z > clip ? clip : z < -clip ? -clip : z;
    }
  }

  /** σ(bias + w·z) for the weights w (standardised features already in this.z). */
  private predict(w: Float64Array): number {
    let s = w[F]!;
    for (let i = 0; i < F; i++) s += w[i]! * this.z[i]!;
    return sigmoid(s);
  }

  /**
   * Learns one resolved outcome: the features captured when the signal was decided, its direction and
   * whether it won. Updates the running mean / variance, then one SGD step (log loss + L2) on that
   * direction's weights. Returns false (and learns nothing) when a feature is not finite.
   */
  learn(features: Float64Array, direction: 1 | -1, won: boolean): boolean {
    if (features.length < F) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `head I: learn needs ${F} features, got ${features.length}`);
    let sum = 0;
    for (let i = 0; i < F; i++) sum += features[i]!;
    if (sum * 0 !== 0) return false;
    const n = ++this.count;
    if (direction > 0) this.countLong++;
    else this.countShort++;
    for (let i = 0; i < F; i++) {
      const x = features[i]!;
      const d = x - this.mean[i]!;
      this.mean[i] = this.mean[i]! + d / n;
      this.m2[i] = this.m2[i]! + d * (x - this.mean[i]!);
    }
    this.scale();
    this.standardise(features);
    const w = direction > 0 ? this.wLong : this.wShort;
    const g = this.predict(w) - (won ? 1 : 0);
    const lr = this.params.learningRate;
    const l2 = this.params.l2;
    for (let i = 0; i < F; i++) w[i] = w[i]! - lr * (g * this.z[i]! + l2 * w[i]!);
    w[F] = w[F]! - lr * g;
    return true;
  }

  evaluate(ctx: HeadContext, out: VoteSlot): void {
    const p = this.params;
    out.direction = 0;
    out.confidence = 0;
    if (!this.captureFeatures(ctx, this.x)) {
      out.reasons = R_WARMUP;
      return;
    }
    if (this.count < p.minOutcomes) {
      out.reasons = R_LEARNING;
      return;
    }
    // standardise and take both dot products in one pass
    const x = this.x;
    const mean = this.mean;
    const inv = this.invSd;
    const wl = this.wLong;
    const ws = this.wShort;
    const clip = p.zClip;
    let sl = wl[F]!;
    let ss = ws[F]!;
    for (let i = 0; i < F; i++) {
      let z = (x[i]! - mean[i]!) * inv[i]!;
      z = z > clip ? clip : z < -clip ? -clip : z;
      sl += wl[i]! * z;
      ss += ws[i]! * z;
    }
    const longOk = this.countLong >= p.minDirectionOutcomes;
    const shortOk = this.countShort >= p.minDirectionOutcomes;
    const pl = longOk ? sigmoid(sl) : 0;
    const ps = shortOk ? sigmoid(ss) : 0;
    let reasons = longOk && shortOk ? 0 : R_FEW_DIR;
    const best = pl >= ps ? pl : ps;
    if (best < p.threshold || pl === ps) {
      out.reasons = reasons | R_NO_EDGE;
      return;
    }
    reasons |= pl > ps ? R_LONG : R_SHORT;
    out.reasons = reasons;
    out.direction = pl > ps ? 1 : -1;
    const m = 2 * (best - 0.5);
    out.confidence = p.maxConfidence * (m < 1 ? m : 1);
  }

  describe(reasons: number, ctx: HeadContext): string[] {
    const p = this.params;
    const at = ctx.tf === 0 ? '' : `@${SETUP_TIMEFRAMES[ctx.tf]}`;
    const words: string[] = [];
    if (reasons & R_WARMUP) words.push(`warming up: the ${F} features${at} are not all ready yet`);
    if (reasons & R_LEARNING) words.push(`learning: ${this.count} of ${p.minOutcomes} outcomes`);
    if ((reasons & (R_LONG | R_SHORT | R_NO_EDGE | R_FEW_DIR)) === 0) return words;
    const x = new Float64Array(F);
    if (!this.captureFeatures(ctx, x)) return words;
    this.standardise(x);
    const pl = this.countLong > 0 ? this.predict(this.wLong) : NaN;
    const ps = this.countShort > 0 ? this.predict(this.wShort) : NaN;
    const probs = `P(win | LONG) ${pl.toFixed(3)} (${this.countLong} outcomes), P(win | SHORT) ${ps.toFixed(3)} (${this.countShort} outcomes)`;
    const drivers = (w: Float64Array) =>
      Array.from({ length: F }, (_, i) => ({ i, c: w[i]! * this.z[i]! }))
        .sort((a, b) => Math.abs(b.c) - Math.abs(a.c))
        .slice(0, 3)
        .map(({ i, c }) => `${FEATURE_NAMES[i]}${at} ${fmt(x[i]!)} (z ${this.z[i]!.toFixed(2)}, ${c >= 0 ? '+' : ''}${c.toFixed(2)})`)
        .join(', ');
    if (reasons & R_LONG) words.push(`${probs}: LONG predicted to win, at least ${p.threshold}; main drivers ${drivers(this.wLong)}`);
    if (reasons & R_SHORT) words.push(`${probs}: SHORT predicted to win, at least ${p.threshold}; main drivers ${drivers(this.wShort)}`);
    if (reasons & R_NO_EDGE) words.push(`${probs}: neither reaches ${p.threshold}`);
    if (reasons & R_FEW_DIR) words.push(`a direction has fewer than ${p.minDirectionOutcomes} outcomes and is not voted`);
    return words;
  }

  snapshot(): StatisticalState {
    return {
      version: 1,
      signature: this.signature,
      count: this.count,
      countLong: this.countLong,
      countShort: this.countShort,
      mean: Array.from(this.mean),
      m2: Array.from(this.m2),
      wLong: Array.from(this.wLong),
      wShort: Array.from(this.wShort),
    };
  }

  restore(state: unknown): void {
    const s = state as Partial<StatisticalState> | null;
    const okArr = (a: unknown, n: number) => Array.isArray(a) && a.length === n && a.every((x) => typeof x === 'number' && Number.isFinite(x));
    if (!s || s.version !== 1 || !okArr(s.mean, F) || !okArr(s.m2, F) || !okArr(s.wLong, F + 1) || !okArr(s.wShort, F + 1)) {
      throw new AlphaPulseError('AP_ERR_BAD_INPUT', `head I: not a model snapshot of ${F} features`);
    }
    if (s.signature !== this.signature) {
      throw new AlphaPulseError('AP_ERR_BAD_INPUT', `head I: the snapshot was learned with other features or periods (${String(s.signature)}, this head ${this.signature})`);
    }
    const count = s.count;
    const cl = s.countLong;
    const cs = s.countShort;
    if (!Number.isInteger(count) || !Number.isInteger(cl) || !Number.isInteger(cs) || cl! < 0 || cs! < 0 || cl! + cs! !== count) {
      throw new AlphaPulseError('AP_ERR_BAD_INPUT', 'head I: snapshot counts are inconsistent');
    }
    this.count = count!;
    this.countLong = cl!;
    this.countShort = cs!;
    this.mean.set(s.mean!);
    this.m2.set(s.m2!);
    this.wLong.set(s.wLong!);
    this.wShort.set(s.wShort!);
    this.scale();
  }
}
