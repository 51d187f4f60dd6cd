/** Running a head over candles, and hand-built candle sequences for head tests. */
import { type Candle, candleFromOhlcv } from '../../src/core/candle.js';
import { IndicatorSet } from '../../src/indicators/indicator-set.js';
import { mergeRequirements } from '../../src/heads/require.js';
import { type Head, type HeadContext, newVoteSlot, type VoteSlot } from '../../src/heads/types.js';

export type HeadRun = { votes: VoteSlot[]; set: IndicatorSet; last: HeadContext };

/** Feeds every candle to a fresh indicator set with what the head requires, and collects its votes. */
export function runHead(head: Head, candles: readonly Candle[], opts: { tf?: number; regime?: number } = {}): HeadRun {
  const set = new IndicatorSet(mergeRequirements([head.requires()]));
  head.bind(set);
  const votes: VoteSlot[] = [];
  let ctx: HeadContext = { values: set.values, candle: candles[0]!, tf: opts.tf ?? 0, regime: opts.regime ?? 2 };
  for (const c of candles) {
    set.update(c);
    ctx = { values: set.values, candle: c, tf: opts.tf ?? 0, regime: opts.regime ?? 2 };
    const out = newVoteSlot();
    head.evaluate(ctx, out);
    votes.push(out);
  }
  return { votes, set, last: ctx };
}

export const T0 = Date.UTC(2025, 0, 1);

/**
 * Candles whose closes follow `closes`; each candle opens at the previous close, with a high/low
 * `wick` (fraction of price) beyond the body and volume `volume(i)`.
 */
export function candlesFromCloses(closes: readonly number[], opts: { wick?: number; volume?: (i: number) => number; start?: number } = {}): Candle[] {
  const wick = opts.wick ?? 0.0005;
  const out: Candle[] = [];
  let prev = closes[0]!;
  closes.forEach((close, i) => {
    const open = prev;
    const high = Math.max(open, close) * (1 + wick);
    const low = Math.min(open, close) * (1 - wick);
    out.push(candleFromOhlcv((opts.start ?? T0) + i * 60_000, open, high, low, close, opts.volume ? opts.volume(i) : 10, 60_000));
    prev = close;
  });
  return out;
}

/** A deterministic pseudo-random walk in [-1, 1] steps (mulberry32), for noise. */
export function noise(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  };
}

/** n closes starting at `start`, changing by `drift` (fraction per candle) plus `jitter`-sized noise. */
export function drift(n: number, start: number, driftPerCandle: number, jitter = 0.0003, seed = 1): number[] {
  const r = noise(seed);
  const out: number[] = [];
  let p = start;
  for (let i = 0; i < n; i++) {
    p *= 1 + driftPerCandle + jitter * r();
    out.push(p);
  }
  return out;
}
