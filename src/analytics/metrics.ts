/**
 * Trade and decision metrics for the backtest report (pure, deterministic: no I/O, no clock).
 *
 * Conventions (shared by every function here):
 * - Returns are the per-trade net P/L in percent (`netPct`, 1.5 = +1.5%), already net of fees and
 *   slippage. A trade is a win when `won` is true (the engine's verdict); profit factor and the
 *   drawdown use the sign/size of `netPct` itself.
 * - Order: trades are taken in exit-time order (`exitTime`, then entry `time`, then `id` to break
 *   ties), whatever the order of the input. Sums run in that order.
 * - Compounded equity: equity_0 = 1, equity_k = equity_{k-1} · (1 + net_k / 100), floored at 0 (a net
 *   at or below −100% is ruin and the equity stays at 0).
 * - Times are epoch ms UTC.
 */
import type { BuyAndHold, DecisionMetrics, TradeMetrics, TradeRow, WeekRow } from './report-types.js';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;
/** 1970-01-05T00:00Z, the first Monday after the epoch (1970-01-01 was a Thursday). */
const FIRST_MONDAY_MS = 4 * DAY_MS;

/** Trades sorted by exit time (ties: entry time, then id); a new array, the input is untouched. */
export function byExitTime(trades: readonly TradeRow[]): TradeRow[] {
  return [...trades].sort((a, b) => a.exitTime - b.exitTime || a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Start (Monday 00:00 UTC) of the ISO week holding `t`. */
export function isoWeekStart(t: number): number {
  const into = (((t - FIRST_MONDAY_MS) % WEEK_MS) + WEEK_MS) % WEEK_MS;
  return t - into;
}

/** Next compounded equity after a trade of `netPct`, floored at 0. */
function compound(equity: number, netPct: number): number {
  return Math.max(0, equity * (1 + netPct / 100));
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

/**
 * Metrics of a list of resolved trades over the span `from`..`to` (epoch ms, used only for the rate
 * per day).
 *
 * - `winRate` = wins / trades; `avgNetPct` = mean net %; both null without trades.
 * - `totalNetPct` = Σ net % (a plain sum, not compounded; 0 without trades).
 * - `profitFactor` = Σ positive net / |Σ negative net|; null when no trade has a negative net (no
 *   losses, or no trades); 0 when there are losses and no gains.
 * - `sharpe` = mean / s, with s the sample standard deviation (n − 1) of the per-trade net %; not
 *   annualised; null with < 2 trades or s = 0.
 * - `sortino` = mean / DD, with the downside deviation DD = sqrt( Σ min(net_i, 0)² / n ) over ALL n
 *   trades (target 0; wins contribute 0 to the sum but count in n); not annualised; null with < 2
 *   trades or DD = 0 (no negative trade).
 * - `maxDrawdownPct` = max over k of (1 − equity_k / peak_k) · 100, where peak_k = max(equity_0..k)
 *   and equity_0 = 1 (so a first losing trade is already a drawdown); 0 without trades.
 * - `bestStreak` / `worstStreak` = longest run of consecutive wins / losses (`won`), exit order.
 * - `signalsPerDay` = trades / ((to − from) / 86 400 000); 0 when the span is not positive.
 * - `avgHoldingHours` = mean `holdingMs` / 3 600 000; null without trades.
 * - `byResult` = count of trades per exit reason.
 */
export function tradeMetrics(trades: readonly TradeRow[], span: { readonly from: number; readonly to: number }): TradeMetrics {
  const ordered = byExitTime(trades);
  const n = ordered.length;
  const nets = ordered.map((t) => t.netPct);
  const byResult = { tp: 0, sl: 0, time: 0 };
  let wins = 0;
  let gains = 0;
  let losses = 0;
  let hasLoss = false;
  let downsideSq = 0;
  let holding = 0;
  let equity = 1;
  let peak = 1;
  let maxDd = 0;
  let bestStreak = 0;
  let worstStreak = 0;
  let run = 0; // > 0: current run of wins, < 0: current run of losses
  for (const t of ordered) {
    byResult[t.result]++;
    holding += t.holdingMs;
    if (t.netPct > 0) gains += t.netPct;
    else if (t.netPct < 0) {
      losses += t.netPct;
      hasLoss = true;
      downsideSq += t.netPct * t.netPct;
    }
    equity = compound(equity, t.netPct);
    if (equity > peak) peak = equity;
    const dd = peak > 0 ? 1 - equity / peak : 0;
    if (dd > maxDd) maxDd = dd;
    if (t.won) {
      wins++;
      run = run > 0 ? run + 1 : 1;
      if (run > bestStreak) bestStreak = run;
    } else {
      run = run < 0 ? run - 1 : -1;
      if (-run > worstStreak) worstStreak = -run;
    }
  }
  const total = sum(nets);
  const mean = n > 0 ? total / n : null;
  let sharpe: number | null = null;
  let sortino: number | null = null;
  if (n >= 2 && mean !== null) {
    let sq = 0;
    for (const x of nets) sq += (x - mean) * (x - mean);
    const sd = Math.sqrt(sq / (n - 1));
    if (sd > 0) sharpe = mean / sd;
    const downside = Math.sqrt(downsideSq / n);
    if (downside > 0) sortino = mean / downside;
  }
  const days = (span.to - span.from) / DAY_MS;
  return {
    trades: n,
    wins,
    winRate: n > 0 ? wins / n : null,
    avgNetPct: mean,
    totalNetPct: total,
    profitFactor: hasLoss ? gains / Math.abs(losses) : null,
    sharpe,
    sortino,
    maxDrawdownPct: maxDd * 100,
    bestStreak,
    worstStreak,
    signalsPerDay: days > 0 ? n / days : 0,
    avgHoldingHours: n > 0 ? holding / n / HOUR_MS : null,
    byResult,
  };
}

export type DecisionCounts = {
  readonly decisions: number;
  readonly signals: number;
  readonly rejections: number;
  readonly shadowsResolved: number;
  readonly goodRejections: number;
  readonly missedOpportunities: number;
  readonly byCategory: Readonly<Record<string, number>>;
};

/**
 * Decision metrics from counts. `rejectionRate` = rejections / decisions (0 without decisions: the
 * report type has no null for it); `rejectionAccuracy` = good rejections / resolved shadows, null
 * without resolved shadows. `byCategory` is copied with its keys sorted.
 */
export function decisionMetrics(input: DecisionCounts): DecisionMetrics {
  const byCategory: Record<string, number> = {};
  for (const k of Object.keys(input.byCategory).sort()) byCategory[k] = input.byCategory[k]!;
  return {
    decisions: input.decisions,
    signals: input.signals,
    rejections: input.rejections,
    rejectionRate: input.decisions > 0 ? input.rejections / input.decisions : 0,
    shadowsResolved: input.shadowsResolved,
    goodRejections: input.goodRejections,
    missedOpportunities: input.missedOpportunities,
    rejectionAccuracy: input.shadowsResolved > 0 ? input.goodRejections / input.shadowsResolved : null,
    byCategory,
  };
}

/**
 * Trades per ISO week (Monday 00:00 UTC to the next Monday, exclusive) of their exit time, oldest
 * first: every week from the first trade's week to the last trade's, weeks without trades included
 * (trades 0, rates null, total 0). No trades → []. `totalNetPct` is the plain sum of net %.
 */
export function weekOverWeek(trades: readonly TradeRow[]): WeekRow[] {
  if (trades.length === 0) return [];
  const weeks = new Map<number, { trades: number; wins: number; total: number }>();
  for (const t of byExitTime(trades)) {
    const w = isoWeekStart(t.exitTime);
    const e = weeks.get(w) ?? { trades: 0, wins: 0, total: 0 };
    e.trades++;
    if (t.won) e.wins++;
    e.total += t.netPct;
    weeks.set(w, e);
  }
  const starts = [...weeks.keys()];
  const first = Math.min(...starts);
  const last = Math.max(...starts);
  const rows: WeekRow[] = [];
  for (let w = first; w <= last; w += WEEK_MS) {
    const e = weeks.get(w);
    rows.push(
      e
        ? { weekStart: w, trades: e.trades, winRate: e.wins / e.trades, avgNetPct: e.total / e.trades, totalNetPct: e.total }
        : { weekStart: w, trades: 0, winRate: null, avgNetPct: null, totalNetPct: 0 },
    );
  }
  return rows;
}

/**
 * Compounded cumulative net P/L after each trade, in exit-time order: one point per trade at its
 * exit time, equityPct = (equity_k − 1) · 100 (see the conventions above). No trades → [].
 */
export function equityCurve(trades: readonly TradeRow[]): { time: number; equityPct: number }[] {
  let equity = 1;
  return byExitTime(trades).map((t) => {
    equity = compound(equity, t.netPct);
    return { time: t.exitTime, equityPct: (equity - 1) * 100 };
  });
}

/** Buy-and-hold return of a symbol over the report: (last / first − 1) · 100. */
export function buyAndHold(symbol: string, firstClose: number, lastClose: number): BuyAndHold {
  if (!(firstClose > 0) || !Number.isFinite(firstClose)) throw new RangeError(`buyAndHold(${symbol}): first close must be a positive number, got ${firstClose}`);
  return { symbol, firstClose, lastClose, returnPct: (lastClose / firstClose - 1) * 100 };
}
