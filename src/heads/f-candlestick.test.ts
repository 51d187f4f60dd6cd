import { describe, expect, it } from 'vitest';
import { type Candle, candleFromOhlcv } from '../core/candle.js';
import { runHead, T0 } from '../../test/helpers/heads.js';
import { sampleSeries } from '../../test/helpers/market-data.js';
import { CandlestickHead, F_PARAMS, F_REASONS } from './f-candlestick.js';

type Ohlc = [open: number, high: number, low: number, close: number];

/** Candles of `minutes` length from explicit OHLC bars. */
function candles(bars: readonly Ohlc[], minutes = 1): Candle[] {
  return bars.map(([o, h, l, c], i) => candleFromOhlcv(T0 + i * minutes * 60_000, o, h, l, c, 10, minutes * 60_000));
}

/** Each bar as `minutes` 1m candles that aggregate exactly to it (open → low → high → close, or via the high first). */
function expand(bars: readonly Ohlc[], minutes: number): Candle[] {
  const out: Candle[] = [];
  for (const [o, h, l, c] of bars) {
    const first = c >= o ? l : h;
    const second = c >= o ? h : l;
    const seg = Math.floor(minutes / 3);
    const path: number[] = [];
    for (let i = 1; i <= minutes; i++) {
      const x = i <= seg ? o + ((first - o) * i) / seg : i <= 2 * seg ? first + ((second - first) * (i - seg)) / seg : second + ((c - second) * (i - 2 * seg)) / (minutes - 2 * seg);
      path.push(x);
    }
    let prev = o;
    for (const x of path) {
      const t = T0 + out.length * 60_000;
      out.push(candleFromOhlcv(t, prev, Math.max(prev, x), Math.min(prev, x), x, 10, 60_000));
      prev = x;
    }
  }
  return out;
}

/** n black (white when step < 0) candles falling by `step` each, small wicks. */
function trend(n: number, start: number, step: number): Ohlc[] {
  const out: Ohlc[] = [];
  let p = start;
  const w = Math.abs(step) * 0.2;
  for (let i = 0; i < n; i++) {
    const o = p;
    const c = p - step;
    out.push([o, Math.max(o, c) + w, Math.min(o, c) - w, c]);
    p = c;
  }
  return out;
}

/** A downtrend ending in a bullish engulfing candle. */
function downtrendThenBullishEngulfing(): Ohlc[] {
  const bars = trend(40, 200, 1);
  const last = bars[bars.length - 1]!; // black: open last[0], close last[3]
  const o = last[3] - 0.3;
  const c = last[0] + 0.5;
  bars.push([o, c + 0.1, o - 0.2, c]);
  return bars;
}

/** The mirror: an uptrend ending in a bearish engulfing candle. */
function uptrendThenBearishEngulfing(): Ohlc[] {
  const bars = trend(40, 100, -1);
  const last = bars[bars.length - 1]!; // white
  const o = last[3] + 0.3;
  const c = last[0] - 0.5;
  bars.push([o, o + 0.2, c - 0.1, c]);
  return bars;
}

const bit = (name: (typeof F_REASONS)[number]) => 1 << F_REASONS.indexOf(name);

describe('head F (candlestick patterns)', () => {
  it('every parameter default lies within its bounds', () => {
    for (const d of Object.values(F_PARAMS)) {
      expect(d.default).toBeGreaterThanOrEqual(d.min);
      expect(d.default).toBeLessThanOrEqual(d.max);
    }
    expect(F_REASONS.length).toBeLessThanOrEqual(30);
  });

  it('a downtrend ending in a bullish engulfing at the swing low makes F vote LONG', () => {
    const head = new CandlestickHead();
    const run = runHead(head, candles(downtrendThenBullishEngulfing()));
    const last = run.votes[run.votes.length - 1]!;
    expect(last.direction).toBe(1);
    expect(last.confidence).toBeGreaterThan(0.3);
    expect(last.confidence).toBeLessThanOrEqual(0.8);
    expect(last.reasons & bit('engulfing')).not.toBe(0);
    expect(last.reasons & bit('bullish pattern at a swing low')).not.toBe(0);
    const words = head.describe(last.reasons, run.last);
    expect(words.length).toBeGreaterThan(0);
    expect(words.join('; ')).toMatch(/bullish engulfing.*swing low/);
    // the bar before (a plain downtrend bar) is not a vote to buy
    expect(run.votes[run.votes.length - 2]!.direction).not.toBe(1);
  });

  it('an uptrend ending in a bearish engulfing at the swing high makes F vote SHORT', () => {
    const head = new CandlestickHead();
    const run = runHead(head, candles(uptrendThenBearishEngulfing()));
    const last = run.votes[run.votes.length - 1]!;
    expect(last.direction).toBe(-1);
    expect(last.confidence).toBeGreaterThan(0.3);
    expect(last.reasons & bit('bearish pattern at a swing high')).not.toBe(0);
    expect(head.describe(last.reasons, run.last).join('; ')).toMatch(/bearish engulfing.*swing high/);
  });

  it('a bullish engulfing in the middle of an uptrend, far from any swing low or band, leaves F NEUTRAL', () => {
    const bars = trend(40, 100, -1);
    const p = bars[bars.length - 1]![3];
    bars.push([p, p + 0.1, p - 0.5, p - 0.4]); // small black dip
    bars.push([p - 0.5, p + 0.4, p - 0.6, p + 0.3]); // engulfs it
    const run = runHead(new CandlestickHead(), candles(bars));
    const last = run.votes[run.votes.length - 1]!;
    expect(last.reasons & bit('engulfing')).not.toBe(0);
    expect(last.reasons & bit('pattern away from any swing or band')).not.toBe(0);
    expect(last.direction).toBe(0);
    expect(last.confidence).toBe(0);
  });

  it('stays NEUTRAL and says it is warming up before its indicators are ready', () => {
    const head = new CandlestickHead();
    const run = runHead(head, candles(downtrendThenBullishEngulfing()).slice(0, 15));
    for (const v of run.votes) {
      expect(v.direction).toBe(0);
      expect(v.reasons).toBe(bit('warming up'));
    }
    expect(head.describe(bit('warming up'), run.last)[0]).toMatch(/warming up/);
  });

  it('reads the timeframe given by ctx.tf: a 15m engulfing is seen on 15m, not on 1m', () => {
    const oneMinute = expand(downtrendThenBullishEngulfing(), 15);
    const on15 = runHead(new CandlestickHead(), oneMinute, { tf: 2 });
    const on1 = runHead(new CandlestickHead(), oneMinute, { tf: 0 });
    const v15 = on15.votes[on15.votes.length - 1]!;
    const v1 = on1.votes[on1.votes.length - 1]!;
    expect(v15.direction).toBe(1);
    expect(v15.reasons & bit('engulfing')).not.toBe(0);
    expect(v1.reasons & bit('engulfing')).toBe(0);
    expect(v1.direction).not.toBe(1);
  });

  it('a weight of 0 disables a pattern', () => {
    const run = runHead(new CandlestickHead({ wEngulfing: 0 }), candles(downtrendThenBullishEngulfing()));
    expect(run.votes[run.votes.length - 1]!.direction).toBe(0);
  });

  it('on the real BTCUSDT sample it votes in range, NEUTRAL most of the time, both ways sometimes', () => {
    const s = sampleSeries('BTCUSDT', 20000);
    for (const tf of [0, 2]) {
      const { votes } = runHead(new CandlestickHead(), s.candles, { tf });
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
