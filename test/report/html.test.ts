import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BacktestReport } from '../../src/analytics/report-types.js';
import { jsonForScript, renderReportHtml, writeReport } from '../../src/report/index.js';
import { EVIL_SUMMARY, syntheticReport } from './synthetic.js';

// The callbacks given to page.evaluate run in the browser. The project compiles without the DOM lib, so
// the few browser globals they use are declared here, in this module's scope only.
type BrowserElement = { getBoundingClientRect(): { width: number; height: number }; width: number; height: number; textContent: string | null };
declare const document: {
  documentElement: { dataset: Record<string, string | undefined> };
  body: { textContent: string | null };
  querySelector(selector: string): BrowserElement | null;
  querySelectorAll(selector: string): Iterable<BrowserElement>;
};
declare const window: Record<string, unknown>;

const CHROMIUM = '/usr/bin/chromium';
const OUTPUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '__output__');

/** +1.23% / -0.40% as the report prints P/L values. */
function signedPct(x: number, digits = 2): string {
  const s = Math.abs(x).toFixed(digits);
  if (Number(s) === 0) return `${s}%`;
  return `${x > 0 ? '+' : '-'}${s}%`;
}

function reportData(html: string): string {
  const m = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html);
  expect(m).not.toBeNull();
  return m![1]!;
}

describe('renderReportHtml', () => {
  const report = syntheticReport();
  const html = renderReportHtml(report);

  it('is one self-contained document: no external src/href, no stylesheet links, the chart library inlined', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/<script[^>]*\bsrc\s*=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
    expect(html).toContain('window.LightweightCharts=');
    expect(html).toContain('<style>');
  });

  it('inlines the report JSON escaped for a <script> element, and it parses back to the same report', () => {
    const data = reportData(html);
    expect(data).not.toMatch(/[<>\u2028\u2029]/);
    expect(JSON.parse(data)).toEqual(JSON.parse(JSON.stringify(report)));
    expect(html).not.toContain('<script>window.__pwned');
    // in the jobs table the text is HTML-escaped
    expect(html).toContain('note &lt;/script&gt;&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(jsonForScript({ s: '</script><!--\u2028\u2029&' })).toBe('{"s":"\\u003c/script\\u003e\\u003c!--\\u2028\\u2029\\u0026"}');
  });

  it('shows the KPI numbers of every mode with their sample sizes', () => {
    for (const m of report.modes) {
      const t = m.overall.trades;
      const d = m.overall.decisions;
      expect(html).toContain(`${((t.wins / t.trades) * 100).toFixed(1)}%<span class="n" title="wins / trades">${t.wins}/${t.trades}</span>`);
      expect(html).toContain(signedPct(t.totalNetPct));
      expect(html).toContain(signedPct(t.avgNetPct!, 3));
      expect(html).toContain(`${t.profitFactor!.toFixed(2)}`);
      expect(html).toContain(`>${t.sharpe!.toFixed(2)}<`);
      expect(html).toContain(`>${t.sortino!.toFixed(2)}<`);
      expect(html).toContain(`${t.maxDrawdownPct.toFixed(2)}%`);
      expect(html).toContain(`>${t.signalsPerDay.toFixed(2)}<`);
      expect(html).toContain(`${t.bestStreak}</span> / <span class="neg">${t.worstStreak}</span>`);
      expect(html).toContain(`${((d.rejections / d.decisions) * 100).toFixed(1)}%<span class="n" title="rejections / decisions">${d.rejections}/${d.decisions}</span>`);
      expect(html).toContain(`<span class="n" title="good rejections / shadow signals resolved">${d.goodRejections}/${d.shadowsResolved}</span>`);
      for (const s of m.bySymbol) expect(html).toContain(`<td class="l">${s.symbol}</td><td>${s.trades.trades}</td>`);
    }
    // nulls are dashes: 'off' has one ETH trade (no Sharpe), hedge ETH has no resolved shadows
    const offEth = report.modes[0]!.bySymbol[1]!;
    expect(offEth.trades.sharpe).toBeNull();
    expect(html).toContain('—<span class="n" title="good rejections / shadow signals resolved">0/0</span>');
    // header
    expect(html).toContain('2024-03-04 00:00 → 2024-04-01 00:00');
    expect(html).toContain('80,640');
    expect(html).toContain('3 min 07 s');
    expect(html).toContain('learning.maxWeight');
  });

  it('shows learning vs static with CI, samples and a plain verdict, buy-and-hold, weeks and jobs', () => {
    const [seed, hedge] = report.learningVsStatic;
    expect(html).toContain(`[${signedPct(seed!.ci95![0], 3)}, ${signedPct(seed!.ci95![1], 3)}]`);
    expect(html).toContain(signedPct(seed!.diffPct!, 3));
    expect(html).toContain(`${seed!.tradesMode} / ${seed!.tradesBaseline}`);
    expect(html).toContain('not significant (the 95% CI contains 0)');
    expect(html).toContain(`${hedge!.tradesMode} / ${hedge!.tradesBaseline}`);
    expect(html).toContain('significant at 95%: better than off');
    for (const b of report.buyAndHold) expect(html).toContain(signedPct(b.returnPct));
    expect(html).toContain('63,112.50');
    for (const w of report.modes[2]!.weekly) expect(html).toContain(signedPct(w.totalNetPct));
    expect(html).toContain('2024-03-11'); // a week start
    expect(html).toContain('<span class="badge failed">failed</span>');
    expect(html).toContain('weights update aborted');
    expect(html).toContain('A trend');
  });

  it('renders an empty report without throwing', () => {
    const empty: BacktestReport = { ...report, modes: [], buyAndHold: [], learningVsStatic: [], settings: {}, symbols: [] };
    const out = renderReportHtml(empty);
    expect(out).toContain('No comparison in this report.');
    const body = out.slice(0, out.indexOf('<script>'));
    expect(body).not.toContain('undefined');
    expect(body).not.toContain('NaN');
  });

  it('never prints undefined or NaN', () => {
    const body = html.slice(0, html.indexOf('<script>'));
    expect(body).not.toContain('undefined');
    expect(body).not.toContain('NaN');
  });

  it('writeReport creates the folders and writes the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'alphapulse-report-'));
    try {
      const path = join(dir, 'a', 'b', 'report.html');
      await writeReport(path, report);
      expect(await readFile(path, 'utf8')).toBe(html);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the report in a real browser', () => {
  const haveChromium = existsSync(CHROMIUM);
  const inCi = process.env.CI === 'true';
  let dir = '';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'alphapulse-report-browser-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('opens from file:// without errors or requests, draws the charts and takes a screenshot', async (ctx) => {
    if (!haveChromium) {
      if (inCi) throw new Error(`${CHROMIUM} is missing: CI must install chromium (apt-get install -y chromium) for the report browser test`);
      console.warn(`[report test] SKIPPED the browser part: ${CHROMIUM} not found (apt-get install -y chromium to run it)`);
      ctx.skip();
      return;
    }
    const { chromium } = await import('playwright-core');
    const report = syntheticReport();
    const file = join(dir, 'report.html');
    await writeReport(file, report);

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console.${msg.type()}: ${msg.text()}`);
      });
      page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
      page.on('request', (req) => {
        if (!/^(file|data|blob|about):/.test(req.url())) requests.push(req.url());
      });

      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await page.waitForFunction(() => document.documentElement.dataset.charts !== undefined, undefined, { timeout: 10_000 });
      expect(await page.evaluate(() => document.documentElement.dataset.charts)).toBe('ready');

      const chartIds = ['equity-chart', ...report.modes.map((_, i) => `weights-chart-${i}`)];
      // autoSize lays the canvases out on the next resize-observer tick
      await page.waitForFunction(
        (ids) =>
          ids.every((id) => {
            const c = document.querySelector(`#${id} canvas`);
            return c !== null && c.getBoundingClientRect().width > 0 && c.getBoundingClientRect().height > 0;
          }),
        chartIds,
        { timeout: 10_000 },
      );
      for (const id of chartIds) {
        const size = await page.evaluate((sel) => {
          const canvases = [...document.querySelectorAll(`#${sel} canvas`)];
          return { n: canvases.length, width: Math.max(...canvases.map((c) => c.width)), height: Math.max(...canvases.map((c) => c.height)) };
        }, id);
        expect(size.n, id).toBeGreaterThan(0);
        expect(size.width, id).toBeGreaterThan(300);
        expect(size.height, id).toBeGreaterThan(150);
      }

      // what was drawn: 3 equity lines, 9 head lines per mode; duplicate seconds merged in hedge's equity
      const drawn = await page.evaluate(() => window.__alphapulseCharts as { id: string; series: { name: string; points: number }[] }[]);
      const equity = drawn.find((c) => c.id === 'equity-chart')!;
      expect(equity.series.map((s) => s.name)).toEqual(['off', 'seed', 'hedge']);
      const hedge = report.modes[2]!;
      const seconds = new Set(hedge.equity.map((p) => Math.floor(p.time / 1000)));
      expect(seconds.size).toBe(hedge.equity.length - 2); // the fixture has 3 trades closing in one second
      expect(equity.series[2]!.points).toBe(seconds.size + 2); // + start at `from` and hold to `to`
      for (let i = 0; i < report.modes.length; i++) {
        const w = drawn.find((c) => c.id === `weights-chart-${i}`)!;
        expect(w.series).toHaveLength(9);
        expect(w.series[0]!.name).toBe('A trend');
      }

      // the crosshair legend follows the mouse
      const box = (await page.locator('#equity-chart').boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
      await expect.poll(() => page.locator('#equity-legend .lg-time').textContent()).toMatch(/^2024-\d\d-\d\d \d\d:\d\d UTC$/);
      await page.mouse.move(0, 0);

      // the escaped job summary shows as text and did not run
      expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
      expect(await page.evaluate((text) => document.body.textContent!.includes(text), EVIL_SUMMARY)).toBe(true);
      expect(await page.locator('table.jobs').first().isVisible()).toBe(true);

      await mkdir(OUTPUT_DIR, { recursive: true });
      await page.screenshot({ path: join(OUTPUT_DIR, 'report.png'), fullPage: true });

      // a sparse report (no trades, no weights, no jobs) opens without errors too
      const sparse: BacktestReport = {
        ...report,
        modes: [{ ...report.modes[0]!, equity: [], weights: [], weekly: [], jobs: [] }],
        learningVsStatic: [],
      };
      const sparseFile = join(dir, 'sparse.html');
      await writeReport(sparseFile, sparse);
      await page.goto(pathToFileURL(sparseFile).href, { waitUntil: 'load' });
      await page.waitForFunction(() => document.documentElement.dataset.charts !== undefined, undefined, { timeout: 10_000 });
      expect(await page.evaluate(() => document.documentElement.dataset.charts)).toBe('ready');
      expect(await page.locator('#weights-chart-0').count()).toBe(0);

      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
