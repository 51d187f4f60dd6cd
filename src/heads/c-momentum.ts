/**
 * Head C — momentum. Votes with accelerating momentum on the judged timeframe (ctx.tf):
 *   - MACD: the line's side of its signal (histogram sign) and the histogram's growth since the previous
 *     bar of ctx.tf (|hist| growing on its side = accelerating); the line's side of zero confirms;
 *   - ROC over `rocPeriod` bars, graded against volatility: ROC / NATR (the average bar range in %), so
 *     one threshold works on every timeframe; full at `rocFull`;
 *   - TRIX (1-bar % change of a triple EMA): its sign;
 *   - PPO (MACD in percent of price), graded against NATR like ROC; full at `ppoFull`.
 * The weighted score must reach `voteMin`, the MACD histogram must be on the vote's side, and momentum
 * must be accelerating (histogram growing) unless the score is at least `strongScore`.
 *
 * State: the MACD histogram of the last two distinct values per setup timeframe (a value changes when a
 * bar of that timeframe closes), updated on every evaluate for all timeframes, so the head must see
 * every closed candle of its symbol (one instance per symbol); snapshot()/restore() carry it across
 * restarts. Until two values are known the histogram counts as not growing.
 */
import { resolveParams, type ParamTable, type ParamValues } from '../core/params.js';
import { indicatorKey, type IndicatorConfig, type IndicatorSet } from '../indicators/indicator-set.js';
import { indexOnEachTimeframe, onEachTimeframe, SETUP_TIMEFRAMES, type Head, type HeadContext, type VoteSlot } from './types.js';

export const C_PARAMS = {
  macdFast: { default: 12, min: 3, max: 50, integer: true, doc: 'MACD / PPO fast EMA period' },
  macdSlow: { default: 26, min: 10, max: 120, integer: true, doc: 'MACD / PPO slow EMA period' },
  macdSignal: { default: 9, min: 3, max: 50, integer: true, doc: 'MACD signal EMA period' },
  rocPeriod: { default: 10, min: 2, max: 60, integer: true, doc: 'ROC period' },
  trixPeriod: { default: 15, min: 5, max: 60, integer: true, doc: 'TRIX period' },
  natrPeriod: { default: 14, min: 5, max: 50, integer: true, doc: 'NATR period (volatility yardstick)' },
  rocFull: { default: 3, min: 0.5, max: 10, doc: 'ROC / NATR at which ROC counts fully' },
  ppoFull: { default: 1.5, min: 0.2, max: 10, doc: 'PPO / NATR at which PPO counts fully' },
  histFull: { default: 0.15, min: 0.02, max: 2, doc: 'MACD histogram in % of price / NATR at which the histogram counts fully' },
  trixFull: { default: 0.25, min: 0.02, max: 2, doc: 'TRIX / NATR at which TRIX counts fully' },
  wMacd: { default: 0.35, min: 0, max: 1, doc: 'weight of the MACD histogram (sign and growth)' },
  wRoc: { default: 0.25, min: 0, max: 1, doc: 'weight of ROC' },
  wTrix: { default: 0.15, min: 0, max: 1, doc: 'weight of the TRIX sign' },
  wPpo: { default: 0.25, min: 0, max: 1, doc: 'weight of PPO' },
  voteMin: { default: 0.55, min: 0.2, max: 0.95, doc: 'minimum |weighted score| to vote' },
  strongScore: { default: 0.85, min: 0.3, max: 1, doc: '|score| from which a vote needs no acceleration' },
  maxConfidence: { default: 0.85, min: 0.3, max: 1, doc: 'cap on the confidence' },
} as const satisfies ParamTable;
export type MomentumParams = ParamValues<typeof C_PARAMS>;

export const C_REASONS = [
  'warming up',
  'MACD above its signal',
  'MACD below its signal',
  'MACD histogram growing',
  'MACD histogram shrinking',
  'MACD above zero',
  'MACD below zero',
  'ROC up against volatility',
  'ROC down against volatility',
  'TRIX rising',
  'TRIX falling',
  'PPO positive against volatility',
  'PPO negative against volatility',
  'momentum too weak or not accelerating',
] as const;
const R_WARMUP = 1 << 0;
const R_MACD_UP = 1 << 1;
const R_MACD_DOWN = 1 << 2;
const R_GROWING = 1 << 3;
const R_SHRINKING = 1 << 4;
const R_ABOVE_ZERO = 1 << 5;
const R_BELOW_ZERO = 1 << 6;
const R_ROC_UP = 1 << 7;
const R_ROC_DOWN = 1 << 8;
const R_TRIX_UP = 1 << 9;
const R_TRIX_DOWN = 1 << 10;
const R_PPO_UP = 1 << 11;
const R_PPO_DOWN = 1 << 12;
const R_WEAK = 1 << 13;

const NTF = SETUP_TIMEFRAMES.length;

function clamp1(x: number): number {
  return x < -1 ? -1 : x > 1 ? 1 : x;
}

function fmt(x: number): string {
  const a = Math.abs(x);
  if (a < 1e-9) return '0';
  return a >= 1000 ? x.toFixed(1) : a >= 1 ? x.toFixed(2) : x.toPrecision(3);
}

export type MomentumState = { last: (number | null)[]; prev: (number | null)[] };

export class MomentumHead implements Head {
  readonly id = 'C' as const;
  readonly specialty = 'momentum';
  readonly params: Readonly<MomentumParams>;
  private readonly wSum: number;
  private iMacd: Int32Array = new Int32Array(0);
  private iSignal: Int32Array = new Int32Array(0);
  private iHist: Int32Array = new Int32Array(0);
  private iRoc: Int32Array = new Int32Array(0);
  private iTrix: Int32Array = new Int32Array(0);
  private iPpo: Int32Array = new Int32Array(0);
  private iNatr: Int32Array = new Int32Array(0);
  /** latest and previous distinct MACD histogram per setup timeframe */
  private readonly lastHist = new Float64Array(NTF).fill(NaN);
  private readonly prevHist = new Float64Array(NTF).fill(NaN);

  constructor(params: Partial<ParamValues<typeof C_PARAMS>> = {}) {
    // copied by spread: an object built key by key goes to slow dictionary mode from 20 keys
    this.params = { ...resolveParams(C_PARAMS, params, 'heads.C') };
    const p = this.params;
    this.wSum = p.wMacd + p.wRoc + p.wTrix + p.wPpo;
  }

  private macdParams(): Record<string, number> {
    const p = this.params;
    return { fastPeriod: p.macdFast, slowPeriod: p.macdSlow, signalPeriod: p.macdSignal };
  }

  private ppoParams(): Record<string, number> {
    const p = this.params;
    return { fastPeriod: p.macdFast, slowPeriod: p.macdSlow, maType: 1 };
  }

  requires(): IndicatorConfig[] {
    const p = this.params;
    return [
      ...onEachTimeframe('MACD', this.macdParams()),
      ...onEachTimeframe('ROC', { period: p.rocPeriod }),
      ...onEachTimeframe('TRIX', { period: p.trixPeriod }),
      ...onEachTimeframe('PPO', this.ppoParams()),
      ...onEachTimeframe('NATR', { period: p.natrPeriod }),
    ];
  }

  bind(set: IndicatorSet): void {
    const p = this.params;
    const macd = indicatorKey('MACD', this.macdParams());
    this.iMacd = indexOnEachTimeframe(set, macd, 'macd');
    this.iSignal = indexOnEachTimeframe(set, macd, 'signal');
    this.iHist = indexOnEachTimeframe(set, macd, 'hist');
    this.iRoc = indexOnEachTimeframe(set, indicatorKey('ROC', { period: p.rocPeriod }));
    this.iTrix = indexOnEachTimeframe(set, indicatorKey('TRIX', { period: p.trixPeriod }));
    this.iPpo = indexOnEachTimeframe(set, indicatorKey('PPO', this.ppoParams()));
    this.iNatr = indexOnEachTimeframe(set, indicatorKey('NATR', { period: p.natrPeriod }));
  }

  evaluate(ctx: HeadContext, out: VoteSlot): void {
    const v = ctx.values;
    // track the histogram on every timeframe (a new value = a new closed bar there)
    for (let k = 0; k < NTF; k++) {
      const h = v[this.iHist[k]!]!;
      const last = this.lastHist[k]!;
      if (h !== last && !(h !== h && last !== last)) {
        this.prevHist[k] = last;
        this.lastHist[k] = h;
      }
    }
    const tf = ctx.tf;
    const p = this.params;
    const macd = v[this.iMacd[tf]!]!;
    const hist = v[this.iHist[tf]!]!;
    const roc = v[this.iRoc[tf]!]!;
    const trix = v[this.iTrix[tf]!]!;
    const ppo = v[this.iPpo[tf]!]!;
    const natr = v[this.iNatr[tf]!]!;
    if ((macd + hist + roc + trix + ppo + natr) * 0 !== 0) {
      out.direction = 0;
      out.confidence = 0;
      out.reasons = R_WARMUP;
      return;
    }
    let reasons = 0;
    const prev = this.prevHist[tf]!;
    // accelerating: |hist| grows on its side (unknown previous value = not growing)
    const growing = hist > 0 ? hist > prev : hist < 0 ? hist < prev : false;
    const histSide = hist > 0 ? 1 : hist < 0 ? -1 : 0;
    reasons |= histSide > 0 ? R_MACD_UP : histSide < 0 ? R_MACD_DOWN : 0;
    if (histSide !== 0 && prev === prev) reasons |= growing ? R_GROWING : R_SHRINKING;
    reasons |= macd > 0 ? R_ABOVE_ZERO : macd < 0 ? R_BELOW_ZERO : 0;
    const yard = natr > 0 ? natr : 1e-9;
    // MACD: side of the signal, full when growing, the line on the same side of zero and the histogram
    // large against volatility
    const histSize = (hist * histSide * 100) / ctx.candle.close / yard / p.histFull;
    const cMacd = histSide * ((growing ? 0.7 : 0.3) + (macd * histSide > 0 ? 0.3 : 0)) * (histSize > 1 ? 1 : histSize);

    const cRoc = clamp1(roc / yard / p.rocFull);
    if (cRoc >= 0.34) reasons |= R_ROC_UP;
    else if (cRoc <= -0.34) reasons |= R_ROC_DOWN;
    const cTrix = clamp1(trix / yard / p.trixFull);
    if (cTrix >= 0.34) reasons |= R_TRIX_UP;
    else if (cTrix <= -0.34) reasons |= R_TRIX_DOWN;
    const cPpo = clamp1(ppo / yard / p.ppoFull);
    if (cPpo >= 0.34) reasons |= R_PPO_UP;
    else if (cPpo <= -0.34) reasons |= R_PPO_DOWN;

    const w = this.wSum;
    const score = w > 0 ? (p.wMacd * cMacd + p.wRoc * cRoc + p.wTrix * cTrix + p.wPpo * cPpo) / w : 0;
    const dir = score > 0 ? 1 : score < 0 ? -1 : 0;
    const mag = score * dir;
    if (dir === 0 || mag < p.voteMin || histSide !== dir || (!growing && mag < p.strongScore)) {
      out.direction = 0;
      out.confidence = 0;
      out.reasons = reasons | R_WEAK;
      return;
    }
    const over = (mag - p.voteMin) / (1 - p.voteMin + 1e-9);
    const conf = (0.25 + 0.6 * over - (growing ? 0 : 0.1)) * p.maxConfidence;
    out.direction = dir;
    out.confidence = conf > 1 ? 1 : conf;
    out.reasons = reasons;
  }

  describe(reasons: number, ctx: HeadContext): string[] {
    const v = ctx.values;
    const tf = ctx.tf;
    const p = this.params;
    const at = tf === 0 ? '' : `@${SETUP_TIMEFRAMES[tf]}`;
    const macd = v[this.iMacd[tf]!]!;
    const signal = v[this.iSignal[tf]!]!;
    const hist = v[this.iHist[tf]!]!;
    const roc = v[this.iRoc[tf]!]!;
    const trix = v[this.iTrix[tf]!]!;
    const ppo = v[this.iPpo[tf]!]!;
    const natr = v[this.iNatr[tf]!]!;
    const prev = this.prevHist[tf]!;
    const m = `MACD(${p.macdFast},${p.macdSlow},${p.macdSignal})${at}`;
    const words: string[] = [];
    for (let b = 0; b < C_REASONS.length; b++) {
      const bit = 1 << b;
      if ((reasons & bit) === 0) continue;
      switch (bit) {
        case R_WARMUP:
          words.push(`warming up: momentum indicators${at} not ready yet`);
          break;
        case R_MACD_UP:
          words.push(`${m} ${fmt(macd)} above its signal ${fmt(signal)} (histogram ${fmt(hist)})`);
          break;
        case R_MACD_DOWN:
          words.push(`${m} ${fmt(macd)} below its signal ${fmt(signal)} (histogram ${fmt(hist)})`);
          break;
        case R_GROWING:
          words.push(`${m} histogram growing: ${fmt(prev)} → ${fmt(hist)}`);
          break;
        case R_SHRINKING:
          words.push(`${m} histogram shrinking: ${fmt(prev)} → ${fmt(hist)}`);
          break;
        case R_ABOVE_ZERO:
          words.push(`${m} line ${fmt(macd)} above zero`);
          break;
        case R_BELOW_ZERO:
          words.push(`${m} line ${fmt(macd)} below zero`);
          break;
        case R_ROC_UP:
          words.push(`ROC(${p.rocPeriod})${at} +${fmt(roc)}% against NATR(${p.natrPeriod}) ${fmt(natr)}%`);
          break;
        case R_ROC_DOWN:
          words.push(`ROC(${p.rocPeriod})${at} ${fmt(roc)}% against NATR(${p.natrPeriod}) ${fmt(natr)}%`);
          break;
        case R_TRIX_UP:
          words.push(`TRIX(${p.trixPeriod})${at} ${fmt(trix)} rising`);
          break;
        case R_TRIX_DOWN:
          words.push(`TRIX(${p.trixPeriod})${at} ${fmt(trix)} falling`);
          break;
        case R_PPO_UP:
          words.push(`PPO(${p.macdFast},${p.macdSlow})${at} +${fmt(ppo)}% against NATR ${fmt(natr)}%`);
          break;
        case R_PPO_DOWN:
          words.push(`PPO(${p.macdFast},${p.macdSlow})${at} ${fmt(ppo)}% against NATR ${fmt(natr)}%`);
          break;
        case R_WEAK:
          words.push(`momentum${at} too weak or not accelerating`);
          break;
      }
    }
    return words;
  }

  snapshot(): MomentumState {
    const enc = (a: Float64Array) => Array.from(a, (x) => (x === x ? x : null));
    return { last: enc(this.lastHist), prev: enc(this.prevHist) };
  }

  restore(state: unknown): void {
    const s = state as Partial<MomentumState> | null;
    for (let k = 0; k < NTF; k++) {
      this.lastHist[k] = s?.last?.[k] ?? NaN;
      this.prevHist[k] = s?.prev?.[k] ?? NaN;
    }
  }
}
