/**
 * The candlestick pattern indicators (TA-Lib TA_CDL*): one output (100 bullish, -100 bearish, ±80 for
 * TA-Lib's weaker variants, 0 none; NaN before the lookback).
 *
 * Each pattern is a `PatternDef`: its lookback, the running totals it reads (setting x offset), its
 * rule - a plain function of a `CandleWindow` - and a necessary condition for a non-zero output on the
 * bar's key (below). It runs in one of two ways:
 * - standalone (its class, e.g. `CdlDoji`, and the batch functions): a private window, and `update`
 *   calls the rule directly;
 * - in an IndicatorSet (`spec.create` with the set's `shared` map): a `PatternSlot` of the
 *   timeframe's one `PatternEngine`. The engine owns the one window of the timeframe; the first slot
 *   to see a bar has the engine take it and set the output of every slot, calling only the rules
 *   whose key condition holds (a handful per bar); the other slots only count the bar. All slots are
 *   of one class, so the set's per-indicator call costs the same for every pattern.
 * Both give the same numbers bit for bit and the same snapshot form.
 *
 * The bar key (engine only, three words) packs the colours of the last 5 bars and predicates that
 * many rules test - shadow longer than the body; body long, short or doji and shadows short or very
 * short on the totals seeded at candles 10 and 11; body and candle gaps, inside and outside bodies,
 * opens beyond the previous range, closes up or down - each computed once per bar with exactly the
 * rules' operations. `when()` builds the conditions.
 */
import { AlphaPulseError } from '../../core/errors.js';
import { IndicatorBase } from '../base.js';
import { decodeNumber, encodeNumber } from '../state.js';
import type { Bar, IndicatorState } from '../types.js';
import { assertFiniteSeries, assertRange } from '../validate.js';
import { BodyDoji, BodyLong, CandleWindow, PENETRATION_MAX, ShadowShort, type TotalSpec } from './candle-settings.js';

/**
 * A pattern's rule: its output for the window's current bar (taken, and at least `lookback` bars
 * after the first). `tb` holds the bases in `w.sums` of the pattern's totals, in the order of its
 * `totals`; `penetration` is the pattern's parameter (0 for those without one).
 */
export type PatternRule = (w: CandleWindow, tb: Int32Array, penetration: number) => number;

/**
 * A condition on the bar key: `(key[k] & mask[k]) === want[k]` for its three words. `output`, when
 * not 0, is the rule's output whenever the condition holds (the condition is then sufficient, not
 * only necessary).
 */
export interface KeyTest {
  readonly mask: readonly [number, number, number];
  readonly want: readonly [number, number, number];
  readonly output: number;
}

export interface PatternDef {
  readonly name: string;
  readonly lookback: number;
  readonly totals: readonly TotalSpec[];
  /**
   * Necessary condition for a non-zero output: the rule can give non-zero only on bars whose key
   * passes one of these tests (null: no condition). Built with `when()`.
   */
  readonly filter: readonly KeyTest[] | null;
  readonly rule: PatternRule;
}

// The bar key: three words of predicates on the last bars (bit k of a history is about bar i-k).
// Word 0: colours of bars i..i-4 (bit k set when bar i-k is white), upper and lower shadow of bar i
// longer than its body (bits 5, 6), then the predicates on the totals seeded at candle 10.
const K0_LONG = 7; // 5 bits
const K0_DOJI = 12; // 3 bits
const K0_SHORT = 15;
const K0_UPPER_VERY_SHORT = 16; // 3 bits
const K0_LOWER_VERY_SHORT = 19; // 3 bits
const K0_UPPER_SHORT = 22;
const K0_LOWER_SHORT = 23;
// Word 1: between bar i-k and bar i-k-1, then bar i on the totals seeded at candle 11.
const K1_GAP_UP = 0; // 4 bits
const K1_GAP_DOWN = 4; // 4 bits
const K1_CANDLE_GAP_UP = 8; // 2 bits
const K1_CANDLE_GAP_DOWN = 10; // 2 bits
const K1_INSIDE = 12; // 2 bits
const K1_OUTSIDE = 14; // 2 bits
const K1_OPEN_BELOW_LOW = 16;
const K1_OPEN_ABOVE_HIGH = 17;
const K1_SHORT_11 = 18;
const K1_UPPER_VERY_SHORT_11 = 19;
const K1_LOWER_VERY_SHORT_11 = 20;
const K1_LONG_11 = 21;
const K1_DOJI_11 = 22;
// Word 2: closes between bar i-k and bar i-k-1.
const K2_CLOSE_UP = 0; // 4 bits
const K2_CLOSE_DOWN = 4; // 4 bits
/** Bytes of the key words that the engine looks up (3, 3 and 1) */
const KEY_BYTES = [0, 8, 16, 0, 8, 16, 0];
const KEY_BYTE_WORD = [0, 0, 0, 1, 1, 1, 2];

/**
 * Predicates of `when()`, on bar i-k for the listed k. Each is computed once per bar by the engine
 * with exactly the operations of the rules' test it names, so it holds exactly when that test does.
 * The averages are those of the pattern's own totals only when its lookback minus the offset k is
 * 10 (11 for the `...11` ones): the engine keeps the totals seeded at candles 10 and 11.
 */
export interface KeyPredicates {
  /** upper shadow of bar i longer than its real body (ShadowLong) */
  readonly upperLong?: true;
  /** lower shadow of bar i longer than its real body (ShadowLong) */
  readonly lowerLong?: true;
  /** real body > BodyLong average, k <= 4 */
  readonly long?: readonly number[];
  /** real body <= BodyDoji average, k <= 2 */
  readonly doji?: readonly number[];
  /** real body of bar i < BodyShort average */
  readonly short?: true;
  /** upper shadow < ShadowVeryShort average, k <= 2 */
  readonly upperVeryShort?: readonly number[];
  /** lower shadow < ShadowVeryShort average, k <= 2 */
  readonly lowerVeryShort?: readonly number[];
  /** upper shadow of bar i < ShadowShort average */
  readonly upperShort?: true;
  /** lower shadow of bar i < ShadowShort average */
  readonly lowerShort?: true;
  /** TA_REALBODYGAPUP(i-k, i-k-1): bottom of body i-k above top of body i-k-1, k <= 3 */
  readonly gapUp?: readonly number[];
  /** TA_REALBODYGAPDOWN(i-k, i-k-1), k <= 3 */
  readonly gapDown?: readonly number[];
  /** TA_CANDLEGAPUP(i-k, i-k-1): low of i-k above high of i-k-1, k <= 1 */
  readonly candleGapUp?: readonly number[];
  /** TA_CANDLEGAPDOWN(i-k, i-k-1), k <= 1 */
  readonly candleGapDown?: readonly number[];
  /** body of bar i-k within body of bar i-k-1, ends included (top <=, bottom >=), k <= 1 */
  readonly inside?: readonly number[];
  /** body of bar i-k around body of bar i-k-1, ends included (top >=, bottom <=), k <= 1 */
  readonly outside?: readonly number[];
  /** open of bar i below the low of bar i-1 */
  readonly openBelowLow?: true;
  /** open of bar i above the high of bar i-1 */
  readonly openAboveHigh?: true;
  /** close of bar i-k above close of bar i-k-1, k <= 3 */
  readonly closeUp?: readonly number[];
  /** close of bar i-k below close of bar i-k-1, k <= 3 */
  readonly closeDown?: readonly number[];
  /** as `long` for bar i, lookback 11 */
  readonly long11?: true;
  /** as `short`, lookback 11 */
  readonly short11?: true;
  /** as `doji` for bar i, lookback 11 */
  readonly doji11?: true;
  /** as `upperVeryShort` for bar i, lookback 11 */
  readonly upperVeryShort11?: true;
  /** as `lowerVeryShort` for bar i, lookback 11 */
  readonly lowerVeryShort11?: true;
  /** the condition is also sufficient: the rule's output is then exactly this (non-zero) value */
  readonly output?: number;
}

/**
 * A key condition: `colors` gives the colours of the last bars, oldest first, ending with bar i
 * ('W' white, 'B' black, '.' either; at most 5), plus predicates that must all hold.
 */
export function when(colors: string, p: KeyPredicates = {}): KeyTest {
  if (!/^[WB.]{0,5}$/.test(colors)) throw new Error(`bad colour pattern "${colors}"`);
  const mask: [number, number, number] = [0, 0, 0];
  const want: [number, number, number] = [0, 0, 0];
  const bit = (word: number, at: number, size: number, ks: readonly number[] | undefined) => {
    for (const k of ks ?? []) {
      if (!(Number.isInteger(k) && k >= 0 && k < size)) throw new Error(`key predicate offset ${k} out of range`);
      mask[word]! |= 1 << (at + k);
      want[word]! |= 1 << (at + k);
    }
  };
  const flag = (word: number, at: number, on: true | undefined) => bit(word, at, 1, on ? [0] : undefined);
  for (let b = 0; b < colors.length; b++) {
    const ch = colors[colors.length - 1 - b];
    if (ch === '.') continue;
    mask[0] |= 1 << b;
    if (ch === 'W') want[0] |= 1 << b;
  }
  flag(0, 5, p.upperLong);
  flag(0, 6, p.lowerLong);
  bit(0, K0_LONG, 5, p.long);
  bit(0, K0_DOJI, 3, p.doji);
  flag(0, K0_SHORT, p.short);
  bit(0, K0_UPPER_VERY_SHORT, 3, p.upperVeryShort);
  bit(0, K0_LOWER_VERY_SHORT, 3, p.lowerVeryShort);
  flag(0, K0_UPPER_SHORT, p.upperShort);
  flag(0, K0_LOWER_SHORT, p.lowerShort);
  bit(1, K1_GAP_UP, 4, p.gapUp);
  bit(1, K1_GAP_DOWN, 4, p.gapDown);
  bit(1, K1_CANDLE_GAP_UP, 2, p.candleGapUp);
  bit(1, K1_CANDLE_GAP_DOWN, 2, p.candleGapDown);
  bit(1, K1_INSIDE, 2, p.inside);
  bit(1, K1_OUTSIDE, 2, p.outside);
  flag(1, K1_OPEN_BELOW_LOW, p.openBelowLow);
  flag(1, K1_OPEN_ABOVE_HIGH, p.openAboveHigh);
  flag(1, K1_LONG_11, p.long11);
  flag(1, K1_SHORT_11, p.short11);
  flag(1, K1_DOJI_11, p.doji11);
  flag(1, K1_UPPER_VERY_SHORT_11, p.upperVeryShort11);
  flag(1, K1_LOWER_VERY_SHORT_11, p.lowerVeryShort11);
  bit(2, K2_CLOSE_UP, 4, p.closeUp);
  bit(2, K2_CLOSE_DOWN, 4, p.closeDown);
  const output = p.output ?? 0;
  if (!Number.isFinite(output)) throw new Error('key condition output must be a finite number');
  return { mask, want, output };
}

/** Key bits (word 0) that need the totals seeded at candle 10 */
const K0_AT_10 = ~0x7f;
/** Key bits (word 1) that need the totals seeded at candle 11 */
const K1_AT_11 = (1 << K1_SHORT_11) | (1 << K1_UPPER_VERY_SHORT_11) | (1 << K1_LOWER_VERY_SHORT_11) | (1 << K1_LONG_11) | (1 << K1_DOJI_11);

function offsets(totals: readonly TotalSpec[]): Int32Array {
  return Int32Array.from(totals, ([, k]) => k);
}

function patternSnapshot(count: number, out: number, w: CandleWindow, tb: Int32Array, tk: Int32Array): IndicatorState {
  return { count, out: encodeNumber(out), window: w.snapshot(tb, tk) };
}

function snapshotCount(s: IndicatorState): number {
  const count = s.count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) throw new Error(`pattern snapshot has no valid count (${String(count)})`);
  return count;
}

/** Base of the standalone pattern classes: a private window; subclasses call their rule in `update`. */
export abstract class CandlePattern extends IndicatorBase {
  readonly lookback: number;
  protected readonly w = new CandleWindow();
  /** Bases of the pattern's totals in `w.sums` */
  protected readonly tb: Int32Array;
  private readonly tk: Int32Array;

  constructor(def: PatternDef, outputs?: Float64Array) {
    super(1, outputs);
    this.lookback = def.lookback;
    this.tb = this.w.register(def.name, def.lookback, def.totals);
    this.tk = offsets(def.totals);
  }

  snapshot(): IndicatorState {
    return patternSnapshot(this.count, this.outputs[0]!, this.w, this.tb, this.tk);
  }

  restore(s: IndicatorState): void {
    const count = snapshotCount(s);
    this.w.restore(s.window as IndicatorState, count, this.tb, this.tk);
    this.count = count;
    this.outputs[0] = decodeNumber(s.out);
  }
}

/** Key of the engine in an IndicatorSet's `shared` map. */
const ENGINE_KEY = 'cdl-patterns';

/** The patterns of one IndicatorSet timeframe: one window, every slot's output set once per bar. */
class PatternEngine {
  readonly w = new CandleWindow();
  private readonly slots: PatternSlot[] = [];
  // The slots' key conditions ("alternatives") as bit sets: alternative a is bit a & 31 of word
  // a >> 5, a slot's alternatives are consecutive; fails[(p * 256 + v) * words + k] holds those of
  // word k that fail when key byte p (KEY_BYTES) is v. Built on the first bar after the warm-up.
  private words = 0;
  private fails = new Int32Array(0);
  private altSlot = new Int32Array(0);
  private altOutput = new Float64Array(0);
  /** Indices of the slots whose output is non-zero. */
  private lit = new Int32Array(0);
  private litCount = 0;
  private maxLookback = 0;
  /** Evaluate every slot up to this bar (warm-up; after a restore, until the key histories are rebuilt). */
  private fullUntil = 0;
  /** Bases in `w.sums` of the totals behind the key predicates, -1 while none needs them. */
  private bodyBase10 = -1;
  private rangeBase10 = -1;
  private shadowBase10 = -1;
  private bodyBase11 = -1;
  private rangeBase11 = -1;
  // Histories of the key predicates: bit k for bar i-k.
  private longs = 0;
  private dojis = 0;
  private upperVeryShorts = 0;
  private lowerVeryShorts = 0;
  private gapUps = 0;
  private gapDowns = 0;
  private candleGapUps = 0;
  private candleGapDowns = 0;
  private insides = 0;
  private outsides = 0;
  private closeUps = 0;
  private closeDowns = 0;

  static of(shared: Map<string, unknown>): PatternEngine {
    const e = shared.get(ENGINE_KEY);
    if (e instanceof PatternEngine) return e;
    if (e !== undefined) throw new Error(`shared entry "${ENGINE_KEY}" is not a pattern engine`);
    const created = new PatternEngine();
    shared.set(ENGINE_KEY, created);
    return created;
  }

  /** Registers a slot (before the first bar); returns the bases of its totals in `w.sums`. */
  add(slot: PatternSlot, def: PatternDef): Int32Array {
    const tb = this.w.register(def.name, def.lookback, def.totals);
    const filter = def.filter ?? [];
    if (this.bodyBase10 < 0 && filter.some((t) => (t.mask[0] & K0_AT_10) !== 0)) {
      [this.bodyBase10, this.rangeBase10, this.shadowBase10] = this.w.register('key predicates', 10, [
        [BodyLong, 0],
        [BodyDoji, 0],
        [ShadowShort, 0],
      ]);
    }
    if (this.bodyBase11 < 0 && filter.some((t) => (t.mask[1] & K1_AT_11) !== 0)) {
      [this.bodyBase11, this.rangeBase11] = this.w.register('key predicates', 11, [
        [BodyLong, 0],
        [BodyDoji, 0],
      ]);
    }
    this.slots.push(slot);
    this.maxLookback = Math.max(this.maxLookback, def.lookback);
    this.fullUntil = this.maxLookback;
    this.lit = new Int32Array(this.slots.length);
    this.words = 0;
    return tb;
  }

  private buildConditions(): void {
    const alts: KeyTest[] = [];
    const altSlot: number[] = [];
    const any = when('');
    this.slots.forEach((sl, s) => {
      for (const t of sl.filter ?? [any]) {
        alts.push(t);
        altSlot.push(s);
      }
    });
    const words = Math.max(1, (alts.length + 31) >> 5);
    const fails = new Int32Array(KEY_BYTES.length * 256 * words);
    for (let a = 0; a < words * 32; a++) {
      const t = alts[a];
      for (let p = 0; p < KEY_BYTES.length; p++) {
        // bits past the last alternative always fail
        const mask = t ? (t.mask[KEY_BYTE_WORD[p]!] >>> KEY_BYTES[p]!) & 255 : 0;
        const want = t ? (t.want[KEY_BYTE_WORD[p]!] >>> KEY_BYTES[p]!) & 255 : 1;
        for (let byte = 0; byte < 256; byte++) {
          if ((byte & mask) !== want) fails[(p * 256 + byte) * words + (a >> 5)] |= 1 << (a & 31);
        }
      }
    }
    this.altSlot = Int32Array.from(altSlot);
    this.altOutput = Float64Array.from(alts, (t) => t.output);
    this.fails = fails;
    this.words = words;
  }

  /** Takes bar i and sets every slot's output for it. */
  step(bar: Bar, i: number, name: string): void {
    const w = this.w;
    w.take(bar, i, name);
    // The key. `+(a < b)` is 1 or 0 and compiles without a branch, which matters here: these
    // outcomes are as unpredictable as the market. On the first bar, bar i-1 is a zero slot; bits
    // about it are shifted out before any condition reads them.
    const j0 = w.j0;
    const j1 = w.j1;
    const body = w.body[j0]!;
    let key0 = (w.colors & 31) | (+(w.upper[j0]! > body) << 5) | (+(w.lower[j0]! > body) << 6);
    if (this.bodyBase10 >= 0) {
      const tb = w.sums[this.bodyBase10 + j0]!;
      const tr = w.sums[this.rangeBase10 + j0]!;
      const ts = w.sums[this.shadowBase10 + j0]!;
      const veryShort = w.avgShadowVeryShort(tr);
      const short = w.avgShadowShort(ts);
      const longs = ((this.longs << 1) | +(body > w.avgBodyLong(tb))) & 31;
      const dojis = ((this.dojis << 1) | +(body <= w.avgBodyDoji(tr))) & 7;
      const uvs = ((this.upperVeryShorts << 1) | +(w.upper[j0]! < veryShort)) & 7;
      const lvs = ((this.lowerVeryShorts << 1) | +(w.lower[j0]! < veryShort)) & 7;
      this.longs = longs;
      this.dojis = dojis;
      this.upperVeryShorts = uvs;
      this.lowerVeryShorts = lvs;
      key0 |=
        (longs << K0_LONG) |
        (dojis << K0_DOJI) |
        (+(body < w.avgBodyShort(tb)) << K0_SHORT) |
        (uvs << K0_UPPER_VERY_SHORT) |
        (lvs << K0_LOWER_VERY_SHORT) |
        (+(w.upper[j0]! < short) << K0_UPPER_SHORT) |
        (+(w.lower[j0]! < short) << K0_LOWER_SHORT);
    }
    const top0 = w.top[j0]!;
    const top1 = w.top[j1]!;
    const bottom0 = w.bottom[j0]!;
    const bottom1 = w.bottom[j1]!;
    const gapUps = ((this.gapUps << 1) | +(bottom0 > top1)) & 15;
    const gapDowns = ((this.gapDowns << 1) | +(top0 < bottom1)) & 15;
    const candleGapUps = ((this.candleGapUps << 1) | +(w.low[j0]! > w.high[j1]!)) & 3;
    const candleGapDowns = ((this.candleGapDowns << 1) | +(w.high[j0]! < w.low[j1]!)) & 3;
    const insides = ((this.insides << 1) | (+(top0 <= top1) & +(bottom0 >= bottom1))) & 3;
    const outsides = ((this.outsides << 1) | (+(top0 >= top1) & +(bottom0 <= bottom1))) & 3;
    this.gapUps = gapUps;
    this.gapDowns = gapDowns;
    this.candleGapUps = candleGapUps;
    this.candleGapDowns = candleGapDowns;
    this.insides = insides;
    this.outsides = outsides;
    let key1 =
      (gapUps << K1_GAP_UP) |
      (gapDowns << K1_GAP_DOWN) |
      (candleGapUps << K1_CANDLE_GAP_UP) |
      (candleGapDowns << K1_CANDLE_GAP_DOWN) |
      (insides << K1_INSIDE) |
      (outsides << K1_OUTSIDE) |
      (+(w.open[j0]! < w.low[j1]!) << K1_OPEN_BELOW_LOW) |
      (+(w.open[j0]! > w.high[j1]!) << K1_OPEN_ABOVE_HIGH);
    if (this.bodyBase11 >= 0) {
      const tb = w.sums[this.bodyBase11 + j0]!;
      const tr = w.sums[this.rangeBase11 + j0]!;
      const veryShort = w.avgShadowVeryShort(tr);
      key1 |=
        (+(body > w.avgBodyLong(tb)) << K1_LONG_11) |
        (+(body < w.avgBodyShort(tb)) << K1_SHORT_11) |
        (+(body <= w.avgBodyDoji(tr)) << K1_DOJI_11) |
        (+(w.upper[j0]! < veryShort) << K1_UPPER_VERY_SHORT_11) |
        (+(w.lower[j0]! < veryShort) << K1_LOWER_VERY_SHORT_11);
    }
    const closeUps = ((this.closeUps << 1) | +(w.close[j0]! > w.close[j1]!)) & 15;
    const closeDowns = ((this.closeDowns << 1) | +(w.close[j0]! < w.close[j1]!)) & 15;
    this.closeUps = closeUps;
    this.closeDowns = closeDowns;
    const key2 = (closeUps << K2_CLOSE_UP) | (closeDowns << K2_CLOSE_DOWN);

    const slots = this.slots;
    const lit = this.lit;
    if (i <= this.fullUntil) {
      // Warm-up or just after a restore: every slot past its lookback, so outputs leave NaN at the
      // right bar, `lit` is rebuilt and the key histories refill.
      let n = 0;
      for (let s = 0; s < slots.length; s++) {
        const slot = slots[s]!;
        if (i < slot.lookback) continue;
        const v = slot.rule(w, slot.tb, slot.penetration);
        slot.outputs[0] = v;
        if (v !== 0) lit[n++] = s;
      }
      this.litCount = n;
      return;
    }
    if (this.words === 0) this.buildConditions();
    for (let k = 0; k < this.litCount; k++) slots[lit[k]!]!.outputs[0] = 0;
    // The alternatives whose condition holds: a few table lookups, no branch per alternative (their
    // outcomes are unpredictable). A slot with several holding alternatives is evaluated once; an
    // alternative with an output needs no rule call.
    const words = this.words;
    const fails = this.fails;
    const altSlot = this.altSlot;
    const altOutput = this.altOutput;
    const b0 = (key0 & 255) * words;
    const b1 = (256 + ((key0 >>> 8) & 255)) * words;
    const b2 = (512 + ((key0 >>> 16) & 255)) * words;
    const b3 = (768 + (key1 & 255)) * words;
    const b4 = (1024 + ((key1 >>> 8) & 255)) * words;
    const b5 = (1280 + ((key1 >>> 16) & 255)) * words;
    const b6 = (1536 + (key2 & 255)) * words;
    let n = 0;
    let last = -1;
    for (let k = 0; k < words; k++) {
      let pass = ~(fails[b0 + k]! | fails[b1 + k]! | fails[b2 + k]! | fails[b3 + k]! | fails[b4 + k]! | fails[b5 + k]! | fails[b6 + k]!);
      while (pass !== 0) {
        const low = pass & -pass;
        pass ^= low;
        const a = (k << 5) + 31 - Math.clz32(low);
        const s = altSlot[a]!;
        if (s === last) continue;
        last = s;
        const slot = slots[s]!;
        const output = altOutput[a]!;
        const v = output !== 0 ? output : slot.rule(w, slot.tb, slot.penetration);
        slot.outputs[0] = v;
        lit[n] = s;
        n += +(v !== 0);
      }
    }
    this.litCount = n;
  }

  /** The state of bar n-1 was restored: evaluate every slot until the key histories are rebuilt. */
  restored(n: number): void {
    this.fullUntil = Math.max(this.maxLookback, n + 4);
  }
}

/** A pattern inside an IndicatorSet: its output is set by the engine when the first slot sees a bar. */
class PatternSlot extends IndicatorBase {
  readonly lookback: number;
  readonly rule: PatternRule;
  readonly filter: readonly KeyTest[] | null;
  readonly penetration: number;
  readonly tb: Int32Array;
  private readonly tk: Int32Array;
  private readonly name: string;
  private readonly engine: PatternEngine;
  /** the engine's window */
  private readonly w: CandleWindow;

  constructor(def: PatternDef, penetration: number, engine: PatternEngine, outputs?: Float64Array) {
    super(1, outputs);
    this.lookback = def.lookback;
    this.rule = def.rule;
    this.filter = def.filter;
    this.penetration = penetration;
    this.tk = offsets(def.totals);
    this.name = def.name;
    this.engine = engine;
    this.w = engine.w;
    this.tb = engine.add(this, def);
  }

  update(bar: Bar): void {
    const i = this.count;
    if (this.w.n !== i + 1) this.engine.step(bar, i, this.name);
    this.count = i + 1;
  }

  snapshot(): IndicatorState {
    return patternSnapshot(this.count, this.outputs[0]!, this.w, this.tb, this.tk);
  }

  restore(s: IndicatorState): void {
    const count = snapshotCount(s);
    this.w.restore(s.window as IndicatorState, count, this.tb, this.tk);
    this.count = count;
    this.outputs[0] = decodeNumber(s.out);
    this.engine.restored(count);
  }
}

/**
 * `spec.create` of a pattern inside an IndicatorSet (`shared` given): a slot of the set's engine.
 * `penetration` is checked like the pattern's constructor does.
 */
export function sharedPattern(def: PatternDef, shared: Map<string, unknown>, outputs?: Float64Array, penetration?: number): IndicatorBase {
  if (penetration !== undefined) assertRange(def.name, 'penetration', penetration, 0, PENETRATION_MAX);
  return new PatternSlot(def, penetration ?? 0, PatternEngine.of(shared), outputs);
}

/** Checks the four price series of a batch pattern call: finite values and equal lengths. */
export function assertOhlc(name: string, open: ArrayLike<number>, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>): void {
  const n = close.length;
  if (open.length !== n || high.length !== n || low.length !== n) {
    throw new AlphaPulseError('AP_ERR_BAD_INPUT', `${name}: open, high, low and close must have the same length`, { indicator: name });
  }
  assertFiniteSeries(name, 'open', open);
  assertFiniteSeries(name, 'high', high);
  assertFiniteSeries(name, 'low', low);
  assertFiniteSeries(name, 'close', close);
}
