import { describe, expect, it } from 'vitest';
import { sampleSeries } from '../../test/helpers/market-data.js';
import { candleFromOhlcv, type Candle } from '../core/candle.js';
import { PositionBook, resolveOnCandle, simulatePosition } from './position-book.js';
import {
  DEFAULT_OUTCOME_PARAMS,
  expiryTime,
  newResolution,
  RESULT_NONE,
  RESULT_SL,
  RESULT_TIME,
  RESULT_TP,
  type Outcome,
  type Position,
} from './resolve.js';

const M = 60_000;
/** 2025-06-01 00:00 UTC: open time of the decision candle */
const T0 = Date.UTC(2025, 5, 1);
const OPENED = T0 + M;
const TOL = DEFAULT_OUTCOME_PARAMS.tolerance;

const bar = (openTime: number, o: number, h: number, l: number, c: number): Candle => candleFromOhlcv(openTime, o, h, l, c, 1, M);

/** long 100 → stop 99, target 102 (short: stop 101, target 98), opened at the close of the T0 candle */
const long = (over: Partial<Position> = {}): Position => ({
  id: 'L',
  symbol: 'BTCUSDT',
  direction: 1,
  entry: 100,
  stop: 99,
  target: 102,
  openedAt: OPENED,
  expiresAt: expiryTime(OPENED),
  ...over,
});
const short = (over: Partial<Position> = {}): Position => long({ id: 'S', direction: -1, stop: 101, target: 98, ...over });

function resolve(p: Position, c: Candle, tol = TOL): { code: number; exit: number; atOpen: boolean } {
  const r = newResolution();
  const code = resolveOnCandle(p.direction, p.stop, p.target, p.openedAt, p.expiresAt, c, tol, r);
  return { code, exit: code === RESULT_NONE ? NaN : r.exitPrice, atOpen: r.atOpen };
}

describe('resolveOnCandle', () => {
  it('a long hits its target when the high reaches it and exits at the target', () => {
    expect(resolve(long(), bar(OPENED, 100, 102.5, 99.5, 101))).toEqual({ code: RESULT_TP, exit: 102, atOpen: false });
  });

  it('a short hits its target when the low reaches it and exits at the target', () => {
    expect(resolve(short(), bar(OPENED, 100, 100.5, 97.5, 99))).toEqual({ code: RESULT_TP, exit: 98, atOpen: false });
  });

  it('a long hits its stop when the low reaches it; a short when the high does', () => {
    expect(resolve(long(), bar(OPENED, 100, 101, 98.7, 99.2))).toEqual({ code: RESULT_SL, exit: 99, atOpen: false });
    expect(resolve(short(), bar(OPENED, 100, 101.3, 99, 100.8))).toEqual({ code: RESULT_SL, exit: 101, atOpen: false });
  });

  it('counts the stop when target and stop are both touched inside one candle', () => {
    expect(resolve(long(), bar(OPENED, 100, 102.5, 98.5, 101))).toEqual({ code: RESULT_SL, exit: 99, atOpen: false });
    expect(resolve(short(), bar(OPENED, 100, 101.5, 97.5, 99))).toEqual({ code: RESULT_SL, exit: 101, atOpen: false });
  });

  it('touches a long target within 0.1% below it, not further', () => {
    // zone: 102·(1 − 0.001) = 101.898
    expect(resolve(long(), bar(OPENED, 100, 101.899, 99.5, 101)).code).toBe(RESULT_TP);
    expect(resolve(long(), bar(OPENED, 100, 101.897, 99.5, 101)).code).toBe(RESULT_NONE);
  });

  it('touches a long stop within 0.1% above it, not further (conservative)', () => {
    // zone: 99·(1 + 0.001) = 99.099; the exit is the stop itself, not the low
    expect(resolve(long(), bar(OPENED, 100, 100.5, 99.098, 99.5))).toEqual({ code: RESULT_SL, exit: 99, atOpen: false });
    expect(resolve(long(), bar(OPENED, 100, 100.5, 99.1, 99.5)).code).toBe(RESULT_NONE);
  });

  it('mirrors the tolerance for a short: stop within 0.1% below it, target within 0.1% above it', () => {
    // stop zone 101·0.999 = 100.899, target zone 98·1.001 = 98.098
    expect(resolve(short(), bar(OPENED, 100, 100.8991, 99.5, 100)).code).toBe(RESULT_SL);
    expect(resolve(short(), bar(OPENED, 100, 100.8989, 99.5, 100)).code).toBe(RESULT_NONE);
    expect(resolve(short(), bar(OPENED, 100, 100.5, 98.0979, 99)).code).toBe(RESULT_TP);
    expect(resolve(short(), bar(OPENED, 100, 100.5, 98.0981, 99)).code).toBe(RESULT_NONE);
  });

  it('with zero tolerance a level must be reached exactly', () => {
    expect(resolve(long(), bar(OPENED, 100, 102, 99.5, 101), 0).code).toBe(RESULT_TP);
    expect(resolve(long(), bar(OPENED, 100, 101.999, 99.5, 101), 0).code).toBe(RESULT_NONE);
  });

  it('a candle that gaps through the stop exits at its (worse) open', () => {
    expect(resolve(long(), bar(OPENED, 98.5, 99.5, 98, 99))).toEqual({ code: RESULT_SL, exit: 98.5, atOpen: true });
    expect(resolve(short(), bar(OPENED, 101.7, 102, 101.2, 101.5))).toEqual({ code: RESULT_SL, exit: 101.7, atOpen: true });
  });

  it('an open inside the stop tolerance but not through the stop exits at the stop', () => {
    expect(resolve(long(), bar(OPENED, 99.05, 99.6, 99.01, 99.5))).toEqual({ code: RESULT_SL, exit: 99, atOpen: true });
  });

  it('a candle that gaps beyond the target exits at the target, not the better open', () => {
    expect(resolve(long(), bar(OPENED, 103, 103.5, 102.5, 103))).toEqual({ code: RESULT_TP, exit: 102, atOpen: true });
    expect(resolve(short(), bar(OPENED, 97, 97.5, 96.5, 97))).toEqual({ code: RESULT_TP, exit: 98, atOpen: true });
  });

  it('a gap beyond the target wins over a later stop touch in the same candle (the open comes first)', () => {
    expect(resolve(long(), bar(OPENED, 103, 103.5, 98, 98.5))).toEqual({ code: RESULT_TP, exit: 102, atOpen: true });
  });

  it('ignores a candle that opens before openedAt (the decision candle)', () => {
    expect(resolve(long(), bar(T0, 100, 103, 98, 100)).code).toBe(RESULT_NONE);
  });

  it('time-exits at the close of the first candle whose close time reaches expiresAt', () => {
    const p = long();
    // expiresAt = OPENED + 72 h; the candle opening one minute before closes exactly then
    expect(resolve(p, bar(p.expiresAt - 2 * M, 100, 100.5, 99.5, 100.2)).code).toBe(RESULT_NONE);
    expect(resolve(p, bar(p.expiresAt - M, 100, 100.5, 99.5, 100.2))).toEqual({ code: RESULT_TIME, exit: 100.2, atOpen: false });
    // a late candle (after a data gap) time-exits too
    expect(resolve(p, bar(p.expiresAt + 10 * M, 100, 100.5, 99.5, 100.3)).code).toBe(RESULT_TIME);
  });

  it('a level touched on the expiry candle wins over the time exit', () => {
    const p = long();
    expect(resolve(p, bar(p.expiresAt - M, 100, 102.2, 99.5, 100.2))).toEqual({ code: RESULT_TP, exit: 102, atOpen: false });
  });
});

describe('simulatePosition', () => {
  /** candles from OPENED on, one a minute */
  const path = (rows: [number, number, number, number][], start = OPENED): Candle[] => rows.map((r, i) => bar(start + i * M, ...r));

  it('resolves a long TP with exact net P/L, exit time and holding time', () => {
    const o = simulatePosition(long(), path([[100, 100.8, 99.6, 100.5], [100.5, 101.2, 100.1, 101], [101, 102.3, 100.9, 102.1]]))!;
    expect(o).toMatchObject({ id: 'L', symbol: 'BTCUSDT', direction: 1, result: 'tp', entry: 100, exitPrice: 102, won: true });
    expect(o.exitTime).toBe(OPENED + 3 * M); // close of the third monitored candle
    expect(o.holdingMs).toBe(3 * M);
    expect(o.netPct).toBeCloseTo(1.7554934567532, 10);
  });

  it('resolves a short SL with exact net P/L', () => {
    const o = simulatePosition(short(), path([[100, 100.4, 99.5, 100.2], [100.2, 101.5, 100, 101.2]]))!;
    expect(o).toMatchObject({ result: 'sl', exitPrice: 101, won: false, holdingMs: 2 * M });
    expect(o.netPct).toBeCloseTo(-1.2426911808788, 10);
  });

  it('starts monitoring after the decision candle: a touch on the decision candle is ignored', () => {
    const candles = [bar(T0, 100, 103, 98, 100), ...path([[100, 100.5, 99.5, 100], [100, 102.1, 99.8, 102]])];
    const o = simulatePosition(long(), candles)!;
    expect(o.result).toBe('tp');
    // MAE from the monitored candles only: (100 − 99.5)/100 = 0.5%, not the decision candle's 2%
    expect(o.maePct).toBeCloseTo(0.5, 12);
  });

  it('measures MAE/MFE of a long from highs and lows, the exit side only up to the target', () => {
    const p = long({ stop: 95, target: 110 });
    const o = simulatePosition(p, path([[100, 101, 98.5, 100], [100, 103, 99, 102], [102, 110.5, 102, 110]]))!;
    expect(o.result).toBe('tp');
    expect(o.maePct).toBeCloseTo(1.5, 12); // (100 − 98.5)/100
    expect(o.mfePct).toBeCloseTo(10, 12); // capped at the target 110, not the high 110.5
  });

  it('on a stop exit the other side of the exit candle counts whole, the exit side is the stop', () => {
    const p = long({ stop: 95, target: 110 });
    const o = simulatePosition(p, path([[100, 101, 98, 100], [100, 104, 94, 95]]))!;
    expect(o).toMatchObject({ result: 'sl', exitPrice: 95 });
    expect(o.maePct).toBeCloseTo(5, 12); // the stop 95, not the low 94
    expect(o.mfePct).toBeCloseTo(4, 12); // the exit candle's high 104 may have come first
  });

  it('a gap exit counts only the open of the exit candle', () => {
    const p = short({ stop: 105, target: 90 });
    // short MAE from highs: 103 → 3%; gap open 106 → exit 106, MAE 6%; MFE from lows: 97 → 3%
    const o = simulatePosition(p, path([[100, 103, 97, 102], [106, 108, 89, 95]]))!;
    expect(o).toMatchObject({ result: 'sl', exitPrice: 106 });
    expect(o.maePct).toBeCloseTo(6, 12);
    expect(o.mfePct).toBeCloseTo(3, 12); // the later low 89 is after the exit
    expect(o.grossPct).toBeCloseTo(-6, 12);
  });

  it('MAE and MFE are 0 when price never moves against / for the trade', () => {
    const o = simulatePosition(long(), path([[100, 102.5, 100, 102]]))!;
    expect(o.maePct).toBe(0);
    expect(o.mfePct).toBeCloseTo(2, 12);
  });

  it('time-exits a position after 72 h at the close of the right candle', () => {
    const p = long();
    // 4320 quiet candles from OPENED: the last one opens at OPENED + 4319 min and closes at expiresAt
    const rows: [number, number, number, number][] = [];
    for (let i = 0; i < 4321; i++) rows.push([100, 100.6, 99.4, 100 + (i % 7) / 10]);
    const o = simulatePosition(p, path(rows))!;
    expect(o.result).toBe('time');
    expect(o.exitTime).toBe(p.expiresAt);
    expect(o.holdingMs).toBe(72 * 3600_000);
    expect(o.exitPrice).toBe(100 + (4319 % 7) / 10); // the close of candle #4319 (0-based)
    expect(o.netPct).toBeLessThan(o.grossPct);
  });

  it('returns null when the candles end before the position resolves', () => {
    expect(simulatePosition(long(), path([[100, 100.5, 99.5, 100]]))).toBeNull();
  });
});


describe('result codes', () => {
  it('resolveOnCandle returns the exported codes (the hot path writes them as literals)', () => {
    expect([RESULT_NONE, RESULT_TP, RESULT_SL, RESULT_TIME]).toEqual([0, 1, 2, 3]);
    expect(resolve(long(), bar(OPENED, 100, 100.5, 99.5, 100))).toMatchObject({ code: 0 });
  });
});

/** A deterministic random walk of 1m candles from `start`. */
function walk(n: number, start: number, seed: number, from = 100): Candle[] {
  let x = seed >>> 0;
  const rnd = (): number => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
  const out: Candle[] = [];
  let price = from;
  for (let i = 0; i < n; i++) {
    const open = price;
    const close = open * (1 + (rnd() - 0.5) * 0.01);
    const high = Math.max(open, close) * (1 + rnd() * 0.003);
    const low = Math.min(open, close) * (1 - rnd() * 0.003);
    out.push(bar(start + i * M, open, high, low, close));
    price = close;
  }
  return out;
}

describe('PositionBook', () => {
  it('resolves a long TP and a short SL with the exact net P/L', () => {
    const book = new PositionBook('BTCUSDT');
    book.add(long());
    book.add(short());
    const out: Outcome[] = [];
    expect(book.onCandle(bar(T0, 100, 100.2, 99.8, 100), out)).toBe(0); // the decision candle
    expect(book.onCandle(bar(OPENED, 100, 101.1, 99.6, 101), out)).toBe(1); // short stop 101 touched
    expect(out[0]).toMatchObject({ id: 'S', result: 'sl', exitPrice: 101, exitTime: OPENED + M, holdingMs: M, won: false });
    expect(out[0]!.netPct).toBeCloseTo(-1.2426911808788, 10); // see resolve.test.ts
    expect(book.onCandle(bar(OPENED + M, 101, 102.4, 100.8, 102.2), out)).toBe(1);
    expect(out[1]).toMatchObject({ id: 'L', result: 'tp', exitPrice: 102, exitTime: OPENED + 2 * M, holdingMs: 2 * M, won: true });
    expect(out[1]!.netPct).toBeCloseTo(1.7554934567532, 10);
    // long MAE: lowest low 99.6 → 0.4%; MFE capped at the target → 2%
    expect(out[1]!.maePct).toBeCloseTo(0.4, 12);
    expect(out[1]!.mfePct).toBeCloseTo(2, 12);
    expect(book.size).toBe(0);
  });

  it('ignores a touch on the decision candle: monitoring starts with the next candle', () => {
    const book = new PositionBook('BTCUSDT');
    book.add(long());
    const out: Outcome[] = [];
    expect(book.onCandle(bar(T0, 100, 103, 98, 100), out)).toBe(0); // touches both levels, before openedAt
    expect(book.size).toBe(1);
    expect(book.snapshot().positions[0]).toMatchObject({ lowest: 100, highest: 100 }); // nor counted in MAE/MFE
    expect(book.onCandle(bar(OPENED, 100, 100.5, 98.9, 99.2), out)).toBe(1);
    expect(out[0]).toMatchObject({ result: 'sl', maePct: 1 });
  });

  it('resolves many positions in one candle, appends their outcomes and keeps the others', () => {
    const book = new PositionBook('ETHUSDT');
    const kinds = (i: number): Partial<Position> => {
      switch (i % 4) {
        case 0: return { direction: 1, stop: 99, target: 110 }; // stop touched by low 98.9
        case 1: return { direction: 1, stop: 90, target: 101 }; // target touched by high 101.2
        case 2: return { direction: -1, stop: 101, target: 90 }; // stop touched by high 101.2
        default: return { direction: -1, stop: 120, target: 95 }; // untouched
      }
    };
    for (let i = 0; i < 300; i++) book.add(long({ id: `p${i}`, symbol: 'ETHUSDT', ...kinds(i) }));
    expect(book.size).toBe(300);
    const out: Outcome[] = [];
    expect(book.onCandle(bar(OPENED, 100, 101.2, 98.9, 100), out)).toBe(225);
    expect(out).toHaveLength(225);
    const byResult = (r: string): string[] => out.filter((o) => o.result === r).map((o) => o.id).sort();
    const ids = (k: number): string[] => Array.from({ length: 75 }, (_, j) => `p${4 * j + k}`).sort();
    expect(byResult('sl')).toEqual([...ids(0), ...ids(2)].sort());
    expect(byResult('tp')).toEqual(ids(1));
    expect(book.size).toBe(75);
    expect(book.positions().map((p) => p.id).sort()).toEqual(ids(3));
    // the rest: a later candle reaching the short target 95 resolves them all
    expect(book.onCandle(bar(OPENED + M, 100, 100, 94, 95), out)).toBe(75);
    expect(out.slice(225).every((o) => o.result === 'tp' && o.exitPrice === 95)).toBe(true);
    expect(book.size).toBe(0);
  });

  it('time-exits after 72 h at the close of the candle that closes at expiresAt', () => {
    const book = new PositionBook('BTCUSDT');
    book.add(long({ stop: 50, target: 200 }));
    const candles = walk(4400, OPENED, 7);
    const out: Outcome[] = [];
    let at = -1;
    for (let i = 0; i < candles.length && at < 0; i++) if (book.onCandle(candles[i]!, out) > 0) at = i;
    expect(at).toBe(4319); // opens OPENED + 4319 min, closes OPENED + 72 h
    expect(out[0]).toMatchObject({ result: 'time', exitTime: OPENED + 4320 * M, holdingMs: 72 * 3_600_000, exitPrice: candles[4319]!.close });
  });

  it('a snapshot restored into a new book continues identically', () => {
    const candles = walk(3000, OPENED, 42);
    const positionsAt = new Map<number, Position[]>();
    for (let k = 0; k < 120; k++) {
      const i = k * 23; // opened at the close of candle i
      const entry = candles[i]!.close;
      const d = k % 2 === 0 ? 1 : -1;
      const w = 0.01 * (1 + (k % 5));
      const p = long({ id: `w${k}`, direction: d, entry, stop: entry * (1 - d * w), target: entry * (1 + d * 1.5 * w), openedAt: candles[i]!.openTime + M, expiresAt: candles[i]!.openTime + M + 600 * M });
      positionsAt.set(i, [p]);
    }
    const run = (book: PositionBook, from: number, to: number, out: Outcome[]): void => {
      for (let i = from; i < to; i++) {
        book.onCandle(candles[i]!, out);
        for (const p of positionsAt.get(i) ?? []) book.add(p);
      }
    };
    const whole: Outcome[] = [];
    run(new PositionBook('BTCUSDT'), 0, candles.length, whole);

    const first = new PositionBook('BTCUSDT');
    const split: Outcome[] = [];
    run(first, 0, 1234, split);
    const json = JSON.parse(JSON.stringify(first.snapshot()));
    expect(json.positions.length).toBeGreaterThan(3);
    const second = new PositionBook('BTCUSDT');
    second.restore(json);
    expect(second.snapshot()).toEqual(first.snapshot());
    run(second, 1234, candles.length, split);
    expect(whole.length).toBeGreaterThan(100);
    expect(new Set(whole.map((o) => o.result))).toEqual(new Set(['tp', 'sl', 'time']));
    expect(split).toEqual(whole);
  });

  it('rejects a candle that is not after the last one and keeps its state', () => {
    const book = new PositionBook('BTCUSDT');
    book.add(long());
    const out: Outcome[] = [];
    book.onCandle(bar(OPENED, 100, 100.5, 99.5, 100), out);
    const before = book.snapshot();
    expect(() => book.onCandle(bar(OPENED, 100, 103, 98, 100), out)).toThrow(/not after the last one/);
    expect(() => book.onCandle(bar(T0, 100, 103, 98, 100), out)).toThrow(expect.objectContaining({ code: 'AP_ERR_BAD_INPUT' }));
    expect(book.snapshot()).toEqual(before);
    expect(out).toHaveLength(0);
    expect(book.onCandle(bar(OPENED + M, 100, 102.5, 99.5, 102), out)).toBe(1);
  });

  it('rejects an invalid position, another symbol, a duplicate id and one whose monitoring already started', () => {
    const book = new PositionBook('BTCUSDT');
    expect(() => book.add(long({ stop: 101 }))).toThrow(/stop < entry < target/);
    expect(() => book.add(long({ symbol: 'ETHUSDT' }))).toThrow(/symbol ETHUSDT/);
    book.add(long());
    expect(() => book.add(long())).toThrow(/already open/);
    book.onCandle(bar(OPENED, 100, 100.5, 99.5, 100), []);
    expect(() => book.add(long({ id: 'late' }))).toThrow(/already saw/);
    book.add(long({ id: 'next', openedAt: OPENED + M, expiresAt: OPENED + 10 * M }));
    expect(book.size).toBe(2);
  });

  it('remove() drops a position without an outcome', () => {
    const book = new PositionBook('BTCUSDT');
    book.add(long());
    book.add(short());
    expect(book.remove('L')).toBe(true);
    expect(book.remove('L')).toBe(false);
    expect(book.positions()).toEqual([short()]);
    book.add(long()); // the id is free again
    expect(book.size).toBe(2);
  });

  it('restore() rejects a snapshot of another symbol or a broken one and keeps its state', () => {
    const book = new PositionBook('BTCUSDT');
    book.add(long());
    const good = book.snapshot();
    expect(() => book.restore({ ...good, symbol: 'ETHUSDT' })).toThrow(/symbol/);
    expect(() => book.restore({ ...good, positions: [{ ...good.positions[0]!, lowest: 101 }] })).toThrow(/lowest <= entry <= highest/);
    expect(() => book.restore({ ...good, positions: [good.positions[0]!, good.positions[0]!] })).toThrow(/duplicate/);
    expect(() => book.restore({ ...good, version: 2 as 1 })).toThrow(/version/);
    expect(book.snapshot()).toEqual(good);
  });
});

describe('PositionBook on real data (BTCUSDT June 2025 sample)', () => {
  it('200 positions with ATR-like stops resolve to a mix of tp/sl/time, match simulatePosition, and fees always cost', () => {
    const s = sampleSeries('BTCUSDT');
    const candles = s.candles;
    const MULT = [1, 3, 8, 20, 60]; // stop = 1.5·m·ATR14, target = 2.5·m·ATR14 (1m ATR)
    const at = new Map<number, Position>();
    for (let j = 0; j < 200; j++) {
      const k = 200 + j * 150; // decision candle index
      let tr = 0;
      for (let q = k - 13; q <= k; q++) tr += Math.max(s.high[q]! - s.low[q]!, Math.abs(s.high[q]! - s.close[q - 1]!), Math.abs(s.low[q]! - s.close[q - 1]!));
      const atr = tr / 14;
      const d = j % 2 === 0 ? 1 : -1;
      const m = MULT[j % MULT.length]!;
      const entry = s.close[k]!;
      const openedAt = s.time[k]! + M;
      at.set(k, { id: `r${j}`, symbol: 'BTCUSDT', direction: d, entry, stop: entry - d * 1.5 * m * atr, target: entry + d * 2.5 * m * atr, openedAt, expiresAt: expiryTime(openedAt) });
    }
    const book = new PositionBook('BTCUSDT');
    const out: Outcome[] = [];
    for (let i = 0; i < candles.length; i++) {
      book.onCandle(candles[i]!, out);
      const p = at.get(i);
      if (p) book.add(p);
    }
    expect(out.length + book.size).toBe(200);
    expect(out.length).toBeGreaterThan(190);
    const count = { tp: 0, sl: 0, time: 0 };
    for (const o of out) count[o.result]++;
    expect(count.tp).toBeGreaterThan(10);
    expect(count.sl).toBeGreaterThan(10);
    expect(count.time).toBeGreaterThan(5);
    const byId = new Map([...at.values()].map((p) => [p.id, p]));
    for (const o of out) {
      expect(o.netPct).toBeLessThan(o.grossPct);
      expect(o.maePct).toBeGreaterThanOrEqual(0);
      expect(o.mfePct).toBeGreaterThanOrEqual(0);
      expect(o.won).toBe(o.netPct > 0);
      expect(o.holdingMs).toBeGreaterThan(0);
      expect(o.holdingMs).toBeLessThanOrEqual(72 * 3_600_000);
      if (o.result === 'time') expect(o.holdingMs).toBe(72 * 3_600_000); // the sample has no gaps
      const p = byId.get(o.id)!;
      expect(o).toEqual(simulatePosition(p, candles));
    }
  });
});
