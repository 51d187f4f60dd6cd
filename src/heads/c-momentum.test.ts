import { describe, expect, it } from 'vitest';
import type { Candle } from '../core/candle.js';
import { IndicatorSet } from '../indicators/indicator-set.js';
import { candlesFromCloses, drift, noise, runHead } from '../../test/helpers/heads.js';
import { sampleSeries } from '../../test/helpers/market-data.js';
import { C_REASONS, MomentumHead } from './c-momentum.js';
import { mergeRequirements } from './require.js';
import { newVoteSlot, type VoteSlot } from './types.js';

const bit = (r: (typeof C_REASONS)[number]) => 1 << C_REASONS.indexOf(r);

function shares(votes: readonly VoteSlot[]) {
  let long = 0;
  let short = 0;
  for (const v of votes) {
    if (v.direction > 0) long++;
    else if (v.direction < 0) short++;
  }
  return { long: long / votes.length, short: short / votes.length, neutral: (votes.length - long - short) / votes.length };
}

/** n closes whose per-candle change grows by `a` every candle (accelerating), with a little noise. */
function accelerating(n: number, start: number, a: number, seed = 2): number[] {
  const r = noise(seed);
  const out: number[] = [];
  let p = start;
  for (let i = 0; i < n; i++) {
    p *= 1 + a * i + 0.0003 * r();
    out.push(p);
  }
  return out;
}

const flat = drift(200, 100, 0, 0.0005);

describe('head C — momentum', () => {
  it('an accelerating rise makes C vote LONG', () => {
    const head = new MomentumHead();
    const { votes, last } = runHead(head, candlesFromCloses([...flat, ...accelerating(60, flat.at(-1)!, 0.00004)]));
    const v = votes.at(-1)!;
    expect(v.direction).toBe(1);
    expect(v.confidence).toBeGreaterThan(0.4);
    expect(v.reasons & bit('MACD histogram growing')).not.toBe(0);
    expect(shares(votes.slice(-30)).long).toBeGreaterThan(0.8);
    expect(head.describe(v.reasons, last).join(' ')).toMatch(/MACD\(12,26,9\) [\d.]+ above its signal/);
  });

  it('an accelerating fall makes C vote SHORT', () => {
    const { votes } = runHead(new MomentumHead(), candlesFromCloses([...flat, ...accelerating(60, flat.at(-1)!, -0.00004)]));
    expect(votes.at(-1)!.direction).toBe(-1);
    expect(shares(votes.slice(-30)).short).toBeGreaterThan(0.8);
  });

  it('prices jittering around a fixed level leave C NEUTRAL', () => {
    const r = noise(5);
    const closes = Array.from({ length: 500 }, () => 100 * (1 + 0.001 * r()));
    const { votes } = runHead(new MomentumHead(), candlesFromCloses(closes));
    expect(shares(votes).neutral).toBeGreaterThan(0.98);
  });

  it('votes NEUTRAL with the warming-up reason until its indicators are ready', () => {
    const { votes } = runHead(new MomentumHead(), candlesFromCloses(flat.slice(0, 30)));
    for (const v of votes) expect(v).toEqual({ direction: 0, confidence: 0, reasons: bit('warming up') });
  });

  it('judges the timeframe given by ctx.tf: a 10-minute pullback in a 15m surge is not LONG on 1m but LONG on 15m', () => {
    const base = [...drift(1200, 100, 0, 0.001, 3)];
    base.push(...accelerating(90, base.at(-1)!, 0.00003));
    const candles = candlesFromCloses([...base, ...drift(10, base.at(-1)!, -0.003, 0.0003, 8)]);
    const head = new MomentumHead();
    const on15m = runHead(head, candles, { tf: 2 });
    expect(runHead(new MomentumHead(), candles, { tf: 0 }).votes.at(-1)!.direction).not.toBe(1);
    expect(on15m.votes.at(-1)!.direction).toBe(1);
    expect(head.describe(on15m.votes.at(-1)!.reasons, on15m.last).join(' ')).toContain('@15m');
  });

  it('continues exactly after snapshot and restore (the histogram memory)', () => {
    const candles: Candle[] = candlesFromCloses([...flat, ...accelerating(60, flat.at(-1)!, 0.00004), ...drift(100, 110, -0.001, 0.001, 4)]);
    const whole = runHead(new MomentumHead(), candles, { tf: 0 }).votes;
    const head = new MomentumHead();
    const set = new IndicatorSet(mergeRequirements([head.requires()]));
    head.bind(set);
    const cut = 240;
    for (let i = 0; i < cut; i++) {
      set.update(candles[i]!);
      head.evaluate({ values: set.values, candle: candles[i]!, tf: 0, regime: 2 }, newVoteSlot());
    }
    const saved = JSON.parse(JSON.stringify({ set: set.snapshot(), head: head.snapshot() }));
    const head2 = new MomentumHead();
    const set2 = new IndicatorSet(mergeRequirements([head2.requires()]));
    head2.bind(set2);
    set2.restore(saved.set);
    head2.restore(saved.head);
    for (let i = cut; i < candles.length; i++) {
      set2.update(candles[i]!);
      const out = newVoteSlot();
      head2.evaluate({ values: set2.values, candle: candles[i]!, tf: 0, regime: 2 }, out);
      expect(out).toEqual(whole[i]);
    }
  });

  it('stays in bounds on real BTCUSDT candles, NEUTRAL often and both LONG and SHORT sometimes', () => {
    const candles = sampleSeries('BTCUSDT', 20000).candles;
    for (const tf of [0, 2]) {
      const { votes } = runHead(new MomentumHead(), candles, { tf });
      const bad = votes.filter(
        (v) => ![-1, 0, 1].includes(v.direction) || !(v.confidence >= 0 && v.confidence <= 1) || (v.direction === 0 && v.confidence !== 0),
      );
      expect(bad).toEqual([]);
      const s = shares(votes);
      expect(s.neutral).toBeGreaterThan(0.4);
      expect(s.long).toBeGreaterThan(0.01);
      expect(s.short).toBeGreaterThan(0.01);
    }
  });

  it('takes parameters within bounds and rejects others', () => {
    expect(new MomentumHead({ rocPeriod: 5 }).params.rocPeriod).toBe(5);
    expect(() => new MomentumHead({ voteMin: 2 })).toThrow(/voteMin/);
  });
});
