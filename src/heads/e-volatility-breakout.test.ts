import { describe, expect, it } from 'vitest';
import { IndicatorSet } from '../indicators/indicator-set.js';
import { candlesFromCloses, drift, noise, runHead } from '../../test/helpers/heads.js';
import { sampleSeries } from '../../test/helpers/market-data.js';
import { E_REASONS, VolatilityBreakoutHead } from './e-volatility-breakout.js';
import { mergeRequirements } from './require.js';
import { newVoteSlot, type VoteSlot } from './types.js';

const bit = (r: (typeof E_REASONS)[number]) => 1 << E_REASONS.indexOf(r);

function shares(votes: readonly VoteSlot[]) {
  let long = 0;
  let short = 0;
  for (const v of votes) {
    if (v.direction > 0) long++;
    else if (v.direction < 0) short++;
  }
  return { long: long / votes.length, short: short / votes.length, neutral: (votes.length - long - short) / votes.length };
}

/** n closes jittering within ±amp around level (a range, not a walk). */
function range(n: number, level: number, amp: number, seed = 1): number[] {
  const r = noise(seed);
  return Array.from({ length: n }, () => level * (1 + amp * r()));
}

const tight = range(200, 100, 0.0002);

describe('head E — volatility breakout', () => {
  it('a tight range then an upside break on an expanding range makes E vote LONG', () => {
    const head = new VolatilityBreakoutHead();
    const { votes, last } = runHead(head, candlesFromCloses([...tight, ...drift(5, 100, 0.003, 0.0003, 3)]));
    expect(votes.slice(-5).map((v) => v.direction)).toEqual([1, 1, 1, 1, 1]);
    const v = votes.at(-1)!;
    expect(v.confidence).toBeGreaterThan(0.5);
    expect(v.reasons & bit('out of a recent squeeze')).not.toBe(0);
    expect(v.reasons & bit('range expanding')).not.toBe(0);
    expect(head.describe(v.reasons, last).join(' ')).toMatch(/above the previous DONCHIAN\(20\) upper band [\d.]+/);
  });

  it('a tight range then a downside break on an expanding range makes E vote SHORT', () => {
    const { votes } = runHead(new VolatilityBreakoutHead(), candlesFromCloses([...tight, ...drift(5, 100, -0.003, 0.0003, 3)]));
    expect(votes.slice(-5).map((v) => v.direction)).toEqual([-1, -1, -1, -1, -1]);
    expect(votes.at(-1)!.reasons & bit('breakdown below the Donchian channel')).not.toBe(0);
  });

  it('the tight range itself leaves E NEUTRAL, in a squeeze', () => {
    const { votes } = runHead(new VolatilityBreakoutHead(), candlesFromCloses(tight));
    expect(shares(votes).neutral).toBe(1);
    expect(votes.at(-1)!.reasons).toBe(bit('inside the Donchian channel') | bit('in a squeeze'));
  });

  it('a slow grind that stays within the previous highs is no breakout', () => {
    // a slow grind up: each close a hair above the last but within the previous highs (wicks), no expansion
    const closes = [...tight, ...Array.from({ length: 30 }, (_, i) => 100 * (1 + 0.00001 * i))];
    const { votes } = runHead(new VolatilityBreakoutHead(), candlesFromCloses(closes));
    expect(shares(votes).neutral).toBe(1);
  });

  it('votes NEUTRAL with the warming-up reason until its indicators are ready', () => {
    const { votes } = runHead(new VolatilityBreakoutHead(), candlesFromCloses(tight.slice(0, 50)));
    for (const v of votes) expect(v).toEqual({ direction: 0, confidence: 0, reasons: bit('warming up') });
  });

  it('judges the timeframe given by ctx.tf: a break out of a tight 1m range that stays inside the 15m channel is LONG on 1m only', () => {
    const swings = Array.from({ length: 250 }, (_, i) => 100 * (1 + 0.015 * Math.sin(i / 20)));
    const closes = [...range(500, 100, 0.001, 4), ...swings, ...range(150, 100, 0.0002, 5), ...drift(6, 100, 0.002, 0.0003, 3)];
    const candles = candlesFromCloses(closes);
    const head = new VolatilityBreakoutHead();
    const on15m = runHead(head, candles, { tf: 2 });
    expect(runHead(new VolatilityBreakoutHead(), candles, { tf: 0 }).votes.at(-1)!.direction).toBe(1);
    expect(on15m.votes.at(-1)!.direction).toBe(0);
    expect(on15m.votes.at(-1)!.reasons & bit('inside the Donchian channel')).not.toBe(0);
    expect(head.describe(on15m.votes.at(-1)!.reasons, on15m.last).join(' ')).toContain('DONCHIAN(20)@15m');
  });

  it('continues exactly after snapshot and restore (previous channels, squeeze times)', () => {
    const closes = [...tight, ...drift(5, 100, 0.003, 0.0003, 3), ...range(100, 101.5, 0.0003, 6), ...drift(8, 101.5, -0.003, 0.0003, 7)];
    const candles = candlesFromCloses(closes);
    const whole = runHead(new VolatilityBreakoutHead(), candles).votes;
    const head = new VolatilityBreakoutHead();
    const set = new IndicatorSet(mergeRequirements([head.requires()]));
    head.bind(set);
    const cut = 203;
    for (let i = 0; i < cut; i++) {
      set.update(candles[i]!);
      head.evaluate({ values: set.values, candle: candles[i]!, tf: 0, regime: 2 }, newVoteSlot());
    }
    const saved = JSON.parse(JSON.stringify({ set: set.snapshot(), head: head.snapshot() }));
    const head2 = new VolatilityBreakoutHead();
    const set2 = new IndicatorSet(mergeRequirements([head2.requires()]));
    head2.bind(set2);
    set2.restore(saved.set);
    head2.restore(saved.head);
    const rest: VoteSlot[] = [];
    for (let i = cut; i < candles.length; i++) {
      set2.update(candles[i]!);
      const out = newVoteSlot();
      head2.evaluate({ values: set2.values, candle: candles[i]!, tf: 0, regime: 2 }, out);
      rest.push(out);
    }
    expect(rest).toEqual(whole.slice(cut));
    expect(shares(rest).long).toBeGreaterThan(0);
    expect(shares(rest).short).toBeGreaterThan(0);
  });

  it('stays in bounds on real BTCUSDT candles, NEUTRAL often and both LONG and SHORT sometimes', () => {
    const candles = sampleSeries('BTCUSDT', 20000).candles;
    for (const tf of [0, 2]) {
      const { votes } = runHead(new VolatilityBreakoutHead(), candles, { tf });
      const bad = votes.filter(
        (v) => ![-1, 0, 1].includes(v.direction) || !(v.confidence >= 0 && v.confidence <= 1) || (v.direction === 0 && v.confidence !== 0),
      );
      expect(bad).toEqual([]);
      const s = shares(votes);
      expect(s.neutral).toBeGreaterThan(0.4);
      expect(s.long).toBeGreaterThan(0.005);
      expect(s.short).toBeGreaterThan(0.005);
    }
  });

  it('takes parameters within bounds and rejects others', () => {
    expect(new VolatilityBreakoutHead({ donchianPeriod: 30 }).params.donchianPeriod).toBe(30);
    expect(() => new VolatilityBreakoutHead({ expMin: 0.5 })).toThrow(/expMin/);
  });
});
