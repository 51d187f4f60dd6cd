import { describe, expect, it } from 'vitest';
import { sampleSeries } from '../../test/helpers/market-data.js';
import type { Candle } from '../core/candle.js';
import { AlphaPulseError } from '../core/errors.js';
import { type AggregatedCandle, TimeframeAggregator } from './aggregator.js';

const M = 60_000;
const H = 60 * M;
const DAY = 24 * H;
/** 2025-06-01 00:00 UTC */
const T0 = Date.UTC(2025, 5, 1);

/** A 1m candle whose prices derive from its minute number so every bar is checkable by hand. */
function minute(t: number, price = 100 + (t - T0) / M, volume = 1): Candle {
  return {
    openTime: t,
    open: price,
    high: price + 0.5,
    low: price - 0.5,
    close: price + 0.25,
    volume,
    closeTime: t + M - 1,
    quoteVolume: volume * price,
    trades: 2,
    takerBuyBaseVolume: volume / 2,
    takerBuyQuoteVolume: (volume * price) / 2,
  };
}

function minutes(from: number, toExclusive: number): Candle[] {
  const out: Candle[] = [];
  for (let t = from; t < toExclusive; t += M) out.push(minute(t));
  return out;
}

const copy = (b: AggregatedCandle): AggregatedCandle => ({ ...b });

/** Feeds candles; records every closed bar per timeframe with the index of the candle it closed on. */
function run(agg: TimeframeAggregator, candles: readonly Candle[]) {
  const closed: { bar: AggregatedCandle; at: number }[][] = agg.intervals.map(() => []);
  candles.forEach((c, i) => {
    const mask = agg.update(c);
    for (let k = 0; k < agg.intervals.length; k++) {
      const n = agg.closedCount(k);
      if ((mask & (1 << k)) !== 0 !== n > 0) throw new Error(`mask ${mask} disagrees with closedCount(${k}) = ${n} at ${i}`);
      for (let j = 0; j < n; j++) closed[k]!.push({ bar: copy(agg.closedBar(k, j)), at: i });
      if (n > 0 && agg.bar(k) !== agg.closedBar(k, n - 1)) throw new Error(`bar(${k}) is not the latest closed bar at ${i}`);
    }
  });
  return closed;
}

/** The straightforward reference: group candles by aligned bar start and merge each group. */
function groupBy(candles: readonly Candle[], intervalMs: number): AggregatedCandle[] {
  const groups = new Map<number, Candle[]>();
  for (const c of candles) {
    const start = Math.floor(c.openTime / intervalMs) * intervalMs;
    const g = groups.get(start);
    if (g) g.push(c);
    else groups.set(start, [c]);
  }
  return [...groups.entries()].map(([start, g]) => {
    const sum = (f: (c: Candle) => number) => g.reduce((a, c) => a + f(c), 0);
    return {
      openTime: start,
      open: g[0]!.open,
      high: Math.max(...g.map((c) => c.high)),
      low: Math.min(...g.map((c) => c.low)),
      close: g[g.length - 1]!.close,
      volume: sum((c) => c.volume),
      closeTime: start + intervalMs - 1,
      quoteVolume: sum((c) => c.quoteVolume),
      trades: sum((c) => c.trades),
      takerBuyBaseVolume: sum((c) => c.takerBuyBaseVolume),
      takerBuyQuoteVolume: sum((c) => c.takerBuyQuoteVolume),
      minutes: g.length,
      complete: g.length * M === intervalMs,
    };
  });
}

describe('TimeframeAggregator', () => {
  it('emits a 5m bar on the candle of its last minute with first open, max high, min low, last close and summed volumes', () => {
    const agg = new TimeframeAggregator(['5m']);
    const cs = minutes(T0, T0 + 5 * M); // minute prices 100..104
    for (let i = 0; i < 4; i++) {
      expect(agg.update(cs[i]!)).toBe(0);
      expect(agg.bar(0)).toBeUndefined();
    }
    expect(agg.update(cs[4]!)).toBe(1);
    expect(copy(agg.bar(0)!)).toEqual({
      openTime: T0,
      open: 100, // first minute's open
      high: 104.5, // 104 + 0.5
      low: 99.5, // 100 - 0.5
      close: 104.25, // last minute's close
      volume: 5,
      closeTime: T0 + 5 * M - 1,
      quoteVolume: 100 + 101 + 102 + 103 + 104, // 510
      trades: 10,
      takerBuyBaseVolume: 2.5,
      takerBuyQuoteVolume: 255,
      minutes: 5,
      complete: true,
    });
  });

  it('closes 5m, 15m, 1h, 4h and 1d bars on the minutes that end them, with the matching bits', () => {
    const agg = new TimeframeAggregator();
    expect(agg.intervals).toEqual(['5m', '15m', '1h', '4h', '1d']);
    const masks = minutes(T0, T0 + DAY).map((c) => agg.update(c));
    const at = (hh: number, mm: number) => masks[hh * 60 + mm];
    expect(at(0, 3)).toBe(0);
    expect(at(0, 4)).toBe(0b00001); // 5m
    expect(at(0, 14)).toBe(0b00011); // 5m + 15m
    expect(at(0, 59)).toBe(0b00111); // + 1h
    expect(at(3, 59)).toBe(0b01111); // + 4h
    expect(at(23, 59)).toBe(0b11111); // + 1d
    const day = agg.bar(4)!;
    expect(day.openTime).toBe(T0);
    expect(day.closeTime).toBe(T0 + DAY - 1);
    expect(day.open).toBe(100);
    expect(day.close).toBe(100 + 1439 + 0.25);
    expect(day.high).toBe(100 + 1439 + 0.5);
    expect(day.low).toBe(99.5);
    expect(day.minutes).toBe(1440);
    expect(day.complete).toBe(true);
    expect(masks.filter((m) => m & 1).length).toBe(288);
    expect(masks.filter((m) => m & 8).length).toBe(6);
  });

  it('handles a gap in the middle of an hour: partial bars close on the next candle, empty bars are never emitted', () => {
    const agg = new TimeframeAggregator(['5m', '15m', '1h']);
    const t10 = T0 + 10 * H;
    // 10:00..10:21 present, 10:22..10:37 missing, 10:38..10:59 present
    const cs = [...minutes(t10, t10 + 22 * M), ...minutes(t10 + 38 * M, t10 + 60 * M)];
    const closed = run(agg, cs);
    const iGapEnd = 22; // index of the 10:38 candle
    // 5m: 10:00, 10:05, 10:10, 10:15 complete; 10:20 partial (10:20, 10:21) closed on 10:38;
    // 10:25 and 10:30 never emitted; 10:35 partial (10:38, 10:39) closed on 10:39; then 10:40..10:55.
    expect(closed[0]!.map((x) => (x.bar.openTime - t10) / M)).toEqual([0, 5, 10, 15, 20, 35, 40, 45, 50, 55]);
    const b20 = closed[0]![4]!;
    expect(b20.at).toBe(iGapEnd);
    expect(b20.bar.minutes).toBe(2);
    expect(b20.bar.complete).toBe(false);
    // minute numbers 620, 621 -> open 100 + 620, close 100 + 621 + 0.25, high 100 + 621 + 0.5
    expect(b20.bar.open).toBe(720);
    expect(b20.bar.close).toBe(721.25);
    expect(b20.bar.high).toBe(721.5);
    expect(b20.bar.volume).toBe(2);
    const b35 = closed[0]![5]!;
    expect(b35.at).toBe(iGapEnd + 1);
    expect(b35.bar.openTime).toBe(t10 + 35 * M); // aligned start even though 10:35..10:37 are missing
    expect(b35.bar.open).toBe(738); // first present minute (10:38)
    expect(b35.bar.minutes).toBe(2);
    // 15m: 10:00 complete; 10:15 partial (10:15..10:21 = 7 minutes) closed on 10:38; 10:30 partial
    // (10:38..10:44 = 7 minutes) closed on 10:44; 10:45 complete.
    expect(closed[1]!.map((x) => [(x.bar.openTime - t10) / M, x.bar.minutes, x.at])).toEqual([
      [0, 15, 14],
      [15, 7, iGapEnd],
      [30, 7, iGapEnd + 6],
      [45, 15, cs.length - 1],
    ]);
    // 1h: one bar of 60 - 16 = 44 minutes, closed on 10:59
    expect(closed[2]!.length).toBe(1);
    expect(closed[2]![0]!.bar.minutes).toBe(44);
    expect(closed[2]![0]!.bar.volume).toBe(44);
    expect(closed[2]![0]!.bar.complete).toBe(false);
    expect(closed[2]![0]!.at).toBe(cs.length - 1);
  });

  it('handles a gap across midnight: the old day closes as partial on the first candle of the new day', () => {
    const agg = new TimeframeAggregator();
    const mid = T0 + DAY;
    // 23:00..23:57 of day 1 present; 23:58, 23:59, 00:00..00:03 missing; 00:04..00:20 present
    const cs = [...minutes(mid - H, mid - 2 * M), ...minutes(mid + 4 * M, mid + 21 * M)];
    const i0004 = 58;
    let mask = 0;
    for (let i = 0; i <= i0004; i++) mask = agg.update(cs[i]!);
    // every timeframe's old bar flushed on 00:04 (bits 0..4); 5m also closes its own 00:00 bar, whose
    // only minute is 00:04, its last one -> two 5m bars close on this candle.
    expect(mask).toBe(0b11111);
    expect(agg.closedCount(0)).toBe(2);
    expect(agg.closedBar(0, 0).openTime).toBe(mid - 5 * M); // 23:55 bar: 23:55..23:57
    expect(agg.closedBar(0, 0).minutes).toBe(3);
    expect(agg.closedBar(0, 1).openTime).toBe(mid); // 00:00 bar: only 00:04
    expect(agg.closedBar(0, 1).minutes).toBe(1);
    expect(agg.bar(0)!.openTime).toBe(mid);
    expect(() => agg.closedBar(0, 2)).toThrow(AlphaPulseError);
    for (const k of [1, 2, 3, 4]) expect(agg.closedCount(k)).toBe(1);
    const day = agg.bar(4)!;
    expect(day.openTime).toBe(T0);
    expect(day.closeTime).toBe(mid - 1);
    expect(day.minutes).toBe(58); // only 23:00..23:57 were fed
    expect(day.complete).toBe(false);
    expect(day.open).toBe(100 + 1380); // minute 23:00 of day 1 is minute 1380
    expect(day.close).toBe(100 + 1437 + 0.25);
    expect(agg.bar(3)!.openTime).toBe(mid - 4 * H); // 20:00 4h bar
    expect(agg.bar(2)!.openTime).toBe(mid - H);
    // the new day's bars contain only new-day candles
    expect(agg.pending(4)!.openTime).toBe(mid);
    expect(agg.pending(4)!.minutes).toBe(0 + 1); // 00:04 only, so far
    for (let i = i0004 + 1; i < cs.length; i++) agg.update(cs[i]!);
    expect(agg.pending(4)!.minutes).toBe(17); // 00:04..00:20
    expect(agg.pending(4)!.open).toBe(100 + 1444);
  });

  it('builds from real BTCUSDT data exactly the bars of a straightforward group-by', () => {
    const candles = sampleSeries('BTCUSDT').candles;
    const agg = new TimeframeAggregator();
    const closed = run(agg, candles);
    agg.intervalMs.forEach((ms, k) => {
      const ref = groupBy(candles, ms);
      expect(closed[k]!.map((x) => x.bar)).toEqual(ref);
    });
    expect(closed[2]!.length).toBe(720); // 30 days of 1h bars
  });

  it('equals the group-by on real data with random holes, emitting each bar on its last minute or on the next candle', () => {
    const all = sampleSeries('BTCUSDT').candles.slice(0, 5 * 1440);
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const candles: Candle[] = [];
    for (let i = 0; i < all.length; ) {
      if (rand() < 0.01) i += 1 + Math.floor(rand() * 300); // holes of 1..300 minutes
      else candles.push(all[i++]!);
    }
    const agg = new TimeframeAggregator(['5m', '15m', '1h', '4h', '1d', '3m', '30m']);
    const closed = run(agg, candles);
    agg.intervalMs.forEach((ms, k) => {
      const ref = groupBy(candles, ms);
      const got = closed[k]!;
      // every bar but a still-open last one has been emitted
      expect(got.map((x) => x.bar)).toEqual(ref.slice(0, got.length));
      expect(ref.length - got.length).toBeLessThanOrEqual(1);
      for (const { bar, at } of got) {
        const c = candles[at]!;
        if (c.openTime <= bar.closeTime) expect(c.openTime).toBe(bar.closeTime + 1 - M); // its last minute
        else expect(candles[at - 1]!.openTime).toBeLessThanOrEqual(bar.closeTime); // first candle after it
      }
    });
  });

  it('continues exactly after a JSON snapshot and restore', () => {
    const candles = sampleSeries('BTCUSDT').candles.slice(0, 3000);
    const whole = new TimeframeAggregator();
    const wholeMasks = candles.map((c) => whole.update(c));
    const first = new TimeframeAggregator();
    for (let i = 0; i < 1237; i++) first.update(candles[i]!);
    const restored = new TimeframeAggregator();
    restored.restore(JSON.parse(JSON.stringify(first.snapshot())));
    for (let k = 0; k < 5; k++) expect(restored.bar(k)).toEqual(first.bar(k));
    const ref = new TimeframeAggregator();
    for (let i = 0; i < 1237; i++) ref.update(candles[i]!);
    for (let i = 1237; i < candles.length; i++) {
      expect(restored.update(candles[i]!)).toBe(wholeMasks[i]);
      ref.update(candles[i]!);
      for (let k = 0; k < 5; k++) expect(restored.bar(k)).toEqual(ref.bar(k));
    }
  });

  it('rejects out-of-order, duplicate, misaligned and non-finite candles and unknown intervals', () => {
    const agg = new TimeframeAggregator(['5m']);
    agg.update(minute(T0 + M));
    expect(() => agg.update(minute(T0 + M))).toThrow(AlphaPulseError);
    expect(() => agg.update(minute(T0))).toThrow(AlphaPulseError);
    expect(() => agg.update(minute(T0 + 2 * M + 1))).toThrow(AlphaPulseError);
    expect(() => agg.update(minute(T0 + 3 * M, NaN))).toThrow(AlphaPulseError);
    expect(() => new TimeframeAggregator(['7m'])).toThrow(AlphaPulseError);
    expect(() => new TimeframeAggregator(['1h', '1h'])).toThrow(AlphaPulseError);
    expect(() => new TimeframeAggregator([])).toThrow(AlphaPulseError);
  });

  it('reuses the same bar objects instead of allocating new ones', () => {
    const agg = new TimeframeAggregator(['5m']);
    const cs = minutes(T0, T0 + 20 * M);
    const seen = new Set<AggregatedCandle>();
    for (const c of cs) if (agg.update(c)) seen.add(agg.bar(0)!);
    expect(seen.size).toBe(2); // four bars, two alternating slots
  });
});
