/**
 * A realistic synthetic BacktestReport for the HTML report tests: 3 modes (off / seed / hedge), 2 symbols,
 * about 40 trades per mode over four weeks, weight histories, weekly rows, job runs and bootstrap rows.
 * Deterministic (seeded PRNG). The metrics are computed here from the synthetic trades with the
 * conventions of src/analytics/report-types.ts (rates 0..1, P/L in %, times epoch ms UTC).
 *
 * Deliberate edge cases: trades closing in the same millisecond and in the same second (duplicate chart
 * times), weight versions sharing a timestamp, a job summary holding `</script>` and U+2028, a symbol
 * without resolved shadows (rejection accuracy null) and a mode whose ETH side has a single trade.
 */
import type {
  BacktestReport,
  BootstrapDiff,
  DecisionMetrics,
  JobRunRow,
  ModeReport,
  SymbolReport,
  TradeMetrics,
  TradeRow,
  WeekRow,
  WeightPoint,
} from '../../src/analytics/report-types.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

export const FROM = Date.UTC(2024, 2, 4); // Monday 2024-03-04 00:00 UTC
export const TO = FROM + 28 * DAY;
export const SYMBOLS = ['BTCUSDT', 'ETHUSDT'] as const;
export const EVIL_SUMMARY = 'note </script><script>window.__pwned = 1</script> <!-- and \u2028 line sep \u2029 & "quotes"';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function byExit(trades: readonly TradeRow[]): TradeRow[] {
  return [...trades].sort((a, b) => a.exitTime - b.exitTime || a.time - b.time || (a.id < b.id ? -1 : 1));
}

export function tradeMetrics(trades: readonly TradeRow[]): TradeMetrics {
  const ordered = byExit(trades);
  const n = ordered.length;
  let wins = 0;
  let gains = 0;
  let losses = 0;
  let downSq = 0;
  let equity = 1;
  let peak = 1;
  let maxDd = 0;
  let best = 0;
  let worst = 0;
  let run = 0;
  let holding = 0;
  const byResult = { tp: 0, sl: 0, time: 0 };
  for (const t of ordered) {
    byResult[t.result]++;
    holding += t.holdingMs;
    if (t.netPct > 0) gains += t.netPct;
    if (t.netPct < 0) {
      losses += t.netPct;
      downSq += t.netPct ** 2;
    }
    equity *= 1 + t.netPct / 100;
    peak = Math.max(peak, equity);
    maxDd = Math.max(maxDd, 1 - equity / peak);
    if (t.won) {
      wins++;
      run = run > 0 ? run + 1 : 1;
      best = Math.max(best, run);
    } else {
      run = run < 0 ? run - 1 : -1;
      worst = Math.max(worst, -run);
    }
  }
  const total = ordered.reduce((s, t) => s + t.netPct, 0);
  const mean = n > 0 ? total / n : null;
  let sharpe: number | null = null;
  let sortino: number | null = null;
  if (n >= 2 && mean !== null) {
    const sd = Math.sqrt(ordered.reduce((s, t) => s + (t.netPct - mean) ** 2, 0) / (n - 1));
    if (sd > 0) sharpe = mean / sd;
    const dd = Math.sqrt(downSq / n);
    if (dd > 0) sortino = mean / dd;
  }
  return {
    trades: n,
    wins,
    winRate: n > 0 ? wins / n : null,
    avgNetPct: mean,
    totalNetPct: total,
    profitFactor: losses < 0 ? gains / -losses : null,
    sharpe,
    sortino,
    maxDrawdownPct: maxDd * 100,
    bestStreak: best,
    worstStreak: worst,
    signalsPerDay: n / ((TO - FROM) / DAY),
    avgHoldingHours: n > 0 ? holding / n / HOUR : null,
    byResult,
  };
}

function decisionMetrics(rand: () => number, trades: number, withShadows: boolean): DecisionMetrics {
  const rejections = 40 + Math.floor(rand() * 160);
  const decisions = trades + rejections;
  const shadowsResolved = withShadows ? Math.floor(rejections * 0.6) : 0;
  const goodRejections = Math.floor(shadowsResolved * (0.55 + rand() * 0.2));
  const cooldown = Math.floor(rejections * 0.4);
  const quality = Math.floor(rejections * 0.35);
  return {
    decisions,
    signals: trades,
    rejections,
    rejectionRate: rejections / decisions,
    shadowsResolved,
    goodRejections,
    missedOpportunities: shadowsResolved - goodRejections,
    rejectionAccuracy: shadowsResolved > 0 ? goodRejections / shadowsResolved : null,
    byCategory: { cooldown, low_quality: quality, regime_limit: rejections - cooldown - quality },
  };
}

function addDecisions(a: DecisionMetrics, b: DecisionMetrics): DecisionMetrics {
  const decisions = a.decisions + b.decisions;
  const rejections = a.rejections + b.rejections;
  const shadowsResolved = a.shadowsResolved + b.shadowsResolved;
  const goodRejections = a.goodRejections + b.goodRejections;
  const byCategory: Record<string, number> = { ...a.byCategory };
  for (const [k, v] of Object.entries(b.byCategory)) byCategory[k] = (byCategory[k] ?? 0) + v;
  return {
    decisions,
    signals: a.signals + b.signals,
    rejections,
    rejectionRate: decisions > 0 ? rejections / decisions : 0,
    shadowsResolved,
    goodRejections,
    missedOpportunities: a.missedOpportunities + b.missedOpportunities,
    rejectionAccuracy: shadowsResolved > 0 ? goodRejections / shadowsResolved : null,
    byCategory,
  };
}

function isoWeekStart(t: number): number {
  const firstMonday = 4 * DAY;
  return t - ((((t - firstMonday) % WEEK) + WEEK) % WEEK);
}

function weekly(trades: readonly TradeRow[]): WeekRow[] {
  const m = new Map<number, TradeRow[]>();
  for (const t of byExit(trades)) {
    const w = isoWeekStart(t.exitTime);
    m.set(w, [...(m.get(w) ?? []), t]);
  }
  return [...m.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([weekStart, ts]) => {
      const total = ts.reduce((s, t) => s + t.netPct, 0);
      return { weekStart, trades: ts.length, winRate: ts.filter((t) => t.won).length / ts.length, avgNetPct: total / ts.length, totalNetPct: total };
    });
}

function equity(trades: readonly TradeRow[]): { time: number; equityPct: number }[] {
  let e = 1;
  return byExit(trades).map((t) => {
    e *= 1 + t.netPct / 100;
    return { time: t.exitTime, equityPct: (e - 1) * 100 };
  });
}

function makeTrades(mode: string, rand: () => number, count: number, drift: number): TradeRow[] {
  const trades: TradeRow[] = [];
  for (let i = 0; i < count; i++) {
    // ETH gets a single trade in 'off' (Sharpe / Sortino null there)
    const symbol = mode === 'off' ? (i === 5 ? 'ETHUSDT' : 'BTCUSDT') : i % 3 === 0 ? 'ETHUSDT' : 'BTCUSDT';
    const time = FROM + Math.floor(((i + rand() * 0.8) / count) * (TO - FROM - DAY));
    const holdingMs = Math.floor((1 + rand() * 20) * HOUR);
    const r = rand();
    const result = r < 0.42 + drift ? 'tp' : r < 0.85 ? 'sl' : 'time';
    const gross = result === 'tp' ? 1.2 + rand() * 0.8 : result === 'sl' ? -(0.8 + rand() * 0.5) : (rand() - 0.45) * 0.8;
    const netPct = gross - 0.12;
    trades.push({
      id: `${mode}-${i}`,
      symbol,
      direction: rand() < 0.55 ? 'LONG' : 'SHORT',
      time,
      exitTime: time + holdingMs,
      result,
      grossPct: gross,
      netPct,
      holdingMs,
      regime: ['trend', 'range', 'volatile'][Math.floor(rand() * 3)]!,
      won: netPct > 0,
    });
  }
  if (mode === 'hedge') {
    // two trades closing in the same millisecond, and one 800 ms later (the same second)
    const second = Math.floor(trades[12]!.exitTime / 1000) * 1000;
    const at = (i: number, exitTime: number): void => {
      trades[i] = { ...trades[i]!, exitTime, holdingMs: exitTime - trades[i]!.time };
    };
    at(10, second + 100);
    at(11, second + 100);
    at(12, second + 900);
  }
  return trades;
}

function weights(mode: string, rand: () => number): WeightPoint[] {
  const base = Array.from({ length: 9 }, () => 1 / 9);
  if (mode === 'off') return [{ time: FROM, version: 1, weights: base }];
  const pts: WeightPoint[] = [];
  let w = base;
  const step = mode === 'seed' ? DAY : 12 * HOUR;
  let version = 1;
  for (let t = FROM; t < TO; t += step) {
    pts.push({ time: t, version: version++, weights: w });
    const raw = w.map((x, h) => Math.max(0.03, x * (1 + (rand() - 0.5 + (h === 0 ? 0.12 : h === 5 ? -0.1 : 0)) * (mode === 'hedge' ? 0.25 : 0.12))));
    w = raw;
    for (let k = 0; k < 20; k++) {
      // renormalise to Σ = 1 within [0.03, 0.35], as the learner's projection does
      const s = w.reduce((a, b) => a + b, 0);
      w = w.map((x) => Math.min(0.35, Math.max(0.03, x / s)));
    }
    if (mode === 'hedge' && version === 10) pts.push({ time: t, version: version++, weights: w }); // same time, next version
  }
  return pts;
}

function jobs(mode: string, rand: () => number): JobRunRow[] {
  const out: JobRunRow[] = [];
  for (let d = 1; d < 28; d++) {
    const t = FROM + d * DAY;
    if (mode === 'off') continue;
    const status = d === 9 ? 'failed' : d === 15 ? 'skipped' : 'ok';
    const summary =
      status === 'failed'
        ? 'weights update aborted: store busy, retried next day'
        : status === 'skipped'
          ? 'too few resolved outcomes (3 < 5)'
          : `${Math.floor(3 + rand() * 10)} outcomes, ${Math.floor(rand() * 30)} shadows; weights v${d + 1}`;
    out.push({ job: 'daily', time: t, status, summary: mode === 'hedge' && d === 3 ? EVIL_SUMMARY : summary });
    if (d % 7 === 0) out.push({ job: 'weekly', time: t + HOUR, status: 'ok', summary: `thresholds re-fitted on week ${d / 7}; regime limits unchanged` });
  }
  return out;
}

function modeReport(mode: 'off' | 'seed' | 'hedge', seed: number, drift: number): { report: ModeReport; trades: TradeRow[] } {
  const rand = mulberry32(seed);
  const trades = makeTrades(mode, rand, mode === 'off' ? 38 : mode === 'seed' ? 41 : 44, drift);
  const bySymbol: SymbolReport[] = SYMBOLS.map((symbol) => {
    const ts = trades.filter((t) => t.symbol === symbol);
    return { symbol, trades: tradeMetrics(ts), decisions: decisionMetrics(rand, ts.length, !(mode === 'hedge' && symbol === 'ETHUSDT')) };
  });
  const w = weights(mode, rand);
  return {
    trades,
    report: {
      mode,
      overall: { symbol: 'ALL', trades: tradeMetrics(trades), decisions: addDecisions(bySymbol[0]!.decisions, bySymbol[1]!.decisions) },
      bySymbol,
      weekly: weekly(trades),
      weights: w,
      equity: equity(trades),
      jobs: jobs(mode, rand),
      finalVersion: w[w.length - 1]!.version,
    },
  };
}

function mean(ts: readonly TradeRow[]): number {
  return ts.reduce((s, t) => s + t.netPct, 0) / ts.length;
}

export function syntheticReport(): BacktestReport {
  const off = modeReport('off', 11, 0);
  const seed = modeReport('seed', 22, 0.03);
  const hedge = modeReport('hedge', 33, 0.25);
  const diff = (m: { trades: TradeRow[] }, name: string, ci: [number, number]): BootstrapDiff => ({
    mode: name,
    baseline: 'off',
    diffPct: mean(m.trades) - mean(off.trades),
    ci95: ci,
    tradesMode: m.trades.length,
    tradesBaseline: off.trades.length,
    days: 28,
    samples: 2000,
    method: 'paired block bootstrap by UTC day, 2000 samples, seed 1',
  });
  const seedDiff = mean(seed.trades) - mean(off.trades);
  const hedgeDiff = mean(hedge.trades) - mean(off.trades);
  return {
    generatedAt: Date.UTC(2024, 3, 2, 9, 15, 30),
    from: FROM,
    to: TO,
    symbols: [...SYMBOLS],
    candles: 2 * 28 * 1440,
    warmupDays: 7,
    seconds: 187.4,
    modes: [off.report, seed.report, hedge.report],
    buyAndHold: [
      { symbol: 'BTCUSDT', firstClose: 63_112.5, lastClose: 70_744.1, returnPct: (70_744.1 / 63_112.5 - 1) * 100 },
      { symbol: 'ETHUSDT', firstClose: 3_632.87, lastClose: 3_505.5, returnPct: (3_505.5 / 3_632.87 - 1) * 100 },
    ],
    learningVsStatic: [
      diff(seed, 'seed', [seedDiff - 0.35, seedDiff + 0.31]), // contains 0
      diff(hedge, 'hedge', [hedgeDiff - 0.3, hedgeDiff + 0.34]), // above 0
    ],
    settings: {
      interval: '1m',
      exchange: 'binance',
      feesPct: 0.1,
      slippagePct: 0.02,
      learning: { minOutcomes: 5, rate: 0.05, minWeight: 0.02, maxWeight: 0.35, perRegime: false },
      outcome: { tpAtr: 2, slAtr: 1.2, maxHoldHours: 24 },
      consensus: { threshold: 0.55, minHeads: 4 },
      bootstrap: { samples: 2000, seed: 1 },
    },
  };
}
