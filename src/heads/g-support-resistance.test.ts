import { describe, expect, it } from 'vitest';
import { candlesFromCloses, drift, runHead } from '../../test/helpers/heads.js';
import { sampleSeries } from '../../test/helpers/market-data.js';
import { G_PARAMS, G_REASONS, SupportResistanceHead } from './g-support-resistance.js';

/** Straight steps from the last value of `xs` to `to`, `n` of them. */
function line(xs: number[], to: number, n: number): number[] {
  const from = xs[xs.length - 1]!;
  for (let i = 1; i <= n; i++) xs.push(from + ((to - from) * i) / n);
  return xs;
}

/** A dip to 100 (a swing low), a rally to 104, a return to 100.1 and a turn back up. */
function swingLowRetest(): number[] {
  const xs = drift(30, 105, 0, 0.001, 3);
  line(xs, 100, 10);
  line(xs, 104, 8);
  line(xs, 104, 6);
  line(xs, 100.1, 8);
  return line(xs, 100.4, 2);
}

/** `closes` seen at a coarser step: each step becomes `k` 1m closes along the straight line. */
function finer(closes: readonly number[], k: number): number[] {
  const xs = [closes[0]!];
  for (let i = 1; i < closes.length; i++) line(xs, closes[i]!, k);
  return xs;
}

const mirror = (xs: readonly number[]) => xs.map((x) => 210 - x);
const bit = (name: (typeof G_REASONS)[number]) => 1 << G_REASONS.indexOf(name);

describe('head G (support and resistance)', () => {
  it('every parameter default lies within its bounds', () => {
    for (const d of Object.values(G_PARAMS)) {
      expect(d.default).toBeGreaterThanOrEqual(d.min);
      expect(d.default).toBeLessThanOrEqual(d.max);
    }
    expect(G_REASONS.length).toBeLessThanOrEqual(30);
  });

  it('a retest of the swing low that closes back above it makes G vote LONG', () => {
    const head = new SupportResistanceHead();
    const run = runHead(head, candlesFromCloses(swingLowRetest()));
    const last = run.votes[run.votes.length - 1]!;
    expect(last.direction).toBe(1);
    expect(last.confidence).toBeGreaterThan(0.3);
    expect(last.confidence).toBeLessThanOrEqual(0.8);
    expect(last.reasons & bit('bounce off support (swing)')).not.toBe(0);
    const words = head.describe(last.reasons, run.last);
    expect(words.length).toBeGreaterThan(0);
    expect(words.join('; ')).toMatch(/bounce off support swing low 99\.9/);
  });

  it('a rejection at the swing high (the mirror) makes G vote SHORT', () => {
    const head = new SupportResistanceHead();
    const run = runHead(head, candlesFromCloses(mirror(swingLowRetest())));
    const last = run.votes[run.votes.length - 1]!;
    expect(last.direction).toBe(-1);
    expect(last.confidence).toBeGreaterThan(0.3);
    expect(last.reasons & bit('rejection at resistance (swing)')).not.toBe(0);
    expect(head.describe(last.reasons, run.last).join('; ')).toMatch(/rejection at resistance swing high/);
  });

  it('a close through the swing high is a breakout: G votes LONG, less surely than for a bounce', () => {
    const xs = drift(30, 100, 0, 0.001, 5);
    line(xs, 104, 8); // swing high near 104
    line(xs, 101, 8);
    line(xs, 104.6, 7); // crosses 104 on the last bars and closes clearly above it
    const head = new SupportResistanceHead();
    const run = runHead(head, candlesFromCloses(xs));
    const last = run.votes[run.votes.length - 1]!;
    expect(last.reasons & bit('breakout above (swing)')).not.toBe(0);
    expect(last.direction).toBe(1);
    expect(last.confidence).toBeLessThan(runHead(new SupportResistanceHead(), candlesFromCloses(swingLowRetest())).votes.at(-1)!.confidence);
    // with breakouts weighted 0 the same close is no vote
    const off = runHead(new SupportResistanceHead({ breakoutWeight: 0 }), candlesFromCloses(xs));
    expect(off.votes.at(-1)!.direction).toBe(0);
  });

  it('a bounce off the classic S1 pivot of the previous day makes G vote LONG', () => {
    // day 1 (a full UTC day from T0): 100 → 110 → 105, so P = 105, S1 = 100, R1 = 110
    const xs = [100];
    line(xs, 110, 720);
    line(xs, 105, 719);
    // day 2: down to S1 and back up a little
    line(xs, 99.99, 250);
    line(xs, 100.05, 3);
    const head = new SupportResistanceHead({ swingWeight: 0 });
    const run = runHead(head, candlesFromCloses(xs, { wick: 0.0002 }));
    const last = run.votes[run.votes.length - 1]!;
    expect(last.reasons & bit('bounce off support (classic pivot)')).not.toBe(0);
    expect(last.direction).toBe(1);
    expect(head.describe(last.reasons, run.last).join('; ')).toMatch(/bounce off support classic S1 99\.98/);
  });

  it('stays NEUTRAL while warming up and on a steady climb away from any level', () => {
    const head = new SupportResistanceHead();
    const run = runHead(head, candlesFromCloses(drift(120, 100, 0.002, 0.0002, 7)));
    for (const v of run.votes.slice(0, 10)) {
      expect(v.direction).toBe(0);
      expect(v.reasons).toBe(bit('warming up'));
    }
    expect(head.describe(bit('warming up'), { ...run.last, values: run.set.values.slice().fill(NaN) })[0]).toMatch(/warming up/);
    for (const v of run.votes.slice(-40)) {
      expect(v.direction).toBe(0);
      expect(v.confidence).toBe(0);
    }
  });

  it('reads the timeframe given by ctx.tf: a 5m retest is seen on 5m, not on 1m', () => {
    const candles = candlesFromCloses(finer(swingLowRetest(), 5));
    const on5 = runHead(new SupportResistanceHead(), candles, { tf: 1 });
    const on1 = runHead(new SupportResistanceHead(), candles, { tf: 0 });
    expect(on5.votes.at(-1)!.direction).toBe(1);
    expect(on1.votes.at(-1)!.direction).not.toBe(1);
  });

  it('on the real BTCUSDT sample it votes in range, NEUTRAL most of the time, both ways sometimes', () => {
    const s = sampleSeries('BTCUSDT', 20000);
    for (const tf of [0, 2]) {
      const { votes } = runHead(new SupportResistanceHead(), s.candles, { tf });
      let long = 0;
      let short = 0;
      let bad = 0;
      for (const v of votes) {
        if (![-1, 0, 1].includes(v.direction) || !(v.confidence >= 0 && v.confidence <= 1) || (v.direction === 0 && v.confidence !== 0)) bad++;
        if (v.direction > 0) long++;
        else if (v.direction < 0) short++;
      }
      expect(bad).toBe(0);
      expect((votes.length - long - short) / votes.length).toBeGreaterThan(0.4);
      expect(long).toBeGreaterThan(0);
      expect(short).toBeGreaterThan(0);
    }
  });
});
