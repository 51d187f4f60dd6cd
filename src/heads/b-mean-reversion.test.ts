import { describe, expect, it } from 'vitest';
import { candlesFromCloses, drift, runHead } from '../../test/helpers/heads.js';
import { sampleSeries } from '../../test/helpers/market-data.js';
import { B_REASONS, MeanReversionHead } from './b-mean-reversion.js';
import type { VoteSlot } from './types.js';

const bit = (r: (typeof B_REASONS)[number]) => 1 << B_REASONS.indexOf(r);

function shares(votes: readonly VoteSlot[]) {
  let long = 0;
  let short = 0;
  for (const v of votes) {
    if (v.direction > 0) long++;
    else if (v.direction < 0) short++;
  }
  return { long: long / votes.length, short: short / votes.length, neutral: (votes.length - long - short) / votes.length };
}

/** 10 quiet hours around 100 */
const flat = drift(600, 100, 0, 0.0005);

describe('head B — mean reversion', () => {
  it('a sharp drop that turns (RSI-oversold bounce) makes B vote LONG', () => {
    const drop = [...flat, ...drift(15, flat.at(-1)!, -0.004, 0.0003, 5)];
    const closes = [...drop, ...drift(3, drop.at(-1)!, 0.0015, 0.0002, 9)];
    const head = new MeanReversionHead();
    const { votes, last } = runHead(head, candlesFromCloses(closes));
    const v = votes.at(-1)!;
    expect(v.direction).toBe(1);
    expect(v.confidence).toBeGreaterThan(0.3);
    expect(v.reasons & bit('RSI oversold')).not.toBe(0);
    expect(v.reasons & bit('STOCH turning up')).not.toBe(0);
    const words = head.describe(v.reasons, last);
    expect(words.join(' ')).toMatch(/RSI\(14\) [\d.]+ at or below 30: oversold/);
  });

  it('the turn adds confidence to an oversold vote', () => {
    const drop = [...flat, ...drift(15, flat.at(-1)!, -0.004, 0.0003, 5)];
    const inDrop = runHead(new MeanReversionHead(), candlesFromCloses(drop)).votes.at(-1)!;
    const turned = runHead(new MeanReversionHead(), candlesFromCloses([...drop, ...drift(3, drop.at(-1)!, 0.0015, 0.0002, 9)])).votes.at(-1)!;
    expect(inDrop.direction).toBe(1);
    expect(turned.confidence).toBeGreaterThan(inDrop.confidence);
  });

  it('a spike up makes B vote SHORT', () => {
    const closes = [...flat, ...drift(15, flat.at(-1)!, 0.004, 0.0003, 5)];
    const { votes } = runHead(new MeanReversionHead(), candlesFromCloses(closes));
    expect(votes.at(-1)!.direction).toBe(-1);
    expect(votes.at(-1)!.reasons & bit('RSI overbought')).not.toBe(0);
  });

  it('quiet sideways prices leave B NEUTRAL nearly always', () => {
    const { votes } = runHead(new MeanReversionHead(), candlesFromCloses(flat));
    expect(shares(votes.slice(50)).neutral).toBeGreaterThan(0.9);
  });

  it('votes NEUTRAL with the warming-up reason until its indicators are ready', () => {
    const { votes } = runHead(new MeanReversionHead(), candlesFromCloses(flat.slice(0, 15)));
    for (const v of votes) expect(v).toEqual({ direction: 0, confidence: 0, reasons: bit('warming up') });
  });

  it('judges the timeframe given by ctx.tf: a slow 5-hour slide that calms is oversold on 15m, not on 1m', () => {
    const slide = [...drift(300, 100, 0, 0.0005), ...drift(300, 100, -0.0006, 0.0008, 4)];
    const candles = candlesFromCloses([...slide, ...drift(40, slide.at(-1)!, 0, 0.0003, 11)]);
    const head = new MeanReversionHead();
    const on15m = runHead(head, candles, { tf: 2 });
    expect(runHead(new MeanReversionHead(), candles, { tf: 0 }).votes.at(-1)!.direction).toBe(0);
    expect(on15m.votes.at(-1)!.direction).toBe(1);
    expect(head.describe(on15m.votes.at(-1)!.reasons, on15m.last).join(' ')).toContain('RSI(14)@15m');
  });

  it('stays in bounds on real BTCUSDT candles, NEUTRAL often and both LONG and SHORT sometimes', () => {
    const candles = sampleSeries('BTCUSDT', 20000).candles;
    for (const tf of [0, 2]) {
      const { votes } = runHead(new MeanReversionHead(), candles, { tf });
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
    expect(new MeanReversionHead({ rsiLow: 25 }).params.rsiLow).toBe(25);
    expect(() => new MeanReversionHead({ rsiLow: 60 })).toThrow(/rsiLow/);
  });
});
