/**
 * Head E — volatility breakout. Votes when price breaks out of its range as volatility expands, on the
 * judged timeframe (ctx.tf):
 *   - DONCHIAN breakout: price above the upper band (LONG) or below the lower band (SHORT) of the
 *     channel of the `donchianPeriod` bars BEFORE the current one. The indicator's channel includes
 *     the current bar (so price can never close beyond it); the head therefore compares with the
 *     channel as it stood one 1m candle earlier, which it keeps per timeframe: on 1m that is the
 *     previous bar's channel; on a higher timeframe, while its bar is open, the channel of the closed
 *     bars (unchanged since then), and on the 1m candle that closes a bar, the channel before that bar.
 *   - Squeeze: Bollinger bands inside the Keltner channel (the band width is low relative to the
 *     average range) on this timeframe within the last `squeezeMemory` bars — a breakout out of a
 *     squeeze counts more;
 *   - ATR expansion: ATR(`atrFast`) / ATR(`atrSlow`) — the recent range against that of the past;
 *     expanding from `expMin`, fully at `expFull`.
 * A vote needs the breakout plus either the expansion or a recent squeeze; confidence grows with the
 * squeeze, the expansion and the distance beyond the band (in slow ATRs, full at `distFull`).
 * "Price" is the close of the 1m candle that just closed.
 *
 * State: per setup timeframe the Donchian bands seen at the previous evaluate and the time of the last
 * squeeze, updated on every evaluate for all timeframes, so the head must see every closed candle of
 * its symbol (one instance per symbol); snapshot()/restore() carry them across restarts.
 */
import { intervalMs } from '../core/intervals.js';
import { resolveParams, type ParamTable, type ParamValues } from '../core/params.js';
import { indicatorKey, type IndicatorConfig, type IndicatorSet } from '../indicators/indicator-set.js';
import { indexOnEachTimeframe, onEachTimeframe, SETUP_TIMEFRAMES, type Head, type HeadContext, type VoteSlot } from './types.js';

export const E_PARAMS = {
  donchianPeriod: { default: 20, min: 5, max: 100, integer: true, doc: 'Donchian channel period (bars before the current one)' },
  bbPeriod: { default: 20, min: 5, max: 100, integer: true, doc: 'Bollinger band period (squeeze)' },
  bbDev: { default: 2, min: 1, max: 4, doc: 'Bollinger band width in standard deviations (squeeze)' },
  kcPeriod: { default: 20, min: 5, max: 100, integer: true, doc: 'Keltner channel EMA period (squeeze)' },
  kcMultiplier: { default: 1.5, min: 0.5, max: 4, doc: 'Keltner channel ATR multiplier (squeeze)' },
  kcAtrPeriod: { default: 10, min: 3, max: 50, integer: true, doc: 'Keltner channel ATR period (squeeze)' },
  squeezeMemory: { default: 10, min: 1, max: 100, integer: true, doc: 'bars after a squeeze during which a breakout counts as out of it' },
  atrFast: { default: 5, min: 2, max: 30, integer: true, doc: 'ATR period of the recent range' },
  atrSlow: { default: 50, min: 10, max: 300, integer: true, doc: 'ATR period of the past range' },
  expMin: { default: 1.15, min: 1, max: 3, doc: 'ATR(fast) / ATR(slow) from which the range is expanding' },
  expFull: { default: 2, min: 1.1, max: 5, doc: 'ATR(fast) / ATR(slow) at which the expansion counts fully' },
  distFull: { default: 1, min: 0.05, max: 5, doc: 'distance beyond the band, in slow ATRs, that counts fully' },
  maxConfidence: { default: 0.85, min: 0.3, max: 1, doc: 'cap on the confidence' },
} as const satisfies ParamTable;
export type VolatilityBreakoutParams = ParamValues<typeof E_PARAMS>;

export const E_REASONS = [
  'warming up',
  'breakout above the Donchian channel',
  'breakdown below the Donchian channel',
  'inside the Donchian channel',
  'out of a recent squeeze',
  'in a squeeze',
  'range expanding',
  'breakout without expansion or squeeze',
] as const;
const R_WARMUP = 1 << 0;
const R_BREAK_UP = 1 << 1;
const R_BREAK_DOWN = 1 << 2;
const R_INSIDE = 1 << 3;
const R_SQUEEZE_RECENT = 1 << 4;
const R_SQUEEZE_NOW = 1 << 5;
const R_EXPANDING = 1 << 6;
const R_UNCONFIRMED = 1 << 7;

const NTF = SETUP_TIMEFRAMES.length;
const TF_MS = Float64Array.from(SETUP_TIMEFRAMES, (tf) => intervalMs(tf));

function unit(x: number): number {
  return x <= 0 ? 0 : x >= 1 ? 1 : x;
}

function fmt(x: number): string {
  const a = Math.abs(x);
  if (a < 1e-9) return '0';
  return a >= 1000 ? x.toFixed(1) : a >= 1 ? x.toFixed(2) : x.toPrecision(3);
}

const enc = (a: Float64Array): (number | null)[] => Array.from(a, (x) => (Number.isFinite(x) ? x : null));

export type VolatilityBreakoutState = { prevUpper: (number | null)[]; prevLower: (number | null)[]; lastSqueeze: (number | null)[] };

export class VolatilityBreakoutHead implements Head {
  readonly id = 'E' as const;
  readonly specialty = 'volatility breakout';
  readonly params: Readonly<VolatilityBreakoutParams>;
  private iDonUp: Int32Array = new Int32Array(0);
  private iDonLow: Int32Array = new Int32Array(0);
  private iBbUp: Int32Array = new Int32Array(0);
  private iBbLow: Int32Array = new Int32Array(0);
  private iKcUp: Int32Array = new Int32Array(0);
  private iKcLow: Int32Array = new Int32Array(0);
  private iAtrFast: Int32Array = new Int32Array(0);
  private iAtrSlow: Int32Array = new Int32Array(0);
  /** Donchian bands per timeframe as seen at the previous evaluate */
  private readonly prevUpper = new Float64Array(NTF).fill(NaN);
  private readonly prevLower = new Float64Array(NTF).fill(NaN);
  /** open time of the last 1m candle at which timeframe k was in a squeeze */
  private readonly lastSqueeze = new Float64Array(NTF).fill(-Infinity);
  /** the reference bands used by the last evaluate, for describe */
  private refUpper = NaN;
  private refLower = NaN;

  constructor(params: Partial<ParamValues<typeof E_PARAMS>> = {}) {
    // copied by spread: an object built key by key goes to slow dictionary mode from 20 keys
    this.params = { ...resolveParams(E_PARAMS, params, 'heads.E') };
  }

  private bbParams(): Record<string, number> {
    const p = this.params;
    return { period: p.bbPeriod, nbDevUp: p.bbDev, nbDevDn: p.bbDev, maType: 0 };
  }

  private kcParams(): Record<string, number> {
    const p = this.params;
    return { period: p.kcPeriod, multiplier: p.kcMultiplier, atrPeriod: p.kcAtrPeriod };
  }

  requires(): IndicatorConfig[] {
    const p = this.params;
    return [
      ...onEachTimeframe('DONCHIAN', { period: p.donchianPeriod }),
      ...onEachTimeframe('BBANDS', this.bbParams()),
      ...onEachTimeframe('KELTNER', this.kcParams()),
      ...onEachTimeframe('ATR', { period: p.atrFast }),
      ...onEachTimeframe('ATR', { period: p.atrSlow }),
    ];
  }

  bind(set: IndicatorSet): void {
    const p = this.params;
    const don = indicatorKey('DONCHIAN', { period: p.donchianPeriod });
    this.iDonUp = indexOnEachTimeframe(set, don, 'upper');
    this.iDonLow = indexOnEachTimeframe(set, don, 'lower');
    const bb = indicatorKey('BBANDS', this.bbParams());
    this.iBbUp = indexOnEachTimeframe(set, bb, 'upper');
    this.iBbLow = indexOnEachTimeframe(set, bb, 'lower');
    const kc = indicatorKey('KELTNER', this.kcParams());
    this.iKcUp = indexOnEachTimeframe(set, kc, 'upper');
    this.iKcLow = indexOnEachTimeframe(set, kc, 'lower');
    this.iAtrFast = indexOnEachTimeframe(set, indicatorKey('ATR', { period: p.atrFast }));
    this.iAtrSlow = indexOnEachTimeframe(set, indicatorKey('ATR', { period: p.atrSlow }));
  }

  evaluate(ctx: HeadContext, out: VoteSlot): void {
    const v = ctx.values;
    const tf = ctx.tf;
    const now = ctx.candle.openTime;
    // the judged timeframe's channel before this candle, then the state of every timeframe moves on
    const refUp = this.prevUpper[tf]!;
    const refLow = this.prevLower[tf]!;
    this.refUpper = refUp;
    this.refLower = refLow;
    for (let k = 0; k < NTF; k++) {
      this.prevUpper[k] = v[this.iDonUp[k]!]!;
      this.prevLower[k] = v[this.iDonLow[k]!]!;
      // NaN compares false: no squeeze while warming up
      if (v[this.iBbUp[k]!]! < v[this.iKcUp[k]!]! && v[this.iBbLow[k]!]! > v[this.iKcLow[k]!]!) this.lastSqueeze[k] = now;
    }
    const p = this.params;
    const price = ctx.candle.close;
    const atrFast = v[this.iAtrFast[tf]!]!;
    const atrSlow = v[this.iAtrSlow[tf]!]!;
    const bbUp = v[this.iBbUp[tf]!]!;
    const kcUp = v[this.iKcUp[tf]!]!;
    if ((refUp + refLow + atrFast + atrSlow + bbUp + kcUp) * 0 !== 0) {
      out.direction = 0;
      out.confidence = 0;
      out.reasons = R_WARMUP;
      return;
    }
    let reasons = 0;
    const squeezeNow = this.lastSqueeze[tf] === now;
    const squeezeRecent = now - this.lastSqueeze[tf]! <= p.squeezeMemory * TF_MS[tf]!;
    const ratio = atrSlow > 0 ? atrFast / atrSlow : 1;
    const expanding = ratio >= p.expMin;
    if (squeezeNow) reasons |= R_SQUEEZE_NOW;
    else if (squeezeRecent) reasons |= R_SQUEEZE_RECENT;
    if (expanding) reasons |= R_EXPANDING;
    const dir = price > refUp ? 1 : price < refLow ? -1 : 0;
    if (dir === 0) {
      out.direction = 0;
      out.confidence = 0;
      out.reasons = reasons | R_INSIDE;
      return;
    }
    reasons |= dir > 0 ? R_BREAK_UP : R_BREAK_DOWN;
    if (!expanding && !squeezeRecent) {
      out.direction = 0;
      out.confidence = 0;
      out.reasons = reasons | R_UNCONFIRMED;
      return;
    }
    const dist = atrSlow > 0 ? (dir > 0 ? price - refUp : refLow - price) / atrSlow : 0;
    const conf =
      (0.25 + (squeezeRecent ? 0.2 : 0) + 0.35 * unit((ratio - 1) / (p.expFull - 1)) + 0.2 * unit(dist / p.distFull)) * p.maxConfidence;
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
    const atrFast = v[this.iAtrFast[tf]!]!;
    const atrSlow = v[this.iAtrSlow[tf]!]!;
    const don = `DONCHIAN(${p.donchianPeriod})${at}`;
    const bands = `BBANDS(${p.bbPeriod},${p.bbDev})${at} ${fmt(v[this.iBbLow[tf]!]!)}–${fmt(v[this.iBbUp[tf]!]!)}`;
    const kc = `KELTNER(${p.kcPeriod},${p.kcMultiplier})${at} ${fmt(v[this.iKcLow[tf]!]!)}–${fmt(v[this.iKcUp[tf]!]!)}`;
    const atr = `ATR(${p.atrFast})${at} ${fmt(atrFast)} = ${fmt(atrFast / atrSlow)} × ATR(${p.atrSlow}) ${fmt(atrSlow)}`;
    const words: string[] = [];
    for (let b = 0; b < E_REASONS.length; b++) {
      const bit = 1 << b;
      if ((reasons & bit) === 0) continue;
      switch (bit) {
        case R_WARMUP:
          words.push(`warming up: breakout indicators${at} not ready yet`);
          break;
        case R_BREAK_UP:
          words.push(`price ${fmt(price)} above the previous ${don} upper band ${fmt(this.refUpper)}`);
          break;
        case R_BREAK_DOWN:
          words.push(`price ${fmt(price)} below the previous ${don} lower band ${fmt(this.refLower)}`);
          break;
        case R_INSIDE:
          words.push(`price ${fmt(price)} inside the previous ${don} ${fmt(this.refLower)}–${fmt(this.refUpper)}`);
          break;
        case R_SQUEEZE_RECENT:
          words.push(`out of a squeeze (Bollinger inside Keltner) within the last ${p.squeezeMemory} bars${at}: now ${bands}, ${kc}`);
          break;
        case R_SQUEEZE_NOW:
          words.push(`in a squeeze: ${bands} inside ${kc}`);
          break;
        case R_EXPANDING:
          words.push(`range expanding: ${atr} (at least ${p.expMin})`);
          break;
        case R_UNCONFIRMED:
          words.push(`breakout without range expansion (${atr}) or a recent squeeze`);
          break;
      }
    }
    return words;
  }

  snapshot(): VolatilityBreakoutState {
    return { prevUpper: enc(this.prevUpper), prevLower: enc(this.prevLower), lastSqueeze: enc(this.lastSqueeze) };
  }

  restore(state: unknown): void {
    const s = state as Partial<VolatilityBreakoutState> | null;
    for (let k = 0; k < NTF; k++) {
      this.prevUpper[k] = s?.prevUpper?.[k] ?? NaN;
      this.prevLower[k] = s?.prevLower?.[k] ?? NaN;
      this.lastSqueeze[k] = s?.lastSqueeze?.[k] ?? -Infinity;
    }
  }
}
