/**
 * Every endpoint against a database filled by the engine itself (runScan with recording, seed learning
 * and the scheduled jobs over ~5 days of the bundled BTCUSDT/ETHUSDT sample), on SQLite and PostgreSQL:
 * what the API answers must agree with what the tables hold.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { HEAD_IDS, REGIMES } from '../../src/heads/types.js';
import type { Store } from '../../src/store/database.js';
import { STORE_CASES, cleanupStores } from '../helpers/databases.js';
import { writeCandles } from '../../src/store/candles.js';
import { sampleSeries } from '../helpers/market-data.js';
import { FIXTURE_DAYS, seedStore, type Fixture } from './fixture.js';
import { AUTH, json, makeApp, parsePrometheus, sample, scalar } from './helpers.js';
import type { FakeControls } from './fake-controls.js';

afterAll(cleanupStores);

const DAY = 86_400_000;

type Obj = Record<string, unknown>;
type Arr = Obj[];

/** Adds one open signal the way the recorder writes them (a copy of the newest closed one, a minute later). */
async function addOpenSignal(store: Store): Promise<void> {
  const cols = 'symbol, direction, entry, stop, target, reward_risk, confidence, confluence, agreeing, regime, timeframe, setup_kind, weights_version, record, expires_at';
  await sql
    .raw(`INSERT INTO live_signals (id, time, ${cols}) SELECT id || '-open', time + 60000, ${cols} FROM signal_history ORDER BY time DESC LIMIT 1`)
    .execute(store.db);
}

describe.each(STORE_CASES.map((c) => [c.name, c] as const))('API endpoints on %s', (_name, sc) => {
  let f: Fixture;
  let store: Store;
  let app: FastifyInstance;
  let controls: FakeControls;

  beforeAll(async () => {
    if (!sc.available) return;
    f = await seedStore(await sc.open());
    store = f.store;
    await addOpenSignal(store);
    ({ app, controls } = await makeApp(store, { now: () => f.to + 60_000 }));
  }, 240_000);

  afterAll(async () => {
    await app?.close();
  });

  const q = (text: string) => scalar(store, text);

  it.skipIf(!sc.available)('the fixture is realistic: signals open and closed, shadows, versions, jobs', async () => {
    expect(await q('SELECT COUNT(*) FROM signal_history')).toBeGreaterThan(20);
    expect(await q('SELECT COUNT(*) FROM live_signals')).toBeGreaterThan(0);
    expect(await q('SELECT COUNT(*) FROM rejected_signals WHERE result IS NOT NULL')).toBeGreaterThan(100);
    expect(await q('SELECT COUNT(*) FROM learning_state')).toBeGreaterThan(10);
    expect(await q('SELECT COUNT(*) FROM job_runs')).toBeGreaterThan(10);
    expect(await q('SELECT COUNT(*) FROM rejection_learning_metrics')).toBeGreaterThan(0);
  });

  it.skipIf(!sc.available)('performance: overall from signal_history, heads from the consensus records, learning from the events', async () => {
    const p = await json<{ overall: Obj; heads: Arr; regimes: Arr; patterns: Arr; learning: Obj }>(app, '/api/learning/performance');
    const trades = await q('SELECT COUNT(*) FROM signal_history');
    expect(p.overall.trades).toBe(trades);
    expect(p.overall.wins).toBe(await q('SELECT SUM(won) FROM signal_history'));
    expect(p.overall.losses).toBe(trades - (p.overall.wins as number));
    expect(p.overall.winRate).toBeCloseTo((p.overall.wins as number) / trades, 12);
    expect(p.overall.totalNetPct).toBeCloseTo(await q('SELECT SUM(net_pct) FROM signal_history'), 9);
    expect(p.overall.avgNetPct).toBeCloseTo(await q('SELECT AVG(net_pct) FROM signal_history'), 9);
    expect(p.overall.openSignals).toBe(await q('SELECT COUNT(*) FROM live_signals'));
    const byResult = p.overall.byResult as Record<string, number>;
    expect(byResult.tp + byResult.sl + byResult.time).toBe(trades);
    expect(byResult.tp).toBe(await q("SELECT COUNT(*) FROM signal_history WHERE result = 'tp'"));
    for (const k of ['profitFactor', 'sharpe', 'sortino', 'maxDrawdownPct', 'bestStreak', 'worstStreak', 'avgHoldingHours', 'signalsPerDay', 'from', 'to']) expect(p.overall).toHaveProperty(k);
    expect(p.overall.maxDrawdownPct).toBeGreaterThanOrEqual(0);
    // profit factor recomputed from the rows
    const gains = await q('SELECT SUM(net_pct) FROM signal_history WHERE net_pct > 0');
    const losses = await q('SELECT SUM(net_pct) FROM signal_history WHERE net_pct < 0');
    expect(p.overall.profitFactor).toBeCloseTo(gains / Math.abs(losses), 9);

    // heads: counted again from the stored consensus records
    expect(p.heads.map((h) => h.head)).toEqual([...HEAD_IDS]);
    const records = (await sql.raw<{ record: string; direction: string; won: number }>('SELECT record, direction, won FROM signal_history').execute(store.db)).rows;
    const agreed = new Map<string, { n: number; w: number }>();
    for (const r of records) {
      for (const v of (JSON.parse(r.record) as { votes: { head: string; direction: string }[] }).votes) {
        if (v.direction !== r.direction) continue;
        const a = agreed.get(v.head) ?? { n: 0, w: 0 };
        a.n++;
        if (Number(r.won) === 1) a.w++;
        agreed.set(v.head, a);
      }
    }
    const active = (await sql.raw<{ state: string }>('SELECT s.state FROM active_learning_state a JOIN learning_state s ON s.version = a.version').execute(store.db)).rows[0]!;
    const weights = (JSON.parse(active.state) as { headWeights: number[] }).headWeights;
    for (const [i, h] of p.heads.entries()) {
      expect(h.signalsContributed, `head ${h.head}`).toBe(agreed.get(h.head as string)?.n ?? 0);
      expect(h.winsWhenAgreed).toBe(agreed.get(h.head as string)?.w ?? 0);
      expect(h.currentWeight).toBeCloseTo(weights[i]!, 12);
      expect(h.suggestedWeight).toBeGreaterThan(0);
      expect(typeof h.specialty).toBe('string');
    }
    expect(p.heads.reduce((s, h) => s + (h.suggestedWeight as number), 0)).toBeCloseTo(1, 9);

    // regimes: every regime listed, counts as in the table
    expect(p.regimes.map((r) => r.regime)).toEqual(expect.arrayContaining([...REGIMES]));
    expect(p.regimes.reduce((s, r) => s + (r.trades as number), 0)).toBe(trades);
    for (const r of p.regimes) expect(r.trades).toBe(await q(`SELECT COUNT(*) FROM signal_history WHERE regime = '${r.regime as string}'`));
    for (const pat of p.patterns) expect((pat.wins as number) + (pat.losses as number)).toBe(pat.trades);

    expect(p.learning.outcomesProcessed).toBe(await q("SELECT COUNT(*) FROM learning_events WHERE kind = 'outcome_processed'"));
    expect(p.learning.outcomesProcessed).toBe(trades);
    expect(p.learning.shadowOutcomesProcessed).toBe(await q("SELECT COUNT(*) FROM learning_events WHERE kind = 'shadow_processed'"));
    expect(p.learning.weightUpdates).toBe(await q("SELECT COUNT(*) FROM learning_events WHERE kind = 'weights_updated'"));
    expect(p.learning.versions).toBe(await q('SELECT COUNT(*) FROM learning_state'));
    expect(p.learning.currentVersion).toBe(await q('SELECT version FROM active_learning_state'));
    expect(p.learning.mode).toBe('seed');
  });

  it.skipIf(!sc.available)('head-weights: the active weights and the versions of the last N days', async () => {
    const now = f.to + 60_000;
    const h = await json<{ current: Obj; history: Arr; total: number; truncated: boolean; window: Obj; days: number }>(app, '/api/learning/head-weights');
    expect(h.days).toBe(30);
    expect(h.window).toEqual({ from: now - 30 * DAY, to: now });
    const active = await q('SELECT version FROM active_learning_state');
    expect(h.current.version).toBe(active);
    expect((h.current.weights as Arr).map((w) => w.head)).toEqual([...HEAD_IDS]);
    expect((h.current.weights as Arr).reduce((s, w) => s + (w.weight as number), 0)).toBeCloseTo(1, 9);
    const inWindow = await q(`SELECT COUNT(*) FROM learning_state WHERE created_at >= ${now - 30 * DAY} AND created_at <= ${now}`);
    expect(h.total).toBe(inWindow);
    expect(h.history.length).toBe(Math.min(1000, inWindow));
    expect(h.truncated).toBe(inWindow > 1000);
    const versions = h.history.map((v) => v.version as number);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions); // oldest first
    for (const v of h.history.slice(-5)) {
      expect(v.weights as number[]).toHaveLength(9);
      expect(v.thresholds as number[]).toHaveLength(4);
      expect(v.metrics).toHaveProperty('outcomes');
      const decided = await q(`SELECT COUNT(*) FROM signal_history WHERE weights_version = ${v.version as number}`);
      expect((v.signals as Obj).trades).toBe(decided);
    }
    // one day back: fewer versions, all created in that day
    const oneDay = await json<{ history: Arr; total: number }>(app, '/api/learning/head-weights?days=1&limit=10000');
    expect(oneDay.total).toBe(await q(`SELECT COUNT(*) FROM learning_state WHERE created_at >= ${now - DAY} AND created_at <= ${now}`));
    expect(oneDay.history).toHaveLength(oneDay.total);
    for (const v of oneDay.history) expect(v.createdAt as number).toBeGreaterThanOrEqual(now - DAY);
    // per-version signal counts add up to the signals decided with versions in the window
    const all = await json<{ history: Arr }>(app, '/api/learning/head-weights?days=3650&limit=10000');
    expect(all.history.reduce((s, v) => s + ((v.signals as Obj).trades as number), 0)).toBe(await q('SELECT COUNT(*) FROM signal_history'));
  });

  it.skipIf(!sc.available)('improvements: weeks, best and worst heads, trend with its rule', async () => {
    const im = await json<{ weeks: Arr; currentWeek: Obj | null; previousWeek: Obj | null; weekOverWeek: Obj | null; bestHeads: Arr; worstHeads: Arr; trend: Obj }>(app, '/api/learning/improvements');
    const trades = await q('SELECT COUNT(*) FROM signal_history');
    expect(im.weeks.reduce((s, w) => s + (w.trades as number), 0)).toBe(trades);
    expect(im.weeks.reduce((s, w) => s + (w.totalNetPct as number), 0)).toBeCloseTo(await q('SELECT SUM(net_pct) FROM signal_history'), 9);
    expect(im.currentWeek).toEqual(im.weeks[im.weeks.length - 1]);
    if (im.weeks.length > 1) {
      expect(im.previousWeek).toEqual(im.weeks[im.weeks.length - 2]);
      expect((im.weekOverWeek as Obj).totalNetPctChange).toBeCloseTo((im.currentWeek!.totalNetPct as number) - (im.previousWeek!.totalNetPct as number), 12);
    }
    expect(im.bestHeads.length).toBeLessThanOrEqual(3);
    expect(im.worstHeads.length).toBeLessThanOrEqual(3);
    expect(im.bestHeads.length).toBeGreaterThan(0);
    const rates = im.bestHeads.map((h) => h.smoothedWinRate as number);
    expect([...rates].sort((a, b) => b - a)).toEqual(rates);
    expect(im.bestHeads[0]!.smoothedWinRate as number).toBeGreaterThanOrEqual(im.worstHeads[0]!.smoothedWinRate as number);
    expect(['improving', 'stable', 'declining', 'insufficient_data']).toContain(im.trend.direction);
    expect(im.trend.window).toBe(Math.min(50, Math.floor(trades / 2)));
    expect((im.trend.recent as Obj).trades).toBe(im.trend.window);
    expect((im.trend.previous as Obj).trades).toBe(im.trend.window);
    expect(typeof im.trend.rule).toBe('string');
  });

  it.skipIf(!sc.available)('recommendations: prioritised, each with the numbers behind it', async () => {
    const r = await json<{ recommendations: Arr; thresholds: Obj; generatedFrom: Obj }>(app, '/api/learning/recommendations');
    expect(r.generatedFrom.resolvedSignals).toBe(await q('SELECT COUNT(*) FROM signal_history'));
    expect(r.generatedFrom.resolvedShadows).toBe(await q('SELECT COUNT(*) FROM rejected_signals WHERE result IS NOT NULL'));
    const rank = { high: 0, medium: 1, low: 2 } as Record<string, number>;
    const order = r.recommendations.map((x) => rank[x.priority as string]!);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const x of r.recommendations) {
      expect(Object.keys(x.evidence as Obj).length).toBeGreaterThan(0);
      expect(typeof x.message).toBe('string');
    }
    const avg = await q('SELECT AVG(net_pct) FROM signal_history');
    expect(r.recommendations.some((x) => x.kind === 'negative_expectancy')).toBe(avg < 0);
    for (const regime of REGIMES) {
      const n = await q(`SELECT COUNT(*) FROM signal_history WHERE regime = '${regime}'`);
      const w = await q(`SELECT SUM(won) FROM signal_history WHERE regime = '${regime}'`);
      const expected = n >= (r.thresholds.minRegimeTrades as number) && w / n < (r.thresholds.lowWinRate as number);
      expect(r.recommendations.some((x) => x.id === `raise_threshold:${regime}`), regime).toBe(expected);
    }
    for (const x of r.recommendations.filter((y) => y.kind === 'adjust_head_weight')) {
      const e = x.evidence as Record<string, number>;
      expect(Math.abs(e.suggestedWeight! - e.currentWeight!)).toBeGreaterThanOrEqual(r.thresholds.weightGap as number);
      expect(e.signalsContributed).toBeGreaterThanOrEqual(r.thresholds.minHeadSamples as number);
    }
  });

  it.skipIf(!sc.available)('stats: learning counts from the store, monitor and streams from the service', async () => {
    const s = await json<{ learning: Obj; signals: Obj; shadows: Obj; monitor: Obj; streams: Arr; scheduler: Arr }>(app, '/api/learning/stats');
    expect(s.learning.outcomesProcessed).toBe(await q("SELECT COUNT(*) FROM learning_events WHERE kind = 'outcome_processed'"));
    expect(s.learning.weightUpdates).toBe(await q("SELECT COUNT(*) FROM learning_events WHERE kind = 'weights_updated'"));
    expect(s.learning.versions).toBe(await q('SELECT COUNT(*) FROM learning_state'));
    expect(s.learning.lastUpdateAt).toBe(await q('SELECT MAX(created_at) FROM learning_state'));
    expect(s.signals).toEqual({ open: await q('SELECT COUNT(*) FROM live_signals'), closed: await q('SELECT COUNT(*) FROM signal_history') });
    expect(s.shadows.resolved).toBe(await q('SELECT COUNT(*) FROM rejected_signals WHERE result IS NOT NULL'));
    const st = controls.status();
    expect(s.monitor).toEqual(st.engine);
    expect(s.streams).toEqual(st.streams);
    expect(s.scheduler.map((j) => j.nextRun)).toEqual(st.scheduler.jobs.map((j) => j.nextRun));
  });

  it.skipIf(!sc.available)('rejection analysis: sums equal the rejected_signals and rejection_learning_metrics counts', async () => {
    const r = await json<{ decisions: Obj; totals: Obj; byCategory: Arr; byRegime: Arr; byDay: Arr; topMissed: Arr; topGood: Arr }>(app, '/api/learning/rejection-analysis');
    const candidates = await q('SELECT COUNT(*) FROM rejected_signals');
    const resolved = await q('SELECT COUNT(*) FROM rejected_signals WHERE result IS NOT NULL');
    const missed = await q("SELECT COUNT(*) FROM rejected_signals WHERE classification = 'missed_opportunity'");
    const good = await q("SELECT COUNT(*) FROM rejected_signals WHERE classification = 'good_rejection'");
    expect(r.totals).toMatchObject({ candidates, resolved, missedOpportunities: missed, goodRejections: good, unresolved: candidates - resolved });
    expect(r.totals.rejectionAccuracy).toBeCloseTo(good / resolved, 12);
    const sum = (xs: Arr, k: string) => xs.reduce((s, x) => s + (x[k] as number), 0);
    expect(sum(r.byCategory, 'candidates')).toBe(candidates);
    expect(sum(r.byCategory, 'resolved')).toBe(resolved);
    expect(sum(r.byRegime, 'candidates')).toBe(candidates);
    expect(sum(r.byRegime, 'missedOpportunities')).toBe(missed);
    for (const c of r.byCategory) {
      expect(c.candidates).toBe(await q(`SELECT COUNT(*) FROM rejected_signals WHERE category = '${c.category as string}'`));
      expect((c.goodRejections as number) + (c.missedOpportunities as number)).toBe(c.resolved);
    }
    expect(r.decisions.total).toBe(await q('SELECT COUNT(*) FROM scan_history'));
    expect(r.decisions.rejections).toBe(await q("SELECT COUNT(*) FROM scan_history WHERE action = 'reject'"));
    expect(sum(r.decisions.byCategory as Arr, 'count')).toBe(r.decisions.rejections);
    expect(sum(r.byDay, 'candidates')).toBe(candidates);
    expect(sum(r.byDay, 'resolved')).toBe(await q('SELECT SUM(resolved) FROM rejection_learning_metrics'));
    expect(sum(r.byDay, 'goodRejections')).toBe(await q('SELECT SUM(good_rejections) FROM rejection_learning_metrics'));
    expect(sum(r.byDay, 'missedOpportunities')).toBe(await q('SELECT SUM(missed_opportunities) FROM rejection_learning_metrics'));
    expect(r.topMissed.length).toBe(Math.min(10, missed));
    expect(r.topMissed[0]!.netPct).toBeCloseTo(await q("SELECT MAX(net_pct) FROM rejected_signals WHERE classification = 'missed_opportunity'"), 12);
    expect(r.topGood[0]!.netPct).toBeCloseTo(await q("SELECT MIN(net_pct) FROM rejected_signals WHERE classification = 'good_rejection'"), 12);
  });

  it.skipIf(!sc.available)('scheduler: jobs with last and next runs, history from job_runs', async () => {
    const s = await json<{ jobs: Arr; history: { total: number; items: Arr } }>(app, '/api/learning/scheduler?limit=500');
    expect(s.jobs.map((j) => j.job)).toEqual(['daily', 'weekly', 'hourly']);
    for (const j of s.jobs) {
      expect((j.runs as Obj).total).toBe(await q(`SELECT COUNT(*) FROM job_runs WHERE job = '${j.job as string}'`));
      const last = await q(`SELECT MAX(scheduled_for) FROM job_runs WHERE job = '${j.job as string}'`);
      expect((j.lastRun as Obj | null)?.scheduledFor ?? 0).toBe(last);
      expect(j.nextRun).toBe(controls.status().scheduler.jobs.find((x) => x.job === j.job)!.nextRun);
      expect(j.triggerable).toBe(j.job !== 'hourly');
    }
    expect(s.history.total).toBe(await q('SELECT COUNT(*) FROM job_runs'));
    expect(s.history.items.length).toBe(Math.min(500, s.history.total));
    const daily = await json<{ history: { total: number; items: Arr } }>(app, '/api/learning/scheduler?job=daily');
    expect(daily.history.total).toBe(await q("SELECT COUNT(*) FROM job_runs WHERE job = 'daily'"));
    expect(daily.history.items.every((i) => i.job === 'daily')).toBe(true);
  });

  it.skipIf(!sc.available)('trigger-daily / trigger-weekly: 401 without or with a wrong token, 200 with it', async () => {
    for (const job of ['daily', 'weekly']) {
      const url = `/api/learning/trigger-${job}`;
      const none = await app.inject({ method: 'POST', url });
      expect(none.statusCode).toBe(401);
      expect(JSON.parse(none.body)).toMatchObject({ error: { code: 'AP_ERR_UNAUTHORIZED' } });
      expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
      expect((await app.inject({ method: 'POST', url, headers: { authorization: 'Bearer wrong-token-0123456789' } })).statusCode).toBe(401);
      expect((await app.inject({ method: 'POST', url, headers: { authorization: `Basic ${AUTH.authorization.slice(7)}` } })).statusCode).toBe(401);
      const before = controls.triggered.length;
      const ok = await json<Obj>(app, url, { method: 'POST', headers: AUTH });
      expect(ok).toMatchObject({ job, status: 'skipped' });
      expect(controls.triggered.length).toBe(before + 1);
    }
  });

  it.skipIf(!sc.available)('signals: open from live_signals, closed from signal_history, filters and paging, record parsed', async () => {
    const open = await q('SELECT COUNT(*) FROM live_signals');
    const closed = await q('SELECT COUNT(*) FROM signal_history');
    const o = await json<{ total: number; items: Arr }>(app, '/api/signals?status=open');
    expect(o.total).toBe(open);
    expect(o.items.every((s) => s.status === 'open' && s.outcome === null)).toBe(true);
    const c = await json<{ total: number; items: Arr }>(app, '/api/signals?status=closed&limit=1000');
    expect(c.total).toBe(closed);
    expect(c.items).toHaveLength(closed);
    expect(c.items.every((s) => s.status === 'closed' && (s.outcome as Obj).result !== undefined)).toBe(true);
    const a = await json<{ total: number; items: Arr }>(app, '/api/signals');
    expect(a.total).toBe(open + closed);
    // paging covers everything once, newest first
    const seen: string[] = [];
    for (let offset = 0; offset < a.total; offset += 7) {
      const page = await json<{ items: Arr }>(app, `/api/signals?status=all&limit=7&offset=${offset}`);
      seen.push(...page.items.map((s) => s.id as string));
    }
    expect(new Set(seen).size).toBe(open + closed);
    const all = await json<{ items: Arr }>(app, '/api/signals?limit=1000');
    const times = all.items.map((s) => s.time as number);
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    expect(all.items.map((s) => s.id)).toEqual(seen);
    // consensus record parsed: nine votes with reasons
    const rec = all.items[0]!.consensus as { votes: { head: string; reasons: string[] }[]; weights: number[]; indicators: Obj; regime: string };
    expect(rec.votes.map((v) => v.head)).toEqual([...HEAD_IDS]);
    expect(Array.isArray(rec.votes[0]!.reasons)).toBe(true);
    expect(rec.weights).toHaveLength(9);
    expect(typeof rec.indicators.close).toBe('number');
    // symbol (case-insensitive) and time filters
    const eth = await json<{ total: number; items: Arr }>(app, '/api/signals?symbol=ethusdt&limit=1000');
    expect(eth.total).toBe((await q("SELECT COUNT(*) FROM signal_history WHERE symbol = 'ETHUSDT'")) + (await q("SELECT COUNT(*) FROM live_signals WHERE symbol = 'ETHUSDT'")));
    expect(eth.items.every((s) => s.symbol === 'ETHUSDT')).toBe(true);
    const from = f.from + 2 * DAY;
    const to = f.from + 3 * DAY;
    const ranged = await json<{ total: number; items: Arr }>(app, `/api/signals?status=closed&from=${from}&to=${new Date(to).toISOString()}&limit=1000`);
    expect(ranged.total).toBe(await q(`SELECT COUNT(*) FROM signal_history WHERE time >= ${from} AND time <= ${to}`));
    expect(ranged.items.every((s) => (s.time as number) >= from && (s.time as number) <= to)).toBe(true);
    expect((await json<{ total: number }>(app, '/api/signals?symbol=DOGEUSDT')).total).toBe(0);
  });

  it.skipIf(!sc.available)('candles: stored candles, limit at most 5000, ranges, 404 for an unknown series', async () => {
    const stored = await q("SELECT COUNT(*) FROM candles c JOIN series s ON s.id = c.series_id WHERE s.symbol = 'BTCUSDT'");
    const last = await json<{ count: number; hasMore: boolean; candles: Arr }>(app, '/api/candles?symbol=BTCUSDT&interval=1m&limit=5000');
    expect(last.count).toBe(Math.min(5000, stored));
    expect(last.hasMore).toBe(stored > 5000);
    const times = last.candles.map((c) => c.openTime as number);
    expect(times[times.length - 1]).toBe(f.to);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBe(60_000);
    const first = await json<{ candles: Arr }>(app, `/api/candles?symbol=BTCUSDT&from=${f.from}&limit=3`);
    expect(first.candles.map((c) => c.openTime)).toEqual([f.from, f.from + 60_000, f.from + 120_000]);
    const row = (await sql.raw<Obj>(`SELECT open, high, low, close, volume FROM candles c JOIN series s ON s.id = c.series_id WHERE s.symbol = 'BTCUSDT' AND open_time = ${f.from}`).execute(store.db)).rows[0]!;
    expect(first.candles[0]).toMatchObject({ open: Number(row.open), high: Number(row.high), low: Number(row.low), close: Number(row.close), volume: Number(row.volume), closeTime: f.from + 59_999 });
    const hour = await json<{ count: number }>(app, `/api/candles?symbol=ETHUSDT&from=2025-06-02T00:00:00Z&to=2025-06-02T00:59:00Z`);
    expect(hour.count).toBe(60);
    const r = await app.inject({ method: 'GET', url: '/api/candles?symbol=DOGEUSDT' });
    expect(r.statusCode).toBe(404);
    expect(JSON.parse(r.body)).toMatchObject({ error: { code: 'AP_ERR_NOT_FOUND' } });
    const over = await app.inject({ method: 'GET', url: '/api/candles?symbol=BTCUSDT&limit=5001' });
    expect(over.statusCode).toBe(400);
    expect(JSON.parse(over.body).error.message).toContain('limit');
  });

  it.skipIf(!sc.available)('candles of an interval that is not stored: built from the 1m candles in UTC buckets, limit on the bars', async () => {
    const minutes = sampleSeries('BTCUSDT').candles.slice(0, FIXTURE_DAYS * 1440);
    type Bar = { openTime: number; open: number; high: number; low: number; close: number; volume: number; closeTime: number; trades: number; quoteVolume: number };
    type Page = { interval: string; aggregatedFrom: string | null; count: number; hasMore: boolean; candles: Bar[] };
    const expected = (tf: number): Bar[] => {
      const out: Bar[] = [];
      for (const c of minutes) {
        const t = c.openTime - (c.openTime % tf);
        const b = out[out.length - 1];
        if (b && b.openTime === t) {
          b.high = Math.max(b.high, c.high);
          b.low = Math.min(b.low, c.low);
          b.close = c.close;
          b.volume += c.volume;
          b.quoteVolume += c.quoteVolume;
          b.trades += c.trades;
          b.closeTime = c.closeTime;
        } else out.push({ openTime: t, open: c.open, high: c.high, low: c.low, close: c.close, volume: c.volume, closeTime: c.closeTime, trades: c.trades, quoteVolume: c.quoteVolume });
      }
      return out;
    };
    const same = (got: Bar[], want: Bar[]) => {
      expect(got.map((b) => b.openTime)).toEqual(want.map((b) => b.openTime));
      got.forEach((b, i) => {
        const w = want[i]!;
        expect({ ...b, volume: 0, quoteVolume: 0 }).toMatchObject({ ...w, volume: 0, quoteVolume: 0 });
        expect(b.volume).toBeCloseTo(w.volume, 6);
        expect(b.quoteVolume).toBeCloseTo(w.quoteVolume, 4);
      });
    };
    // 5m: the last `limit` bars, newest last, every one equal to the 1m candles folded by hand
    const five = await json<Page>(app, '/api/candles?symbol=BTCUSDT&interval=5m&limit=100');
    expect(five).toMatchObject({ interval: '5m', aggregatedFrom: '1m', count: 100, hasMore: true });
    same(five.candles, expected(300_000).slice(-100));
    expect(five.candles.at(-1)!.closeTime).toBe(five.candles.at(-1)!.openTime + 300_000 - 1); // complete
    // 1h from a time inside a bucket: bars opening at or after it; `to` takes its bar whole
    const hour = await json<Page>(app, `/api/candles?symbol=BTCUSDT&interval=1h&from=${f.from + 30 * 60_000}&to=${f.from + 5 * 3_600_000 + 60_000}`);
    same(hour.candles, expected(3_600_000).slice(1, 6));
    expect(hour.hasMore).toBe(false);
    const firstHours = await json<Page>(app, `/api/candles?symbol=BTCUSDT&interval=1h&from=${f.from}&limit=3`);
    expect(firstHours).toMatchObject({ count: 3, hasMore: true });
    same(firstHours.candles, expected(3_600_000).slice(0, 3));
    // 4h and 1d: UTC-aligned, the whole fixture fits in one page
    const four = await json<Page>(app, '/api/candles?symbol=ETHUSDT&interval=4h&limit=5000');
    expect(four).toMatchObject({ count: FIXTURE_DAYS * 6, hasMore: false });
    expect(four.candles.every((b) => b.openTime % 14_400_000 === 0)).toBe(true);
    const days = await json<Page>(app, '/api/candles?symbol=BTCUSDT&interval=1d');
    same(days.candles, expected(86_400_000));
    expect(days.candles[0]!.openTime).toBe(Date.UTC(2025, 5, 1));
    // nothing to build from
    const none = await app.inject({ method: 'GET', url: '/api/candles?symbol=DOGEUSDT&interval=5m' });
    expect(none.statusCode).toBe(404);
    expect(JSON.parse(none.body).error.message).toContain('nor 1m candles');

    // A series with a gap and a partial last bucket: 00:00–00:04, (gap), 01:00–01:02 and day 3 00:00–00:01.
    const other = await sc.open();
    const t0 = Date.UTC(2025, 5, 1);
    const pick = [0, 1, 2, 3, 4, 60, 61, 62, 2 * 1440, 2 * 1440 + 1];
    await writeCandles(other, { exchange: 'binance', symbol: 'BTCUSDT', interval: '1m' }, pick.map((i) => ({ ...minutes[i]! })));
    await writeCandles(other, { exchange: 'binance', symbol: 'BTCUSDT', interval: '1h' }, [{ ...minutes[0]!, closeTime: t0 + 3_600_000 - 1 }]);
    const o = await makeApp(other);
    const all = await json<Page>(o.app, '/api/candles?symbol=BTCUSDT&interval=5m');
    expect(all.candles.map((b) => (b.openTime - t0) / 60_000)).toEqual([0, 60, 2 * 1440]);
    expect(all.candles.map((b) => b.closeTime - b.openTime + 1)).toEqual([300_000, 180_000, 120_000]); // complete, partial, partial
    expect(all.candles[1]).toMatchObject({ open: minutes[60]!.open, close: minutes[62]!.close, high: Math.max(...[60, 61, 62].map((i) => minutes[i]!.high)), low: Math.min(...[60, 61, 62].map((i) => minutes[i]!.low)) });
    // the limit counts bars, across the gaps
    const two = await json<Page>(o.app, '/api/candles?symbol=BTCUSDT&interval=5m&limit=2');
    expect(two.candles.map((b) => (b.openTime - t0) / 60_000)).toEqual([60, 2 * 1440]);
    expect(two.hasMore).toBe(true);
    const asc = await json<Page>(o.app, `/api/candles?symbol=BTCUSDT&interval=15m&from=${t0 + 60_000}&limit=1`);
    expect(asc.candles.map((b) => (b.openTime - t0) / 60_000)).toEqual([60]);
    expect(asc.hasMore).toBe(true);
    // a stored series of the interval wins
    expect(await json<Page>(o.app, '/api/candles?symbol=BTCUSDT&interval=1h')).toMatchObject({ aggregatedFrom: null, count: 1 });
    await o.app.close();
  });

  it.skipIf(!sc.available)('versions: learning_state rows, paged, the active one flagged', async () => {
    const total = await q('SELECT COUNT(*) FROM learning_state');
    const v = await json<{ total: number; items: Arr; activeVersion: number }>(app, '/api/learning/versions?limit=1000');
    expect(v.total).toBe(total);
    expect(v.items).toHaveLength(Math.min(1000, total));
    expect(v.activeVersion).toBe(await q('SELECT version FROM active_learning_state'));
    expect(v.items.filter((i) => i.active).map((i) => i.version)).toEqual(v.items.some((i) => i.version === v.activeVersion) ? [v.activeVersion] : []);
    const page2 = await json<{ items: Arr }>(app, '/api/learning/versions?limit=5&offset=5');
    expect(page2.items.map((i) => i.version)).toEqual(v.items.slice(5, 10).map((i) => i.version));
    expect(page2.items[0]!.headWeights as number[]).toHaveLength(9);
  });

  it.skipIf(!sc.available)('health and metrics agree with the store and the service status', async () => {
    const h = await json<{ status: string; db: Obj; service: Obj }>(app, '/health');
    expect(h.status).toBe('ok');
    expect(h.db).toMatchObject({ ok: true, dialect: sc.name });
    expect(h.service.weightsVersion).toBe(controls.status().engine.weightsVersion);
    const r = await app.inject({ method: 'GET', url: '/metrics' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const { samples, types } = parsePrometheus(r.body);
    const st = controls.status();
    expect(sample(samples, 'alphapulse_candles_processed_total')).toBe(st.engine.candlesProcessed);
    expect(sample(samples, 'alphapulse_signals_total')).toBe((await q('SELECT COUNT(*) FROM live_signals')) + (await q('SELECT COUNT(*) FROM signal_history')));
    expect(sample(samples, 'alphapulse_outcomes_total', { kind: 'signal', result: 'won' })).toBe(await q('SELECT SUM(won) FROM signal_history'));
    expect(sample(samples, 'alphapulse_open_positions', { kind: 'signal' })).toBe(st.engine.openSignals);
    expect(sample(samples, 'alphapulse_weights_version')).toBe(st.engine.weightsVersion);
    expect(sample(samples, 'alphapulse_stream_reconnects_total', { symbol: 'BTCUSDT' })).toBe(2);
    expect(sample(samples, 'alphapulse_job_runs_total', { job: 'hourly', status: 'ok' })).toBe(await q("SELECT COUNT(*) FROM job_runs WHERE job = 'hourly' AND status = 'ok'"));
    // requests answered earlier in this file, by route template and status
    expect(sample(samples, 'alphapulse_http_requests_total', { method: 'GET', route: '/api/learning/performance', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(sample(samples, 'alphapulse_http_requests_total', { method: 'POST', route: '/api/learning/trigger-daily', status: '401' })).toBeGreaterThanOrEqual(1);
    expect(types.get('alphapulse_http_request_duration_seconds')).toBe('histogram');
    expect(sample(samples, 'alphapulse_http_request_duration_seconds_count', { route: '/api/learning/performance' })).toBeGreaterThanOrEqual(1);
  });

  it.skipIf(!sc.available)('rollback: 401 without the token; activates the version (recorded) with it; 404 for a missing one', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/learning/rollback', payload: { version: 2 } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/learning/rollback', headers: { authorization: 'Bearer nope-nope-nope-nope-nope' }, payload: { version: 2 } })).statusCode).toBe(401);
    const before = await q('SELECT version FROM active_learning_state');
    const r = await json<Obj>(app, '/api/learning/rollback', { method: 'POST', headers: AUTH, payload: { version: 2, reason: 'test' } });
    expect(r).toEqual({ version: 2, previousVersion: before, reason: 'test' });
    expect(controls.rollbacks.at(-1)).toEqual({ version: 2, reason: 'test' });
    expect(await q('SELECT version FROM active_learning_state')).toBe(2);
    expect(await q("SELECT COUNT(*) FROM learning_events WHERE kind = 'rollback' AND version_after = 2")).toBe(1);
    // the API reflects it at once
    expect((await json<{ learning: Obj }>(app, '/api/learning/performance')).learning.currentVersion).toBe(2);
    expect((await json<{ activeVersion: number }>(app, '/api/learning/versions?limit=1')).activeVersion).toBe(2);
    const missing = await app.inject({ method: 'POST', url: '/api/learning/rollback', headers: AUTH, payload: { version: 10_000_000 } });
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(missing.body)).toMatchObject({ error: { code: 'AP_ERR_NOT_FOUND' } });
    const bad = await app.inject({ method: 'POST', url: '/api/learning/rollback', headers: AUTH, payload: { version: 0 } });
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body).error.message).toContain('version');
  });
});
