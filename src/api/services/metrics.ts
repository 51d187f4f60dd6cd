/**
 * GET /metrics: the service's counters and gauges (from the running service's status) and the store's
 * totals, as Prometheus metric families. The HTTP families are added by the app.
 */
import { sql } from 'kysely';
import type { Store } from '../../store/database.js';
import type { Family } from '../http/prometheus.js';
import type { ServiceControls } from '../ports.js';
import { num0, rows } from './common.js';
import { cleanStatus } from './stats.js';

export async function serviceFamilies(store: Store, controls: ServiceControls): Promise<Family[]> {
  const status = cleanStatus(controls.status());
  const [counts] = await rows(
    store,
    sql<{ open: number; closed: number; won: number; shadows: number; shadows_resolved: number; shadows_won: number }>`SELECT
      (SELECT COUNT(*) FROM live_signals) AS open,
      (SELECT COUNT(*) FROM signal_history) AS closed,
      (SELECT COUNT(*) FROM signal_history WHERE won = 1) AS won,
      (SELECT COUNT(*) FROM rejected_signals) AS shadows,
      (SELECT COUNT(*) FROM rejected_signals WHERE result IS NOT NULL) AS shadows_resolved,
      (SELECT COUNT(*) FROM rejected_signals WHERE result IS NOT NULL AND won = 1) AS shadows_won`,
  );
  const c = {
    open: num0(counts?.open),
    closed: num0(counts?.closed),
    won: num0(counts?.won),
    shadows: num0(counts?.shadows),
    shadowsResolved: num0(counts?.shadows_resolved),
    shadowsWon: num0(counts?.shadows_won),
  };
  const jobs = await rows(store, sql<{ job: string; status: string; n: number }>`SELECT job, status, COUNT(*) AS n FROM job_runs GROUP BY job, status ORDER BY job, status`);
  const e = status.engine;
  return [
    { name: 'alphapulse_candles_processed_total', type: 'counter', help: 'closed candles stepped through the engine since the service started', samples: [{ value: e.candlesProcessed }] },
    { name: 'alphapulse_signals_total', type: 'counter', help: 'signals issued (stored open and closed signals)', samples: [{ value: c.open + c.closed }] },
    {
      name: 'alphapulse_outcomes_total',
      type: 'counter',
      help: 'resolved outcomes by kind (signal or shadow of a rejected candidate) and result',
      samples: [
        { labels: { kind: 'signal', result: 'won' }, value: c.won },
        { labels: { kind: 'signal', result: 'lost' }, value: c.closed - c.won },
        { labels: { kind: 'shadow', result: 'won' }, value: c.shadowsWon },
        { labels: { kind: 'shadow', result: 'lost' }, value: c.shadowsResolved - c.shadowsWon },
      ],
    },
    {
      name: 'alphapulse_open_positions',
      type: 'gauge',
      help: 'positions the engine is following: signals and shadows of rejected candidates',
      samples: [
        { labels: { kind: 'signal' }, value: e.openSignals },
        { labels: { kind: 'shadow' }, value: e.openShadows },
      ],
    },
    { name: 'alphapulse_weights_version', type: 'gauge', help: 'learned-state version the engine decides with', samples: [{ value: e.weightsVersion }] },
    { name: 'alphapulse_start_time_seconds', type: 'gauge', help: 'when the service started (Unix seconds)', samples: [{ value: e.startedAt / 1000 }] },
    { name: 'alphapulse_stream_reconnects_total', type: 'counter', help: 'candle stream reconnections per symbol', samples: status.streams.map((s) => ({ labels: { symbol: s.symbol }, value: s.reconnects })) },
    { name: 'alphapulse_stream_connected', type: 'gauge', help: '1 when the symbol stream is connected', samples: status.streams.map((s) => ({ labels: { symbol: s.symbol }, value: s.connected ? 1 : 0 })) },
    {
      name: 'alphapulse_stream_last_candle_seconds',
      type: 'gauge',
      help: 'open time of the last candle received per symbol (Unix seconds)',
      samples: status.streams.filter((s) => s.lastCandleTime !== null).map((s) => ({ labels: { symbol: s.symbol }, value: s.lastCandleTime! / 1000 })),
    },
    { name: 'alphapulse_job_runs_total', type: 'counter', help: 'job runs recorded, by job and status', samples: jobs.map((j) => ({ labels: { job: j.job, status: j.status }, value: num0(j.n) })) },
  ];
}
