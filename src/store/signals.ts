/** Reading signals back: resolved ones with their consensus record, for analytics. */
import type { ResolvedSignal } from '../analytics/effectiveness.js';
import type { Store } from './database.js';

export async function loadResolvedSignals(store: Store, opts: { since?: number; symbol?: string } = {}): Promise<(ResolvedSignal & { id: string; symbol: string; time: number })[]> {
  let q = store.db.selectFrom('signal_history').select(['id', 'symbol', 'time', 'direction', 'won', 'net_pct', 'regime', 'record']).where('result', 'is not', null).orderBy('time');
  if (opts.since !== undefined) q = q.where('time', '>=', opts.since);
  if (opts.symbol !== undefined) q = q.where('symbol', '=', opts.symbol);
  const rows = await q.execute();
  return rows.map((r) => {
    const record = JSON.parse(r.record) as { votes?: ResolvedSignal['votes'] };
    return {
      id: r.id,
      symbol: r.symbol,
      time: Number(r.time),
      direction: r.direction as 'LONG' | 'SHORT',
      won: Number(r.won) === 1,
      netPct: Number(r.net_pct),
      regime: r.regime,
      votes: record.votes ?? [],
    };
  });
}
