import { describe, expect, it } from 'vitest';
import { resolveParams } from '../core/params.js';
import { computePnl, DEFAULT_OUTCOME_PARAMS, expiryTime, OUTCOME_PARAMS, positionFromDecision, positionProblem, type Position } from './resolve.js';

const M = 60_000;
/** 2025-06-01 00:00 UTC: open time of the decision candle */
const T0 = Date.UTC(2025, 5, 1);
const OPENED = T0 + M;

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

describe('OUTCOME_PARAMS', () => {
  it('defaults to 0.1% taker fee, 2 bps slippage, 0.1% tolerance and a 72 h hold', () => {
    expect(DEFAULT_OUTCOME_PARAMS).toEqual({ takerFee: 0.001, slippageBps: 2, tolerance: 0.001, maxHoldMinutes: 4320 });
  });

  it('rejects values outside the bounds and a fractional hold', () => {
    expect(() => resolveParams(OUTCOME_PARAMS, { takerFee: 0.02 }, 'outcomes')).toThrow(/outcomes\.takerFee/);
    expect(() => resolveParams(OUTCOME_PARAMS, { slippageBps: -1 }, 'outcomes')).toThrow(/slippageBps/);
    expect(() => resolveParams(OUTCOME_PARAMS, { tolerance: 0.5 }, 'outcomes')).toThrow(/tolerance/);
    expect(() => resolveParams(OUTCOME_PARAMS, { maxHoldMinutes: 10.5 }, 'outcomes')).toThrow(/maxHoldMinutes/);
    expect(resolveParams(OUTCOME_PARAMS, { takerFee: 0 }, 'outcomes').takerFee).toBe(0);
  });
});

describe('computePnl', () => {
  it('a long TP at 102 from 100 nets 1.7554934568% after fees and slippage', () => {
    // entryEff = 100·1.0002 = 100.02, cost = 100.02·1.001 = 100.12002
    // exitEff = 102·0.9998 = 101.9796, proceeds = 101.9796·0.999 = 101.8776204
    // net = 100·(101.8776204 − 100.12002)/100.12002 = 100·1.7576004/100.12002 = 1.75549345675…
    const pnl = computePnl(1, 100, 102, DEFAULT_OUTCOME_PARAMS);
    expect(pnl.grossPct).toBeCloseTo(2, 12);
    expect(pnl.netPct).toBeCloseTo(1.7554934567532, 10);
  });

  it('a short TP at 98 from 100 nets 1.7645174681% after fees and slippage', () => {
    // entryEff = 100·0.9998 = 99.98, proceeds = 99.98·0.999 = 99.88002
    // exitEff = 98·1.0002 = 98.0196, cost = 98.0196·1.001 = 98.1176196
    // net = 100·(99.88002 − 98.1176196)/99.88002 = 100·1.7624004/99.88002 = 1.76451746805…
    const pnl = computePnl(-1, 100, 98, DEFAULT_OUTCOME_PARAMS);
    expect(pnl.grossPct).toBeCloseTo(2, 12);
    expect(pnl.netPct).toBeCloseTo(1.7645174680582, 10);
  });

  it('a long SL at 99 loses 1.2373151743% and a short SL at 101 loses 1.2426911809%', () => {
    // long: exit proceeds 99·0.9998·0.999 = 98.8812198; 100·(98.8812198 − 100.12002)/100.12002 = −1.23731517432…
    expect(computePnl(1, 100, 99, DEFAULT_OUTCOME_PARAMS).netPct).toBeCloseTo(-1.2373151743278, 10);
    // short: buy-back cost 101·1.0002·1.001 = 101.1212202; 100·(99.88002 − 101.1212202)/99.88002 = −1.24269118087…
    expect(computePnl(-1, 100, 101, DEFAULT_OUTCOME_PARAMS).netPct).toBeCloseTo(-1.2426911808788, 10);
    expect(computePnl(-1, 100, 101, DEFAULT_OUTCOME_PARAMS).grossPct).toBeCloseTo(-1, 12);
  });

  it('equals the gross move without fees and slippage', () => {
    expect(computePnl(1, 100, 103, { takerFee: 0, slippageBps: 0 })).toEqual({ grossPct: 3, netPct: 3 });
    expect(computePnl(-1, 100, 103, { takerFee: 0, slippageBps: 0 }).netPct).toBeCloseTo(-3, 12);
  });

  it('a flat round trip costs about two fees and two slippages', () => {
    // long 100 → 100: 100·(100·0.9998·0.999 − 100.12002)/100.12002 = −0.23974…%
    expect(computePnl(1, 100, 100, DEFAULT_OUTCOME_PARAMS).netPct).toBeCloseTo((100 * (99.88002 - 100.12002)) / 100.12002, 12);
  });
});

describe('positions', () => {
  it('a position from a decision expires maxHoldMinutes after the decision time', () => {
    const p = positionFromDecision('d1', { symbol: 'ETHUSDT', time: OPENED, direction: -1, entry: 2500, stop: 2520, target: 2460 });
    expect(p).toEqual({ id: 'd1', symbol: 'ETHUSDT', direction: -1, entry: 2500, stop: 2520, target: 2460, openedAt: OPENED, expiresAt: OPENED + 4320 * M });
    expect(positionFromDecision('d2', { symbol: 'X', time: OPENED, direction: 1, entry: 10, stop: 9, target: 12 }, { maxHoldMinutes: 60 }).expiresAt).toBe(OPENED + 3_600_000);
  });

  it('rejects levels on the wrong side, non-finite prices and a decision without direction', () => {
    expect(positionProblem(long({ stop: 100.5 }))).toMatch(/stop < entry < target/);
    expect(positionProblem(short({ target: 101 }))).toMatch(/target < entry < stop/);
    expect(positionProblem(long({ entry: NaN }))).toMatch(/entry/);
    expect(positionProblem(long({ expiresAt: OPENED }))).toMatch(/expiresAt/);
    expect(positionProblem(long())).toBeNull();
    expect(() => positionFromDecision('x', { symbol: 'X', time: OPENED, direction: 0, entry: 10, stop: 9, target: 12 })).toThrow(/direction/);
  });
});
