/**
 * The dashboard end to end against the REAL API: builds web/ with Vite into a temp folder, starts the API
 * in-process over a store the engine filled (a few days of the bundled sample replayed with recording,
 * seed learning and the jobs — see real-server.ts), serves the dashboard with it, and drives it in
 * headless Chromium: candles on 5m built by the API, weights, versions, rejections, a signal's head votes,
 * the protected job trigger with and without the token, rollback, live updates over SSE from the service's
 * LiveEvents, and the client-side fallback when the API cannot build an interval.
 * The adapters are also checked on every real payload (no browser needed for that part).
 * Screenshots go to test/web/__output__/. Without /usr/bin/chromium the browser part is skipped
 * (and fails under CI=true, where the browser must be there).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/engine/engine.js';
import {
  adaptCandles,
  adaptEvent,
  adaptHeadWeights,
  adaptImprovements,
  adaptPerformance,
  adaptRejections,
  adaptScheduler,
  adaptSignals,
  adaptVersions,
  HEADS,
} from '../../web/src/api.js';
import { REPO_ROOT, sampleSeries } from '../helpers/market-data.js';
import { startRealServer, type RealServer } from './real-server.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const OUTPUT = join(REPO_ROOT, 'test/web/__output__');
const DAYS = 4;
const runBrowser = existsSync(CHROMIUM) || process.env.CI === 'true';

if (!runBrowser) console.warn(`[test/web] ${CHROMIUM} is missing: skipping the dashboard browser test (it runs, and must pass, under CI=true)`);

/** Counts the pixels of the candle colors (up #2ebd85, down #f6465d) on the chart's canvases. */
const COUNT_CANDLE_PIXELS = `(() => {
  let up = 0, down = 0;
  for (const c of document.querySelectorAll('#price-chart canvas')) {
    if (!c.width || !c.height) continue;
    const ctx = c.getContext('2d');
    if (!ctx) continue;
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 3] < 200) continue;
      const r = d[i], g = d[i + 1], b = d[i + 2];
      if (Math.abs(r - 46) < 12 && Math.abs(g - 189) < 12 && Math.abs(b - 133) < 12) up++;
      else if (Math.abs(r - 246) < 12 && Math.abs(g - 70) < 12 && Math.abs(b - 93) < 12) down++;
    }
  }
  return { up, down };
})()`;

type Obj = Record<string, unknown>;

let outDir = '';
let server: RealServer;
const get = async <T = Obj>(path: string): Promise<T> => {
  const r = await fetch(`${server.url}${path}`);
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
};

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'alphapulse-web-'));
  await build({ configFile: join(REPO_ROOT, 'web/vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
  server = await startRealServer(outDir, DAYS);
});

afterAll(async () => {
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('dashboard adapters on the real API payloads', () => {
  it('reads every field the views use', async () => {
    const candles = adaptCandles(await get('/api/candles?symbol=BTCUSDT&interval=5m&limit=1000'));
    expect(candles).toHaveLength(1000);
    expect(candles.every((c) => c.time % 300_000 === 0 && c.high >= c.low && c.volume >= 0)).toBe(true);

    const { signals, total } = adaptSignals(await get('/api/signals?status=all&limit=1000'));
    expect(total).toBe(signals.length);
    const closed = signals.filter((s) => s.status === 'closed');
    expect(closed.length).toBeGreaterThan(3);
    for (const s of signals) {
      expect(s).toMatchObject({ direction: expect.stringMatching(/^(LONG|SHORT)$/), timeframe: expect.any(String), regime: expect.any(String) });
      for (const k of ['entry', 'stop', 'target', 'confidence'] as const) expect(s[k]).not.toBeNull();
      expect(s.votes.map((v) => v.head)).toEqual([...HEADS]);
      expect(s.votes.every((v) => v.specialty !== '' && v.confidence !== null)).toBe(true);
      expect(s.weights.filter(Number.isFinite)).toHaveLength(9);
    }
    for (const s of closed) for (const k of ['result', 'netPct', 'won', 'exitTime', 'exitPrice'] as const) expect(s[k]).not.toBeNull();

    const perf = adaptPerformance(await get('/api/learning/performance'));
    expect(Object.values(perf.overall).every((v) => v !== null)).toBe(true);
    expect(perf.heads.map((h) => h.head)).toEqual([...HEADS]);
    expect(perf.heads.every((h) => h.agreed !== null && h.currentWeight !== null && h.suggestedWeight !== null)).toBe(true);
    expect(perf.regimes.length).toBeGreaterThan(0);

    const w = adaptHeadWeights(await get('/api/learning/head-weights?days=3650'));
    expect(w.current!.weights.filter(Number.isFinite)).toHaveLength(9);
    expect(w.history.length).toBeGreaterThan(2);
    expect(w.history.every((p) => p.weights.filter(Number.isFinite).length === 9)).toBe(true);

    const imp = adaptImprovements(await get('/api/learning/improvements'));
    expect(imp.weeks.length).toBeGreaterThan(0);
    expect(imp.trend).not.toBeNull();

    const rej = adaptRejections(await get('/api/learning/rejection-analysis'));
    expect(rej.byCategory.length).toBeGreaterThan(1);
    for (const r of [...rej.byCategory, rej.totals!]) {
      for (const k of ['rejections', 'candidates', 'resolved', 'goodRejections', 'missedOpportunities'] as const) expect(r[k]).not.toBeNull();
      expect(r.accuracy === null).toBe(r.resolved === 0);
    }

    const jobs = adaptScheduler(await get('/api/learning/scheduler'));
    expect(jobs.jobs.map((j) => j.job)).toEqual(expect.arrayContaining(['daily', 'weekly', 'hourly']));
    expect(jobs.jobs.every((j) => j.last !== null && j.last.at !== null && j.last.status !== '' && j.next !== null)).toBe(true);

    const versions = adaptVersions(await get('/api/learning/versions?limit=200'));
    expect(versions.items.length).toBeGreaterThan(2);
    expect(versions.activeVersion).toBe(w.current!.version);
    expect(versions.items.every((v) => v.createdAt !== null && v.reason !== '' && v.mode === 'seed' && v.headWeights.length === 9)).toBe(true);
  });

  it('reads the live events the service sends', () => {
    const c = sampleSeries('BTCUSDT').candles[0]!;
    const seen: { type: string; data: unknown }[] = [];
    const off = server.live.subscribe((m) => seen.push(m));
    server.live.candle('BTCUSDT', c);
    off();
    const e = adaptEvent(seen[0]!.type, JSON.stringify(seen[0]!.data));
    expect(e).toEqual({ type: 'candle', symbol: 'BTCUSDT', interval: null, bar: { time: c.openTime, open: c.open, high: c.high, low: c.low, close: c.close, volume: c.volume } });
  });
});

describe.skipIf(!runBrowser)('web dashboard on the real API (headless Chromium)', () => {
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const candleRequests: string[] = [];

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`${m.text()} @ ${m.location().url}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      if (r.url().includes('/api/candles')) candleRequests.push(r.url());
    });
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('draws the API-built 5m candles with signal markers, and the KPIs', async () => {
    const chart = page.locator('#price-chart');
    // 4 days = 1152 five-minute bars: the last 1000, aggregated by the API (no 1m request).
    await expect.poll(() => chart.getAttribute('data-candles-count')).toBe('1000');
    expect(candleRequests.length).toBeGreaterThan(0);
    expect(candleRequests.every((u) => u.includes('interval=5m'))).toBe(true);
    expect(await page.locator('#chart-error').isHidden()).toBe(true);
    expect(Number(await chart.getAttribute('data-markers-count'))).toBeGreaterThan(0);
    const pixels = (await page.evaluate(COUNT_CANDLE_PIXELS)) as { up: number; down: number };
    expect(pixels.up).toBeGreaterThan(500);
    expect(pixels.down).toBeGreaterThan(500);

    const perf = await get<{ overall: { winRate: number; trades: number } }>('/api/learning/performance');
    expect(await page.locator('#kpi-win-rate .kpi-value').textContent()).toBe(`${(perf.overall.winRate * 100).toFixed(1)}%`);
    expect(await page.locator('#kpi-trades .kpi-value').textContent()).toBe(String(perf.overall.trades));
  });

  it('shows the head weights, heads, versions, rejections and jobs from the API', async () => {
    const weights = page.locator('#weights-chart');
    expect(await weights.getAttribute('data-series')).toBe('9');
    expect(Number(await weights.getAttribute('data-points'))).toBeGreaterThan(2);
    const chips = page.locator('#weights-legend .legend-chip b');
    expect(await chips.count()).toBe(9);
    for (const t of await chips.allTextContents()) expect(t).toMatch(/^\d+\.\d\d$/);
    // the replayed data is older than 30 days: the window ends at the newest version
    expect(await page.locator('#weights-version').textContent()).toMatch(/^active v\d+ · \d+ versions · 30 days up to /);

    const heads = page.locator('#heads-table tbody tr');
    expect(await heads.count()).toBe(9);
    for (const t of await heads.locator('td:nth-child(2)').allTextContents()) expect(t).toMatch(/^\d+$/);

    const v = await get<{ total: number; activeVersion: number }>('/api/learning/versions');
    const rows = page.locator('#versions-table tbody tr[data-version]');
    expect(await rows.count()).toBe(Math.min(v.total, 200));
    expect(await page.locator('#versions-table tr.active').getAttribute('data-version')).toBe(String(v.activeVersion));
    expect(await page.locator('#versions-table tr.active .wbars i').count()).toBe(9);

    const rej = await get<{ byCategory: { category: string; resolved: number }[] }>('/api/learning/rejection-analysis');
    const rejRows = page.locator('#rejections-table tbody tr');
    expect(await rejRows.count()).toBe(rej.byCategory.length + 1); // and the total row
    for (let i = 0; i < (await rejRows.count()); i++) {
      const cells = await rejRows.nth(i).locator('td').allTextContents();
      expect(cells).toHaveLength(7);
      for (const c of cells.slice(1, 6)) expect(c).toMatch(/^\d[\d,]*$/);
      expect(cells[6]).toMatch(/^\d+\.\d%$/);
    }

    const jobs = page.locator('#jobs-table tbody tr');
    expect(await jobs.count()).toBe(3);
    for (const t of await jobs.locator('td:nth-child(4)').allTextContents()) expect(t).toMatch(/^(ok|skipped)$/);
  });

  it("shows each head's vote with its reasons when a closed signal is clicked", async () => {
    const { items } = await get<{ items: { id: string; status: string; consensus: { votes: { head: string; specialty: string; reasons: string[] }[] } }[] }>('/api/signals?status=closed&limit=5');
    const closed = items[0]!;
    await page.locator('.tabs button[data-tab="recent"]').click();
    const row = page.locator(`#signals-table tr[data-id="${closed.id}"]`);
    await row.click();
    await expect.poll(() => page.locator('#votes li.vote').count()).toBe(9);
    expect(await row.getAttribute('class')).toContain('selected');
    for (const vote of closed.consensus.votes) {
      const li = page.locator(`#votes li.vote[data-head="${vote.head}"]`);
      expect(await li.locator('.specialty').textContent()).toBe(vote.specialty);
      expect(await li.locator('.reasons li').allTextContents()).toEqual(vote.reasons);
    }
    expect(await page.locator('#votes .reasons li').count()).toBeGreaterThan(9);
    expect(await page.locator('#signal-detail .detail-head .badge').textContent()).toMatch(/^(tp|sl|time)$/);
    await page.locator('.detail-card').screenshot({ path: join(OUTPUT, 'signal-votes.png') });
  });

  it('runs the daily job only with the token, and shows the 401 without it', async () => {
    const result = page.locator('#job-result');
    await page.locator('#run-daily').click();
    await page.locator('#token-dialog').waitFor();
    await page.locator('#token-input').fill('');
    await page.locator('#token-ok').click();
    await expect.poll(() => result.textContent()).toContain('401 Unauthorized');
    expect(await result.textContent()).toContain('Authorization: Bearer');
    expect(await result.getAttribute('class')).toContain('error');

    const before = await get<{ total: number }>('/api/learning/versions');
    await page.locator('#run-daily').click();
    await page.locator('#token-input').fill(server.token);
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/learning/trigger-daily'));
    await page.locator('#token-ok').click();
    const body = (await (await answer).json()) as { job: string; status: string; summary: string };
    expect(body).toMatchObject({ job: 'daily', status: 'ok' });
    await expect.poll(() => result.textContent()).toBe(`✓ daily job: ${body.summary}`);
    expect(await result.getAttribute('class')).toContain('ok');
    expect(await page.evaluate('sessionStorage.getItem("alphapulse.apiToken")')).toBe(server.token);
    // the job wrote a version: the panels reload
    const after = await get<{ total: number; activeVersion: number }>('/api/learning/versions');
    expect(after.total).toBe(before.total + 1);
    await expect.poll(() => page.locator('#versions-table tr.active').getAttribute('data-version')).toBe(String(after.activeVersion));
    await page.locator('.tabs button[data-tab="recent"]').click();
    await page.screenshot({ path: join(OUTPUT, 'dashboard-real.png'), fullPage: true });
  });

  it('rolls back to a version after confirmation, with the stored token', async () => {
    const v = await get<{ activeVersion: number }>('/api/learning/versions');
    const target = v.activeVersion - 2;
    await page.locator(`#versions-table button.rollback[data-version="${target}"]`).click();
    expect(await page.locator('#token-input').inputValue()).toBe(server.token);
    await page.locator('#token-ok').click();
    await expect.poll(() => page.locator('#rollback-result').textContent()).toBe(`✓ Rolled back to v${target}: v${v.activeVersion} → v${target} (manual rollback (API))`);
    expect((await get<{ activeVersion: number }>('/api/learning/versions')).activeVersion).toBe(target);
    await expect.poll(() => page.locator('#versions-table tr.active').getAttribute('data-version')).toBe(String(target));
    expect(await page.locator('#weights-version').textContent()).toContain(`active v${target}`);
  });

  it('appends a live candle and shows a live signal and its outcome from /api/events', async () => {
    await page.waitForSelector('#live[data-state="live"]', { timeout: 10_000 });
    const chart = page.locator('#price-chart');
    // clicking a signal may have switched the chart to its symbol
    if ((await page.locator('#symbol').inputValue()) !== 'BTCUSDT') {
      await page.locator('#symbol').selectOption('BTCUSDT');
      await expect.poll(() => chart.getAttribute('data-loading')).toBeNull();
    }
    expect(await page.locator('#chart-title').textContent()).toBe('BTCUSDT · 5m');
    const count = Number(await chart.getAttribute('data-candles-count'));
    expect(count).toBe(1000);
    // the minute after the stored ones opens a new 5m bar
    const next = sampleSeries('BTCUSDT').candles[DAYS * 1440]!;
    server.live.candle('BTCUSDT', next);
    await expect.poll(() => chart.getAttribute('data-candles-count')).toBe(String(count + 1));

    const time = next.openTime + 60_000;
    const decision = { symbol: 'BTCUSDT', time, openTime: next.openTime, action: 'signal', category: 'signal', direction: 1, confidence: 0.71, regime: 0, entry: next.close, stop: next.close * 0.996, target: next.close * 1.008 };
    server.live.events([{ kind: 'decision', decision } as unknown as EngineEvent]);
    const id = `BTCUSDT-${time}`;
    const row = page.locator(`#signals-table tr[data-id="${id}"]`);
    await row.waitFor({ timeout: 5_000 });
    expect(await row.textContent()).toContain('LONG');
    expect(await row.locator('.badge').textContent()).toBe('open');

    const outcome = { id, symbol: 'BTCUSDT', direction: 1, result: 'tp', entry: next.close, exitTime: time + 600_000, exitPrice: decision.target, grossPct: 0.8, netPct: 0.58, holdingMs: 600_000, maePct: 0.1, mfePct: 0.8, won: true };
    server.live.events([{ kind: 'outcome', outcome, shadow: false, paper: null, category: 'signal', regime: 0 } as unknown as EngineEvent]);
    await expect.poll(() => row.locator('.badge').textContent()).toBe('tp');
    expect(await row.locator('.badge').getAttribute('class')).toContain('win');
    expect(await row.textContent()).toContain('+0.58%');
  });

  it('falls back to aggregating 1m candles itself when the API cannot build an interval', async () => {
    const chart = page.locator('#price-chart');
    // as an API without aggregation would answer
    const fifteen = (u: URL) => u.pathname === '/api/candles' && u.searchParams.get('interval') === '15m';
    await page.route(fifteen, (route) => route.fulfill({ status: 404, contentType: 'application/json', body: JSON.stringify({ error: { code: 'AP_ERR_NOT_FOUND', message: 'no candles are stored for BTCUSDT 15m on binance' } }) }));
    candleRequests.length = 0;
    await page.locator('#timeframes button[data-tf="15m"]').click();
    // the same bars as the API builds: all 4 days of 1m candles, fetched in pages of 5000
    const fromApi = await get<{ count: number }>('/api/candles?symbol=BTCUSDT&interval=15m&limit=1000');
    expect(fromApi.count).toBe(DAYS * 96);
    await expect.poll(() => chart.getAttribute('data-candles-count')).toBe(String(fromApi.count));
    expect(candleRequests.filter((u) => u.includes('interval=1m'))).toHaveLength(2);
    expect(await page.locator('#chart-error').isHidden()).toBe(true);
    await page.unroute(fifteen);
    // 1d straight from the API
    await page.locator('#timeframes button[data-tf="1d"]').click();
    await expect.poll(() => chart.getAttribute('data-candles-count')).toBe(String(DAYS));
    await page.locator('#timeframes button[data-tf="5m"]').click();
    await expect.poll(() => chart.getAttribute('data-candles-count')).toBe('1000');
  });

  it('logged no console errors', () => {
    // Chromium logs the deliberate 401 (trigger without a token) and the routed 404 as failed resources.
    const expected = (e: string) => (e.includes('401') && e.includes('/api/learning/trigger-daily')) || (e.includes('404') && e.includes('/api/candles') && e.includes('interval=15m'));
    expect(consoleErrors.filter((e) => !expected(e))).toEqual([]);
  });
});
