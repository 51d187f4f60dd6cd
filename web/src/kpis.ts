/** KPI cards: overall figures with their week-over-week change and a sparkline of the weekly values. */
import type { Improvements, Performance, Week } from './api.js';
import { fill, h } from './dom.js';
import { DASH, fmtInt, fmtNum, fmtPct, fmtRate } from './format.js';

type Kpi = {
  id: string;
  label: string;
  value: string;
  valueClass?: string;
  sub: string;
  /** weekly values, oldest first (null where unknown) */
  weekly: (number | null)[];
  /** how a change is shown: 'pp' (points of a rate), 'pct' (percent units), 'num' */
  deltaKind: 'pp' | 'pct' | 'num' | 'int';
  /** true when a fall is good (drawdown) */
  lowerIsBetter?: boolean;
};

const weekPl = (w: Week) => w.totalNetPct ?? (w.trades !== null && w.avgNetPct !== null ? w.trades * w.avgNetPct : null);

export function renderKpis(el: HTMLElement, perf: Performance | null, imp: Improvements | null): void {
  const o = perf?.overall;
  const weeks = imp?.weeks ?? [];
  const series = (f: (w: Week) => number | null) => weeks.map(f);
  const wl = o?.wins != null && o.trades != null ? `${fmtInt(o.wins)} won / ${fmtInt(o.trades - o.wins)} lost` : 'wins / losses —';
  const kpis: Kpi[] = [
    { id: 'win-rate', label: 'Win rate', value: fmtRate(o?.winRate), sub: wl, weekly: series((w) => w.winRate), deltaKind: 'pp' },
    { id: 'net-pl', label: 'Net P/L', value: fmtPct(o?.totalNetPct), valueClass: cls(o?.totalNetPct), sub: `sum of net % per trade`, weekly: series(weekPl), deltaKind: 'pct' },
    { id: 'avg-trade', label: 'Avg / trade', value: fmtPct(o?.avgNetPct, 3), valueClass: cls(o?.avgNetPct), sub: 'net of fees', weekly: series((w) => w.avgNetPct), deltaKind: 'pct' },
    { id: 'profit-factor', label: 'Profit factor', value: fmtNum(o?.profitFactor, 2), valueClass: o?.profitFactor == null ? '' : o.profitFactor >= 1 ? 'pos' : 'neg', sub: 'gross win / gross loss', weekly: series((w) => w.profitFactor), deltaKind: 'num' },
    {
      id: 'drawdown',
      label: 'Max drawdown',
      value: o?.maxDrawdownPct == null ? DASH : `${Math.abs(o.maxDrawdownPct).toFixed(2)}%`,
      valueClass: o?.maxDrawdownPct ? 'neg' : '',
      sub: 'peak to trough, cumulative net',
      weekly: series((w) => (w.maxDrawdownPct === null ? null : Math.abs(w.maxDrawdownPct))),
      deltaKind: 'pct',
      lowerIsBetter: true,
    },
    {
      id: 'trades',
      label: 'Trades',
      value: fmtInt(o?.trades),
      sub: `Sharpe ${fmtNum(o?.sharpe, 2)}${imp?.trend ? ` · trend ${imp.trend}` : ''}`,
      weekly: series((w) => w.trades),
      deltaKind: 'int',
    },
  ];
  fill(el, kpis.map(card));
}

function cls(v: number | null | undefined): string {
  return v == null ? '' : v > 0 ? 'pos' : v < 0 ? 'neg' : '';
}

function card(k: Kpi) {
  const known = k.weekly.filter((v): v is number => v !== null);
  const last = k.weekly[k.weekly.length - 1] ?? null;
  const prev = k.weekly[k.weekly.length - 2] ?? null;
  let delta: HTMLElement;
  if (last === null || prev === null) {
    delta = h('span', { class: 'delta' }, `${DASH} vs last week`);
  } else {
    const d = last - prev;
    const good = d === 0 ? '' : (d > 0) !== (k.lowerIsBetter === true) ? 'pos' : 'neg';
    const text = k.deltaKind === 'pp' ? `${Math.abs(d * 100).toFixed(1)} pp` : k.deltaKind === 'pct' ? `${Math.abs(d).toFixed(2)}%` : k.deltaKind === 'int' ? fmtInt(Math.abs(d)) : Math.abs(d).toFixed(2);
    delta = h('span', { class: `delta ${good}`, title: `this week ${fmtWeekly(k, last)} · last week ${fmtWeekly(k, prev)}` }, `${d > 0 ? '▲' : d < 0 ? '▼' : '■'} ${text}`, h('span', { class: 'muted' }, ' vs last week'));
  }
  return h(
    'div',
    { class: 'kpi', id: `kpi-${k.id}` },
    h('div', { class: 'kpi-head' }, h('span', { class: 'kpi-label' }, k.label), known.length >= 2 ? sparkline(k.weekly, k.lowerIsBetter === true) : null),
    h('div', { class: `kpi-value ${k.valueClass ?? ''}` }, k.value),
    h('div', { class: 'kpi-foot' }, delta),
    h('div', { class: 'kpi-sub muted' }, k.sub),
  );
}

function fmtWeekly(k: Kpi, v: number): string {
  return k.deltaKind === 'pp' ? fmtRate(v) : k.deltaKind === 'pct' ? fmtPct(v) : k.deltaKind === 'int' ? fmtInt(v) : fmtNum(v, 2);
}

const SVG = 'http://www.w3.org/2000/svg';

/** A small line of the weekly values; the last point colored by the last change. */
function sparkline(values: (number | null)[], lowerIsBetter: boolean): SVGSVGElement {
  const w = 84;
  const ht = 26;
  const known = values.filter((v): v is number => v !== null);
  const min = Math.min(...known);
  const max = Math.max(...known);
  const span = max - min || 1;
  const pts: [number, number][] = [];
  values.forEach((v, i) => {
    if (v !== null) pts.push([(i / Math.max(values.length - 1, 1)) * (w - 4) + 2, ht - 3 - ((v - min) / span) * (ht - 6)]);
  });
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${w} ${ht}`);
  svg.setAttribute('class', 'spark');
  svg.setAttribute('width', String(w));
  svg.setAttribute('height', String(ht));
  const line = document.createElementNS(SVG, 'polyline');
  line.setAttribute('points', pts.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' '));
  svg.append(line);
  const lastKnown = known[known.length - 1]!;
  const prevKnown = known[known.length - 2]!;
  const up = lastKnown >= prevKnown;
  const dot = document.createElementNS(SVG, 'circle');
  const [lx, ly] = pts[pts.length - 1]!;
  dot.setAttribute('cx', String(lx));
  dot.setAttribute('cy', String(ly));
  dot.setAttribute('r', '2.5');
  dot.setAttribute('class', up !== lowerIsBetter ? 'pos' : 'neg');
  svg.append(dot);
  return svg;
}
