/**
 * Head D — volume and flow. Votes with the side the volume is on, on the judged timeframe (ctx.tf):
 *   - OBV flow: (OBV now - OBV `obvBars` bars ago) / (sum of |OBV changes| over those bars) — the share
 *     of the volume that traded on up bars minus on down bars, in [-1, 1];
 *   - CMF (close location in the range, volume-weighted), full at ±`cmfFull`;
 *   - MFI around 50 (money flow on rising vs falling typical prices), full at 50 ± `mfiSpan`;
 *   - ADOSC (Chaikin A/D oscillator, momentum of the AD line): its sign;
 *   - VWAP_SESSION deviation of the price in %, full at ±`vwapFull`.
 * The weighted score must reach `voteMin` with at least `minAgree` of the five on its side; VOLUME_ZSCORE
 * grades the confidence (heavy volume behind the move counts more). Without any traded volume over
 * the OBV window the head stays NEUTRAL ('no volume').
 * "Price" is the close of the 1m candle that just closed.
 *
 * State: a ring of the last `obvBars` + 1 OBV values per setup timeframe, pushed when a bar of that
 * timeframe closes (the 1m candle whose close time is a multiple of the interval, as the timeframe
 * aggregator aligns bars; a bar closed late after a gap is skipped), so the head must see every closed
 * candle of its symbol (one instance per symbol); snapshot()/restore() carry the rings across restarts.
 * The OBV flow needs at least 3 values of a timeframe (warming up before that).
 */
import { intervalMs } from '../core/intervals.js';
import { resolveParams, type ParamTable, type ParamValues } from '../core/params.js';
import { indicatorKey, type IndicatorConfig, type IndicatorSet } from '../indicators/indicator-set.js';
import { indexOnEachTimeframe, onEachTimeframe, SETUP_TIMEFRAMES, type Head, type HeadContext, type VoteSlot } from './types.js';

export const D_PARAMS = {
  obvBars: { default: 10, min: 3, max: 50, integer: true, doc: 'bars over which the OBV flow is measured' },
  mfiPeriod: { default: 14, min: 5, max: 50, integer: true, doc: 'MFI period' },
  cmfPeriod: { default: 20, min: 5, max: 100, integer: true, doc: 'CMF period' },
  adoscFast: { default: 3, min: 2, max: 20, integer: true, doc: 'ADOSC fast EMA period' },
  adoscSlow: { default: 10, min: 5, max: 60, integer: true, doc: 'ADOSC slow EMA period' },
  volZPeriod: { default: 20, min: 5, max: 200, integer: true, doc: 'VOLUME_ZSCORE period' },
  cmfFull: { default: 0.25, min: 0.05, max: 0.8, doc: '|CMF| at which CMF counts fully' },
  mfiSpan: { default: 30, min: 5, max: 50, doc: 'MFI points from 50 at which MFI counts fully' },
  vwapFull: { default: 0.5, min: 0.05, max: 5, doc: '|price - session VWAP| in % at which it counts fully' },
  obvMin: { default: 0.2, min: 0, max: 0.9, doc: '|OBV flow| from which OBV counts as on a side' },
  wObv: { default: 0.3, min: 0, max: 1, doc: 'weight of the OBV flow' },
  wCmf: { default: 0.25, min: 0, max: 1, doc: 'weight of CMF' },
  wMfi: { default: 0.15, min: 0, max: 1, doc: 'weight of MFI' },
  wAdosc: { default: 0.1, min: 0, max: 1, doc: 'weight of the ADOSC sign' },
  wVwap: { default: 0.2, min: 0, max: 1, doc: 'weight of the VWAP deviation' },
  voteMin: { default: 0.45, min: 0.1, max: 0.95, doc: 'minimum |weighted score| to vote' },
  minAgree: { default: 4, min: 1, max: 5, integer: true, doc: 'tools that must be on the vote side' },
  heavyZ: { default: 1, min: 0, max: 4, doc: 'volume z-score at which the volume counts as heavy (full confidence)' },
  maxConfidence: { default: 0.85, min: 0.3, max: 1, doc: 'cap on the confidence' },
} as const satisfies ParamTable;
export type VolumeFlowParams = ParamValues<typeof D_PARAMS>;

export const D_REASONS = [
  'warming up',
  'no volume',
  'OBV rising',
  'OBV falling',
  'CMF positive (buying pressure)',
  'CMF negative (selling pressure)',
  'MFI above 50',
  'MFI below 50',
  'ADOSC positive',
  'ADOSC negative',
  'price above the session VWAP',
  'price below the session VWAP',
  'heavy volume',
  'flow too weak or mixed',
] as const;
const R_WARMUP = 1 << 0;
const R_NO_VOLUME = 1 << 1;
const R_OBV_UP = 1 << 2;
const R_OBV_DOWN = 1 << 3;
const R_CMF_UP = 1 << 4;
const R_CMF_DOWN = 1 << 5;
const R_MFI_UP = 1 << 6;
const R_MFI_DOWN = 1 << 7;
const R_ADOSC_UP = 1 << 8;
const R_ADOSC_DOWN = 1 << 9;
const R_ABOVE_VWAP = 1 << 10;
const R_BELOW_VWAP = 1 << 11;
const R_HEAVY = 1 << 12;
const R_WEAK = 1 << 13;

const NTF = SETUP_TIMEFRAMES.length;
/** interval of each setup timeframe in minutes */
const TF_MIN = Int32Array.from(SETUP_TIMEFRAMES, (tf) => intervalMs(tf) / 60_000);

function clamp1(x: number): number {
  return x < -1 ? -1 : x > 1 ? 1 : x;
}

function fmt(x: number): string {
  const a = Math.abs(x);
  if (a < 1e-9) return '0';
  return a >= 1000 ? x.toFixed(1) : a >= 1 ? x.toFixed(2) : x.toPrecision(3);
}

export type VolumeFlowState = { size: number; ring: number[]; count: number[]; head: number[] };

export class VolumeFlowHead implements Head {
  readonly id = 'D' as const;
  readonly specialty = 'volume and flow';
  readonly params: Readonly<VolumeFlowParams>;
  private readonly wSum: number;
  private iObv: Int32Array = new Int32Array(0);
  private iMfi: Int32Array = new Int32Array(0);
  private iCmf: Int32Array = new Int32Array(0);
  private iAdosc: Int32Array = new Int32Array(0);
  private iVwap: Int32Array = new Int32Array(0);
  private iVolZ: Int32Array = new Int32Array(0);
  /** ring of OBV values per timeframe: `size` slots for timeframe k from k * size */
  private readonly size: number;
  private readonly ring: Float64Array;
  private readonly count = new Int32Array(NTF);
  /** next slot to write per timeframe */
  private readonly head = new Int32Array(NTF);
  /** last computed OBV flow and |change| sum, for describe */
  private flowTotal = 0;

  constructor(params: Partial<ParamValues<typeof D_PARAMS>> = {}) {
    // copied by spread: an object built key by key goes to slow dictionary mode from 20 keys
    this.params = { ...resolveParams(D_PARAMS, params, 'heads.D') };
    const p = this.params;
    this.wSum = p.wObv + p.wCmf + p.wMfi + p.wAdosc + p.wVwap;
    this.size = p.obvBars + 1;
    this.ring = new Float64Array(NTF * this.size);
  }

  private adoscParams(): Record<string, number> {
    return { fastPeriod: this.params.adoscFast, slowPeriod: this.params.adoscSlow };
  }

  requires(): IndicatorConfig[] {
    const p = this.params;
    return [
      ...onEachTimeframe('OBV'),
      ...onEachTimeframe('MFI', { period: p.mfiPeriod }),
      ...onEachTimeframe('CMF', { period: p.cmfPeriod }),
      ...onEachTimeframe('ADOSC', this.adoscParams()),
      ...onEachTimeframe('VWAP_SESSION'),
      ...onEachTimeframe('VOLUME_ZSCORE', { period: p.volZPeriod }),
    ];
  }

  bind(set: IndicatorSet): void {
    const p = this.params;
    this.iObv = indexOnEachTimeframe(set, indicatorKey('OBV'));
    this.iMfi = indexOnEachTimeframe(set, indicatorKey('MFI', { period: p.mfiPeriod }));
    this.iCmf = indexOnEachTimeframe(set, indicatorKey('CMF', { period: p.cmfPeriod }));
    this.iAdosc = indexOnEachTimeframe(set, indicatorKey('ADOSC', this.adoscParams()));
    this.iVwap = indexOnEachTimeframe(set, indicatorKey('VWAP_SESSION'));
    this.iVolZ = indexOnEachTimeframe(set, indicatorKey('VOLUME_ZSCORE', { period: p.volZPeriod }));
  }

  /** OBV flow of timeframe k in [-1, 1] (NaN with fewer than 3 values); sets flowTotal. */
  private obvFlow(k: number): number {
    const n = this.count[k]!;
    if (n < 3) return NaN;
    const size = this.size;
    const base = k * size;
    // oldest value first: with a full ring it sits at the write position
    let i = n < size ? 0 : this.head[k]!;
    const first = this.ring[base + i]!;
    let prev = first;
    let total = 0;
    for (let j = 1; j < n; j++) {
      i = i + 1 === size ? 0 : i + 1;
      const x = this.ring[base + i]!;
      total += x > prev ? x - prev : prev - x;
      prev = x;
    }
    this.flowTotal = total;
    return total > 0 ? (prev - first) / total : 0;
  }

  evaluate(ctx: HeadContext, out: VoteSlot): void {
    const v = ctx.values;
    // minutes since the epoch at the candle's close, an int32 until the year 6053 (integer modulo is fast)
    const minute = ((ctx.candle.closeTime + 1) / 60_000) | 0;
    for (let k = 0; k < NTF; k++) {
      if (minute % TF_MIN[k]! !== 0) continue;
      const obv = v[this.iObv[k]!]!;
      if (obv !== obv) continue;
      const h = this.head[k]!;
      this.ring[k * this.size + h] = obv;
      this.head[k] = h + 1 === this.size ? 0 : h + 1;
      if (this.count[k]! < this.size) this.count[k]!++;
    }
    const tf = ctx.tf;
    const p = this.params;
    const price = ctx.candle.close;
    const flow = this.obvFlow(tf);
    const mfi = v[this.iMfi[tf]!]!;
    const cmf = v[this.iCmf[tf]!]!;
    const adosc = v[this.iAdosc[tf]!]!;
    const vwap = v[this.iVwap[tf]!]!;
    const volZ = v[this.iVolZ[tf]!]!;
    if ((flow + mfi + cmf + adosc + vwap + volZ) * 0 !== 0) {
      out.direction = 0;
      out.confidence = 0;
      out.reasons = R_WARMUP;
      return;
    }
    if (!(this.flowTotal > 0)) {
      out.direction = 0;
      out.confidence = 0;
      out.reasons = R_NO_VOLUME;
      return;
    }
    let reasons = 0;
    const cObv = flow >= p.obvMin ? flow : flow <= -p.obvMin ? flow : 0;
    reasons |= cObv > 0 ? R_OBV_UP : cObv < 0 ? R_OBV_DOWN : 0;
    const cCmf = clamp1(cmf / p.cmfFull);
    reasons |= cCmf > 0 ? R_CMF_UP : cCmf < 0 ? R_CMF_DOWN : 0;
    // MFI reads exactly 0 when its window's money flow is under 1 (TA-Lib's rule): no information
    const cMfi = mfi === 0 ? 0 : clamp1((mfi - 50) / p.mfiSpan);
    reasons |= cMfi > 0 ? R_MFI_UP : cMfi < 0 ? R_MFI_DOWN : 0;
    const cAdosc = adosc > 0 ? 1 : adosc < 0 ? -1 : 0;
    reasons |= cAdosc > 0 ? R_ADOSC_UP : cAdosc < 0 ? R_ADOSC_DOWN : 0;
    const dev = vwap > 0 ? ((price - vwap) / vwap) * 100 : 0;
    const cVwap = clamp1(dev / p.vwapFull);
    reasons |= cVwap > 0 ? R_ABOVE_VWAP : cVwap < 0 ? R_BELOW_VWAP : 0;
    const heavy = volZ >= p.heavyZ;
    if (heavy) reasons |= R_HEAVY;

    const w = this.wSum;
    const score = w > 0 ? (p.wObv * cObv + p.wCmf * cCmf + p.wMfi * cMfi + p.wAdosc * cAdosc + p.wVwap * cVwap) / w : 0;
    const dir = score > 0 ? 1 : score < 0 ? -1 : 0;
    const mag = score * dir;
    const agree =
      (cObv * dir > 0 ? 1 : 0) + (cCmf * dir > 0 ? 1 : 0) + (cMfi * dir > 0 ? 1 : 0) + (cAdosc * dir > 0 ? 1 : 0) + (cVwap * dir > 0 ? 1 : 0);
    if (dir === 0 || mag < p.voteMin || agree < p.minAgree) {
      out.direction = 0;
      out.confidence = 0;
      out.reasons = reasons | R_WEAK;
      return;
    }
    // volume behind the move: from 0.6 at average volume or less to 1 at `heavyZ` and above
    const zf = p.heavyZ > 0 ? volZ / p.heavyZ : volZ >= 0 ? 1 : 0;
    const volFactor = 0.6 + 0.4 * (zf < 0 ? 0 : zf > 1 ? 1 : zf);
    const over = (mag - p.voteMin) / (1 - p.voteMin + 1e-9);
    const conf = (0.3 + 0.7 * over) * volFactor * p.maxConfidence;
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
    const flow = this.obvFlow(tf);
    const obv = v[this.iObv[tf]!]!;
    const mfi = v[this.iMfi[tf]!]!;
    const cmf = v[this.iCmf[tf]!]!;
    const adosc = v[this.iAdosc[tf]!]!;
    const vwap = v[this.iVwap[tf]!]!;
    const volZ = v[this.iVolZ[tf]!]!;
    const dev = ((price - vwap) / vwap) * 100;
    const obvWords = `OBV${at} ${fmt(obv)}: net ${fmt(Math.abs(flow) * 100)}% of the volume of the last ${p.obvBars} bars`;
    const words: string[] = [];
    for (let b = 0; b < D_REASONS.length; b++) {
      const bit = 1 << b;
      if ((reasons & bit) === 0) continue;
      switch (bit) {
        case R_WARMUP:
          words.push(`warming up: volume indicators${at} not ready yet`);
          break;
        case R_NO_VOLUME:
          words.push(`no volume traded over the last ${p.obvBars} bars${at}`);
          break;
        case R_OBV_UP:
          words.push(`${obvWords} on up bars`);
          break;
        case R_OBV_DOWN:
          words.push(`${obvWords} on down bars`);
          break;
        case R_CMF_UP:
          words.push(`CMF(${p.cmfPeriod})${at} ${fmt(cmf)}: buying pressure`);
          break;
        case R_CMF_DOWN:
          words.push(`CMF(${p.cmfPeriod})${at} ${fmt(cmf)}: selling pressure`);
          break;
        case R_MFI_UP:
          words.push(`MFI(${p.mfiPeriod})${at} ${fmt(mfi)} above 50: money flowing in`);
          break;
        case R_MFI_DOWN:
          words.push(`MFI(${p.mfiPeriod})${at} ${fmt(mfi)} below 50: money flowing out`);
          break;
        case R_ADOSC_UP:
          words.push(`ADOSC(${p.adoscFast},${p.adoscSlow})${at} ${fmt(adosc)} positive: accumulation`);
          break;
        case R_ADOSC_DOWN:
          words.push(`ADOSC(${p.adoscFast},${p.adoscSlow})${at} ${fmt(adosc)} negative: distribution`);
          break;
        case R_ABOVE_VWAP:
          words.push(`price ${fmt(price)} ${fmt(dev)}% above the session VWAP${at} ${fmt(vwap)}`);
          break;
        case R_BELOW_VWAP:
          words.push(`price ${fmt(price)} ${fmt(-dev)}% below the session VWAP${at} ${fmt(vwap)}`);
          break;
        case R_HEAVY:
          words.push(`heavy volume: VOLUME_ZSCORE(${p.volZPeriod})${at} ${fmt(volZ)} at or above ${p.heavyZ}`);
          break;
        case R_WEAK:
          words.push(`volume flow${at} too weak or mixed to vote`);
          break;
      }
    }
    return words;
  }

  snapshot(): VolumeFlowState {
    return { size: this.size, ring: Array.from(this.ring), count: Array.from(this.count), head: Array.from(this.head) };
  }

  restore(state: unknown): void {
    const s = state as Partial<VolumeFlowState> | null;
    if (!s || s.size !== this.size || !s.ring || s.ring.length !== this.ring.length || !s.count || !s.head) {
      // none, or from a different obvBars: start the rings afresh rather than misread them
      this.ring.fill(0);
      this.count.fill(0);
      this.head.fill(0);
      return;
    }
    this.ring.set(s.ring);
    this.count.set(s.count);
    this.head.set(s.head);
  }
}
