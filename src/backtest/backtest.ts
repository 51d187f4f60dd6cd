/**
 * The backtest: stored candles of several symbols replayed in time order (interleaved, as live would
 * receive them) through one engine per learning mode, side by side over the same candles — the very
 * engine live runs, with jobs firing at the candles' simulated times. Warm-up candles before `from` only
 * feed indicators and heads. Decisions can be streamed to a JSONL file; resolved trades are stored
 * (backtest_trades) and the report is built from them.
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { blockBootstrapDiff } from '../analytics/bootstrap.js';
import { buyAndHold, decisionMetrics, equityCurve, tradeMetrics, weekOverWeek } from '../analytics/metrics.js';
import type { BacktestReport, BootstrapDiff, JobRunRow, ModeReport, SymbolReport, TradeRow, WeightPoint } from '../analytics/report-types.js';
import { thresholdVector } from '../consensus/consensus.js';
import { REJECTION_CATEGORIES } from '../consensus/filters.js';
import type { Candle } from '../core/candle.js';
import { AlphaPulseError } from '../core/errors.js';
import { directionName, REGIMES, type Head } from '../heads/types.js';
import type { CoordinatorConfig } from '../learning/coordinator.js';
import { initialLearnedState, type LearnedState, type LearningMode } from '../learning/learned-state.js';
import type { OutcomeParams } from '../outcomes/resolve.js';
import { readCandles } from '../store/candles.js';
import type { Store } from '../store/database.js';
import { insertRows, withTransaction } from '../store/sql-runner.js';
import { Engine, type EngineEvent, type JobsConfig } from '../engine/engine.js';
import type { EngineParams } from '../engine/engine-params.js';
import type { JobContext } from '../engine/jobs.js';

export type BacktestOptions = {
  readonly symbols: readonly string[];
  readonly from: number;
  readonly to: number;
  readonly modes: readonly LearningMode[];
  readonly warmupDays: number;
  readonly params: EngineParams;
  readonly outcome: OutcomeParams;
  readonly learning: Omit<CoordinatorConfig, 'mode'>;
  readonly jobs?: JobsConfig;
  readonly createHeads: (headParams: LearnedState['headParams']) => Head[];
  readonly exchange?: string;
  /** JSONL file: one line per decision (time, symbol, mode, action, direction, confidence, category, weights version, regime) */
  readonly decisionsOut?: string;
  /** store the run and its trades (backtest_runs, backtest_trades) */
  readonly store?: boolean;
  readonly evaluate?: JobContext['evaluate'];
  readonly onProgress?: (done: number, total: number) => void;
};

type Counts = { decisions: number; signals: number; rejections: number; shadowsResolved: number; goodRejections: number; missedOpportunities: number; byCategory: Record<string, number> };

function emptyCounts(): Counts {
  const byCategory: Record<string, number> = { signal: 0 };
  for (const c of REJECTION_CATEGORIES) byCategory[c] = 0;
  return { decisions: 0, signals: 0, rejections: 0, shadowsResolved: 0, goodRejections: 0, missedOpportunities: 0, byCategory };
}

type ModeRun = {
  readonly mode: LearningMode;
  readonly engine: Engine;
  readonly trades: TradeRow[];
  readonly regimeOf: Map<string, string>;
  readonly counts: Map<string, Counts>;
  readonly weights: WeightPoint[];
  readonly jobs: JobRunRow[];
};

const DAY = 86_400_000;

async function loadCandles(store: Store, symbols: readonly string[], exchange: string, from: number, to: number): Promise<{ symbol: number; candle: Candle }[]> {
  const lists = await Promise.all(symbols.map((s) => readCandles(store, { exchange, symbol: s, interval: '1m' }, from, to)));
  const out: { symbol: number; candle: Candle }[] = [];
  const pos = lists.map(() => 0);
  for (;;) {
    let k = -1;
    let t = Infinity;
    for (let j = 0; j < lists.length; j++) {
      const c = lists[j]![pos[j]!];
      if (c !== undefined && c.openTime < t) {
        t = c.openTime;
        k = j;
      }
    }
    if (k < 0) return out;
    out.push({ symbol: k, candle: lists[k]![pos[k]!++]! });
  }
}

function handle(run: ModeRun, symbol: string, events: readonly EngineEvent[], out: WriteStream | null): void {
  for (const e of events) {
    if (e.kind === 'decision') {
      const d = e.decision;
      const c = run.counts.get(symbol)!;
      c.decisions++;
      c.byCategory[d.category]!++;
      if (d.action === 'signal') {
        c.signals++;
        run.regimeOf.set(`${d.symbol}-${d.time}`, REGIMES[d.regime]!);
      } else c.rejections++;
      out?.write(
        `${JSON.stringify({ time: d.time, symbol: d.symbol, mode: run.mode, action: d.action, direction: d.direction === 0 ? null : directionName(d.direction), confidence: d.confidence, category: d.category, weightsVersion: run.engine.coordinator.version, regime: REGIMES[d.regime] })}\n`,
      );
    } else if (e.kind === 'outcome') {
      const o = e.outcome;
      if (e.shadow) {
        const c = run.counts.get(o.symbol)!;
        c.shadowsResolved++;
        if (o.won) c.missedOpportunities++;
        else c.goodRejections++;
      } else {
        run.trades.push({
          id: o.id,
          symbol: o.symbol,
          direction: o.direction > 0 ? 'LONG' : 'SHORT',
          time: Number(o.id.slice(o.id.lastIndexOf('-') + 1)),
          exitTime: o.exitTime,
          result: o.result,
          grossPct: o.grossPct,
          netPct: o.netPct,
          holdingMs: o.holdingMs,
          regime: run.regimeOf.get(o.id) ?? REGIMES[e.regime]!,
          won: o.won,
        });
      }
    } else if (e.kind === 'weights_updated') {
      run.weights.push({ time: e.time, version: e.versionAfter, weights: e.after });
    } else if (e.kind === 'job_run') {
      run.jobs.push({ job: e.job, time: e.at, status: e.status, summary: e.summary });
      if (e.versionAfter !== e.versionBefore) run.weights.push({ time: e.at, version: e.versionAfter, weights: run.engine.coordinator.state().headWeights });
    }
  }
}

function symbolReport(symbol: string, trades: readonly TradeRow[], counts: Counts, span: { from: number; to: number }): SymbolReport {
  return { symbol, trades: tradeMetrics(trades, span), decisions: decisionMetrics(counts) };
}

function sumCounts(list: readonly Counts[]): Counts {
  const t = emptyCounts();
  for (const c of list) {
    t.decisions += c.decisions;
    t.signals += c.signals;
    t.rejections += c.rejections;
    t.shadowsResolved += c.shadowsResolved;
    t.goodRejections += c.goodRejections;
    t.missedOpportunities += c.missedOpportunities;
    for (const [k, v] of Object.entries(c.byCategory)) t.byCategory[k] = (t.byCategory[k] ?? 0) + v;
  }
  return t;
}

export type BacktestResult = { report: BacktestReport; runId: string; trades: Record<string, TradeRow[]> };

export async function runBacktest(store: Store, opts: BacktestOptions): Promise<BacktestResult> {
  if (opts.modes.length === 0) throw new AlphaPulseError('AP_ERR_BAD_INPUT', '--learning: give at least one mode');
  if (!(opts.to > opts.from)) throw new AlphaPulseError('AP_ERR_BAD_INPUT', '--to must be after --from');
  const started = performance.now();
  const exchange = opts.exchange ?? 'binance';
  const warmFrom = opts.from - opts.warmupDays * DAY;
  const candles = await loadCandles(store, opts.symbols, exchange, warmFrom, opts.to);
  const traded = candles.filter((c) => c.candle.openTime >= opts.from);
  if (traded.length === 0) throw new AlphaPulseError('AP_ERR_NOT_FOUND', `no stored candles for ${opts.symbols.join(', ')} between the given times: import or backfill first`);
  const initial = initialLearnedState(thresholdVector(opts.params.consensus), opts.learning.perRegime);
  const runs: ModeRun[] = opts.modes.map((mode) => ({
    mode,
    engine: new Engine({
      symbols: opts.symbols,
      params: opts.params,
      outcome: opts.outcome,
      learning: { ...opts.learning, mode },
      createHeads: opts.createHeads,
      start: { version: 1, state: initial },
      jobs: opts.jobs ?? { enabled: true },
    }),
    trades: [],
    regimeOf: new Map(),
    counts: new Map(opts.symbols.map((s) => [s, emptyCounts()])),
    weights: [{ time: opts.from, version: 1, weights: initial.headWeights }],
    jobs: [],
  }));
  let out: WriteStream | null = null;
  if (opts.decisionsOut) {
    mkdirSync(dirname(opts.decisionsOut), { recursive: true });
    out = createWriteStream(opts.decisionsOut);
  }
  const n = candles.length;
  const every = Math.max(1, Math.floor(n / 200));
  for (let i = 0; i < n; i++) {
    const { symbol: k, candle } = candles[i]!;
    const symbol = opts.symbols[k]!;
    const warm = candle.openTime < opts.from;
    for (const run of runs) {
      const events = run.engine.step(symbol, candle, warm);
      if (warm) continue;
      handle(run, symbol, events, out);
      if (run.engine.hasPendingJobs) handle(run, symbol, await run.engine.runPendingJobs(opts.evaluate), out);
    }
    if (out && out.writableNeedDrain) await new Promise<void>((r) => out!.once('drain', () => r()));
    if (i % every === 0) opts.onProgress?.(i, n);
  }
  opts.onProgress?.(n, n);
  if (out) await new Promise<void>((resolve, reject) => out!.end((e?: Error | null) => (e ? reject(e) : resolve())));

  const span = { from: opts.from, to: opts.to + 60_000 };
  const modes: ModeReport[] = runs.map((run) => ({
    mode: run.mode,
    overall: symbolReport('ALL', run.trades, sumCounts([...run.counts.values()]), span),
    bySymbol: opts.symbols.map((s) => symbolReport(s, run.trades.filter((t) => t.symbol === s), run.counts.get(s)!, span)),
    weekly: weekOverWeek(run.trades),
    weights: run.weights,
    equity: equityCurve(run.trades),
    jobs: run.jobs,
    finalVersion: run.engine.coordinator.version,
  }));
  const baseline = runs.find((r) => r.mode === 'off');
  const learningVsStatic: BootstrapDiff[] = baseline
    ? runs.filter((r) => r.mode !== 'off').map((r) => blockBootstrapDiff({ name: r.mode, trades: r.trades }, { name: 'off', trades: baseline.trades }, { from: opts.from, to: opts.to + 60_000 }))
    : [];
  const bh = opts.symbols.map((s, k) => {
    const mine = traded.filter((c) => c.symbol === k);
    return mine.length > 0 ? buyAndHold(s, mine[0]!.candle.close, mine[mine.length - 1]!.candle.close) : buyAndHold(s, 1, 1);
  });
  const report: BacktestReport = {
    generatedAt: Date.now(),
    from: opts.from,
    to: opts.to,
    symbols: [...opts.symbols],
    candles: traded.length,
    warmupDays: opts.warmupDays,
    seconds: (performance.now() - started) / 1000,
    modes,
    buyAndHold: bh,
    learningVsStatic,
    settings: { params: opts.params, outcome: opts.outcome, learning: opts.learning, jobs: opts.jobs ?? { enabled: true } },
  };
  const runId = `bt-${opts.from}-${opts.to}-${Date.now().toString(36)}`;
  const trades: Record<string, TradeRow[]> = Object.fromEntries(runs.map((r) => [r.mode, r.trades]));
  if (opts.store) {
    await withTransaction(store, async (runner) => {
      await runner.run('INSERT INTO backtest_runs (id, created_at, symbols, from_time, to_time, modes, report) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        runId,
        report.generatedAt,
        opts.symbols.join(','),
        opts.from,
        opts.to,
        opts.modes.join(','),
        JSON.stringify(report),
      ]);
      for (const r of runs) {
        await insertRows(
          runner,
          'backtest_trades',
          ['run_id', 'mode', 'id', 'symbol', 'direction', 'time', 'exit_time', 'result', 'gross_pct', 'net_pct', 'holding_ms', 'regime', 'won'],
          r.trades.map((t) => [runId, r.mode, t.id, t.symbol, t.direction, t.time, t.exitTime, t.result, t.grossPct, t.netPct, t.holdingMs, t.regime, t.won ? 1 : 0]),
        );
      }
    });
  }
  return { report, runId, trades };
}
