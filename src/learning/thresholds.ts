/**
 * Confidence-threshold adaptation per regime (the consensus's minConfidence for trending up, trending down,
 * ranging, volatile), bounded and slow. Pure: outcomes are recorded with their time, and a review at a
 * given time proposes at most one step per regime:
 *   - win rate of the last `window` real outcomes < lowWinRate                  → raise by `step`
 *   - else win rate dropped by > winRateDrop vs the `window` outcomes before    → raise by `step`
 *   - else signals per day < the regime's target and win rate ≥ highWinRate      → lower by `step`
 * A regime needs `minSample` outcomes in the window to be reviewed and, after a change, `minNewOutcomes`
 * new outcomes before it can change again. Thresholds move only inside [minThreshold, maxThreshold] (one
 * set by hand outside is never pushed further out). `review` does not touch the vector it is given: the
 * caller applies the returned changes and records them as events. See docs/LEARNING.md.
 */
import { AlphaPulseError } from '../core/errors.js';
import { paramDefaults, type ParamTable, type ParamValues } from '../core/params.js';
import { REGIMES, type Regime } from '../heads/types.js';

export const THRESHOLD_PARAMS = {
  window: { default: 20, min: 5, max: 500, integer: true, doc: 'rolling window: the last N resolved real signals of a regime' },
  minSample: { default: 10, min: 1, max: 500, integer: true, doc: 'outcomes a regime window needs before its threshold can move' },
  rateDays: { default: 7, min: 1, max: 90, integer: true, doc: 'days over which signals per day are counted' },
  targetPerDayTrendingUp: { default: 1, min: 0, max: 50, doc: 'signals per day wanted in a rising trend (fewer, with a high win rate → lower)' },
  targetPerDayTrendingDown: { default: 1, min: 0, max: 50, doc: 'signals per day wanted in a falling trend' },
  targetPerDayRanging: { default: 1, min: 0, max: 50, doc: 'signals per day wanted in a range' },
  targetPerDayVolatile: { default: 0.5, min: 0, max: 50, doc: 'signals per day wanted when volatile' },
  highWinRate: { default: 0.65, min: 0.5, max: 1, doc: 'win rate at or above which too few signals lower the threshold' },
  lowWinRate: { default: 0.5, min: 0, max: 0.65, doc: 'win rate under which the threshold is raised' },
  winRateDrop: { default: 0.1, min: 0.01, max: 1, doc: 'fall of the win rate vs the previous window (more than this) that raises the threshold' },
  step: { default: 0.01, min: 0.001, max: 0.05, doc: 'threshold change per review (at most one step per regime per review)' },
  minThreshold: { default: 0.4, min: 0, max: 1, doc: 'lowest threshold adaptation may set' },
  maxThreshold: { default: 0.85, min: 0, max: 1, doc: 'highest threshold adaptation may set' },
  minNewOutcomes: { default: 5, min: 0, max: 500, integer: true, doc: 'new outcomes a regime needs after a change before it may change again' },
} as const satisfies ParamTable;
export type ThresholdParams = ParamValues<typeof THRESHOLD_PARAMS>;
export const DEFAULT_THRESHOLD_PARAMS: ThresholdParams = paramDefaults(THRESHOLD_PARAMS);

export type ThresholdReason = 'win_rate_low' | 'win_rate_dropping' | 'few_signals_high_win_rate';

/** One threshold change proposed by a review, with the numbers behind it (for the event record). */
export type ThresholdChange = {
  readonly regime: Regime;
  /** index into REGIMES */
  readonly regimeCode: number;
  readonly from: number;
  readonly to: number;
  readonly reason: ThresholdReason;
  /** win rate of the current window */
  readonly winRate: number;
  /** win rate of the window before it, or null when that window holds fewer than minSample outcomes */
  readonly previousWinRate: number | null;
  readonly signalsPerDay: number;
  /** outcomes in the current window */
  readonly sample: number;
};

export type RegimeWindowStats = {
  readonly sample: number;
  readonly winRate: number;
  readonly previousSample: number;
  readonly previousWinRate: number | null;
  readonly signalsPerDay: number;
};

export type ThresholdAdapterState = {
  readonly version: 1;
  /** time of the first outcome recorded, null before any */
  readonly first: number | null;
  /** per regime (REGIMES order): outcome times and results (1 won, 0 lost), oldest first */
  readonly regimes: readonly { readonly times: readonly number[]; readonly wins: readonly number[]; readonly sinceChange: number | null }[];
};

const DAY = 86_400_000;
/** Comparisons lean towards "no change" by this much, so 0.8 − 0.7 is not "more than 0.1". */
const EPS = 1e-9;
/** Hard cap on the outcomes kept per regime (memory), whatever rateDays and the signal rate. */
const MAX_KEPT = 10_000;

function round9(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

export class ThresholdAdapter {
  private readonly times: number[][] = [[], [], [], []];
  private readonly wins: number[][] = [[], [], [], []];
  /** outcomes recorded since the regime's last change, null when it never changed */
  private readonly sinceChange: (number | null)[] = [null, null, null, null];
  private first = Infinity;

  constructor(private readonly p: ThresholdParams = DEFAULT_THRESHOLD_PARAMS) {
    if (p.minThreshold > p.maxThreshold) {
      throw new AlphaPulseError('AP_ERR_CONFIG', `thresholds: minThreshold ${p.minThreshold} is above maxThreshold ${p.maxThreshold}`);
    }
  }

  private target(regime: number): number {
    const p = this.p;
    return regime === 0 ? p.targetPerDayTrendingUp : regime === 1 ? p.targetPerDayTrendingDown : regime === 2 ? p.targetPerDayRanging : p.targetPerDayVolatile;
  }

  /** Records a resolved real signal of `regime` (code) at `time` (epoch ms). Shadows do not belong here. */
  recordOutcome(regime: number, time: number, won: boolean): void {
    if (!Number.isInteger(regime) || regime < 0 || regime > 3) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `thresholds: regime ${regime} is not 0..3`);
    if (!Number.isFinite(time)) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `thresholds: time ${time} is not finite`);
    const times = this.times[regime]!;
    const wins = this.wins[regime]!;
    times.push(time);
    wins.push(won ? 1 : 0);
    if (this.sinceChange[regime] !== null) this.sinceChange[regime]!++;
    if (time < this.first) this.first = time;
    // Keep the two win-rate windows and everything inside the signals-per-day period.
    const keep = 2 * this.p.window;
    const horizon = time - this.p.rateDays * DAY;
    let drop = 0;
    while (times.length - drop > MAX_KEPT || (times.length - drop > keep && times[drop]! <= horizon)) drop++;
    if (drop > 0) {
      times.splice(0, drop);
      wins.splice(0, drop);
    }
  }

  /** The numbers a review of `regime` at `time` looks at. */
  windowStats(regime: number, time: number): RegimeWindowStats {
    const p = this.p;
    const times = this.times[regime]!;
    const wins = this.wins[regime]!;
    const n = times.length;
    const sample = Math.min(p.window, n);
    let won = 0;
    for (let i = n - sample; i < n; i++) won += wins[i]!;
    const previousSample = Math.max(0, Math.min(p.window, n - p.window));
    let prevWon = 0;
    for (let i = n - sample - previousSample; i < n - sample; i++) prevWon += wins[i]!;
    const from = time - p.rateDays * DAY;
    let count = 0;
    for (let i = 0; i < n; i++) if (times[i]! > from && times[i]! <= time) count++;
    const days = Math.min(p.rateDays, Math.max(1, Number.isFinite(this.first) ? (time - this.first) / DAY : p.rateDays));
    return {
      sample,
      winRate: sample > 0 ? won / sample : 0,
      previousSample,
      previousWinRate: previousSample >= p.minSample && previousSample > 0 ? prevWon / previousSample : null,
      signalsPerDay: count / days,
    };
  }

  /**
   * Reviews every regime at `time` against the thresholds in force (`current`, 4 values in REGIMES
   * order, not modified). Returns the changes (at most one step per regime); the caller applies them.
   */
  review(time: number, current: ArrayLike<number>): ThresholdChange[] {
    if (current.length !== 4) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `thresholds: review needs 4 thresholds, got ${current.length}`);
    const p = this.p;
    const changes: ThresholdChange[] = [];
    for (let r = 0; r < 4; r++) {
      const since = this.sinceChange[r]!;
      if (since !== null && since < p.minNewOutcomes) continue;
      const s = this.windowStats(r, time);
      if (s.sample < p.minSample) continue;
      let reason: ThresholdReason | null = null;
      if (s.winRate < p.lowWinRate - EPS) reason = 'win_rate_low';
      else if (s.previousWinRate !== null && s.previousWinRate - s.winRate > p.winRateDrop + EPS) reason = 'win_rate_dropping';
      else if (s.signalsPerDay < this.target(r) - EPS && s.winRate >= p.highWinRate - EPS) reason = 'few_signals_high_win_rate';
      if (reason === null) continue;
      const from = current[r]!;
      let to: number;
      if (reason === 'few_signals_high_win_rate') {
        if (!(from > p.minThreshold)) continue;
        to = Math.max(p.minThreshold, round9(from - p.step));
      } else {
        if (!(from < p.maxThreshold)) continue;
        to = Math.min(p.maxThreshold, round9(from + p.step));
      }
      if (to === from) continue;
      this.sinceChange[r] = 0;
      changes.push({
        regime: REGIMES[r]!,
        regimeCode: r,
        from,
        to,
        reason,
        winRate: s.winRate,
        previousWinRate: s.previousWinRate,
        signalsPerDay: s.signalsPerDay,
        sample: s.sample,
      });
    }
    return changes;
  }

  /** JSON-safe state. */
  snapshot(): ThresholdAdapterState {
    return {
      version: 1,
      first: Number.isFinite(this.first) ? this.first : null,
      regimes: [0, 1, 2, 3].map((r) => ({ times: [...this.times[r]!], wins: [...this.wins[r]!], sinceChange: this.sinceChange[r]! })),
    };
  }

  restore(s: ThresholdAdapterState): void {
    const bad = (what: string): never => {
      throw new AlphaPulseError('AP_ERR_BAD_INPUT', `thresholds: snapshot ${what}`);
    };
    if (typeof s !== 'object' || s === null || s.version !== 1) bad('has no version 1');
    if (s.first !== null && !Number.isFinite(s.first)) bad('first is not a time');
    if (!Array.isArray(s.regimes) || s.regimes.length !== 4) bad('needs 4 regimes');
    for (const [r, g] of s.regimes.entries()) {
      const ok =
        Array.isArray(g.times) &&
        Array.isArray(g.wins) &&
        g.times.length === g.wins.length &&
        g.times.every((t) => Number.isFinite(t)) &&
        g.wins.every((w) => w === 0 || w === 1) &&
        (g.sinceChange === null || (Number.isInteger(g.sinceChange) && g.sinceChange >= 0));
      if (!ok) bad(`regime ${r} is malformed`);
    }
    this.first = s.first ?? Infinity;
    for (let r = 0; r < 4; r++) {
      const g = s.regimes[r]!;
      this.times[r] = [...g.times];
      this.wins[r] = [...g.wins];
      this.sinceChange[r] = g.sinceChange;
    }
  }
}
