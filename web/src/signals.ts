/** The signals table and the selected signal's detail: each head's vote with confidence and reasons. */
import { HEAD_SPECIALTY, HEADS, outcome, type Signal } from './api.js';
import { fill, h } from './dom.js';
import { DASH, fmtPct, fmtPrice, fmtRate, fmtTime, signClass } from './format.js';
import { HEAD_COLORS } from './weights.js';

export function sideBadge(direction: string) {
  const d = direction.toUpperCase();
  return h('span', { class: `side ${d === 'LONG' ? 'long' : d === 'SHORT' ? 'short' : 'neutral'}` }, d === 'NEUTRAL' ? '—' : d);
}

function statusBadge(s: Signal) {
  if (s.status === 'open') return h('span', { class: 'badge open' }, 'open');
  const o = outcome(s);
  return h('span', { class: `badge ${o ?? 'flat'}` }, s.result ?? o ?? 'closed');
}

export function renderSignalRows(tbody: HTMLElement, signals: readonly Signal[], selectedId: string | null, fresh: ReadonlySet<string>): void {
  if (signals.length === 0) {
    fill(tbody, h('tr', { class: 'empty-row' }, h('td', { colspan: 12 }, 'No signals yet.')));
    return;
  }
  fill(
    tbody,
    signals.map((s) =>
      h(
        'tr',
        { 'data-id': s.id, class: [s.id === selectedId ? 'selected' : '', fresh.has(s.id) ? 'fresh' : ''].join(' ').trim() || null, tabindex: 0 },
        h('td', { class: 'mono' }, fmtTime(s.time)),
        h('td', null, s.symbol),
        h('td', null, sideBadge(s.direction)),
        h('td', null, s.timeframe ?? DASH),
        h('td', { class: 'muted' }, s.regime ?? DASH),
        h('td', { class: 'num' }, fmtRate(s.confidence, 0)),
        h('td', { class: 'num mono' }, fmtPrice(s.entry)),
        h('td', { class: 'num mono neg-soft' }, fmtPrice(s.stop)),
        h('td', { class: 'num mono pos-soft' }, fmtPrice(s.target)),
        h('td', null, statusBadge(s)),
        h('td', { class: `num mono ${signClass(s.netPct)}` }, fmtPct(s.netPct)),
        h('td', { class: 'mono muted' }, s.exitTime === null ? DASH : fmtTime(s.exitTime)),
      ),
    ),
  );
}

export function renderDetail(el: HTMLElement, meta: HTMLElement, s: Signal | null): void {
  if (!s) {
    fill(el, h('p', { class: 'empty' }, "Select a signal to see each head's vote."));
    fill(meta);
    return;
  }
  fill(meta, fmtTime(s.time, true), ' UTC');
  const rr = s.entry !== null && s.stop !== null && s.target !== null && s.entry !== s.stop ? Math.abs(s.target - s.entry) / Math.abs(s.entry - s.stop) : null;
  const dir = s.direction.toUpperCase();
  const agree = s.votes.filter((v) => v.direction === dir).length;
  const oppose = s.votes.filter((v) => v.direction !== dir && v.direction !== 'NEUTRAL').length;
  fill(
    el,
    h(
      'div',
      { class: 'detail-head' },
      sideBadge(s.direction),
      h('b', null, s.symbol),
      h('span', { class: 'muted' }, [s.timeframe, s.regime].filter(Boolean).join(' · ') || DASH),
      h('span', { class: 'spacer' }),
      statusBadge(s),
    ),
    h(
      'dl',
      { class: 'facts' },
      fact('Entry', fmtPrice(s.entry)),
      fact('Stop', fmtPrice(s.stop), 'neg-soft'),
      fact('Target', fmtPrice(s.target), 'pos-soft'),
      fact('R:R', rr === null ? DASH : rr.toFixed(2)),
      fact('Confidence', fmtRate(s.confidence, 0)),
      fact('Net', fmtPct(s.netPct), signClass(s.netPct)),
    ),
    h('div', { class: 'votes-summary muted' }, s.votes.length ? `${agree} agree · ${oppose} oppose · ${s.votes.length - agree - oppose} neutral` : 'No votes recorded for this signal.'),
    h(
      'ol',
      { class: 'votes', id: 'votes' },
      s.votes.map((v, i) => {
        const idx = (HEADS as readonly string[]).indexOf(v.head);
        const color = HEAD_COLORS[idx >= 0 ? idx : i % HEAD_COLORS.length];
        const stance = v.direction === dir ? 'agree' : v.direction === 'NEUTRAL' ? 'neutral' : 'oppose';
        const weight = s.weights[idx >= 0 ? idx : i];
        return h(
          'li',
          { class: `vote ${stance}`, 'data-head': v.head },
          h('span', { class: 'head-badge', style: `--c:${color}` }, v.head),
          h(
            'div',
            { class: 'vote-body' },
            h(
              'div',
              { class: 'vote-line' },
              h('span', { class: 'specialty' }, v.specialty || HEAD_SPECIALTY[v.head] || ''),
              sideBadge(v.direction),
              h('span', { class: 'conf', title: 'confidence' }, h('span', { class: 'bar' }, h('i', { style: `width:${Math.round((v.confidence ?? 0) * 100)}%` })), fmtRate(v.confidence, 0)),
              h('span', { class: 'weight muted', title: 'head weight at the decision' }, weight === undefined || !Number.isFinite(weight) ? '' : `w ${weight.toFixed(2)}`),
            ),
            v.reasons.length ? h('ul', { class: 'reasons' }, v.reasons.map((r) => h('li', null, r))) : null,
          ),
        );
      }),
    ),
  );
}

function fact(label: string, value: string, cls = '') {
  return h('div', null, h('dt', null, label), h('dd', { class: `mono ${cls}` }, value));
}
