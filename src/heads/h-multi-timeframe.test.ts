import { describe, expect, it } from 'vitest';
import { candlesFromCloses, drift, runHead } from '../../test/helpers/heads.js';
import { sampleSeries } from '../../test/helpers/market-data.js';
import { H_PARAMS, H_REASONS, MultiTimeframeHead } from './h-multi-timeframe.js';

// 5400 1m candles (3.75 days): the 4h EMA(21) is ready after 21 4h bars = 5040 minutes
const N = 5400;
const uptrend = drift(N, 100, 0.0001, 0.0002, 11);
/** the uptrend, then 12 minutes falling 0.05% each */
const pullback = [...uptrend, ...drift(12, uptrend[N - 1]!, -0.0005, 0.0001, 12)];
const mirror = (xs: readonly number[]) => xs.map((x) => 400 - x);
const bit = (name: (typeof H_REASONS)[number]) => 1 << H_REASONS.indexOf(name);

describe('head H (multi-timeframe confluence)', () => {
  it('every parameter default lies within its bounds', () => {
    for (const d of Object.values(H_PARAMS)) {
      expect(d.default).toBeGreaterThanOrEqual(d.min);
      expect(d.default).toBeLessThanOrEqual(d.max);
    }
    expect(H_REASONS.length).toBeLessThanOrEqual(30);
  });

  it('a long uptrend, with 5m, 15m, 1h and 4h all up, makes H vote LONG with high confidence', () => {
    const head = new MultiTimeframeHead();
    const run = runHead(head, candlesFromCloses(uptrend));
    const last = run.votes[N - 1]!;
    expect(last.direction).toBe(1);
    for (const t of ['5m', '15m', '1h', '4h'] as const) expect(last.reasons & bit(`${t} trend up`)).not.toBe(0);
    expect(last.reasons & bit('higher timeframes agree with the setup')).not.toBe(0);
    expect(last.confidence).toBeGreaterThan(0.6);
    expect(last.confidence).toBeLessThanOrEqual(0.8);
    // before the 4h trend is ready the same setup counts less (3 of 4 timeframes)
    const early = run.votes.slice(4000, 5000).filter((v) => v.direction === 1);
    expect(early.length).toBeGreaterThan(0);
    expect(Math.max(...early.map((v) => v.confidence))).toBeLessThan(last.confidence);
    const words = head.describe(last.reasons, run.last);
    expect(words.join('; ')).toMatch(/4h trend up: EMA\(9\)@4h/);
  });

  it('the mirror, a long downtrend, makes H vote SHORT', () => {
    const run = runHead(new MultiTimeframeHead(), candlesFromCloses(mirror(uptrend)));
    const last = run.votes[N - 1]!;
    expect(last.direction).toBe(-1);
    expect(last.confidence).toBeGreaterThan(0.6);
    expect(last.reasons & bit('4h trend down')).not.toBe(0);
  });

  it('a 1m move against the higher-timeframe trend leaves H NEUTRAL, while the 1h setup still votes with it', () => {
    const candles = candlesFromCloses(pullback);
    const head = new MultiTimeframeHead();
    const on1m = runHead(head, candles, { tf: 0 });
    const last = on1m.votes[on1m.votes.length - 1]!;
    expect(last.reasons & bit('setup down')).not.toBe(0);
    expect(last.reasons & bit('4h trend up')).not.toBe(0);
    expect(last.direction).toBe(0);
    expect(last.confidence).toBe(0);
    expect(head.describe(last.reasons, on1m.last).join('; ')).toMatch(/setup down/);
    // same data judged on 1h: the 1h setup is still up and agrees with 15m and 4h
    const on1h = runHead(new MultiTimeframeHead(), candles, { tf: 3 }).votes.at(-1)!;
    expect(on1h.reasons & bit('setup up')).not.toBe(0);
    expect(on1h.direction).toBe(1);
  });

  it('stays NEUTRAL and says it is warming up until two other timeframes have their EMAs', () => {
    const head = new MultiTimeframeHead();
    const run = runHead(head, candlesFromCloses(uptrend.slice(0, 300)));
    // 15m EMA(21) is ready after 315 minutes, 5m after 105: at most one confluence timeframe here
    for (const v of run.votes) {
      expect(v.direction).toBe(0);
      expect(v.reasons).toBe(bit('warming up'));
    }
    expect(head.describe(bit('warming up'), run.last)[0]).toMatch(/warming up/);
  });

  it('on the real BTCUSDT sample it votes in range, NEUTRAL most of the time, both ways sometimes', () => {
    const s = sampleSeries('BTCUSDT', 20000);
    for (const tf of [0, 2]) {
      const { votes } = runHead(new MultiTimeframeHead(), s.candles, { tf });
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
