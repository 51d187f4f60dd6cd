/** Per-symbol regime limits (signals per UTC day per regime) and cooldown after a signal. */
import { paramDefaults, type ParamTable, type ParamValues } from '../core/params.js';

export const LIMIT_PARAMS = {
  maxPerDayTrendingUp: { default: 3, min: 0, max: 50, integer: true, doc: 'signals per symbol per UTC day in a rising trend' },
  maxPerDayTrendingDown: { default: 3, min: 0, max: 50, integer: true, doc: 'signals per symbol per UTC day in a falling trend' },
  maxPerDayRanging: { default: 2, min: 0, max: 50, integer: true, doc: 'signals per symbol per UTC day in a range' },
  maxPerDayVolatile: { default: 1, min: 0, max: 50, integer: true, doc: 'signals per symbol per UTC day when volatile' },
  cooldownTrending: { default: 15, min: 0, max: 1440, integer: true, doc: 'minutes without a new signal after one, trending' },
  cooldownRanging: { default: 30, min: 0, max: 1440, integer: true, doc: 'minutes after a signal, ranging' },
  cooldownVolatile: { default: 60, min: 0, max: 1440, integer: true, doc: 'minutes after a signal, volatile' },
} as const satisfies ParamTable;
export type LimitParams = ParamValues<typeof LIMIT_PARAMS>;
export const DEFAULT_LIMIT_PARAMS: LimitParams = paramDefaults(LIMIT_PARAMS);

const DAY = 86_400_000;

export class SignalLimits {
  private day = -1;
  private readonly today = new Int32Array(4);
  private lastSignalAt = -Infinity;

  constructor(private readonly p: LimitParams) {}

  private maxPerDay(regime: number): number {
    const p = this.p;
    return regime === 0 ? p.maxPerDayTrendingUp : regime === 1 ? p.maxPerDayTrendingDown : regime === 2 ? p.maxPerDayRanging : p.maxPerDayVolatile;
  }

  private cooldownMs(regime: number): number {
    const p = this.p;
    return (regime <= 1 ? p.cooldownTrending : regime === 2 ? p.cooldownRanging : p.cooldownVolatile) * 60_000;
  }

  /** 'regime_limit', 'cooldown' or null when a signal may be given at `time` in `regime`. */
  check(time: number, regime: number): 'regime_limit' | 'cooldown' | null {
    const d = Math.floor(time / DAY);
    if (d !== this.day) {
      this.day = d;
      this.today.fill(0);
    }
    if (this.today[regime]! >= this.maxPerDay(regime)) return 'regime_limit';
    if (time - this.lastSignalAt < this.cooldownMs(regime)) return 'cooldown';
    return null;
  }

  record(time: number, regime: number): void {
    this.today[regime]!++;
    this.lastSignalAt = time;
  }

  snapshot() {
    return { day: this.day, today: Array.from(this.today), lastSignalAt: Number.isFinite(this.lastSignalAt) ? this.lastSignalAt : null };
  }

  restore(s: { day: number; today: number[]; lastSignalAt: number | null }): void {
    this.day = s.day;
    this.today.set(s.today);
    this.lastSignalAt = s.lastSignalAt ?? -Infinity;
  }
}
