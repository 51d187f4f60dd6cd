/** The learning panels: heads, regimes, rejection analysis, scheduled jobs and learning versions. */
import { HEAD_SPECIALTY, HEADS, type Performance, type RejectionRow, type Rejections, type Scheduler, type Version } from './api.js';
import { fill, h } from './dom.js';
import { DASH, fmtInt, fmtNum, fmtPct, fmtRate, fmtRelative, fmtTime, signClass } from './format.js';
import { HEAD_COLORS } from './weights.js';

function empty(tbody: HTMLElement, cols: number, text: string): void {
  fill(tbody, h('tr', { class: 'empty-row' }, h('td', { colspan: cols }, text)));
}

/** A rate as a small horizontal bar with its value; `mid` draws a mark (e.g. 50%). */
export function rateBar(v: number | null, mid = 0.5) {
  if (v === null) return h('span', { class: 'muted' }, DASH);
  const cls = v >= mid ? 'pos' : 'neg';
  return h('span', { class: 'ratebar' }, h('span', { class: 'track' }, h('i', { class: cls, style: `width:${Math.max(0, Math.min(1, v)) * 100}%` }), h('em', { style: `left:${mid * 100}%` })), h('b', { class: cls }, fmtRate(v)));
}

export function renderHeads(tbody: HTMLElement, perf: Performance | null): void {
  const heads = perf?.heads ?? [];
  if (heads.length === 0) return empty(tbody, 4, 'No head statistics yet.');
  fill(
    tbody,
    heads.map((r) => {
      const i = (HEADS as readonly string[]).indexOf(r.head);
      const d = r.currentWeight !== null && r.suggestedWeight !== null ? r.suggestedWeight - r.currentWeight : null;
      return h(
        'tr',
        null,
        h('td', null, h('span', { class: 'head-badge small', style: `--c:${HEAD_COLORS[i >= 0 ? i : 8]}` }, r.head), h('span', { class: 'muted specialty', title: r.specialty || HEAD_SPECIALTY[r.head] || '' }, r.specialty || HEAD_SPECIALTY[r.head] || '')),
        h('td', { class: 'num' }, fmtInt(r.agreed)),
        h('td', null, rateBar(r.winRateWhenAgreed)),
        h(
          'td',
          { class: 'num mono', title: 'current weight → weight suggested by the outcomes' },
          h('span', { class: 'weight-change' }, fmtNum(r.currentWeight, 2), h('span', { class: 'arrow' }, '→'), h('b', { class: signClass(d) }, fmtNum(r.suggestedWeight, 2))),
        ),
      );
    }),
  );
}

export function renderRegimes(tbody: HTMLElement, perf: Performance | null): void {
  const rows = perf?.regimes ?? [];
  if (rows.length === 0) return empty(tbody, 4, 'No regime statistics yet.');
  fill(
    tbody,
    rows.map((r) => h('tr', null, h('td', null, r.regime), h('td', { class: 'num' }, fmtInt(r.trades)), h('td', null, rateBar(r.winRate)), h('td', { class: `num mono ${signClass(r.avgNetPct)}` }, fmtPct(r.avgNetPct, 3)))),
  );
}

export function renderRejections(tbody: HTMLElement, data: Rejections | null): void {
  const rows = data?.byCategory ?? [];
  if (rows.length === 0) return empty(tbody, 7, 'No rejections recorded yet.');
  const row = (r: RejectionRow, total = false) =>
    h(
      'tr',
      { class: total ? 'total' : null, 'data-category': total ? null : r.category },
      h('td', { class: total ? null : 'mono' }, total ? h('b', null, 'All categories') : r.category),
      h('td', { class: 'num', title: 'rejections of this category' }, fmtInt(r.rejections)),
      h('td', { class: 'num', title: 'rejected candidates with a would-be trade, followed as shadow positions' }, fmtInt(r.candidates)),
      h('td', { class: 'num' }, fmtInt(r.resolved)),
      h('td', { class: 'num pos-soft', title: 'the would-be trade lost: rightly rejected' }, fmtInt(r.goodRejections)),
      h('td', { class: 'num neg-soft', title: 'the would-be trade won: a missed opportunity' }, fmtInt(r.missedOpportunities)),
      h('td', { title: 'good / resolved' }, rateBar(r.accuracy)),
    );
  fill(tbody, rows.map((r) => row(r)), data?.totals && rows.length > 1 ? row(data.totals, true) : null);
}

export function renderJobs(tbody: HTMLElement, data: Scheduler | null): void {
  const jobs = data?.jobs ?? [];
  if (jobs.length === 0) return empty(tbody, 5, 'No scheduled jobs reported.');
  fill(
    tbody,
    jobs.map((j) => {
      const st = j.last?.status ?? '';
      const cls = /ok|success|done|complete/i.test(st) ? 'win' : /fail|error/i.test(st) ? 'loss' : 'flat';
      return h(
        'tr',
        { 'data-job': j.job },
        h('td', { title: [j.schedule ? `cron ${j.schedule} (UTC)` : '', j.runs !== null ? `${fmtInt(j.runs)} runs` : ''].filter(Boolean).join(' · ') }, h('b', null, j.job)),
        h('td', { title: fmtTime(j.next, true) }, fmtRelative(j.next)),
        h('td', { class: 'mono', title: fmtTime(j.last?.at, true) }, j.last ? fmtRelative(j.last.at) : 'never'),
        h('td', null, j.last ? h('span', { class: `badge ${cls}` }, st || DASH) : h('span', { class: 'muted' }, DASH)),
        h('td', { class: 'summary', title: j.last?.summary ?? '' }, j.last?.summary || DASH),
      );
    }),
  );
}

/** Nine small bars, one per head, scaled to the largest weight in the table. */
function weightBars(weights: number[], max: number) {
  return h(
    'span',
    { class: 'wbars', title: weights.map((w, i) => `${HEADS[i]} ${Number.isFinite(w) ? w.toFixed(2) : DASH}`).join('  ') },
    HEADS.map((_, i) => {
      const w = weights[i];
      const pct = w !== undefined && Number.isFinite(w) && max > 0 ? Math.max(4, (w / max) * 100) : 0;
      return h('i', { style: `height:${pct}%;background:${HEAD_COLORS[i]}` });
    }),
  );
}

export function renderVersions(tbody: HTMLElement, versions: Version[] | null, activeVersion: number | null, onRollback: (v: Version) => void): void {
  const rows = versions ?? [];
  if (rows.length === 0) return empty(tbody, 6, 'No learning versions yet.');
  const max = Math.max(0, ...rows.flatMap((v) => v.headWeights.filter(Number.isFinite)));
  const active = activeVersion ?? rows[0]!.version;
  fill(
    tbody,
    rows.map((v) =>
      h(
        'tr',
        { 'data-version': v.version, class: v.version === active ? 'active' : null },
        h('td', null, h('b', null, `v${v.version}`)),
        h('td', { class: 'mono' }, fmtTime(v.createdAt, true)),
        h('td', { class: 'summary', title: v.reason }, v.reason || DASH),
        h('td', { class: 'muted' }, v.mode || DASH),
        h('td', null, v.headWeights.length ? weightBars(v.headWeights, max) : DASH),
        h(
          'td',
          { class: 'num' },
          v.version === active
            ? h('span', { class: 'badge open' }, 'active')
            : h('button', { type: 'button', class: 'btn ghost small rollback', 'data-version': v.version, onclick: () => onRollback(v) }, 'Roll back'),
        ),
      ),
    ),
  );
}
