/** The dashboard's pure parts under Node: candle aggregation and live merging, and the API adapters. */
import { describe, expect, it } from 'vitest';
import { aggregate, mergeLive, spacing, type Bar } from '../../web/src/aggregate.js';
import { adaptCandles, adaptEvent, adaptHeadWeights, adaptPerformance, adaptSignal, adaptSignals, adaptVersions, fraction, outcome, time } from '../../web/src/api.js';
import { sampleSeries } from '../helpers/market-data.js';
import { buildFixtures } from './fake-api.js';

const bars = (): Bar[] => sampleSeries('BTCUSDT', 3000).candles.map((c) => ({ time: c.openTime, open: c.open, high: c.high, low: c.low, close: c.close, volume: c.volume }));

describe('aggregate', () => {
  it('folds 1m candles into 5m and 1h buckets', () => {
    const m = bars();
    const five = aggregate(m, 300_000);
    expect(five).toHaveLength(600);
    expect(spacing(five)).toBe(300_000);
    const first = m.slice(0, 5);
    expect(five[0]).toEqual({
      time: m[0]!.time,
      open: first[0]!.open,
      high: Math.max(...first.map((b) => b.high)),
      low: Math.min(...first.map((b) => b.low)),
      close: first[4]!.close,
      volume: first.reduce((a, b) => a + b.volume, 0),
    });
    expect(aggregate(m, 3_600_000)).toHaveLength(50);
  });

  it('merges live 1m candles into the last bucket once, and opens a new bucket', () => {
    const m = bars();
    const head = m.slice(0, 7); // 00:00..00:06 → buckets 00:00 (5) and 00:05 (2)
    const agg = aggregate(head, 300_000);
    const next: Bar = { ...m[7]! };
    const merged = mergeLive(agg, next, 300_000, head[6]!.time);
    expect(merged).toBe(agg[1]);
    expect(agg[1]!.close).toBe(next.close);
    const volume = agg[1]!.volume;
    expect(mergeLive(agg, next, 300_000, next.time)).toBeNull(); // the same candle again
    expect(agg[1]!.volume).toBe(volume);
    const later = mergeLive(agg, { ...m[10]! }, 300_000, next.time);
    expect(agg).toHaveLength(3);
    expect(later!.time).toBe(m[10]!.time);
    expect(mergeLive(agg, { ...m[0]! }, 300_000, next.time)).toBeNull(); // older than shown
  });
});

describe('API adapters', () => {
  it('reads candles from objects, Binance rows and second timestamps', () => {
    expect(adaptCandles({ candles: [{ openTime: 1_700_000_000_000, open: '1', high: 2, low: 0.5, close: 1.5, volume: 3 }] })).toEqual([{ time: 1_700_000_000_000, open: 1, high: 2, low: 0.5, close: 1.5, volume: 3 }]);
    expect(adaptCandles([[1_700_000_000_000, '1', '2', '0.5', '1.5', '3']])[0]!.close).toBe(1.5);
    expect(adaptCandles({ candles: [{ time: 1_700_000_000, open: 1, high: 1, low: 1, close: 1 }] })[0]!.time).toBe(1_700_000_000_000);
    expect(adaptCandles({ candles: [{ open: 1 }] })).toEqual([]);
  });

  it('reads the fixture signals, with votes from the record', () => {
    const fx = buildFixtures(sampleSeries('BTCUSDT', 3000).candles);
    const { signals, total } = adaptSignals({ signals: fx.signals, total: fx.signals.length });
    expect(total).toBe(fx.signals.length);
    expect(signals).toHaveLength(fx.signals.length);
    const s = signals[0]!;
    expect(s.votes).toHaveLength(9);
    expect(s.votes[0]!.head).toBe('A');
    expect(s.weights).toHaveLength(9);
    expect(signals.some((x) => x.status === 'closed' && outcome(x) !== null)).toBe(true);
  });

  it('tolerates snake_case, missing fields and a string record', () => {
    const s = adaptSignal({ id: 7, symbol: 'ETHUSDT', time: '2025-06-01T00:00:00Z', direction: -1, entry_price: '2500.5', net_pct: -0.3, result: 'sl', record: JSON.stringify({ votes: [{ head: 'B', direction: 'SHORT', confidence: 0.6, reasons: 'band' }] }) })!;
    expect(s).toMatchObject({ id: '7', direction: 'SHORT', entry: 2500.5, stop: null, target: null, status: 'closed', netPct: -0.3, time: Date.UTC(2025, 5, 1) });
    expect(s.votes[0]).toEqual({ head: 'B', specialty: 'mean reversion', direction: 'SHORT', confidence: 0.6, reasons: ['band'] });
    expect(outcome(s)).toBe('loss');
    expect(adaptSignal({ symbol: 'X' })).toBeNull();
  });

  it('normalizes rates and times', () => {
    expect(fraction(55)).toBeCloseTo(0.55);
    expect(fraction(0.55)).toBe(0.55);
    expect(fraction(null)).toBeNull();
    expect(time(1_700_000_000)).toBe(1_700_000_000_000);
    expect(time('nope')).toBeNull();
  });

  it('reads performance, weights and versions, with missing values as null', () => {
    const p = adaptPerformance({ overall: { trades: 10, win_rate: 60 }, heads: [{ head: 'A', currentWeight: 1.2 }] });
    expect(p.overall).toMatchObject({ trades: 10, winRate: 0.6, profitFactor: null, maxDrawdownPct: null });
    expect(p.heads[0]).toMatchObject({ head: 'A', currentWeight: 1.2, suggestedWeight: null });
    const w = adaptHeadWeights({ current: { version: 3, weights: { A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, I: 9 } }, history: [{ version: 2, created_at: 2000, weights: [1, 1, 1, 1, 1, 1, 1, 1, 1] }, { version: 1, createdAt: 1000, weights: [] }] });
    expect(w.current!.weights).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(w.history.map((x) => x.version)).toEqual([2]);
    expect(adaptVersions({ versions: [{ version: 1 }, { version: 2, state: { headWeights: [1, 2] } }] }).map((v) => [v.version, v.headWeights])).toEqual([
      [2, [1, 2]],
      [1, []],
    ]);
  });

  it('reads live events, wrapped or bare', () => {
    expect(adaptEvent('candle', JSON.stringify({ symbol: 'BTCUSDT', interval: '1m', candle: { openTime: 1_700_000_040_000, open: 1, high: 1, low: 1, close: 1, volume: 0 } }))).toMatchObject({ type: 'candle', symbol: 'BTCUSDT', interval: '1m' });
    expect(adaptEvent('signal', JSON.stringify({ signal: { id: 'x', time: 1_700_000_000_000 } }))).toMatchObject({ type: 'signal', signal: { id: 'x', status: 'open' } });
    expect(adaptEvent('outcome', JSON.stringify({ signalId: 'x', result: 'win', netPct: 0.5 }))).toMatchObject({ type: 'outcome', signal: { id: 'x', status: 'closed', result: 'win', netPct: 0.5 } });
    expect(adaptEvent('signal', 'not json')).toBeNull();
    expect(adaptEvent('other', '{}')).toBeNull();
  });
});
