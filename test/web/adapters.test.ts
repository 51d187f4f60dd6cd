/**
 * The dashboard's pure parts under Node: candle aggregation and live merging, and the API adapters on
 * payloads shaped like the real API's (src/api/schemas.ts) and on the live events the service's own
 * LiveEvents produces. The adapters are also run on every real payload in dashboard.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/engine/engine.js';
import { LiveEvents, type LiveMessage } from '../../src/service/live-events.js';
import { aggregate, mergeLive, spacing, type Bar } from '../../web/src/aggregate.js';
import {
  adaptCandles,
  adaptEvent,
  adaptHeadWeights,
  adaptImprovements,
  adaptPerformance,
  adaptRejections,
  adaptScheduler,
  adaptSignal,
  adaptSignals,
  adaptVersions,
  describeAction,
  fraction,
  outcome,
  time,
} from '../../web/src/api.js';
import { sampleSeries } from '../helpers/market-data.js';

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

const T = Date.UTC(2025, 5, 2, 10, 0);
const W = [0.05, 0.27, 0.05, 0.05, 0.06, 0.14, 0.05, 0.05, 0.28];
const vote = (head: string, direction: string, reasons: string[]) => ({ head, specialty: `${head} specialty`, direction, confidence: direction === 'NEUTRAL' ? 0 : 0.6, reasons });
const closedSignal = {
  id: `ETHUSDT-${T}`,
  status: 'closed',
  symbol: 'ETHUSDT',
  time: T,
  direction: 'LONG',
  entry: 2489.62,
  stop: 2478.58,
  target: 2508.95,
  rewardRisk: 1.75,
  confidence: 0.657,
  confluence: 1,
  agreeing: 4,
  regime: 'volatile',
  timeframe: '1m',
  setupKind: 273,
  weightsVersion: 24,
  expiresAt: T + 259_200_000,
  outcome: { result: 'tp', exitTime: T + 600_000, exitPrice: 2508.95, grossPct: 0.78, netPct: 0.53, holdingMs: 600_000, maePct: 0.15, mfePct: 0.78, won: true },
  consensus: {
    votes: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'].map((h, i) => vote(h, i % 3 === 1 ? 'NEUTRAL' : 'LONG', i % 3 === 1 ? [] : [`reason of ${h}`])),
    weights: W,
    thresholds: { minAgreeing: 4 },
    consensus: { direction: 'LONG' },
    regime: 'volatile',
    timeframe: '1m',
    indicators: { close: 2489.62 },
  },
};

describe('API adapters (real payload shapes)', () => {
  it('reads a candles page', () => {
    const page = { exchange: 'binance', symbol: 'BTCUSDT', interval: '5m', aggregatedFrom: '1m', count: 1, limit: 1, hasMore: true, candles: [{ openTime: T, open: 1, high: 2, low: 0.5, close: 1.5, volume: 3, closeTime: T + 299_999, quoteVolume: 0, trades: 0, takerBuyBaseVolume: 0, takerBuyQuoteVolume: 0 }] };
    expect(adaptCandles(page)).toEqual([{ time: T, open: 1, high: 2, low: 0.5, close: 1.5, volume: 3 }]);
    expect(adaptCandles({ candles: [{ openTime: T, open: 1 }] })).toEqual([]);
    expect(adaptCandles({ error: { code: 'AP_ERR_NOT_FOUND', message: 'x' } })).toEqual([]);
  });

  it('reads signals: the outcome of a closed one and the votes of its consensus record', () => {
    const open = { ...closedSignal, id: 'BTCUSDT-1', status: 'open', symbol: 'BTCUSDT', outcome: null };
    const { signals, total } = adaptSignals({ status: 'all', total: 2, limit: 100, offset: 0, items: [open, closedSignal] });
    expect(total).toBe(2);
    const [o, c] = signals;
    expect(o).toMatchObject({ id: 'BTCUSDT-1', status: 'open', result: null, netPct: null, won: null, exitTime: null });
    expect(c).toMatchObject({ id: closedSignal.id, status: 'closed', direction: 'LONG', entry: 2489.62, confidence: 0.657, regime: 'volatile', timeframe: '1m', result: 'tp', netPct: 0.53, won: true, exitTime: T + 600_000, exitPrice: 2508.95, weights: W });
    expect(c!.votes).toHaveLength(9);
    expect(c!.votes[0]).toEqual({ head: 'A', specialty: 'A specialty', direction: 'LONG', confidence: 0.6, reasons: ['reason of A'] });
    expect(c!.votes[1]).toMatchObject({ head: 'B', direction: 'NEUTRAL', reasons: [] });
    expect(outcome(c!)).toBe('win');
    expect(outcome({ ...c!, won: false, netPct: -0.4 })).toBe('loss');
    expect(outcome(o!)).toBeNull();
    // a record-less signal (a live one) still reads; without id or time it is dropped
    expect(adaptSignal({ id: 'x', time: T, direction: 'SHORT', consensus: null })).toMatchObject({ votes: [], weights: [], regime: null, status: 'open', direction: 'SHORT' });
    expect(adaptSignal({ symbol: 'X' })).toBeNull();
  });

  it('reads performance and improvements', () => {
    const p = adaptPerformance({
      overall: { trades: 10, wins: 2, losses: 8, winRate: 0.2, avgNetPct: -0.36, totalNetPct: -3.6, profitFactor: 0.2, sharpe: -0.82, sortino: -0.7, maxDrawdownPct: 4.06 },
      heads: [{ head: 'A', specialty: 'trend following', signalsContributed: 10, winsWhenAgreed: 2, winRateWhenAgreed: 0.2, smoothedWinRate: 0.25, opposed: 0, winsWhenOpposed: 0, currentWeight: 0.05, suggestedWeight: 0.076 }],
      regimes: [{ regime: 'trending_down', trades: 0, wins: 0, winRate: null, avgNetPct: null, totalNetPct: 0, profitFactor: null }],
    });
    expect(p.overall).toEqual({ trades: 10, wins: 2, winRate: 0.2, avgNetPct: -0.36, totalNetPct: -3.6, profitFactor: 0.2, sharpe: -0.82, maxDrawdownPct: 4.06 });
    expect(p.heads[0]).toEqual({ head: 'A', specialty: 'trend following', agreed: 10, winRateWhenAgreed: 0.2, currentWeight: 0.05, suggestedWeight: 0.076 });
    expect(p.regimes[0]).toEqual({ regime: 'trending_down', trades: 0, winRate: null, avgNetPct: null });
    const imp = adaptImprovements({ weeks: [{ weekStart: T + 7 * 86_400_000, trades: 2, winRate: 0.5, avgNetPct: -0.06, totalNetPct: -0.12 }, { weekStart: T, trades: 0, winRate: null, avgNetPct: null, totalNetPct: 0 }], trend: { direction: 'insufficient_data', rule: '…' } });
    expect(imp.weeks.map((w) => [w.weekStart, w.winRate, w.profitFactor])).toEqual([
      [T, null, null],
      [T + 7 * 86_400_000, 0.5, null],
    ]);
    expect(imp.trend).toBe('insufficient data');
  });

  it('reads head weights: current as { head, weight } rows, history as vectors in `heads` order', () => {
    const w = adaptHeadWeights({
      days: 30,
      window: { from: T - 30 * 86_400_000, to: T },
      heads: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'],
      regimes: ['trending_up'],
      current: { version: 3, createdAt: T - 1000, activatedAt: T - 1000, reason: 'outcome', mode: 'seed', weights: W.map((weight, i) => ({ head: 'ABCDEFGHI'[i]!, weight })), thresholds: [{ regime: 'trending_up', threshold: 0.55 }], regimeWeights: null },
      total: 2,
      truncated: false,
      history: [
        { version: 2, createdAt: T - 2000, reason: 'outcome', mode: 'seed', parentVersion: 1, weights: W, thresholds: [0.55], metrics: {}, signals: { trades: 0, wins: 0, winRate: null, avgNetPct: null } },
        { version: 1, createdAt: T - 5000, reason: 'initial', mode: 'seed', parentVersion: null, weights: [], thresholds: [], metrics: {}, signals: {} },
      ],
    });
    expect(w.current).toEqual({ version: 3, createdAt: T - 1000, weights: W });
    expect(w.history.map((x) => x.version)).toEqual([2]);
    expect(w.window).toEqual({ from: T - 30 * 86_400_000, to: T });
    expect(adaptHeadWeights({ current: null, history: [] })).toEqual({ current: null, history: [], window: null, anchored: false });
  });

  it('reads versions, rejections and the scheduler', () => {
    const v = adaptVersions({
      total: 2,
      limit: 100,
      offset: 0,
      activeVersion: 1,
      items: [
        { version: 1, createdAt: T, reason: 'initial', mode: 'seed', parentVersion: null, active: true, headWeights: W, thresholds: [0.55], regimeWeights: null, metrics: {} },
        { version: 2, createdAt: T + 1, reason: 'outcome', mode: 'seed', parentVersion: 1, active: false, headWeights: W, thresholds: [0.55], regimeWeights: null, metrics: {} },
      ],
    });
    expect(v.activeVersion).toBe(1);
    expect(v.items.map((x) => [x.version, x.active, x.headWeights.length])).toEqual([
      [2, false, 9],
      [1, true, 9],
    ]);

    const group = { candidates: 56, resolved: 56, goodRejections: 52, missedOpportunities: 4, rejectionAccuracy: 52 / 56, missedRate: 4 / 56, missedNetPct: 1.4, avoidedLossPct: 29.9 };
    const r = adaptRejections({
      decisions: { total: 1000, signals: 10, rejections: 990, rejectionRate: 0.99, byCategory: [] },
      totals: { ...group, unresolved: 0 },
      byCategory: [
        { category: 'cooldown', decisions: 60, ...group },
        { category: 'no_consensus', decisions: 930, candidates: 0, resolved: 0, goodRejections: 0, missedOpportunities: 0, rejectionAccuracy: null, missedRate: null, missedNetPct: 0, avoidedLossPct: 0 },
      ],
      byRegime: [],
      byDay: [],
      topMissed: [],
      topGood: [],
    });
    expect(r.byCategory[0]).toEqual({ category: 'cooldown', rejections: 60, candidates: 56, resolved: 56, goodRejections: 52, missedOpportunities: 4, accuracy: 52 / 56 });
    expect(r.byCategory[1]!.accuracy).toBeNull();
    expect(r.totals).toMatchObject({ category: 'total', rejections: 990, candidates: 56 });

    const run = { job: 'daily', scheduledFor: T, startedAt: T, finishedAt: T + 5, durationMs: 5, status: 'failed', summary: 'x', error: 'boom' };
    const s = adaptScheduler({
      jobs: [
        { job: 'daily', schedule: '0 0 * * *', nextRun: T + 86_400_000, triggerable: true, lastRun: run, runs: { total: 3, ok: 2, skipped: 0, failed: 1 } },
        { job: 'weekly', schedule: null, nextRun: null, triggerable: true, lastRun: null, runs: { total: 0, ok: 0, skipped: 0, failed: 0 } },
      ],
      history: { total: 3, limit: 50, offset: 0, items: [run] },
    });
    expect(s.jobs[0]).toEqual({ job: 'daily', schedule: '0 0 * * *', next: T + 86_400_000, triggerable: true, last: { at: T + 5, status: 'failed', summary: 'boom' }, runs: 3 });
    expect(s.jobs[1]).toMatchObject({ next: null, last: null });
  });

  it('describes the answers of the protected actions', () => {
    expect(describeAction('/learning/trigger-daily', 200, { job: 'daily', status: 'ok', summary: '96 outcomes', at: T })).toEqual({ ok: true, message: '96 outcomes' });
    expect(describeAction('/learning/trigger-weekly', 200, { job: 'weekly', status: 'skipped', summary: 'not enough', at: T })).toEqual({ ok: true, message: 'skipped — not enough' });
    expect(describeAction('/learning/trigger-daily', 200, { job: 'daily', status: 'failed', summary: 'boom', at: T })).toEqual({ ok: false, message: 'failed — boom' });
    expect(describeAction('/learning/rollback', 200, { version: 3, previousVersion: 7, reason: 'manual rollback (API)' })).toEqual({ ok: true, message: 'v7 → v3 (manual rollback (API))' });
    expect(describeAction('/learning/trigger-daily', 401, { error: { code: 'AP_ERR_UNAUTHORIZED', message: 'this endpoint needs the header Authorization: Bearer <token>' } })).toEqual({ ok: false, message: 'this endpoint needs the header Authorization: Bearer <token>' });
  });

  it('normalizes rates and times', () => {
    expect(fraction(0.55)).toBe(0.55);
    expect(fraction(55)).toBeNull(); // the API sends fractions
    expect(fraction(null)).toBeNull();
    expect(time(1_700_000_000_000)).toBe(1_700_000_000_000);
    expect(time('2025-06-01T00:00:00Z')).toBe(Date.UTC(2025, 5, 1));
    expect(time('nope')).toBeNull();
  });
});

describe('live events as the service sends them (LiveEvents → SSE data)', () => {
  const capture = (emit: (live: LiveEvents) => void): LiveMessage[] => {
    const live = new LiveEvents();
    const seen: LiveMessage[] = [];
    live.subscribe((m) => seen.push(m));
    emit(live);
    return seen;
  };
  const adapt = (m: LiveMessage) => adaptEvent(m.type, JSON.stringify(m.data));

  it('candle, signal, outcome, weights and job', () => {
    const c = sampleSeries('BTCUSDT', 1).candles[0]!;
    const decision = { symbol: 'BTCUSDT', time: T, openTime: T - 60_000, action: 'signal', category: 'signal', direction: -1, confidence: 0.7, regime: 2, entry: 100, stop: 101, target: 98 };
    const out = { id: `BTCUSDT-${T}`, symbol: 'BTCUSDT', direction: -1, result: 'sl', entry: 100, exitTime: T + 60_000, exitPrice: 101, grossPct: -1, netPct: -1.24, holdingMs: 60_000, maePct: 1, mfePct: 0, won: false };
    const events = [
      { kind: 'decision', decision },
      { kind: 'outcome', outcome: out, shadow: false, paper: null, category: 'signal', regime: 2 },
      { kind: 'outcome', outcome: { ...out, id: 'shadow' }, shadow: true, paper: null, category: 'cooldown', regime: 2 },
      { kind: 'weights_updated', shadow: false, versionAfter: 5, after: W, time: T },
      { kind: 'job_run', job: 'daily', at: T, status: 'ok', summary: 'weights updated' },
    ] as unknown as EngineEvent[];
    const seen = capture((live) => {
      live.candle('BTCUSDT', c);
      live.events(events);
    });
    expect(seen.map((m) => m.type)).toEqual(['candle', 'signal', 'outcome', 'weights', 'job']);
    const [candle, signal, outcomeEvent, weights, job] = seen.map(adapt);
    expect(candle).toEqual({ type: 'candle', symbol: 'BTCUSDT', interval: null, bar: { time: c.openTime, open: c.open, high: c.high, low: c.low, close: c.close, volume: c.volume } });
    expect(signal).toMatchObject({ type: 'signal', signal: { id: `BTCUSDT-${T}`, symbol: 'BTCUSDT', time: T, direction: 'SHORT', entry: 100, stop: 101, target: 98, confidence: 0.7, regime: 'ranging', status: 'open', votes: [] } });
    expect(outcomeEvent).toEqual({ type: 'outcome', signal: { id: `BTCUSDT-${T}`, status: 'closed', result: 'sl', netPct: -1.24, won: false, exitTime: T + 60_000, exitPrice: 101 } });
    expect(weights).toEqual({ type: 'weights', version: 5, weights: W, time: T });
    expect(job).toEqual({ type: 'job', job: 'daily', status: 'ok', summary: 'weights updated', at: T });
    expect(adaptEvent('signal', 'not json')).toBeNull();
    expect(adaptEvent('other', '{}')).toBeNull();
  });
});
