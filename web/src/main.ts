/**
 * AlphaPulse dashboard: loads every panel from the REST API, then keeps it current from the live event
 * stream (/api/events) without reloading. State lives here; the views render from it.
 */
import { aggregate, isTimeframe, mergeLive, normalize, spacing, TIMEFRAMES, type Bar, type Timeframe } from './aggregate.js';
import { api, ApiError, postAction, type HeadWeights, type Improvements, type LiveEvent, type Performance, type Signal, type Version, type Versions } from './api.js';
import { confirmWithToken, storedToken, storeToken } from './auth.js';
import { PriceChart } from './chart.js';
import { byId, debounce, fill, h } from './dom.js';
import { fmtTime } from './format.js';
import { renderKpis } from './kpis.js';
import { connectLive, type LiveState } from './live.js';
import { renderHeads, renderJobs, renderRegimes, renderRejections, renderVersions } from './panels.js';
import { renderDetail, renderSignalRows } from './signals.js';
import { WeightsChart } from './weights.js';

/**
 * Bars requested for the chart; the most 1m candles fetched to aggregate them client-side (only when the
 * API cannot build the interval), in pages of at most the API's largest `limit`.
 */
const BARS = 1000;
const MAX_MINUTES = 20_000;
const MINUTE_PAGE = 5000;
const PAGE = 50;

const state = {
  symbol: localStorage.getItem('alphapulse.symbol') ?? 'BTCUSDT',
  tf: (() => {
    const t = localStorage.getItem('alphapulse.tf') ?? '5m';
    return isTimeframe(t) ? t : '5m';
  })() as Timeframe,
  bars: [] as Bar[],
  /** open time of the last 1m candle folded into `bars` */
  lastMinute: -Infinity,
  /** null until known: does /api/candles aggregate when asked for interval=5m? */
  serverAggregates: null as boolean | null,
  chartLoad: 0,
  signals: new Map<string, Signal>(),
  recentLoaded: 0,
  total: null as number | null,
  selectedId: null as string | null,
  tab: 'open' as 'open' | 'recent',
  /** the user picked a tab: no automatic switch to Recent when nothing is open */
  tabChosen: false,
  symbolOnly: false,
  fresh: new Set<string>(),
  /** symbols in the selector */
  symbols: new Set<string>(),
  perf: null as Performance | null,
  improvements: null as Improvements | null,
  weights: null as HeadWeights | null,
  weightDays: 30,
  versions: null as Versions | null,
};

const el = {
  symbol: byId<HTMLSelectElement>('symbol'),
  timeframes: byId('timeframes'),
  chart: byId('price-chart'),
  chartTitle: byId('chart-title'),
  chartError: byId('chart-error'),
  kpis: byId('kpis'),
  signalsBody: byId('signals-table').querySelector('tbody')!,
  signalsTotal: byId('signals-total'),
  signalsError: byId('signals-error'),
  openCount: byId('open-count'),
  more: byId<HTMLButtonElement>('more-signals'),
  symbolOnly: byId<HTMLInputElement>('symbol-only'),
  detail: byId('signal-detail'),
  detailMeta: byId('detail-meta'),
  weightsVersion: byId('weights-version'),
  heads: byId('heads-table').querySelector('tbody')!,
  regimes: byId('regimes-table').querySelector('tbody')!,
  rejections: byId('rejections-table').querySelector('tbody')!,
  jobs: byId('jobs-table').querySelector('tbody')!,
  jobResult: byId('job-result'),
  versions: byId('versions-table').querySelector('tbody')!,
  rollbackResult: byId('rollback-result'),
  live: byId('live'),
  liveLabel: byId('live-label'),
  clock: byId('clock'),
  tokenBtn: byId<HTMLButtonElement>('token-btn'),
};

for (const o of el.symbol.options) state.symbols.add(o.value);

const priceChart = new PriceChart(el.chart);
const weightsChart = new WeightsChart(byId('weights-chart'), byId('weights-legend'));

// ---------------------------------------------------------------------------------------------------
// Loading

const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Runs a panel's load; a failure shows in the panel's table instead of breaking the page. */
async function guarded(tbody: HTMLElement, cols: number, what: string, load: () => Promise<void>): Promise<void> {
  try {
    await load();
  } catch (e) {
    fill(tbody, h('tr', { class: 'empty-row error' }, h('td', { colspan: cols }, `Could not load ${what}: ${errText(e)}`)));
  }
}

async function loadChart(): Promise<void> {
  const load = ++state.chartLoad;
  const { symbol, tf } = state;
  const tfMs = TIMEFRAMES[tf];
  el.chartTitle.textContent = `${symbol} · ${tf}`;
  el.chart.dataset.loading = 'true';
  try {
    let bars: Bar[] = [];
    let minutes = false;
    let fallback = tf !== '1m' && state.serverAggregates === false;
    if (tf === '1m' || state.serverAggregates !== false) {
      try {
        bars = await api.candles(symbol, tf, BARS);
        const sp = spacing(bars);
        if (tf === '1m') minutes = true;
        else if (sp > 0 && sp < tfMs) {
          state.serverAggregates = false; // the API ignored the interval: aggregate 1m here
          fallback = true;
          minutes = true;
        } else if (sp === tfMs) state.serverAggregates = true;
      } catch (e) {
        // An API that neither stores nor builds this interval (404, or 400 for an interval it does not
        // know): aggregate its 1m candles here. Whether it is the interval or the symbol that is missing,
        // the 1m request tells.
        if (tf === '1m' || !(e instanceof ApiError && (e.status === 404 || e.status === 400))) throw e;
        fallback = true;
      }
    }
    if (fallback) {
      const minuteBars = await minuteCandles(symbol, Math.min(BARS * (tfMs / 60_000), MAX_MINUTES));
      // a server that ignored the interval still gave us the first answer's candles
      if (minuteBars.length > 0 || bars.length === 0) bars = minuteBars;
      minutes = true;
    }
    if (load !== state.chartLoad) return; // the symbol or timeframe changed meanwhile
    const sorted = normalize(bars);
    state.bars = minutes ? aggregate(sorted, tfMs) : sorted;
    const last = sorted[sorted.length - 1];
    state.lastMinute = !last ? -Infinity : minutes ? last.time : last.time - 1;
    priceChart.setBars(state.bars, tfMs, `${symbol} · ${tf}`);
    el.chartError.hidden = true;
    drawChartSignals();
  } catch (e) {
    if (load !== state.chartLoad) return;
    el.chartError.hidden = false;
    el.chartError.textContent = `Could not load candles: ${errText(e)}`;
  } finally {
    if (load === state.chartLoad) delete el.chart.dataset.loading;
  }
}

/** The newest `want` 1m candles, paged backwards (the API answers at most MINUTE_PAGE at a time). */
async function minuteCandles(symbol: string, want: number): Promise<Bar[]> {
  const pages: Bar[][] = [];
  let got = 0;
  let to: number | undefined;
  while (got < want) {
    const n = Math.min(MINUTE_PAGE, want - got);
    let page: Bar[];
    try {
      page = normalize(await api.candles(symbol, '1m', n, to));
    } catch (e) {
      if (got === 0) throw e;
      break; // keep what the earlier pages gave
    }
    pages.unshift(page);
    got += page.length;
    if (page.length < n) break; // nothing older (or a server that caps `limit`)
    to = page[0]!.time - 1;
  }
  return pages.flat();
}

function drawChartSignals(): void {
  const mine = [...state.signals.values()].filter((s) => s.symbol === state.symbol).sort((a, b) => b.time - a.time);
  priceChart.setSignals(mine, state.selectedId);
}

function addSignals(list: Signal[]): void {
  for (const s of list) state.signals.set(s.id, { ...state.signals.get(s.id), ...s });
}

async function loadSignals(): Promise<void> {
  try {
    const [open, recent] = await Promise.all([api.signals('open', 500), api.signals('all', PAGE, 0)]);
    state.signals.clear();
    addSignals(open.signals);
    addSignals(recent.signals);
    state.recentLoaded = recent.signals.length;
    state.total = recent.total;
    // Nothing open (e.g. a finished replay): show the recent ones rather than an empty table.
    if (!state.tabChosen && state.tab === 'open' && open.signals.length === 0 && recent.signals.length > 0) setTab('recent');
    for (const s of state.signals.values()) if (!state.symbols.has(s.symbol)) addSymbol(s.symbol);
    if (state.selectedId === null) {
      const first = sortedSignals()[0] ?? [...state.signals.values()].sort((a, b) => b.time - a.time)[0];
      if (first) state.selectedId = first.id;
    }
    el.signalsError.hidden = true;
  } catch (e) {
    el.signalsError.hidden = false;
    el.signalsError.textContent = `Could not load signals: ${errText(e)}`;
  }
  renderSignals();
  drawChartSignals();
}

async function loadMoreSignals(): Promise<void> {
  el.more.disabled = true;
  try {
    const page = await api.signals('all', PAGE, state.recentLoaded);
    addSignals(page.signals);
    state.recentLoaded += page.signals.length;
    state.total = page.total ?? state.total;
    if (state.tab !== 'recent') setTab('recent');
    renderSignals();
    drawChartSignals();
  } catch (e) {
    el.signalsError.hidden = false;
    el.signalsError.textContent = `Could not load more: ${errText(e)}`;
  } finally {
    el.more.disabled = false;
  }
}

function sortedSignals(): Signal[] {
  let list = [...state.signals.values()];
  if (state.tab === 'open') list = list.filter((s) => s.status === 'open');
  if (state.symbolOnly) list = list.filter((s) => s.symbol === state.symbol);
  return list.sort((a, b) => b.time - a.time);
}

function renderSignals(): void {
  const list = sortedSignals();
  renderSignalRows(el.signalsBody, list, state.selectedId, state.fresh);
  const openCount = [...state.signals.values()].filter((s) => s.status === 'open').length;
  el.openCount.textContent = String(openCount);
  el.signalsTotal.textContent = state.total === null ? `${state.signals.size} loaded` : `${state.recentLoaded} of ${state.total} loaded`;
  el.more.hidden = state.total !== null && state.recentLoaded >= state.total;
  renderDetail(el.detail, el.detailMeta, state.selectedId ? (state.signals.get(state.selectedId) ?? null) : null);
}

function select(id: string): void {
  state.selectedId = id;
  const s = state.signals.get(id);
  renderSignals();
  if (!s) return;
  if (s.symbol !== state.symbol && state.symbols.has(s.symbol)) {
    setSymbol(s.symbol);
    void loadChart().then(() => priceChart.focus(s.time));
  } else {
    drawChartSignals();
    priceChart.focus(s.time);
  }
}

async function loadPerformance(): Promise<void> {
  const [perf, imp] = await Promise.allSettled([api.performance(), api.improvements()]);
  state.perf = perf.status === 'fulfilled' ? perf.value : state.perf;
  state.improvements = imp.status === 'fulfilled' ? imp.value : state.improvements;
  renderKpis(el.kpis, state.perf, state.improvements);
  if (perf.status === 'rejected') {
    el.kpis.append(h('div', { class: 'panel-error inline' }, `Could not load performance: ${errText(perf.reason)}`));
    fill(el.heads, h('tr', { class: 'empty-row error' }, h('td', { colspan: 4 }, `Could not load: ${errText(perf.reason)}`)));
  } else {
    renderHeads(el.heads, state.perf);
    renderRegimes(el.regimes, state.perf);
  }
}

async function loadWeights(): Promise<void> {
  try {
    state.weights = await api.headWeights(state.weightDays);
    weightsChart.set(state.weights);
    const w = state.weights;
    const v = w.current?.version;
    const parts = [v == null ? '' : `active v${v}`, w.history.length ? `${w.history.length} version${w.history.length === 1 ? '' : 's'}` : 'no new versions'];
    if (w.anchored && w.window) parts.push(`${state.weightDays} days up to ${fmtTime(w.window.to, true)} (nothing newer)`);
    el.weightsVersion.textContent = parts.filter(Boolean).join(' · ');
    el.weightsVersion.title = w.anchored ? `No version was created in the last ${state.weightDays} days: showing the ${state.weightDays} days before the newest version.` : '';
  } catch (e) {
    el.weightsVersion.textContent = `Could not load: ${errText(e)}`;
  }
}

const loadRejections = () => guarded(el.rejections, 7, 'rejection analysis', async () => renderRejections(el.rejections, await api.rejections()));
const loadJobs = () => guarded(el.jobs, 5, 'jobs', async () => renderJobs(el.jobs, await api.scheduler()));
const loadVersions = () =>
  guarded(el.versions, 6, 'versions', async () => {
    state.versions = await api.versions();
    renderVersionsTable();
  });

function renderVersionsTable(): void {
  renderVersions(el.versions, state.versions?.items ?? null, state.versions?.activeVersion ?? state.weights?.current?.version ?? null, (v) => void rollback(v));
}

// ---------------------------------------------------------------------------------------------------
// Protected actions

function showResult(box: HTMLElement, ok: boolean, text: string): void {
  box.hidden = false;
  box.className = `result ${ok ? 'ok' : 'error'}`;
  box.textContent = text;
}

function describeFailure(status: number, message: string): string {
  if (status === 401) return `401 Unauthorized — the API rejected the token${message ? ` (${message})` : ''}. Set a valid token and try again.`;
  if (status === 403) return `403 Forbidden — ${message || 'this token may not do that'}.`;
  return status === 0 ? message : `${status} — ${message || 'request failed'}`;
}

async function trigger(job: 'daily' | 'weekly', button: HTMLButtonElement): Promise<void> {
  const token = await confirmWithToken({ title: `Run the ${job} job now?`, message: job === 'daily' ? 'Re-fits head weights and thresholds from recent outcomes.' : 'Runs the weekly parameter search (may take a while).', confirm: `Run ${job}` });
  if (token === null) return;
  button.disabled = true;
  showResult(el.jobResult, true, `Running the ${job} job…`);
  el.jobResult.classList.add('pending');
  try {
    const r = await postAction(job === 'daily' ? '/learning/trigger-daily' : '/learning/trigger-weekly', token);
    if (r.ok) {
      showResult(el.jobResult, true, `✓ ${job} job: ${r.message || 'done'}`);
    } else if (r.status >= 200 && r.status < 300) {
      showResult(el.jobResult, false, `✗ ${job} job ${r.message || 'failed'}`); // it ran and failed
    } else {
      if (r.status === 401) storeToken('');
      showResult(el.jobResult, false, `✗ ${job} job: ${describeFailure(r.status, r.message)}`);
    }
    if (r.status >= 200 && r.status < 300) {
      void loadJobs();
      void loadPerformance();
      void loadRejections();
      void loadWeights().then(loadVersions);
    }
  } finally {
    button.disabled = false;
  }
}

async function rollback(v: Version): Promise<void> {
  const token = await confirmWithToken({ title: `Roll back to v${v.version}?`, message: `Makes the head weights and thresholds of version ${v.version} (${v.reason || 'no reason'}, ${fmtTime(v.createdAt, true)}) active again.`, confirm: `Roll back to v${v.version}`, danger: true });
  if (token === null) return;
  const r = await postAction('/learning/rollback', token, { version: v.version });
  if (r.ok) {
    showResult(el.rollbackResult, true, `✓ Rolled back to v${v.version}${r.message ? `: ${r.message}` : ''}`);
    await loadWeights();
    await loadVersions();
    void loadPerformance();
  } else {
    if (r.status === 401) storeToken('');
    showResult(el.rollbackResult, false, `✗ Rollback to v${v.version}: ${describeFailure(r.status, r.message)}`);
  }
}

function renderTokenButton(): void {
  const has = storedToken() !== '';
  el.tokenBtn.textContent = has ? 'Token ✓' : 'Token';
  el.tokenBtn.classList.toggle('set', has);
}

// ---------------------------------------------------------------------------------------------------
// Live updates

const refreshPerformance = debounce(() => void loadPerformance(), 1500);
const refreshLearning = debounce(() => {
  void loadWeights().then(loadVersions);
  void loadPerformance();
}, 1500);
const refreshJobs = debounce(() => {
  void loadJobs();
  void loadRejections();
}, 1500);
let lastEvent = 0;

function onLive(e: LiveEvent): void {
  lastEvent = Date.now();
  switch (e.type) {
    case 'candle': {
      if (e.symbol !== null && e.symbol !== state.symbol) return;
      const tfMs = TIMEFRAMES[state.tf];
      if (e.interval !== null && e.interval !== '1m') {
        if (e.interval !== state.tf) return; // an aggregated candle of another timeframe
        const bar = mergeLive(state.bars, e.bar, tfMs, -Infinity);
        if (bar) priceChart.updateBar(bar);
        return;
      }
      const bar = mergeLive(state.bars, e.bar, tfMs, state.lastMinute);
      state.lastMinute = Math.max(state.lastMinute, e.bar.time);
      if (bar) priceChart.updateBar(bar);
      return;
    }
    case 'signal': {
      addSignals([e.signal]);
      if (!state.symbols.has(e.signal.symbol)) addSymbol(e.signal.symbol);
      state.fresh.add(e.signal.id);
      setTimeout(() => state.fresh.delete(e.signal.id), 4000);
      if (state.total !== null) state.total++;
      state.recentLoaded++;
      renderSignals();
      if (e.signal.symbol === state.symbol) drawChartSignals();
      return;
    }
    case 'outcome': {
      const prev = state.signals.get(e.signal.id);
      if (prev) {
        // Only what the event carries: no nulls, no empty vote lists over the ones we have.
        const patch = Object.fromEntries(Object.entries(e.signal).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)));
        state.signals.set(prev.id, { ...prev, ...patch, status: 'closed' });
        state.fresh.add(prev.id);
        setTimeout(() => state.fresh.delete(prev.id), 4000);
        renderSignals();
        if (prev.symbol === state.symbol) drawChartSignals();
      }
      refreshPerformance();
      return;
    }
    case 'weights':
      refreshLearning();
      return;
    case 'job':
      refreshJobs();
      refreshLearning();
      return;
  }
}

const LIVE_LABEL: Record<LiveState, string> = { connecting: 'Connecting', live: 'Live', reconnecting: 'Reconnecting', offline: 'Offline' };

function onLiveState(s: LiveState, detail: string): void {
  el.live.dataset.state = s;
  el.liveLabel.textContent = LIVE_LABEL[s];
  el.live.title = `Live updates: ${detail}`;
  if (s === 'live') {
    // Whatever happened while disconnected: reload what the stream would have told us.
    if (wasDisconnected) {
      void loadChart();
      void loadSignals();
      refreshLearning();
    }
    wasDisconnected = false;
  } else if (s !== 'connecting') wasDisconnected = true;
}
let wasDisconnected = false;

// ---------------------------------------------------------------------------------------------------
// Controls

function addSymbol(symbol: string): void {
  if (!symbol || symbol === '—' || state.symbols.has(symbol)) return;
  state.symbols.add(symbol);
  el.symbol.append(h('option', null, symbol));
}

function setSymbol(symbol: string): void {
  addSymbol(symbol);
  state.symbol = symbol;
  el.symbol.value = symbol;
  localStorage.setItem('alphapulse.symbol', symbol);
}

function setTimeframe(tf: Timeframe): void {
  state.tf = tf;
  localStorage.setItem('alphapulse.tf', tf);
  for (const b of el.timeframes.querySelectorAll<HTMLButtonElement>('button')) b.classList.toggle('active', b.dataset.tf === tf);
}

function setTab(tab: 'open' | 'recent'): void {
  state.tab = tab;
  for (const b of document.querySelectorAll<HTMLButtonElement>('.tabs button')) b.classList.toggle('active', b.dataset.tab === tab);
}

el.symbol.addEventListener('change', () => {
  setSymbol(el.symbol.value);
  void loadChart();
  if (state.symbolOnly) renderSignals();
});
el.timeframes.addEventListener('click', (e) => {
  const tf = (e.target as HTMLElement).closest<HTMLButtonElement>('button')?.dataset.tf;
  if (tf && isTimeframe(tf) && tf !== state.tf) {
    setTimeframe(tf);
    void loadChart();
  }
});
document.querySelector('.tabs')!.addEventListener('click', (e) => {
  const tab = (e.target as HTMLElement).closest<HTMLButtonElement>('button')?.dataset.tab;
  if (tab === 'open' || tab === 'recent') {
    state.tabChosen = true;
    setTab(tab);
    renderSignals();
  }
});
el.symbolOnly.addEventListener('change', () => {
  state.symbolOnly = el.symbolOnly.checked;
  renderSignals();
});
el.signalsBody.addEventListener('click', (e) => {
  const id = (e.target as HTMLElement).closest<HTMLTableRowElement>('tr[data-id]')?.dataset.id;
  if (id) select(id);
});
el.signalsBody.addEventListener('keydown', (e) => {
  const row = (e.target as HTMLElement).closest<HTMLTableRowElement>('tr[data-id]');
  if (!row) return;
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    select(row.dataset.id!);
  } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    const next = (e.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling) as HTMLTableRowElement | null;
    if (next?.dataset.id) {
      select(next.dataset.id);
      el.signalsBody.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(next.dataset.id)}"]`)?.focus();
    }
  }
});
el.more.addEventListener('click', () => void loadMoreSignals());
byId('weight-days').addEventListener('click', (e) => {
  const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button');
  const days = Number(b?.dataset.days);
  if (!b || !days) return;
  for (const x of byId('weight-days').querySelectorAll('button')) x.classList.toggle('active', x === b);
  state.weightDays = days;
  void loadWeights();
});
byId<HTMLButtonElement>('run-daily').addEventListener('click', (e) => void trigger('daily', e.currentTarget as HTMLButtonElement));
byId<HTMLButtonElement>('run-weekly').addEventListener('click', (e) => void trigger('weekly', e.currentTarget as HTMLButtonElement));
el.tokenBtn.addEventListener('click', () => {
  void confirmWithToken({ title: 'API token', message: 'Used for Run daily / Run weekly and rollback. Clear the field to forget it.', confirm: 'Save' });
});
document.addEventListener('token-changed', renderTokenButton);

function tick(): void {
  const now = new Date();
  el.clock.textContent = `UTC ${now.toISOString().slice(11, 19)}`;
  if (lastEvent) el.clock.title = `last live event ${Math.round((Date.now() - lastEvent) / 1000)} s ago`;
}

// ---------------------------------------------------------------------------------------------------
// Start

setSymbol(state.symbol);
setTimeframe(state.tf);
renderTokenButton();
renderKpis(el.kpis, null, null);
tick();
setInterval(tick, 1000);
void Promise.all([loadChart(), loadSignals(), loadPerformance(), loadWeights().then(loadVersions), loadRejections(), loadJobs()]).then(() => {
  document.body.dataset.ready = 'true';
});
connectLive(onLive, onLiveState);
// A slow safety net for what has no live event (e.g. next-run times): refresh the learning panels.
setInterval(() => {
  void loadJobs();
  void loadRejections();
  void loadPerformance();
}, 5 * 60_000);
