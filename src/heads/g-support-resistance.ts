/**
 * Head G — support and resistance. Levels: the classic floor-trader pivots (PIVOTS_CLASSIC: P, R1–R3,
 * S1–S3) and the Fibonacci pivots (PIVOTS_FIB: R1–R3, S1–S3; its P equals the classic one) of the
 * previous UTC day (`pivotMinutes`), and the last confirmed swing high and swing low (SWINGS) on the
 * judged timeframe (ctx.tf). Pivot levels do not depend on the timeframe, so they are read once (1m);
 * while they are not known yet (the first day) only the swing levels are used.
 *
 * On the judged timeframe: c = close of the last bar (SMA(1)), lo / hi = lowest low / highest high of the
 * last `touchBars` bars (DONCHIAN), c0 = the close just before them (c - MOM(touchBars)), a = ATR. Every
 * level L within `maxDistAtr` ATRs of c is judged by where price came from (c0) and where it closed:
 *   - bounce (LONG): c0 >= L, the low came to within `touchAtr` ATRs above L (or pierced it by at most
 *     `pierceAtr` ATRs) and c closed back above L — support held;
 *   - rejection (SHORT): the mirror at a level above — resistance held;
 *   - breakout (LONG): c0 < L and c closed at least `breakoutMinAtr` ATRs above L — resistance broken.
 *     Chosen to count (a close beyond a level is a signal of its own) but with the lower
 *     `breakoutWeight`, since many breakouts fail; breakdown (SHORT) is the mirror.
 * A level's strength is sourceWeight × kindWeight × min(1, |c - L| / (confirmAtr × a)): a close barely
 * off the level is weak, one `confirmAtr` ATRs away is decisive. Strengths add up per side (a cluster of
 * levels — a swing low on a pivot — is stronger); the head votes the side of the net score when
 * |net| >= `minScore`, confidence maxConfidence × (1 - exp(-|net|)). Stateless.
 */
import { resolveParams, type ParamTable, type ParamValues } from '../core/params.js';
import { indicatorKey, type IndicatorConfig, type IndicatorSet } from '../indicators/indicator-set.js';
import { indexOnEachTimeframe, onEachTimeframe, SETUP_TIMEFRAMES, type Head, type HeadContext, type VoteSlot } from './types.js';

export const G_PARAMS = {
  atrPeriod: { default: 14, min: 5, max: 50, integer: true, doc: 'ATR period on the judged timeframe' },
  swingLeft: { default: 5, min: 2, max: 30, integer: true, doc: 'SWINGS bars left of a swing' },
  swingRight: { default: 5, min: 2, max: 30, integer: true, doc: 'SWINGS bars right of a swing (confirmation delay)' },
  pivotMinutes: { default: 1440, min: 60, max: 10080, integer: true, doc: 'period of the pivot levels in minutes (1440: previous UTC day)' },
  touchBars: { default: 3, min: 1, max: 10, integer: true, doc: 'recent bars in which the level must have been touched or crossed' },
  touchAtr: { default: 0.25, min: 0, max: 2, doc: 'ATRs above a support (below a resistance) that still count as touching it' },
  pierceAtr: { default: 1, min: 0, max: 3, doc: 'ATRs a bounce may pierce through the level before it is no bounce' },
  maxDistAtr: { default: 1.2, min: 0.2, max: 5, doc: 'ATRs from the level beyond which the close is too far (late)' },
  confirmAtr: { default: 0.4, min: 0.05, max: 2, doc: 'ATRs off the level at which the close counts fully' },
  breakoutMinAtr: { default: 0.2, min: 0, max: 2, doc: 'ATRs beyond a crossed level a breakout close needs' },
  bounceWeight: { default: 1, min: 0, max: 1, doc: 'weight of a bounce off support / rejection at resistance' },
  breakoutWeight: { default: 0.6, min: 0, max: 1, doc: 'weight of a breakout / breakdown close' },
  classicWeight: { default: 1, min: 0, max: 1, doc: 'weight of the classic pivot levels' },
  fibWeight: { default: 0.7, min: 0, max: 1, doc: 'weight of the Fibonacci pivot levels' },
  swingWeight: { default: 1, min: 0, max: 1, doc: 'weight of the swing high / low levels' },
  minScore: { default: 0.45, min: 0.05, max: 3, doc: 'minimum |net level score| to vote' },
  maxConfidence: { default: 0.8, min: 0.3, max: 1, doc: 'cap on the confidence' },
} as const satisfies ParamTable;
export type SupportResistanceParams = ParamValues<typeof G_PARAMS>;

const KINDS = ['bounce off support', 'breakout above', 'rejection at resistance', 'breakdown below'] as const;
const SOURCES = ['classic pivot', 'Fibonacci pivot', 'swing'] as const;
const BOUNCE = 0;
const BREAKOUT = 1;
const REJECT = 2;
const BREAKDOWN = 3;
const NONE = -1;
const CLASSIC = 0;
const FIB = 1;
const SWING = 2;

export const G_REASONS = [
  'warming up',
  'levels on both sides',
  ...KINDS.flatMap((k) => SOURCES.map((s) => `${k} (${s})`)),
] as const;
const R_WARMUP = 1 << 0;
const R_CONFLICT = 1 << 1;
/** reason bit of a (kind, source) pair */
function kindBit(kind: number, source: number): number {
  return 1 << (2 + kind * SOURCES.length + source);
}

const CLASSIC_OUTPUTS = ['p', 'r1', 'r2', 'r3', 's1', 's2', 's3'] as const;
const FIB_OUTPUTS = ['r1', 'r2', 'r3', 's1', 's2', 's3'] as const;
const PIVOT_NAMES = [...CLASSIC_OUTPUTS.map((o) => `classic ${o.toUpperCase()}`), ...FIB_OUTPUTS.map((o) => `Fibonacci ${o.toUpperCase()}`)];

function fmt(x: number): string {
  const a = Math.abs(x);
  return a >= 1000 ? x.toFixed(1) : a >= 1 ? x.toFixed(2) : x.toPrecision(3);
}

export class SupportResistanceHead implements Head {
  readonly id = 'G' as const;
  readonly specialty = 'support and resistance levels';
  readonly params: Readonly<SupportResistanceParams>;
  /** pivot level indexes (classic then Fibonacci) */
  private iPivots: Int32Array = new Int32Array(0);
  private iClose: Int32Array = new Int32Array(0);
  private iLo: Int32Array = new Int32Array(0);
  private iHi: Int32Array = new Int32Array(0);
  private iMom: Int32Array = new Int32Array(0);
  private iAtr: Int32Array = new Int32Array(0);
  private iSwHi: Int32Array = new Int32Array(0);
  private iSwLo: Int32Array = new Int32Array(0);
  // inputs of the level judgement, set before judging (no allocation)
  private c = 0;
  private c0 = 0;
  private lo = 0;
  private hi = 0;
  private a = 0;
  // the ATR-scaled distances of the judgement, set with the inputs
  private maxDist = 0;
  private touch = 0;
  private pierce = 0;
  private breakMin = 0;
  private invConfirm = 0;
  /** kind of the last judged level (NONE, BOUNCE, …) */
  private kind = NONE;

  constructor(params: Partial<ParamValues<typeof G_PARAMS>> = {}) {
    this.params = resolveParams(G_PARAMS, params, 'heads.G');
  }

  private swingParams(): Record<string, number> {
    return { left: this.params.swingLeft, right: this.params.swingRight };
  }

  requires(): IndicatorConfig[] {
    const p = this.params;
    return [
      { name: 'PIVOTS_CLASSIC', params: { periodMinutes: p.pivotMinutes } },
      { name: 'PIVOTS_FIB', params: { periodMinutes: p.pivotMinutes } },
      ...onEachTimeframe('SMA', { period: 1 }),
      ...onEachTimeframe('DONCHIAN', { period: p.touchBars }),
      ...onEachTimeframe('MOM', { period: p.touchBars }),
      ...onEachTimeframe('ATR', { period: p.atrPeriod }),
      ...onEachTimeframe('SWINGS', this.swingParams()),
    ];
  }

  bind(set: IndicatorSet): void {
    const p = this.params;
    const classic = indicatorKey('PIVOTS_CLASSIC', { periodMinutes: p.pivotMinutes });
    const fib = indicatorKey('PIVOTS_FIB', { periodMinutes: p.pivotMinutes });
    this.iPivots = Int32Array.from([...CLASSIC_OUTPUTS.map((o) => set.index(classic, o)), ...FIB_OUTPUTS.map((o) => set.index(fib, o))]);
    this.iClose = indexOnEachTimeframe(set, indicatorKey('SMA', { period: 1 }));
    const don = indicatorKey('DONCHIAN', { period: p.touchBars });
    this.iLo = indexOnEachTimeframe(set, don, 'lower');
    this.iHi = indexOnEachTimeframe(set, don, 'upper');
    this.iMom = indexOnEachTimeframe(set, indicatorKey('MOM', { period: p.touchBars }));
    this.iAtr = indexOnEachTimeframe(set, indicatorKey('ATR', { period: p.atrPeriod }));
    const sw = indicatorKey('SWINGS', this.swingParams());
    this.iSwHi = indexOnEachTimeframe(set, sw, 'lastSwingHigh');
    this.iSwLo = indexOnEachTimeframe(set, sw, 'lastSwingLow');
  }

  /** Reads the judged timeframe's inputs into the fields; false while any is not ready. */
  private load(v: Float64Array, tf: number): boolean {
    this.c = v[this.iClose[tf]!]!;
    this.c0 = this.c - v[this.iMom[tf]!]!;
    this.lo = v[this.iLo[tf]!]!;
    this.hi = v[this.iHi[tf]!]!;
    const a = (this.a = v[this.iAtr[tf]!]!);
    const p = this.params;
    this.maxDist = p.maxDistAtr * a;
    this.touch = p.touchAtr * a;
    this.pierce = p.pierceAtr * a;
    this.breakMin = p.breakoutMinAtr * a;
    this.invConfirm = 1 / (p.confirmAtr * a);
    return (this.c + this.c0 + this.lo + this.hi + this.a) * 0 === 0 && this.a > 0;
  }

  /** Judges level L against the loaded inputs: sets `kind` and returns its unweighted strength (0 none). */
  private judge(L: number): number {
    this.kind = NONE;
    if (L !== L) return 0;
    const c = this.c;
    const d = c > L ? c - L : L - c;
    if (d > this.maxDist || d === 0) return 0;
    const s = d * this.invConfirm;
    const full = s < 1 ? s : 1;
    const p = this.params;
    if (c > L) {
      if (this.c0 >= L) {
        const lo = this.lo;
        if (lo > L + this.touch || lo < L - this.pierce) return 0;
        this.kind = BOUNCE;
        return p.bounceWeight * full;
      }
      if (d < this.breakMin) return 0;
      this.kind = BREAKOUT;
      return p.breakoutWeight * full;
    }
    if (this.c0 <= L) {
      const hi = this.hi;
      if (hi < L - this.touch || hi > L + this.pierce) return 0;
      this.kind = REJECT;
      return p.bounceWeight * full;
    }
    if (d < this.breakMin) return 0;
    this.kind = BREAKDOWN;
    return p.breakoutWeight * full;
  }

  evaluate(ctx: HeadContext, out: VoteSlot): void {
    const v = ctx.values;
    const tf = ctx.tf;
    const p = this.params;
    out.direction = 0;
    out.confidence = 0;
    const swHi = v[this.iSwHi[tf]!]!;
    const swLo = v[this.iSwLo[tf]!]!;
    if (!this.load(v, tf) || (swHi + swLo) * 0 !== 0) {
      out.reasons = R_WARMUP;
      return;
    }
    let bull = 0;
    let bear = 0;
    let reasons = 0;
    const piv = this.iPivots;
    for (let k = 0; k < piv.length; k++) {
      const source = k < CLASSIC_OUTPUTS.length ? CLASSIC : FIB;
      const s = this.judge(v[piv[k]!]!) * (source === CLASSIC ? p.classicWeight : p.fibWeight);
      if (s <= 0) continue;
      reasons |= kindBit(this.kind, source);
      if (this.kind === BOUNCE || this.kind === BREAKOUT) bull += s;
      else bear += s;
    }
    for (let k = 0; k < 2; k++) {
      const s = this.judge(k === 0 ? swHi : swLo) * p.swingWeight;
      if (s <= 0) continue;
      reasons |= kindBit(this.kind, SWING);
      if (this.kind === BOUNCE || this.kind === BREAKOUT) bull += s;
      else bear += s;
    }
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
    const words: string[] = [];
    const ready = this.load(v, tf);
    if (reasons & R_WARMUP) words.push(`warming up: close, ATR(${p.atrPeriod}) or swings${at} not ready yet`);
    if (!ready) return words;
    const { c, c0, lo, hi, a } = this;
    const where = `close${at} ${fmt(c)} (from ${fmt(c0)}, range ${fmt(lo)}–${fmt(hi)} over ${p.touchBars} bars, ATR ${fmt(a)})`;
    const levels: [string, number, number][] = [];
    this.iPivots.forEach((idx, k) => levels.push([PIVOT_NAMES[k]!, v[idx]!, k < CLASSIC_OUTPUTS.length ? CLASSIC : FIB]));
    levels.push([`swing high${at}`, v[this.iSwHi[tf]!]!, SWING], [`swing low${at}`, v[this.iSwLo[tf]!]!, SWING]);
    for (const [name, L, source] of levels) {
      if (this.judge(L) <= 0 || (reasons & kindBit(this.kind, source)) === 0) continue;
      words.push(`${KINDS[this.kind]} ${name} ${fmt(L)}: ${where}, ${((c - L) / a).toFixed(2)} ATR from it`);
    }
    if (reasons & R_CONFLICT) words.push(`levels on both sides of ${where}: support and resistance signals offset each other`);
    return words;
  }
}
