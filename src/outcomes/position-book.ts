/**
 * The per-candle resolution rule of one position and the book of open positions of ONE symbol
 * (signals and shadow signals), struct-of-arrays. The rule lives in this module, beside its hot caller, so
 * V8 inlines it into `PositionBook.onCandle` under every loader (under tsx, calling it across modules
 * measured about 3× slower per position).
 * The per-candle path is a plain loop over typed arrays that allocates only the outcomes it returns.
 * Rules: docs/OUTCOMES.md.
 */
import type { Candle } from '../core/candle.js';
import { AlphaPulseError } from '../core/errors.js';
import {
  assertValidPosition,
  CANDLE_MS,
  DEFAULT_OUTCOME_PARAMS,
  makeOutcome,
  newResolution,
  RESULT_NONE,
  RESULT_SL,
  RESULT_TP,
  type Outcome,
  type OutcomeParams,
  type Position,
  type Resolution,
  type ResultCode,
} from './resolve.js';

/**
 * Decides whether one candle resolves one position (pure; used by the book and by `simulatePosition`).
 * Returns RESULT_NONE (also for a candle before `openedAt`, which is not monitored) or the result code,
 * with `out` filled.
 *
 * For a long (a short mirrors with d = -1): the stop is touched when low <= stop*(1+tol), the target
 * when high >= target*(1-tol).
 * 1. open at/through the stop zone (open <= stop*(1+tol)): stop, exit at min(open, stop) — a gap through the
 *    stop exits at the worse open.
 * 2. open at/through the target zone: target, exit at the target (never the better open).
 * 3. stop touched inside the candle: stop at the stop — also when the target was touched too (order unknown).
 * 4. target touched: target at the target.
 * 5. candle close time (openTime + 60000) >= expiresAt: time exit at the close.
 */
export function resolveOnCandle(
  direction: number,
  stop: number,
  target: number,
  openedAt: number,
  expiresAt: number,
  candle: Candle,
  tolerance: number,
  out: Resolution,
): ResultCode {
  // Literal result codes and 60_000: imported / module constants cost ~1–2 ns per call here (measured).
  const openTime = candle.openTime;
  if (openTime < openedAt) return 0; // RESULT_NONE
  const d = direction;
  const open = candle.open;
  // d * price turns every short comparison into the long one.
  const dStopZone = d * stop * (1 + d * tolerance);
  const dTargetZone = d * target * (1 - d * tolerance);
  const dOpen = d * open;
  if (dOpen <= dStopZone) {
    out.exitPrice = dOpen < d * stop ? open : stop;
    out.atOpen = true;
    return 2; // RESULT_SL
  }
  if (dOpen >= dTargetZone) {
    out.exitPrice = target;
    out.atOpen = true;
    return 1; // RESULT_TP
  }
  const dAdverse = d === 1 ? candle.low : -candle.high;
  if (dAdverse <= dStopZone) {
    out.exitPrice = stop;
    out.atOpen = false;
    return 2; // RESULT_SL
  }
  const dFavourable = d === 1 ? candle.high : -candle.low;
  if (dFavourable >= dTargetZone) {
    out.exitPrice = target;
    out.atOpen = false;
    return 1; // RESULT_TP
  }
  if (openTime + 60_000 >= expiresAt) {
    out.exitPrice = candle.close;
    out.atOpen = false;
    return 3; // RESULT_TIME
  }
  return 0; // RESULT_NONE
}

/**
 * Running lowest low / highest high of a position after one monitored candle (both start at entry).
 * A candle that does not resolve counts whole; on the exit candle:
 * - exit at the open (gap): only the exit price counts,
 * - exit at a level inside the candle: the exit side counts up to the exit price, the other side whole
 *   (its extreme may have come before the exit),
 * - time exit: the whole candle.
 * Writes into `ext[0]` (lowest) and `ext[1]` (highest).
 */
export function updateExtremes(
  direction: number,
  code: ResultCode,
  res: Resolution,
  candle: Candle,
  lowest: number,
  highest: number,
  ext: Float64Array,
): void {
  let lo = candle.low;
  let hi = candle.high;
  if (code === RESULT_TP || code === RESULT_SL) {
    const x = res.exitPrice;
    if (res.atOpen) {
      lo = x;
      hi = x;
    } else if ((code === RESULT_SL) === (direction === 1)) {
      // long stop / short target: the exit is on the low side
      lo = x;
    } else {
      hi = x;
    }
  }
  ext[0] = lo < lowest ? lo : lowest;
  ext[1] = hi > highest ? hi : highest;
}

/**
 * Resolves one position over a candle sequence (ascending open times) and returns its outcome, or null
 * when the candles end first. The reference the book is checked against.
 */
export function simulatePosition(p: Position, candles: readonly Candle[], params: OutcomeParams = DEFAULT_OUTCOME_PARAMS): Outcome | null {
  assertValidPosition(p);
  const res = newResolution();
  const ext = new Float64Array(2);
  let lowest = p.entry;
  let highest = p.entry;
  for (const c of candles) {
    if (c.openTime < p.openedAt) continue;
    const code = resolveOnCandle(p.direction, p.stop, p.target, p.openedAt, p.expiresAt, c, params.tolerance, res);
    updateExtremes(p.direction, code, res, c, lowest, highest, ext);
    lowest = ext[0]!;
    highest = ext[1]!;
    if (code !== RESULT_NONE) return makeOutcome(p.id, p.symbol, p.direction, code, p.entry, p.openedAt, c.openTime + CANDLE_MS, res.exitPrice, lowest, highest, params);
  }
  return null;
}

/** A position with its running extremes (lowest low / highest high seen since openedAt, both start at entry). */
export type TrackedPosition = Position & { lowest: number; highest: number };

/** JSON-safe state of a book: `restore` of it continues exactly as the book would have. */
export type PositionBookSnapshot = {
  version: 1;
  symbol: string;
  /** open time of the last candle seen, null before the first */
  lastOpenTime: number | null;
  /** in the book's internal order (which fixes the order of outcomes within one candle) */
  positions: TrackedPosition[];
};

const INITIAL_CAPACITY = 16;

export class PositionBook {
  readonly symbol: string;
  private readonly params: OutcomeParams;
  private n = 0;
  private cap = 0;
  private ids: string[] = [];
  private readonly idSet = new Set<string>();
  private dir = new Int8Array(0);
  private entry = new Float64Array(0);
  private stop = new Float64Array(0);
  private target = new Float64Array(0);
  private openedAt = new Float64Array(0);
  private expiresAt = new Float64Array(0);
  private lowest = new Float64Array(0);
  private highest = new Float64Array(0);
  private lastOpenTime = -Infinity;
  private readonly res = newResolution();
  private readonly ext = new Float64Array(2);

  constructor(symbol: string, params: OutcomeParams = DEFAULT_OUTCOME_PARAMS) {
    this.symbol = symbol;
    this.params = { ...params };
    this.grow(INITIAL_CAPACITY);
  }

  /** Number of open positions. */
  get size(): number {
    return this.n;
  }

  /**
   * Adds a position. Rejected (AP_ERR_BAD_INPUT): an invalid one, another symbol, a duplicate id, or one
   * whose monitoring should already have started (the book has seen a candle with openTime >= openedAt).
   */
  add(p: Position): void {
    assertValidPosition(p);
    this.insert(p, p.entry, p.entry);
  }

  /**
   * Resolves every position this candle touches: appends their outcomes to `out`, removes them (swap-remove)
   * and returns how many. The candle must open after the last one (AP_ERR_BAD_INPUT otherwise).
   */
  onCandle(candle: Candle, out: Outcome[]): number {
    const openTime = candle.openTime;
    if (!(openTime > this.lastOpenTime) || !Number.isFinite(openTime)) {
      throw new AlphaPulseError(
        'AP_ERR_BAD_INPUT',
        `${this.symbol}: candle ${openTime} is not after the last one (${this.lastOpenTime})`,
        { symbol: this.symbol, openTime, lastOpenTime: this.lastOpenTime },
      );
    }
    this.lastOpenTime = openTime;
    const { dir, stop, target, openedAt, expiresAt, lowest, highest, res, ext } = this;
    const tol = this.params.tolerance;
    const low = candle.low;
    const high = candle.high;
    let resolved = 0;
    let i = 0;
    while (i < this.n) {
      if (openTime < openedAt[i]!) {
        i++;
        continue;
      }
      const d = dir[i]!;
      const code = resolveOnCandle(d, stop[i]!, target[i]!, openedAt[i]!, expiresAt[i]!, candle, tol, res);
      if (code === 0) {
        // RESULT_NONE
        if (low < lowest[i]!) lowest[i] = low;
        if (high > highest[i]!) highest[i] = high;
        i++;
        continue;
      }
      updateExtremes(d, code, res, candle, lowest[i]!, highest[i]!, ext);
      out.push(
        makeOutcome(this.ids[i]!, this.symbol, d === 1 ? 1 : -1, code, this.entry[i]!, openedAt[i]!, openTime + CANDLE_MS, res.exitPrice, ext[0]!, ext[1]!, this.params),
      );
      this.removeAt(i);
      resolved++;
      // the former last position now sits at i and is checked next
    }
    return resolved;
  }

  /** Removes a position without an outcome (e.g. cancelled); false when the id is not open. */
  remove(id: string): boolean {
    if (!this.idSet.has(id)) return false;
    this.removeAt(this.ids.indexOf(id));
    return true;
  }

  /** The open positions (copies), in the book's internal order. */
  positions(): Position[] {
    const out: Position[] = [];
    for (let i = 0; i < this.n; i++) out.push(this.positionAt(i));
    return out;
  }

  snapshot(): PositionBookSnapshot {
    const positions: TrackedPosition[] = [];
    for (let i = 0; i < this.n; i++) positions.push({ ...this.positionAt(i), lowest: this.lowest[i]!, highest: this.highest[i]! });
    return { version: 1, symbol: this.symbol, lastOpenTime: this.lastOpenTime === -Infinity ? null : this.lastOpenTime, positions };
  }

  /** Replaces the book's state with a snapshot (validated; nothing changes when it is rejected). */
  restore(s: PositionBookSnapshot): void {
    const bad = (why: string): never => {
      throw new AlphaPulseError('AP_ERR_BAD_INPUT', `${this.symbol}: position book snapshot: ${why}`);
    };
    if (s === null || typeof s !== 'object' || s.version !== 1) bad(`unknown version ${String((s as { version?: unknown } | null)?.version)}`);
    if (s.symbol !== this.symbol) bad(`symbol ${String(s.symbol)} is not ${this.symbol}`);
    if (s.lastOpenTime !== null && !Number.isSafeInteger(s.lastOpenTime)) bad(`lastOpenTime ${String(s.lastOpenTime)} is not an epoch time`);
    if (!Array.isArray(s.positions)) bad('positions is not an array');
    const ids = new Set<string>();
    for (const p of s.positions) {
      assertValidPosition(p);
      if (p.symbol !== this.symbol) bad(`position ${p.id}: symbol ${String(p.symbol)} is not ${this.symbol}`);
      if (ids.has(p.id)) bad(`duplicate id ${p.id}`);
      ids.add(p.id);
      if (!(Number.isFinite(p.lowest) && Number.isFinite(p.highest) && p.lowest <= p.entry && p.entry <= p.highest)) {
        bad(`position ${p.id}: lowest <= entry <= highest does not hold (${p.lowest}, ${p.entry}, ${p.highest})`);
      }
    }
    this.n = 0;
    this.ids = [];
    this.idSet.clear();
    this.lastOpenTime = -Infinity;
    for (const p of s.positions) this.insert(p, p.lowest, p.highest);
    this.lastOpenTime = s.lastOpenTime ?? -Infinity;
  }

  private insert(p: Position, lowest: number, highest: number): void {
    if (p.symbol !== this.symbol) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `position ${p.id}: symbol ${p.symbol} is not the book's ${this.symbol}`);
    if (this.idSet.has(p.id)) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `position ${p.id}: already open`);
    if (this.lastOpenTime >= p.openedAt) {
      throw new AlphaPulseError(
        'AP_ERR_BAD_INPUT',
        `position ${p.id}: opened at ${p.openedAt} but the book already saw the candle at ${this.lastOpenTime} (monitoring would miss candles)`,
      );
    }
    if (this.n === this.cap) this.grow(this.cap * 2);
    const i = this.n++;
    this.ids.push(p.id);
    this.idSet.add(p.id);
    this.dir[i] = p.direction;
    this.entry[i] = p.entry;
    this.stop[i] = p.stop;
    this.target[i] = p.target;
    this.openedAt[i] = p.openedAt;
    this.expiresAt[i] = p.expiresAt;
    this.lowest[i] = lowest;
    this.highest[i] = highest;
  }

  private positionAt(i: number): Position {
    return {
      id: this.ids[i]!,
      symbol: this.symbol,
      direction: this.dir[i] === 1 ? 1 : -1,
      entry: this.entry[i]!,
      stop: this.stop[i]!,
      target: this.target[i]!,
      openedAt: this.openedAt[i]!,
      expiresAt: this.expiresAt[i]!,
    };
  }

  /** Swap-remove: the last position moves into slot i. */
  private removeAt(i: number): void {
    const last = --this.n;
    this.idSet.delete(this.ids[i]!);
    if (i !== last) {
      this.ids[i] = this.ids[last]!;
      this.dir[i] = this.dir[last]!;
      this.entry[i] = this.entry[last]!;
      this.stop[i] = this.stop[last]!;
      this.target[i] = this.target[last]!;
      this.openedAt[i] = this.openedAt[last]!;
      this.expiresAt[i] = this.expiresAt[last]!;
      this.lowest[i] = this.lowest[last]!;
      this.highest[i] = this.highest[last]!;
    }
    this.ids.pop();
  }

  private grow(cap: number): void {
    const f64 = (a: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> => {
      const b = new Float64Array(cap);
      b.set(a.subarray(0, this.n));
      return b;
    };
    const dir = new Int8Array(cap);
    dir.set(this.dir.subarray(0, this.n));
    this.dir = dir;
    this.entry = f64(this.entry);
    this.stop = f64(this.stop);
    this.target = f64(this.target);
    this.openedAt = f64(this.openedAt);
    this.expiresAt = f64(this.expiresAt);
    this.lowest = f64(this.lowest);
    this.highest = f64(this.highest);
    this.cap = cap;
  }
}
