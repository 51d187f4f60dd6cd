import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONSENSUS_PARAMS, thresholdVector } from '../consensus/consensus.js';
import { RANGING, TRENDING_DOWN, TRENDING_UP, VOLATILE } from '../heads/types.js';
import { DEFAULT_THRESHOLD_PARAMS, THRESHOLD_PARAMS, ThresholdAdapter, type ThresholdAdapterState } from './thresholds.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 1);
/** 0.55 / 0.55 / 0.60 / 0.65, the consensus defaults */
const defaults = () => thresholdVector(DEFAULT_CONSENSUS_PARAMS);

/** Records `results` (1 won, 0 lost) for `regime`, one every `every` ms from `start`; returns the last time. */
function feed(a: ThresholdAdapter, regime: number, results: number[], start: number, every: number): number {
  let t = start;
  results.forEach((won, k) => {
    t = start + k * every;
    a.recordOutcome(regime, t, won === 1);
  });
  return t;
}

const wins = (n: number, of: number) => Array.from({ length: of }, (_, i) => (i < n ? 1 : 0));

describe('THRESHOLD_PARAMS', () => {
  it('has the documented defaults inside their bounds, and the consensus thresholds start inside [0.40, 0.85]', () => {
    expect(DEFAULT_THRESHOLD_PARAMS).toMatchObject({ window: 20, highWinRate: 0.65, lowWinRate: 0.5, winRateDrop: 0.1, step: 0.01, minThreshold: 0.4, maxThreshold: 0.85 });
    for (const [k, d] of Object.entries(THRESHOLD_PARAMS)) {
      expect(d.default, k).toBeGreaterThanOrEqual(d.min);
      expect(d.default, k).toBeLessThanOrEqual(d.max);
    }
    expect(Array.from(defaults())).toEqual([0.55, 0.55, 0.6, 0.65]);
  });

  it('refuses minThreshold above maxThreshold', () => {
    expect(() => new ThresholdAdapter({ ...DEFAULT_THRESHOLD_PARAMS, minThreshold: 0.9, maxThreshold: 0.8 })).toThrow(/minThreshold/);
  });
});

describe('ThresholdAdapter branches', () => {
  it('lowers a regime by one step when it gives too few signals with a high win rate', () => {
    // ranging: 12 outcomes, one every 2 days (days 0..22), 10 won → win rate 10/12 ≈ 0.833 ≥ 0.65.
    // Review 1 h after the last: the last 7 days hold days 16, 18, 20, 22 → 4/7 ≈ 0.571 signals/day < target 1.
    const a = new ThresholdAdapter();
    const last = feed(a, RANGING, wins(10, 12), T0, 2 * DAY);
    const current = defaults();
    const changes = a.review(last + HOUR, current);
    expect(changes).toEqual([
      {
        regime: 'ranging',
        regimeCode: RANGING,
        from: 0.6,
        to: 0.59,
        reason: 'few_signals_high_win_rate',
        winRate: 10 / 12,
        previousWinRate: null,
        signalsPerDay: 4 / 7,
        sample: 12,
      },
    ]);
    expect(Array.from(current)).toEqual([0.55, 0.55, 0.6, 0.65]); // review does not apply the change
  });

  it('does not lower a regime that already gives enough signals, however high its win rate', () => {
    // 3 signals per day for a week, 90% won
    const a = new ThresholdAdapter();
    const last = feed(a, RANGING, [...wins(18, 20)], T0, 8 * HOUR);
    expect(a.windowStats(RANGING, last + HOUR).signalsPerDay).toBeGreaterThan(1);
    expect(a.review(last + HOUR, defaults())).toEqual([]);
  });

  it('raises a regime by one step when its win rate is under 0.5', () => {
    // trending up: 12 outcomes, 5 won → 0.4167 < 0.5
    const a = new ThresholdAdapter();
    const last = feed(a, TRENDING_UP, wins(5, 12), T0, 6 * HOUR);
    const [c, ...rest] = a.review(last + HOUR, defaults());
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ regime: 'trending_up', from: 0.55, to: 0.56, reason: 'win_rate_low', winRate: 5 / 12, sample: 12 });
  });

  it('raises a regime whose win rate dropped by more than 10 points against the previous window, even above 0.5', () => {
    // volatile: previous window 16/20 = 0.80, current window 13/20 = 0.65 → drop 0.15 > 0.10; 4 signals a day
    const a = new ThresholdAdapter();
    const last = feed(a, VOLATILE, [...wins(16, 20), ...wins(13, 20)], T0, 6 * HOUR);
    const changes = a.review(last + HOUR, defaults());
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ regime: 'volatile', from: 0.65, to: 0.66, reason: 'win_rate_dropping', winRate: 0.65, previousWinRate: 0.8, sample: 20 });
  });

  it('does not count a drop of exactly 10 points as "more than 10 points"', () => {
    // previous 16/20 = 0.80, current 14/20 = 0.70 (0.8 − 0.7 is 0.10000000000000009 in floating point)
    const a = new ThresholdAdapter();
    const last = feed(a, TRENDING_DOWN, [...wins(16, 20), ...wins(14, 20)], T0, 6 * HOUR);
    expect(a.review(last + HOUR, defaults())).toEqual([]);
  });

  it('leaves a regime alone while its window holds fewer than minSample outcomes', () => {
    const a = new ThresholdAdapter();
    const last = feed(a, RANGING, wins(0, 9), T0, DAY);
    expect(a.review(last + HOUR, defaults())).toEqual([]);
    a.recordOutcome(RANGING, last + 2 * HOUR, false);
    expect(a.review(last + 3 * HOUR, defaults())).toMatchObject([{ reason: 'win_rate_low', sample: 10, winRate: 0 }]);
  });

  it('counts signals per day over the time since the first outcome while that is shorter than rateDays', () => {
    // 12 outcomes in 44 hours, 11 won: 12 over ~1.9 days ≈ 6.3/day, not 12/7 ≈ 1.7/day
    const a = new ThresholdAdapter();
    const last = feed(a, RANGING, wins(11, 12), T0, 4 * HOUR);
    const s = a.windowStats(RANGING, last + 2 * HOUR);
    expect(s.signalsPerDay).toBeCloseTo(12 / ((last + 2 * HOUR - T0) / DAY), 12);
    expect(a.review(last + 2 * HOUR, defaults())).toEqual([]);
  });
});

describe('ThresholdAdapter bounds and pace', () => {
  it('never raises above 0.85 nor lowers below 0.40, and stops at the bound with a partial step', () => {
    const losing = new ThresholdAdapter();
    const t1 = feed(losing, TRENDING_UP, wins(2, 12), T0, 6 * HOUR);
    expect(losing.review(t1 + HOUR, Float64Array.of(0.85, 0.55, 0.6, 0.65))).toEqual([]);
    expect(losing.review(t1 + HOUR, Float64Array.of(0.845, 0.55, 0.6, 0.65))).toMatchObject([{ from: 0.845, to: 0.85 }]);

    const quiet = new ThresholdAdapter();
    const t2 = feed(quiet, RANGING, wins(12, 12), T0, 3 * DAY);
    expect(quiet.review(t2 + HOUR, Float64Array.of(0.55, 0.55, 0.4, 0.65))).toEqual([]);
    expect(quiet.review(t2 + HOUR, Float64Array.of(0.55, 0.55, 0.405, 0.65))).toMatchObject([{ from: 0.405, to: 0.4 }]);
  });

  it('never pushes a hand-set threshold further outside the bounds, but moves it back towards them', () => {
    const quiet = new ThresholdAdapter();
    const t = feed(quiet, RANGING, wins(12, 12), T0, 3 * DAY);
    expect(quiet.review(t + HOUR, Float64Array.of(0.55, 0.55, 0.3, 0.65))).toEqual([]);
    const losing = new ThresholdAdapter();
    const t2 = feed(losing, RANGING, wins(1, 12), T0, 6 * HOUR);
    expect(losing.review(t2 + HOUR, Float64Array.of(0.55, 0.55, 0.3, 0.65))).toMatchObject([{ from: 0.3, to: 0.31 }]);
  });

  it('moves at most one step per review, and waits for minNewOutcomes new outcomes before the next', () => {
    const a = new ThresholdAdapter();
    let t = feed(a, TRENDING_DOWN, wins(3, 12), T0, 6 * HOUR);
    const current = defaults();
    const first = a.review(t + HOUR, current);
    expect(first).toMatchObject([{ from: 0.55, to: 0.56 }]);
    current[TRENDING_DOWN] = first[0]!.to;
    // the same evidence reviewed again, and again after 4 more losses: no change
    expect(a.review(t + 2 * HOUR, current)).toEqual([]);
    for (let k = 0; k < 4; k++) a.recordOutcome(TRENDING_DOWN, (t += HOUR), false);
    expect(a.review(t + HOUR, current)).toEqual([]);
    // the 5th new outcome allows the next step, again of exactly one step
    a.recordOutcome(TRENDING_DOWN, (t += HOUR), false);
    expect(a.review(t + HOUR, current)).toMatchObject([{ from: 0.56, to: 0.57 }]);
  });

  it('reviews the regimes independently, at most one change each', () => {
    const a = new ThresholdAdapter();
    feed(a, TRENDING_UP, wins(2, 12), T0, 6 * HOUR);
    feed(a, RANGING, wins(12, 12), T0, 3 * DAY);
    const changes = a.review(T0 + 40 * DAY, defaults());
    expect(changes.map((c) => [c.regime, c.reason, c.to])).toEqual([
      ['trending_up', 'win_rate_low', 0.56],
      ['ranging', 'few_signals_high_win_rate', 0.59],
    ]);
  });

  it('keeps only the outcomes the windows and the signals-per-day period need', () => {
    const a = new ThresholdAdapter();
    feed(a, RANGING, wins(30, 60), T0, 2 * DAY); // 120 days
    const kept = a.snapshot().regimes[RANGING]!;
    expect(kept.times.length).toBe(40); // 2 × window, all older than 7 days are gone beyond that
    const busy = new ThresholdAdapter();
    feed(busy, RANGING, wins(500, 1000), T0, 10 * 60_000); // one every 10 min for ~7 days
    expect(busy.snapshot().regimes[RANGING]!.times.length).toBeLessThanOrEqual(1000);
    expect(busy.snapshot().regimes[RANGING]!.times.length).toBeGreaterThan(900);
  });

  it('thresholds stay in [0.40, 0.85] and move by at most one step per regime per review under any outcome sequence', () => {
    const event = fc.oneof(
      fc.record({ kind: fc.constant('outcome' as const), regime: fc.integer({ min: 0, max: 3 }), luck: fc.double({ min: 0, max: 1, noNaN: true }), gap: fc.integer({ min: 0, max: 3 * DAY }) }),
      fc.record({ kind: fc.constant('review' as const), gap: fc.integer({ min: 0, max: 2 * DAY }) }),
    );
    const seen = new Map<string, number>();
    fc.assert(
      // winRate: the chance an outcome wins in this sequence (luck < winRate), so both good and bad spells occur
      fc.property(fc.array(event, { maxLength: 400, size: 'max' }), fc.constantFrom(0, 5), fc.double({ min: 0.2, max: 0.95, noNaN: true }), (events, minNewOutcomes, winRate) => {
        const a = new ThresholdAdapter({ ...DEFAULT_THRESHOLD_PARAMS, minNewOutcomes });
        const current = defaults();
        const sinceChange = [Infinity, Infinity, Infinity, Infinity];
        let t = T0;
        for (const e of events) {
          t += e.gap;
          if (e.kind === 'outcome') {
            a.recordOutcome(e.regime, t, e.luck < winRate);
            sinceChange[e.regime]!++;
            continue;
          }
          const changes = a.review(t, current);
          expect(new Set(changes.map((c) => c.regime)).size).toBe(changes.length);
          for (const c of changes) {
            expect(c.from).toBe(current[c.regimeCode]);
            expect(Math.abs(c.to - c.from)).toBeLessThanOrEqual(0.01 + 1e-12);
            expect(c.to).toBeGreaterThanOrEqual(0.4);
            expect(c.to).toBeLessThanOrEqual(0.85);
            expect(c.sample).toBeGreaterThanOrEqual(10);
            expect(sinceChange[c.regimeCode]).toBeGreaterThanOrEqual(minNewOutcomes);
            expect(c.reason === 'few_signals_high_win_rate' ? c.to < c.from : c.to > c.from).toBe(true);
            current[c.regimeCode] = c.to;
            sinceChange[c.regimeCode] = 0;
            seen.set(c.reason, (seen.get(c.reason) ?? 0) + 1);
          }
        }
      }),
      { numRuns: 300, seed: 20261121 },
    );
    // the random sequences reach every branch
    expect([...seen.keys()].sort()).toEqual(['few_signals_high_win_rate', 'win_rate_dropping', 'win_rate_low']);
  });
});

describe('ThresholdAdapter snapshot', () => {
  it('restores from a JSON round trip to the same reviews', () => {
    const a = new ThresholdAdapter();
    feed(a, TRENDING_UP, wins(4, 14), T0, 6 * HOUR);
    feed(a, RANGING, wins(11, 12), T0, 2 * DAY);
    const first = a.review(T0 + 30 * DAY, defaults());
    expect(first.length).toBe(2);
    const copy = new ThresholdAdapter();
    copy.restore(JSON.parse(JSON.stringify(a.snapshot())) as ThresholdAdapterState);
    expect(copy.snapshot()).toEqual(a.snapshot());
    for (const x of [a, copy]) for (let k = 0; k < 5; k++) x.recordOutcome(TRENDING_UP, T0 + 31 * DAY + k, false);
    const applied = Float64Array.of(0.56, 0.55, 0.59, 0.65);
    expect(copy.review(T0 + 32 * DAY, applied)).toEqual(a.review(T0 + 32 * DAY, applied));
  });

  it('refuses a malformed snapshot', () => {
    const a = new ThresholdAdapter();
    const good = a.snapshot();
    expect(() => a.restore({ ...good, version: 2 } as unknown as ThresholdAdapterState)).toThrow(/version/);
    expect(() => a.restore({ ...good, regimes: good.regimes.slice(0, 3) })).toThrow(/4 regimes/);
    const bad = { ...good, regimes: good.regimes.map((g, i) => (i === 1 ? { times: [1, 2], wins: [1], sinceChange: null } : g)) };
    expect(() => a.restore(bad)).toThrow(/regime 1/);
  });

  it('rejects an unknown regime code or a non-finite time', () => {
    const a = new ThresholdAdapter();
    expect(() => a.recordOutcome(4, T0, true)).toThrow(/regime/);
    expect(() => a.recordOutcome(0, NaN, true)).toThrow(/time/);
    expect(() => a.review(T0, new Float64Array(3))).toThrow(/4 thresholds/);
  });
});
