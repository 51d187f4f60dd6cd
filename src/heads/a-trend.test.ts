import { describe, expect, it } from 'vitest';
import { candlesFromCloses, drift, noise, runHead } from '../../test/helpers/heads.js';
import { sampleSeries } from '../../test/helpers/market-data.js';
import { A_PARAMS, A_REASONS, TrendHead } from './a-trend.js';
import type { VoteSlot } from './types.js';

const WARMUP = 1 << A_REASONS.indexOf('warming up');

function shares(votes: readonly VoteSlot[]) {
  let long = 0;
  let short = 0;
  for (const v of votes) {
    if (v.direction > 0) long++;
    else if (v.direction < 0) short++;
  }
  return { long: long / votes.length, short: short / votes.length, neutral: (votes.length - long - short) / votes.length };
}

/** Closes that swing ±0.3% around 100 every few candles, with noise: no trend. */
function chop(n: number, seed = 3): number[] {
  const r = noise(seed);
  return Array.from({ length: n }, (_, i) => 100 * (1 + 0.003 * Math.sin(i / 2.5) + 0.001 * r()));
}

describe('head A — trend following', () => {
  it('a clean uptrend makes A vote LONG with confidence above 0.5', () => {
    const head = new TrendHead();
    const { votes, last } = runHead(head, candlesFromCloses(drift(400, 100, 0.001)));
    const v = votes.at(-1)!;
    expect(v.direction).toBe(1);
    expect(v.confidence).toBeGreaterThan(0.5);
    expect(shares(votes.slice(150)).long).toBeGreaterThan(0.9);
    const words = head.describe(v.reasons, last);
    expect(words.length).toBeGreaterThan(0);
    expect(words.join(' ')).toMatch(/EMAs stacked up: EMA\(9\) [\d.]+/);
  });

  it('a clean downtrend makes A vote SHORT with confidence above 0.5', () => {
    const { votes } = runHead(new TrendHead(), candlesFromCloses(drift(400, 100, -0.001)));
    expect(votes.at(-1)!.direction).toBe(-1);
    expect(votes.at(-1)!.confidence).toBeGreaterThan(0.5);
    expect(shares(votes.slice(150)).short).toBeGreaterThan(0.9);
  });

  it('choppy sideways prices leave A NEUTRAL', () => {
    const { votes } = runHead(new TrendHead(), candlesFromCloses(chop(600)));
    expect(shares(votes.slice(150)).neutral).toBeGreaterThan(0.95);
    expect(votes.at(-1)!.direction).toBe(0);
    expect(votes.at(-1)!.confidence).toBe(0);
  });

  it('votes NEUTRAL with the warming-up reason until its indicators are ready', () => {
    const { votes } = runHead(new TrendHead(), candlesFromCloses(drift(60, 100, 0.001)));
    for (const v of votes) {
      expect(v.direction).toBe(0);
      expect(v.confidence).toBe(0);
      expect(v.reasons).toBe(WARMUP);
    }
  });

  it('judges the timeframe given by ctx.tf: a fresh 1m drop is SHORT on 1m while the 15m trend stays up', () => {
    // a noisy 33-hour uptrend, then a 30-minute slide of 3%
    const closes = drift(2000, 100, 0.0003, 0.003);
    closes.push(...drift(30, closes.at(-1)!, -0.001, 0.0003, 7));
    const candles = candlesFromCloses(closes);
    const on1m = runHead(new TrendHead(), candles, { tf: 0 }).votes.at(-1)!;
    const head15 = new TrendHead();
    const on15m = runHead(head15, candles, { tf: 2 });
    expect(on1m.direction).toBe(-1);
    expect(on15m.votes.at(-1)!.direction).toBe(1);
    expect(head15.describe(on15m.votes.at(-1)!.reasons, on15m.last).join(' ')).toContain('@15m');
  });

  it('stays in bounds on real BTCUSDT candles, NEUTRAL often and both LONG and SHORT sometimes', () => {
    const candles = sampleSeries('BTCUSDT', 20000).candles;
    for (const tf of [0, 2]) {
      const { votes } = runHead(new TrendHead(), candles, { tf });
      const bad = votes.filter(
        (v) => ![-1, 0, 1].includes(v.direction) || !(v.confidence >= 0 && v.confidence <= 1) || (v.direction === 0 && v.confidence !== 0),
      );
      expect(bad).toEqual([]);
      const s = shares(votes);
      expect(s.neutral).toBeGreaterThan(0.4);
      expect(s.long).toBeGreaterThan(0.02);
      expect(s.short).toBeGreaterThan(0.02);
    }
  });

  it('takes parameters within bounds and rejects others', () => {
    expect(new TrendHead({ emaFast: 5 }).params.emaFast).toBe(5);
    expect(new TrendHead().params.adxMin).toBe(A_PARAMS.adxMin.default);
    expect(() => new TrendHead({ emaFast: 1 })).toThrow(/emaFast/);
  });
});
