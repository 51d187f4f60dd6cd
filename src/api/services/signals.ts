/**
 * GET /api/signals: open signals (live_signals) and closed ones (signal_history), newest decision first,
 * filtered by symbol and decision time, paged; each with its consensus record parsed.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Store } from '../../store/database.js';
import { num, num0, rows } from './common.js';

export type SignalStatus = 'open' | 'closed' | 'all';

export type SignalQuery = { status: SignalStatus; symbol?: string; from?: number; to?: number; limit: number; offset: number };

export type SignalOutcome = { result: string; exitTime: number; exitPrice: number | null; grossPct: number | null; netPct: number | null; holdingMs: number | null; maePct: number | null; mfePct: number | null; won: boolean };

export type SignalView = {
  id: string;
  status: 'open' | 'closed';
  symbol: string;
  time: number;
  direction: string;
  entry: number;
  stop: number;
  target: number;
  rewardRisk: number;
  confidence: number;
  confluence: number;
  agreeing: number;
  regime: string;
  timeframe: string;
  setupKind: number;
  weightsVersion: number;
  expiresAt: number;
  outcome: SignalOutcome | null;
  /** the consensus record: votes with reasons, weights, thresholds, consensus, regime, timeframe, indicators */
  consensus: Record<string, unknown> | null;
};

export type SignalPage = { status: SignalStatus; total: number; limit: number; offset: number; items: SignalView[] };

type Row = {
  status: string;
  id: string;
  symbol: string;
  time: number;
  direction: string;
  entry: number;
  stop: number;
  target: number;
  reward_risk: number;
  confidence: number;
  confluence: number;
  agreeing: number;
  regime: string;
  timeframe: string;
  setup_kind: number;
  weights_version: number;
  record: string;
  expires_at: number;
  result: string | null;
  exit_time: number | null;
  exit_price: number | null;
  gross_pct: number | null;
  net_pct: number | null;
  holding_ms: number | null;
  mae_pct: number | null;
  mfe_pct: number | null;
  won: number | null;
};

const TRADE = sql`id, symbol, time, direction, entry, stop, target, reward_risk, confidence, confluence, agreeing, regime, timeframe, setup_kind, weights_version, record, expires_at`;

function where(q: SignalQuery): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`1 = 1`];
  if (q.symbol !== undefined) parts.push(sql`symbol = ${q.symbol}`);
  if (q.from !== undefined) parts.push(sql`time >= ${q.from}`);
  if (q.to !== undefined) parts.push(sql`time <= ${q.to}`);
  return sql.join(parts, sql` AND `);
}

function parseRecord(text: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function view(r: Row): SignalView {
  const closed = r.status === 'closed';
  return {
    id: r.id,
    status: closed ? 'closed' : 'open',
    symbol: r.symbol,
    time: num0(r.time),
    direction: r.direction,
    entry: num0(r.entry),
    stop: num0(r.stop),
    target: num0(r.target),
    rewardRisk: num0(r.reward_risk),
    confidence: num0(r.confidence),
    confluence: num0(r.confluence),
    agreeing: num0(r.agreeing),
    regime: r.regime,
    timeframe: r.timeframe,
    setupKind: num0(r.setup_kind),
    weightsVersion: num0(r.weights_version),
    expiresAt: num0(r.expires_at),
    outcome:
      closed && r.result !== null
        ? {
            result: r.result,
            exitTime: num0(r.exit_time),
            exitPrice: num(r.exit_price),
            grossPct: num(r.gross_pct),
            netPct: num(r.net_pct),
            holdingMs: num(r.holding_ms),
            maePct: num(r.mae_pct),
            mfePct: num(r.mfe_pct),
            won: num0(r.won) === 1,
          }
        : null,
    consensus: parseRecord(r.record),
  };
}

export async function getSignals(store: Store, q: SignalQuery): Promise<SignalPage> {
  const w = where(q);
  const open = sql`SELECT 'open' AS status, ${TRADE}, NULL AS result, NULL AS exit_time, NULL AS exit_price, NULL AS gross_pct, NULL AS net_pct, NULL AS holding_ms, NULL AS mae_pct, NULL AS mfe_pct, NULL AS won FROM live_signals WHERE ${w}`;
  const closed = sql`SELECT 'closed' AS status, ${TRADE}, result, exit_time, exit_price, gross_pct, net_pct, holding_ms, mae_pct, mfe_pct, won FROM signal_history WHERE ${w}`;
  const source = q.status === 'open' ? open : q.status === 'closed' ? closed : sql`${open} UNION ALL ${closed}`;
  const items = await rows(store, sql<Row>`SELECT * FROM (${source}) AS s ORDER BY time DESC, id DESC LIMIT ${q.limit} OFFSET ${q.offset}`);
  let total = 0;
  if (q.status !== 'closed') total += num0((await rows(store, sql<{ n: number }>`SELECT COUNT(*) AS n FROM live_signals WHERE ${w}`))[0]?.n);
  if (q.status !== 'open') total += num0((await rows(store, sql<{ n: number }>`SELECT COUNT(*) AS n FROM signal_history WHERE ${w}`))[0]?.n);
  return { status: q.status, total, limit: q.limit, offset: q.offset, items: items.map(view) };
}
