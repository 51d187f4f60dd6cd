import { describe, expect, it } from 'vitest';
import { IndicatorSet } from '../indicators/indicator-set.js';
import { candlesFromCloses, drift, runHead } from '../../test/helpers/heads.js';
import { sampleSeries } from '../../test/helpers/market-data.js';
import { D_REASONS, VolumeFlowHead } from './d-volume-flow.js';
import { mergeRequirements } from './require.js';
import { newVoteSlot, type VoteSlot } from './types.js';

const bit = (r: (typeof D_REASONS)[number]) => 1 << D_REASONS.indexOf(r);

function shares(votes: readonly VoteSlot[]) {
  let long = 0;
  let short = 0;
  for (const v of votes) {
    if (v.direction > 0) long++;
    else if (v.direction < 0) short++;
  }
  return { long: long / votes.length, short: short / votes.length, neutral: (votes.length - long - short) / votes.length };
}

const flat = drift(200, 100, 0, 0.0005);
const n = flat.length;

describe('head D — volume and flow', () => {
  it('a rising price on rising volume with buying pressure makes D vote LONG', () => {
    const closes = [...flat, ...drift(40, flat.at(-1)!, 0.001, 0.0003, 4)];
    const candles = candlesFromCloses(closes, { volume: (i) => (i < n ? 10 : 10 + (i - n) * 1.5) });
    const head = new VolumeFlowHead();
    const { votes, last } = runHead(head, candles);
    const v = votes.at(-1)!;
    expect(v.direction).toBe(1);
    expect(v.confidence).toBeGreaterThan(0.5);
    expect(v.reasons & bit('CMF positive (buying pressure)')).not.toBe(0);
    expect(v.reasons & bit('heavy volume')).not.toBe(0);
    expect(head.describe(v.reasons, last).join(' ')).toMatch(/OBV [-\d.]+: net 100\.00% of the volume of the last 10 bars on up bars/);
  });

  it('a fall on heavy volume makes D vote SHORT', () => {
    const closes = [...flat, ...drift(40, flat.at(-1)!, -0.001, 0.0003, 4)];
    const candles = candlesFromCloses(closes, { volume: (i) => (i < n ? 10 : 20 + (i - n) * 2) });
    const { votes } = runHead(new VolumeFlowHead(), candles);
    expect(votes.at(-1)!.direction).toBe(-1);
    expect(votes.at(-1)!.reasons & bit('heavy volume')).not.toBe(0);
    expect(shares(votes.slice(-25)).short).toBeGreaterThan(0.9);
  });

  it('zero-volume flat candles leave D NEUTRAL (no volume)', () => {
    const { votes } = runHead(new VolumeFlowHead(), candlesFromCloses(Array.from({ length: 300 }, () => 100), { volume: () => 0 }));
    expect(shares(votes).neutral).toBe(1);
    expect(votes.at(-1)!.reasons).toBe(bit('no volume'));
  });

  it('votes NEUTRAL with the warming-up reason until its indicators are ready', () => {
    const { votes } = runHead(new VolumeFlowHead(), candlesFromCloses(flat.slice(0, 14)));
    for (const v of votes) expect(v).toEqual({ direction: 0, confidence: 0, reasons: bit('warming up') });
  });

  it('judges the timeframe given by ctx.tf: half an hour of buying after hours of selling is LONG on 1m, SHORT on 15m', () => {
    const sell = drift(600, 100, -0.0003, 0.0005, 6);
    const candles = candlesFromCloses([...sell, ...drift(30, sell.at(-1)!, 0.0008, 0.0003, 7)], { volume: (i) => (i < 600 ? 20 : 30) });
    const head = new VolumeFlowHead();
    const on15m = runHead(head, candles, { tf: 2 });
    expect(runHead(new VolumeFlowHead(), candles, { tf: 0 }).votes.at(-1)!.direction).toBe(1);
    expect(on15m.votes.at(-1)!.direction).toBe(-1);
    expect(head.describe(on15m.votes.at(-1)!.reasons, on15m.last).join(' ')).toContain('CMF(20)@15m');
  });

  it('continues exactly after snapshot and restore (the OBV rings)', () => {
    const closes = [...drift(400, 100, 0.0002, 0.001, 9), ...drift(200, 108, -0.0004, 0.001, 10)];
    const candles = candlesFromCloses(closes, { volume: (i) => 10 + (i % 7) * 3 });
    for (const tf of [0, 1]) {
      const whole = runHead(new VolumeFlowHead(), candles, { tf }).votes;
      const head = new VolumeFlowHead();
      const set = new IndicatorSet(mergeRequirements([head.requires()]));
      head.bind(set);
      const cut = 437;
      for (let i = 0; i < cut; i++) {
        set.update(candles[i]!);
        head.evaluate({ values: set.values, candle: candles[i]!, tf, regime: 2 }, newVoteSlot());
      }
      const saved = JSON.parse(JSON.stringify({ set: set.snapshot(), head: head.snapshot() }));
      const head2 = new VolumeFlowHead();
      const set2 = new IndicatorSet(mergeRequirements([head2.requires()]));
      head2.bind(set2);
      set2.restore(saved.set);
      head2.restore(saved.head);
      const rest: VoteSlot[] = [];
      for (let i = cut; i < candles.length; i++) {
        set2.update(candles[i]!);
        const out = newVoteSlot();
        head2.evaluate({ values: set2.values, candle: candles[i]!, tf, regime: 2 }, out);
        rest.push(out);
      }
      expect(rest).toEqual(whole.slice(cut));
      expect(shares(rest).neutral).toBeLessThan(1);
    }
  });

  it('stays in bounds on real BTCUSDT candles, NEUTRAL often and both LONG and SHORT sometimes', () => {
    const candles = sampleSeries('BTCUSDT', 20000).candles;
    for (const tf of [0, 2]) {
      const { votes } = runHead(new VolumeFlowHead(), candles, { tf });
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
    expect(new VolumeFlowHead({ obvBars: 20 }).params.obvBars).toBe(20);
    expect(() => new VolumeFlowHead({ obvBars: 2 })).toThrow(/obvBars/);
  });
});
