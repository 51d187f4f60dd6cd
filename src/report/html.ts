/**
 * The backtest report as ONE self-contained HTML file: inline CSS, the report JSON inlined (escaped for
 * a <script> element), the lightweight-charts standalone build inlined (read from node_modules at render
 * time), and a small script that draws the charts from that JSON. Nothing is loaded from the network.
 *
 * Tables are rendered here (static HTML, readable without JavaScript); the charts are drawn in the
 * browser (see ./client.ts for how times are converted and duplicate timestamps merged).
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BacktestReport, BootstrapDiff, DecisionMetrics, JobRunRow, ModeReport, SymbolReport, TradeMetrics, WeekRow } from '../analytics/report-types.js';
import { CLIENT_SCRIPT } from './client.js';
import {
  DASH,
  escapeHtml as esc,
  flattenSettings,
  fmtDate,
  fmtDateTime,
  fmtDuration,
  fmtInt,
  fmtNum,
  fmtPct,
  fmtPrice,
  fmtRate,
  fmtSignedPct,
  jsonForScript,
  signClass,
} from './format.js';

/** The nine heads in weight order (A..I). */
export const HEAD_NAMES: readonly string[] = [
  'A trend',
  'B mean reversion',
  'C momentum',
  'D volume flow',
  'E volatility breakout',
  'F candlestick',
  'G support/resistance',
  'H multi-timeframe',
  'I statistical',
];

const THEME = {
  bg: '#0e1117',
  panel: '#151a23',
  panel2: '#1b2230',
  border: '#283142',
  grid: '#1e2633',
  text: '#dce3ee',
  muted: '#8d99ad',
  zero: '#5d6b82',
  pos: '#2bb38a',
  neg: '#f0605d',
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
} as const;

const MODE_COLORS: Readonly<Record<string, string>> = { off: '#9aa5b8', seed: '#f2b84b', hedge: '#3fb6f2' };
const PALETTE = ['#3fb6f2', '#f2b84b', '#9aa5b8', '#c084fc', '#2bb38a', '#f0605d'];
/** Nine distinct colours readable on the dark panel (A..I). */
const HEAD_COLORS = ['#4e9cf5', '#f5a142', '#59c26b', '#ef5f6a', '#b085f5', '#c79a6b', '#f07cc4', '#a7b3c4', '#e3d34e'];

const MODE_LABEL: Readonly<Record<string, string>> = {
  off: 'static weights, no learning (baseline)',
  seed: 'learning: proportional (seed) rule',
  hedge: 'learning: Hedge, exponential weights',
};

const DAY_MS = 86_400_000;
const LIB_FILE = join('dist', 'lightweight-charts.standalone.production.js');

let libCache: { source: string; version: string } | undefined;

/**
 * The lightweight-charts standalone build (defines `window.LightweightCharts`), read once from
 * node_modules and made safe to inline: any `</script` becomes `<\/script` and any `<!--` becomes
 * `<\u0021--` (both mean the same inside JavaScript strings and regular expressions).
 */
export function lightweightChartsSource(): { source: string; version: string } {
  if (libCache === undefined) {
    const require = createRequire(import.meta.url);
    // the package's `exports` expose only package.json, so locate the dist folder from it
    const pkgPath = require.resolve('lightweight-charts/package.json');
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { version?: string };
    const raw = readFileSync(join(dirname(pkgPath), LIB_FILE), 'utf8');
    const source = raw.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\u0021--');
    libCache = { source, version: pkg.version ?? '?' };
  }
  return libCache;
}

function modeColor(mode: string, i: number): string {
  return MODE_COLORS[mode] ?? PALETTE[i % PALETTE.length]!;
}

function swatch(color: string): string {
  return `<i class="sw" style="background:${esc(color)}"></i>`;
}

function modeTag(mode: string, i: number): string {
  return `<span class="mode">${swatch(modeColor(mode, i))}${esc(mode)}</span>`;
}

/** A value with its sample shown small beside it. */
function withN(value: string, sample: string, title?: string): string {
  return `${value}<span class="n"${title ? ` title="${esc(title)}"` : ''}>${sample}</span>`;
}

function rateCell(k: number, n: number, title: string): string {
  return withN(n > 0 ? fmtRate(k / n) : DASH, `${fmtInt(k)}/${fmtInt(n)}`, title);
}

function signed(x: number | null | undefined, digits = 2): string {
  const cls = signClass(x);
  return `<span${cls ? ` class="${cls}"` : ''}>${fmtSignedPct(x, digits)}</span>`;
}

function td(content: string, cls = ''): string {
  return `<td${cls ? ` class="${cls}"` : ''}>${content}</td>`;
}

function lastEquity(m: ModeReport): number | null {
  const e = m.equity;
  if (e.length === 0) return m.overall.trades.trades === 0 ? 0 : null;
  // the point with the latest time (the last one in the report's order on ties)
  let best = e[0]!;
  for (const p of e) if (p.time >= best.time) best = p;
  return best.equityPct;
}

// ---------------------------------------------------------------------------------------------------
// Sections

function header(r: BacktestReport, lib: { version: string }): string {
  const days = (r.to - r.from) / DAY_MS;
  const settings = flattenSettings(r.settings ?? {});
  const shown = settings.slice(0, 18);
  const rest = settings.slice(18);
  const item = (s: { key: string; value: string }): string =>
    `<div class="kv"><span class="k">${esc(s.key)}</span><span class="v" title="${esc(s.value)}">${esc(s.value.length > 60 ? `${s.value.slice(0, 57)}…` : s.value)}</span></div>`;
  const facts: [string, string][] = [
    ['Symbols', r.symbols.length > 0 ? r.symbols.map((s) => `<span class="chip">${esc(s)}</span>`).join(' ') : DASH],
    ['Period (UTC)', `${esc(fmtDateTime(r.from))} → ${esc(fmtDateTime(r.to))} <span class="muted">(${fmtNum(days, days < 10 ? 1 : 0)} days)</span>`],
    ['Candles', `${fmtInt(r.candles)} <span class="muted">+ ${fmtNum(r.warmupDays, 0)} d warm-up</span>`],
    ['Run time', esc(fmtDuration(r.seconds))],
    ['Modes', r.modes.length > 0 ? r.modes.map((m, i) => modeTag(m.mode, i)).join(' ') : DASH],
    ['Generated', `${esc(fmtDateTime(r.generatedAt))} UTC`],
  ];
  return `<header class="card head">
  <div class="title"><h1>AlphaPulse <span class="muted">backtest report</span></h1><span class="muted small">lightweight-charts v${esc(lib.version)} inlined · all times UTC</span></div>
  <div class="facts">${facts.map(([k, v]) => `<div class="fact"><div class="k">${k}</div><div class="v">${v}</div></div>`).join('')}</div>
  <div class="settings"><h3>Settings</h3>${
    settings.length === 0
      ? '<p class="muted">none recorded</p>'
      : `<div class="kvs">${shown.map(item).join('')}</div>${
          rest.length > 0 ? `<details><summary>all ${settings.length} settings</summary><div class="kvs">${rest.map(item).join('')}</div></details>` : ''
        }`
  }</div>
</header>`;
}

function summaryCards(r: BacktestReport): string {
  if (r.modes.length === 0) return '';
  const cards = r.modes.map((m, i) => {
    const t = m.overall.trades;
    const eq = lastEquity(m);
    return `<div class="kpi-card" style="border-top-color:${esc(modeColor(m.mode, i))}">
  <div class="kc-mode">${modeTag(m.mode, i)}<span class="muted small">${esc(MODE_LABEL[m.mode] ?? '')}</span></div>
  <div class="kc-main ${signClass(eq)}">${fmtSignedPct(eq)}</div>
  <div class="muted small">compounded net P/L, ${fmtInt(t.trades)} trades</div>
  <div class="kc-grid">
    <div><span class="k">Win rate</span>${rateCell(t.wins, t.trades, 'wins / trades')}</div>
    <div><span class="k">Avg net / trade</span>${signed(t.avgNetPct, 3)}</div>
    <div><span class="k">Profit factor</span>${fmtNum(t.profitFactor)}</div>
    <div><span class="k">Max drawdown</span>${fmtPct(t.maxDrawdownPct)}</div>
    <div><span class="k">Sharpe / trade</span>${fmtNum(t.sharpe)}</div>
    <div><span class="k">Weights version</span>v${fmtInt(m.finalVersion)}</div>
  </div>
</div>`;
  });
  return `<section class="cards">${cards.join('')}</section>`;
}

function equitySection(r: BacktestReport): string {
  return `<section class="card">
  <h2>Equity — compounded net P/L per mode</h2>
  <p class="sub">Cumulative net P/L (fees and slippage included), compounded trade by trade, at each trade's exit. Hover for values.</p>
  <div class="legend" id="equity-legend"></div>
  <div class="chart" id="equity-chart" role="img" aria-label="Equity curves of ${esc(r.modes.map((m) => m.mode).join(', '))}"></div>
  <div class="chart-error" id="chart-error" hidden></div>
</section>`;
}

function verdict(d: BootstrapDiff): { text: string; cls: string } {
  if (d.diffPct === null || d.ci95 === null) return { text: 'not enough data', cls: 'muted' };
  const [lo, hi] = d.ci95;
  if (lo <= 0 && hi >= 0) return { text: 'not significant (the 95% CI contains 0)', cls: 'muted' };
  return lo > 0
    ? { text: `significant at 95%: better than ${d.baseline}`, cls: 'pos' }
    : { text: `significant at 95%: worse than ${d.baseline}`, cls: 'neg' };
}

function learningVsStaticSection(r: BacktestReport): string {
  const rows = r.learningVsStatic.map((d) => {
    const v = verdict(d);
    const ci = d.ci95 === null ? DASH : `[${fmtSignedPct(d.ci95[0], 3)}, ${fmtSignedPct(d.ci95[1], 3)}]`;
    const idx = r.modes.findIndex((m) => m.mode === d.mode);
    return `<tr>${td(modeTag(d.mode, idx < 0 ? 0 : idx), 'l')}${td(esc(d.baseline), 'l')}${td(signed(d.diffPct, 3))}${td(ci)}${td(
      `${fmtInt(d.tradesMode)} / ${fmtInt(d.tradesBaseline)}`,
    )}${td(fmtInt(d.days))}${td(fmtInt(d.samples))}${td(esc(d.method), 'l wrap small')}${td(esc(v.text), `l verdict ${v.cls}`)}</tr>`;
  });
  return `<section class="card">
  <h2>Learning vs static</h2>
  <p class="sub">Difference in net expectancy (mean net P/L per trade) of each learning mode minus the static baseline, with its 95% bootstrap confidence interval.</p>
  ${
    rows.length === 0
      ? '<p class="muted">No comparison in this report.</p>'
      : `<div class="scroll"><table>
    <thead><tr><th class="l">Mode</th><th class="l">vs</th><th>Δ net / trade</th><th>95% CI</th><th title="trades of the mode / of the baseline">Trades (mode / base)</th><th>Days</th><th>Bootstrap samples</th><th class="l">Method</th><th class="l">Verdict</th></tr></thead>
    <tbody>${rows.join('')}</tbody></table></div>`
  }
</section>`;
}

function kpiRow(label: string, s: SymbolReport, total: boolean): string {
  const t: TradeMetrics = s.trades;
  const d: DecisionMetrics = s.decisions;
  const pfTitle = t.profitFactor === null && t.trades > 0 ? ' title="no losing trades"' : '';
  return `<tr${total ? ' class="total"' : ''}>${td(esc(label), 'l')}${td(fmtInt(t.trades))}${td(rateCell(t.wins, t.trades, 'wins / trades'))}${td(
    signed(t.avgNetPct, 3),
  )}${td(signed(t.totalNetPct))}${td(`<span${pfTitle}>${fmtNum(t.profitFactor)}</span>`)}${td(fmtNum(t.sharpe))}${td(fmtNum(t.sortino))}${td(
    t.trades > 0 ? `<span class="neg">${fmtPct(t.maxDrawdownPct)}</span>` : fmtPct(t.maxDrawdownPct),
  )}${td(`<span class="pos">${fmtInt(t.bestStreak)}</span> / <span class="neg">${fmtInt(t.worstStreak)}</span>`)}${td(fmtNum(t.signalsPerDay))}${td(
    t.avgHoldingHours === null ? DASH : `${fmtNum(t.avgHoldingHours, 1)} h`,
  )}${td(`${fmtInt(t.byResult.tp)} / ${fmtInt(t.byResult.sl)} / ${fmtInt(t.byResult.time)}`)}${td(
    rateCell(d.rejections, d.decisions, 'rejections / decisions'),
  )}${td(rateCell(d.goodRejections, d.shadowsResolved, 'good rejections / shadow signals resolved'))}</tr>`;
}

function categories(d: DecisionMetrics): string {
  const entries = Object.entries(d.byCategory).filter(([, n]) => n > 0);
  if (entries.length === 0) return '';
  entries.sort((a, b) => b[1] - a[1]);
  return entries.map(([k, n]) => `${esc(k)} <b>${fmtInt(n)}</b>`).join(' · ');
}

function kpiSection(r: BacktestReport): string {
  if (r.modes.length === 0) return '';
  const head = `<thead><tr><th class="l">Scope</th><th>Trades</th><th title="wins / trades">Win rate<br><span class="n">k/n</span></th><th>Avg net<br>per trade</th><th title="plain sum of per-trade net %">Σ net</th><th>Profit<br>factor</th><th title="mean / stdev of per-trade net %, not annualised">Sharpe</th><th title="mean / downside deviation of per-trade net %, not annualised">Sortino</th><th title="compounded equity, peak to trough">Max<br>drawdown</th><th title="longest runs of wins / losses">Streak<br>W / L</th><th>Signals<br>per day</th><th>Avg<br>hold</th><th title="exits at take-profit / stop-loss / time">Exits<br>TP / SL / time</th><th title="rejections / decisions">Rejection rate<br><span class="n">k/n</span></th><th title="good rejections / shadow signals resolved">Rejection accuracy<br><span class="n">k/shadows</span></th></tr></thead>`;
  const blocks = r.modes.map((m, i) => {
    const rows = [kpiRow('All symbols', m.overall, true), ...m.bySymbol.map((s) => kpiRow(s.symbol, s, false))];
    const cats = categories(m.overall.decisions);
    const d = m.overall.decisions;
    return `<div class="mode-block">
  <h3>${modeTag(m.mode, i)} <span class="muted small">${esc(MODE_LABEL[m.mode] ?? '')}</span></h3>
  <div class="scroll"><table class="kpi">${head}<tbody>${rows.join('')}</tbody></table></div>
  <p class="small muted">Decisions ${fmtInt(d.decisions)} · signals ${fmtInt(d.signals)} · rejections ${fmtInt(d.rejections)} · shadows resolved ${fmtInt(
    d.shadowsResolved,
  )} (good rejections ${fmtInt(d.goodRejections)}, missed opportunities ${fmtInt(d.missedOpportunities)})${cats ? `<br>Rejections by category: ${cats}` : ''}</p>
</div>`;
  });
  return `<section class="card">
  <h2>Key figures per mode</h2>
  <p class="sub">Net of fees and slippage. Rates show their sample as <span class="n">k/n</span>. Sharpe and Sortino are per trade, not annualised. Σ net is the plain sum of per-trade net %.</p>
  ${blocks.join('')}
</section>`;
}

function buyAndHoldSection(r: BacktestReport): string {
  if (r.buyAndHold.length === 0 && r.symbols.length === 0) return '';
  const symbols = r.buyAndHold.length > 0 ? r.buyAndHold.map((b) => b.symbol) : [...r.symbols];
  const modeHead = r.modes.map((m, i) => `<th title="plain sum of the mode's trade net % on this symbol">${modeTag(m.mode, i)} Σ net <span class="n">trades</span></th>`).join('');
  const rows = symbols.map((sym) => {
    const b = r.buyAndHold.find((x) => x.symbol === sym);
    const cells = r.modes.map((m) => {
      const s = m.bySymbol.find((x) => x.symbol === sym);
      return td(s ? withN(signed(s.trades.totalNetPct), fmtInt(s.trades.trades)) : DASH);
    });
    return `<tr>${td(esc(sym), 'l')}${td(b ? fmtPrice(b.firstClose) : DASH)}${td(b ? fmtPrice(b.lastClose) : DASH)}${td(b ? signed(b.returnPct) : DASH, 'hl')}${cells.join('')}</tr>`;
  });
  return `<section class="card">
  <h2>Buy-and-hold reference</h2>
  <p class="sub">Holding each symbol from the first to the last close of the period, beside each mode's summed net P/L on that symbol.</p>
  <div class="scroll"><table>
    <thead><tr><th class="l">Symbol</th><th>First close</th><th>Last close</th><th>Buy &amp; hold</th>${modeHead}</tr></thead>
    <tbody>${rows.join('')}</tbody></table></div>
</section>`;
}

function weightsSection(r: BacktestReport): string {
  if (r.modes.length === 0) return '';
  const blocks = r.modes.map((m, i) => {
    const pts = m.weights.length;
    const body =
      pts === 0
        ? '<p class="muted empty">No weight history recorded for this mode.</p>'
        : `<div class="legend" id="weights-legend-${i}"></div><div class="chart chart-sm" id="weights-chart-${i}" data-mode="${esc(m.mode)}" role="img" aria-label="Head weights of ${esc(m.mode)}"></div>`;
    const first = m.weights[0];
    const span = pts > 0 && first ? `${fmtInt(pts)} version${pts === 1 ? '' : 's'} recorded, v${fmtInt(first.version)} → v${fmtInt(m.finalVersion)}` : '';
    return `<div class="mode-block"><h3>${modeTag(m.mode, i)} <span class="muted small">${esc(span)}</span></h3>${body}</div>`;
  });
  return `<section class="card">
  <h2>Head weights over time</h2>
  <p class="sub">Consensus weight of each of the nine heads (the weights sum to 1), per learning mode; a step at each new version.</p>
  ${blocks.join('')}
</section>`;
}

function weekCells(w: WeekRow | undefined): string {
  if (!w) return td(DASH) + td(DASH) + td(DASH) + td(DASH);
  const wins = w.winRate === null ? 0 : Math.round(w.winRate * w.trades);
  return td(fmtInt(w.trades)) + td(w.trades > 0 ? rateCell(wins, w.trades, 'wins / trades') : DASH) + td(signed(w.avgNetPct, 3)) + td(signed(w.totalNetPct));
}

function weeklySection(r: BacktestReport): string {
  if (r.modes.length === 0) return '';
  const starts = [...new Set(r.modes.flatMap((m) => m.weekly.map((w) => w.weekStart)))].sort((a, b) => a - b);
  const group = r.modes.map((m, i) => `<th colspan="4" class="grp">${modeTag(m.mode, i)}</th>`).join('');
  const sub = r.modes.map(() => '<th class="gs">Trades</th><th>Win rate</th><th>Avg / trade</th><th>Σ net</th>').join('');
  const rows = starts.map((s) => {
    const cells = r.modes.map((m) => weekCells(m.weekly.find((w) => w.weekStart === s))).join('');
    return `<tr>${td(esc(fmtDate(s)), 'l')}${cells}</tr>`;
  });
  return `<section class="card">
  <h2>Week over week</h2>
  <p class="sub">Trades by ISO week (Monday 00:00 UTC) of their exit.</p>
  ${
    rows.length === 0
      ? '<p class="muted">No trades.</p>'
      : `<div class="scroll"><table class="weekly">
    <thead><tr><th class="l" rowspan="2">Week of</th>${group}</tr><tr>${sub}</tr></thead>
    <tbody>${rows.join('')}</tbody></table></div>`
  }
</section>`;
}

function jobsTable(jobs: readonly JobRunRow[]): string {
  const sorted = [...jobs].sort((a, b) => a.time - b.time);
  return `<div class="scroll"><table class="jobs"><thead><tr><th class="l">Time (UTC)</th><th class="l">Job</th><th class="l">Status</th><th class="l">Summary</th></tr></thead><tbody>${sorted
    .map(
      (j) =>
        `<tr>${td(esc(fmtDateTime(j.time)), 'l')}${td(esc(j.job), 'l')}${td(`<span class="badge ${esc(j.status)}">${esc(j.status)}</span>`, 'l')}${td(esc(j.summary), 'l wrap')}</tr>`,
    )
    .join('')}</tbody></table></div>`;
}

function jobsSection(r: BacktestReport): string {
  if (r.modes.length === 0) return '';
  const blocks = r.modes.map((m, i) => {
    const count = (s: JobRunRow['status']): number => m.jobs.filter((j) => j.status === s).length;
    const byJob = new Map<string, number>();
    for (const j of m.jobs) byJob.set(j.job, (byJob.get(j.job) ?? 0) + 1);
    const kinds = [...byJob.entries()].map(([k, n]) => `${esc(k)} ${fmtInt(n)}`).join(', ');
    const failed = count('failed');
    if (m.jobs.length === 0) return `<div class="mode-block"><h3>${modeTag(m.mode, i)} <span class="muted small">no jobs ran</span></h3></div>`;
    const head = `${modeTag(m.mode, i)} <span class="muted small">${fmtInt(m.jobs.length)} run${m.jobs.length === 1 ? '' : 's'}${kinds ? ` (${kinds})` : ''}: <span class="pos">${fmtInt(
      count('ok'),
    )} ok</span>, ${fmtInt(count('skipped'))} skipped, <span class="${failed > 0 ? 'neg' : ''}">${fmtInt(failed)} failed</span></span>`;
    const notOk = m.jobs.filter((j) => j.status !== 'ok');
    // short lists are shown whole; longer ones show the runs that were not ok, the rest folds away
    if (m.jobs.length <= 12) return `<div class="mode-block"><h3>${head}</h3>${jobsTable(m.jobs)}</div>`;
    return `<div class="mode-block"><h3>${head}</h3>${notOk.length > 0 ? jobsTable(notOk) : ''}<details><summary>all ${fmtInt(
      m.jobs.length,
    )} runs of ${esc(m.mode)}</summary>${jobsTable(m.jobs)}</details></div>`;
  });
  return `<section class="card">
  <h2>Jobs run</h2>
  <p class="sub">Daily and weekly learning jobs during the replay. Runs that failed or were skipped are listed; unfold a mode for every run.</p>
  ${blocks.join('')}
</section>`;
}

const CSS = `
:root { color-scheme: dark; }
* { box-sizing: border-box; }
html { background: ${THEME.bg}; }
body { margin: 0; background: ${THEME.bg}; color: ${THEME.text}; font: 14px/1.45 ${THEME.font}; -webkit-font-smoothing: antialiased; }
main { max-width: 1480px; margin: 0 auto; padding: 20px 24px 40px; }
h1 { font-size: 22px; margin: 0; font-weight: 650; letter-spacing: .01em; }
h2 { font-size: 16px; margin: 0 0 4px; font-weight: 650; }
h3 { font-size: 14px; margin: 14px 0 8px; font-weight: 600; display: inline-flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
.card { background: ${THEME.panel}; border: 1px solid ${THEME.border}; border-radius: 10px; padding: 16px 18px; margin: 14px 0; }
.sub { color: ${THEME.muted}; margin: 0 0 10px; font-size: 13px; }
.muted { color: ${THEME.muted}; }
.small { font-size: 12px; font-weight: 400; }
.pos { color: ${THEME.pos}; }
.neg { color: ${THEME.neg}; }
.sw { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; vertical-align: baseline; }
.mode { display: inline-flex; align-items: center; font-weight: 600; white-space: nowrap; }
.chip { display: inline-block; padding: 1px 8px; border-radius: 10px; background: ${THEME.panel2}; border: 1px solid ${THEME.border}; font-size: 12.5px; font-weight: 600; }
.head .title { display: flex; justify-content: space-between; align-items: baseline; gap: 12px; flex-wrap: wrap; }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(190px, 1fr)); gap: 10px 18px; margin: 14px 0 6px; }
.fact .k, .kc-grid .k { display: block; color: ${THEME.muted}; font-size: 11.5px; text-transform: uppercase; letter-spacing: .05em; }
.fact .v { font-size: 14px; }
.settings h3 { margin: 10px 0 6px; color: ${THEME.muted}; font-size: 12px; text-transform: uppercase; letter-spacing: .05em; }
.kvs { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 2px 18px; font-size: 12.5px; }
.kv { display: flex; justify-content: space-between; gap: 10px; border-bottom: 1px dotted ${THEME.border}; padding: 2px 0; min-width: 0; }
.kv .k { color: ${THEME.muted}; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.kv .v { font-variant-numeric: tabular-nums; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
details > summary { cursor: pointer; color: ${THEME.muted}; font-size: 12.5px; margin: 6px 0; }
details.mode-block > summary { list-style: none; }
details.mode-block > summary::-webkit-details-marker { display: none; }
details.mode-block > summary::before { content: '▸ '; }
details.mode-block[open] > summary::before { content: '▾ '; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 14px; margin: 14px 0; }
.kpi-card { background: ${THEME.panel}; border: 1px solid ${THEME.border}; border-top: 3px solid; border-radius: 10px; padding: 12px 16px; }
.kc-mode { display: flex; gap: 10px; align-items: baseline; }
.kc-main { font-size: 30px; font-weight: 650; font-variant-numeric: tabular-nums; margin: 4px 0 0; }
.kc-grid { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px 12px; margin-top: 10px; font-variant-numeric: tabular-nums; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; font-size: 13px; }
th, td { padding: 6px 9px; border-bottom: 1px solid ${THEME.border}; text-align: right; white-space: nowrap; }
table.kpi th { line-height: 1.25; }
table.kpi td, table.kpi th { padding-left: 7px; padding-right: 7px; }
table.jobs td { padding-top: 4px; padding-bottom: 4px; }
table.jobs td:first-child { width: 150px; }
table.jobs td:nth-child(2) { width: 90px; }
table.jobs td:nth-child(3) { width: 90px; }
td.verdict { white-space: normal; min-width: 200px; font-weight: 600; }
th { color: ${THEME.muted}; font-weight: 600; font-size: 12px; vertical-align: bottom; background: ${THEME.panel}; }
.l { text-align: left; }
td.wrap { white-space: normal; min-width: 220px; }
td.small { font-size: 12px; color: ${THEME.muted}; }
td.hl { font-weight: 600; }
tbody tr:hover td { background: #1a2130; }
tr.total td { font-weight: 600; background: ${THEME.panel2}; }
th.grp { text-align: center; border-left: 1px solid ${THEME.border}; }
th.gs, table.weekly td:nth-child(4n + 2) { border-left: 1px solid ${THEME.border}; }
.n { color: ${THEME.muted}; font-size: 11px; font-weight: 400; margin-left: 5px; }
th .n { margin-left: 2px; }
.mode-block + .mode-block { margin-top: 8px; }
.mode-block p.small { margin: 6px 2px 4px; line-height: 1.6; }
.mode-block p.small b { color: ${THEME.text}; font-weight: 600; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; align-items: center; font-size: 12.5px; margin: 4px 0 8px; min-height: 20px; font-variant-numeric: tabular-nums; }
.lg-item { display: inline-flex; align-items: center; white-space: nowrap; }
.lg-name { color: ${THEME.muted}; margin-right: 6px; }
.lg-val { color: ${THEME.text}; min-width: 48px; }
.lg-time { margin-left: auto; color: ${THEME.muted}; font-size: 12px; }
.chart { position: relative; height: 380px; width: 100%; border: 1px solid ${THEME.border}; border-radius: 6px; overflow: hidden; }
.chart-sm { height: 250px; }
.chart-error { margin-top: 8px; color: ${THEME.neg}; }
.empty { margin: 4px 2px 8px; }
.badge { display: inline-block; padding: 0 8px; border-radius: 9px; font-size: 12px; font-weight: 600; border: 1px solid; }
.badge.ok { color: ${THEME.pos}; border-color: #2bb38a66; }
.badge.skipped { color: ${THEME.muted}; border-color: ${THEME.border}; }
.badge.failed { color: ${THEME.neg}; border-color: #f0605d66; }
footer { color: ${THEME.muted}; font-size: 12px; margin: 18px 2px 0; line-height: 1.6; }
@media print { .chart { break-inside: avoid; } }
`;

/** The report as one self-contained HTML document (no network access needed to view it). */
export function renderReportHtml(report: BacktestReport): string {
  const lib = lightweightChartsSource();
  const config = {
    theme: { panel: THEME.panel, grid: THEME.grid, border: THEME.border, muted: THEME.muted, zero: THEME.zero, font: THEME.font },
    modeColors: MODE_COLORS,
    palette: PALETTE,
    headColors: HEAD_COLORS,
    headNames: HEAD_NAMES,
  };
  const title = `AlphaPulse backtest ${report.symbols.join(', ')} ${fmtDate(report.from)} → ${fmtDate(report.to)}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="AlphaPulse">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${header(report, lib)}
${summaryCards(report)}
${equitySection(report)}
${learningVsStaticSection(report)}
${kpiSection(report)}
${buyAndHoldSection(report)}
${weightsSection(report)}
${weeklySection(report)}
${jobsSection(report)}
<footer>
  Net figures include fees and slippage. Percentages of P/L are of the position per trade; Σ net is a plain sum, the equity curve is compounded.
  Chart times are UTC seconds: points that fall in the same second are merged (the last value of that second is kept), so every series has strictly increasing times.
  Charts drawn with TradingView Lightweight Charts™ v${esc(lib.version)} (Apache-2.0), inlined in this file.
</footer>
</main>
<script>${lib.source}</script>
<script type="application/json" id="report-data">${jsonForScript(report)}</script>
<script type="application/json" id="report-config">${jsonForScript(config)}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}

/** Renders the report and writes it to `path` (parent folders created as needed); returns the path. */
export async function writeReport(path: string, report: BacktestReport): Promise<string> {
  const html = renderReportHtml(report);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, html, 'utf8');
  return path;
}
