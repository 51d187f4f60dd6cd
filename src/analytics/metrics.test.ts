import { describe, expect, it } from 'vitest';
import { buyAndHold, byExitTime, decisionMetrics, equityCurve, isoWeekStart, tradeMetrics, weekOverWeek } from './metrics.js';
import type { TradeRow } from './report-types.js';

const H = 3_600_000;
const D = 86_400_000;
/** Monday 2024-01-01 00:00 UTC */
const T0 = Date.UTC(2024, 0, 1);

let nextId = 0;
function trade(netPct: number, exitTime: number, extra: Partial<TradeRow> = {}): TradeRow {
  const holdingMs = extra.holdingMs ?? H;
  return {
    id: `t${nextId++}`,
    symbol: 'BTCUSDT',
    direction: 'LONG',
    time: exitTime - holdingMs,
    exitTime,
    result: netPct > 0 ? 'tp' : 'sl',
    grossPct: netPct + 0.1,
    netPct,
    holdingMs,
    regime: 'trend',
    won: netPct > 0,
    ...extra,
  };
}

/**
 * The hand-made list, in exit order: +2 (tp, 2h), −1 (sl, 4h), +1.5 (tp, 6h), −0.5 (time, 1h),
 * −0.5 (sl, 2h) — given to the functions shuffled.
 */
function sample(): TradeRow[] {
  const a = trade(2, T0 + 1 * D, { holdingMs: 2 * H, result: 'tp' });
  const b = trade(-1, T0 + 2 * D, { holdingMs: 4 * H, result: 'sl' });
  const c = trade(1.5, T0 + 3 * D, { holdingMs: 6 * H, result: 'tp' });
  const d = trade(-0.5, T0 + 4 * D, { holdingMs: 1 * H, result: 'time' });
  const e = trade(-0.5, T0 + 5 * D, { holdingMs: 2 * H, result: 'sl' });
  return [c, e, a, d, b];
}
const SPAN10 = { from: T0, to: T0 + 10 * D };

describe('tradeMetrics — the hand-made list +2, −1, +1.5, −0.5, −0.5', () => {
  const m = tradeMetrics(sample(), SPAN10);

  it('counts trades, wins and results; win rate = 2 / 5 = 0.4', () => {
    expect(m.trades).toBe(5);
    expect(m.wins).toBe(2);
    expect(m.winRate).toBe(0.4);
    expect(m.byResult).toEqual({ tp: 2, sl: 2, time: 1 });
  });

  it('total net = Σ net = 1.5 and the average 1.5 / 5 = 0.3', () => {
    expect(m.totalNetPct).toBeCloseTo(1.5, 12);
    expect(m.avgNetPct).toBeCloseTo(0.3, 12);
  });

  it('profit factor = (2 + 1.5) / |−1 − 0.5 − 0.5| = 3.5 / 2 = 1.75', () => {
    expect(m.profitFactor).toBeCloseTo(1.75, 12);
  });

  it('Sharpe = mean / sample stdev: deviations 1.7, −1.3, 1.2, −0.8, −0.8 → Σd² = 7.3, s² = 7.3/4 = 1.825 → 0.3/√1.825 ≈ 0.2221', () => {
    expect(m.sharpe).toBeCloseTo(0.3 / Math.sqrt(1.825), 12);
    expect(m.sharpe).toBeCloseTo(0.22207, 5);
  });

  it('Sortino = mean / √(Σ min(r,0)² / n) over all 5 trades: (1 + 0.25 + 0.25) / 5 = 0.3 → 0.3/√0.3 = √0.3 ≈ 0.5477', () => {
    expect(m.sortino).toBeCloseTo(Math.sqrt(0.3), 12);
    expect(m.sortino).toBeCloseTo(0.54772, 5);
  });

  it('max drawdown: equity 1.02 → 1.0098 is 1 − 0.99 = 1%; the later 1.024947 → 1.014723 is only 1 − 0.995² = 0.9975%', () => {
    expect(m.maxDrawdownPct).toBeCloseTo(1, 10);
  });

  it('streaks in exit order W L W L L: best 1, worst 2 (input order does not matter)', () => {
    expect(m.bestStreak).toBe(1);
    expect(m.worstStreak).toBe(2);
  });

  it('signals per day = 5 trades / 10 days = 0.5; average holding (2+4+6+1+2)/5 = 3 h', () => {
    expect(m.signalsPerDay).toBeCloseTo(0.5, 12);
    expect(m.avgHoldingHours).toBeCloseTo(3, 12);
  });
});

describe('tradeMetrics — more cases', () => {
  it('a deeper drawdown: +10, −20, +5, −10 → equity 1.1, 0.88, 0.924, 0.8316; peak 1.1 → 1 − 0.8316/1.1 = 24.4%', () => {
    const ts = [trade(10, T0 + H), trade(-20, T0 + 2 * H), trade(5, T0 + 3 * H), trade(-10, T0 + 4 * H)];
    expect(tradeMetrics(ts, SPAN10).maxDrawdownPct).toBeCloseTo(24.4, 10);
  });

  it('a first losing trade is a drawdown from the starting equity 1: −5, +10 → 5%', () => {
    const ts = [trade(-5, T0 + H), trade(10, T0 + 2 * H)];
    expect(tradeMetrics(ts, SPAN10).maxDrawdownPct).toBeCloseTo(5, 10);
  });

  it('no trades: counts 0, rates null, totals 0', () => {
    expect(tradeMetrics([], SPAN10)).toEqual({
      trades: 0,
      wins: 0,
      winRate: null,
      avgNetPct: null,
      totalNetPct: 0,
      profitFactor: null,
      sharpe: null,
      sortino: null,
      maxDrawdownPct: 0,
      bestStreak: 0,
      worstStreak: 0,
      signalsPerDay: 0,
      avgHoldingHours: null,
      byResult: { tp: 0, sl: 0, time: 0 },
    });
  });

  it('one winning trade: rates from one trade, no Sharpe / Sortino (< 2 trades), no profit factor (no loss)', () => {
    const m = tradeMetrics([trade(1, T0 + H, { holdingMs: 3 * H })], SPAN10);
    expect(m).toMatchObject({ trades: 1, wins: 1, winRate: 1, avgNetPct: 1, totalNetPct: 1, profitFactor: null, sharpe: null, sortino: null, maxDrawdownPct: 0, bestStreak: 1, worstStreak: 0, avgHoldingHours: 3 });
    expect(m.signalsPerDay).toBeCloseTo(0.1, 12);
  });

  it('all wins +1, +2, +3: profit factor null, Sharpe = 2 / 1 = 2, Sortino null (no downside), no drawdown', () => {
    const m = tradeMetrics([trade(1, T0 + H), trade(2, T0 + 2 * H), trade(3, T0 + 3 * H)], SPAN10);
    expect(m.winRate).toBe(1);
    expect(m.profitFactor).toBeNull();
    expect(m.sharpe).toBeCloseTo(2, 12);
    expect(m.sortino).toBeNull();
    expect(m.maxDrawdownPct).toBe(0);
    expect([m.bestStreak, m.worstStreak]).toEqual([3, 0]);
  });

  it('all losses −1, −2, −3: profit factor 0, Sharpe −2, Sortino −2/√(14/3) ≈ −0.9258, drawdown 1 − 0.99·0.98·0.97 = 5.8906%', () => {
    const m = tradeMetrics([trade(-1, T0 + H), trade(-2, T0 + 2 * H), trade(-3, T0 + 3 * H)], SPAN10);
    expect(m.winRate).toBe(0);
    expect(m.profitFactor).toBe(0);
    expect(m.sharpe).toBeCloseTo(-2, 12);
    expect(m.sortino).toBeCloseTo(-2 / Math.sqrt(14 / 3), 12);
    expect(m.maxDrawdownPct).toBeCloseTo(5.8906, 10);
    expect([m.bestStreak, m.worstStreak]).toEqual([0, 3]);
  });

  it('equal returns have no deviation: Sharpe null', () => {
    expect(tradeMetrics([trade(1, T0 + H), trade(1, T0 + 2 * H)], SPAN10).sharpe).toBeNull();
  });

  it('a zero-net trade is not a loss for the profit factor', () => {
    expect(tradeMetrics([trade(1, T0 + H), trade(0, T0 + 2 * H)], SPAN10).profitFactor).toBeNull();
  });

  it('streaks follow exit time, not input or entry order: W W L L L W → best 2, worst 3', () => {
    const nets = [1, 1, -1, -1, -1, 1];
    const ts = nets.map((n, i) => trade(n, T0 + (i + 1) * H)).reverse();
    const m = tradeMetrics(ts, SPAN10);
    expect([m.bestStreak, m.worstStreak]).toEqual([2, 3]);
  });

  it('an empty or inverted span gives 0 signals per day', () => {
    expect(tradeMetrics([trade(1, T0 + H)], { from: T0, to: T0 }).signalsPerDay).toBe(0);
  });
});

describe('equityCurve', () => {
  it('compounded cumulative net % after each trade, at exit times in exit order: 2, 0.98, 2.4947, 1.9822265, 1.47231536…', () => {
    const curve = equityCurve(sample());
    expect(curve.map((p) => p.time)).toEqual([1, 2, 3, 4, 5].map((k) => T0 + k * D));
    const expected = [2, 0.98, 2.4947, 1.9822265, 1.4723153675];
    curve.forEach((p, i) => expect(p.equityPct).toBeCloseTo(expected[i]!, 9));
  });

  it('no trades → no points; a loss of 100% or more is ruin (−100) and stays there', () => {
    expect(equityCurve([])).toEqual([]);
    const curve = equityCurve([trade(-120, T0 + H), trade(50, T0 + 2 * H)]);
    expect(curve.map((p) => p.equityPct)).toEqual([-100, -100]);
  });
});

describe('weekOverWeek — ISO weeks (Monday 00:00 UTC) of the exit time', () => {
  it('isoWeekStart maps any time to its Monday 00:00 UTC, before the epoch too', () => {
    expect(isoWeekStart(T0)).toBe(T0);
    expect(isoWeekStart(Date.UTC(2024, 0, 7, 23, 59, 59, 999))).toBe(T0);
    expect(isoWeekStart(Date.UTC(2024, 0, 8))).toBe(Date.UTC(2024, 0, 8));
    expect(isoWeekStart(0)).toBe(Date.UTC(1969, 11, 29)); // 1970-01-01 was a Thursday
  });

  it('Sunday 23:59 belongs to the week before, Monday 00:00 starts a new week; entry time does not matter', () => {
    const sunday = trade(1, Date.UTC(2024, 0, 7, 23, 59));
    const monday = trade(-1, Date.UTC(2024, 0, 8, 0, 0), { holdingMs: 2 * H }); // entered Sunday 22:00
    const rows = weekOverWeek([monday, sunday]);
    expect(rows).toEqual([
      { weekStart: T0, trades: 1, winRate: 1, avgNetPct: 1, totalNetPct: 1 },
      { weekStart: Date.UTC(2024, 0, 8), trades: 1, winRate: 0, avgNetPct: -1, totalNetPct: -1 },
    ]);
  });

  it('weeks between the first and the last are included, empty ones with trades 0 and null rates', () => {
    const rows = weekOverWeek([trade(2, T0 + D), trade(-1, T0 + 2 * D), trade(1, Date.UTC(2024, 0, 24))]);
    expect(rows.map((r) => r.weekStart)).toEqual([T0, T0 + 7 * D, T0 + 14 * D, T0 + 21 * D]);
    expect(rows[0]).toEqual({ weekStart: T0, trades: 2, winRate: 0.5, avgNetPct: 0.5, totalNetPct: 1 });
    expect(rows[1]).toEqual({ weekStart: T0 + 7 * D, trades: 0, winRate: null, avgNetPct: null, totalNetPct: 0 });
    expect(rows[2]!.trades).toBe(0);
    expect(rows[3]).toEqual({ weekStart: T0 + 21 * D, trades: 1, winRate: 1, avgNetPct: 1, totalNetPct: 1 });
  });

  it('no trades → no weeks', () => {
    expect(weekOverWeek([])).toEqual([]);
  });
});

describe('decisionMetrics', () => {
  it('rejection rate = rejections / decisions (4/10), accuracy = good rejections / resolved shadows (3/4), categories sorted', () => {
    const m = decisionMetrics({ decisions: 10, signals: 6, rejections: 4, shadowsResolved: 4, goodRejections: 3, missedOpportunities: 1, byCategory: { volume: 1, 'low-confidence': 3 } });
    expect(m).toEqual({ decisions: 10, signals: 6, rejections: 4, rejectionRate: 0.4, shadowsResolved: 4, goodRejections: 3, missedOpportunities: 1, rejectionAccuracy: 0.75, byCategory: { 'low-confidence': 3, volume: 1 } });
    expect(Object.keys(m.byCategory)).toEqual(['low-confidence', 'volume']);
  });

  it('without decisions the rejection rate is 0; without resolved shadows the accuracy is null', () => {
    const m = decisionMetrics({ decisions: 0, signals: 0, rejections: 0, shadowsResolved: 0, goodRejections: 0, missedOpportunities: 0, byCategory: {} });
    expect(m.rejectionRate).toBe(0);
    expect(m.rejectionAccuracy).toBeNull();
  });
});

describe('buyAndHold', () => {
  it('return = (last / first − 1) · 100', () => {
    expect(buyAndHold('BTCUSDT', 100, 110).returnPct).toBeCloseTo(10, 12);
    expect(buyAndHold('ETHUSDT', 200, 150)).toEqual({ symbol: 'ETHUSDT', firstClose: 200, lastClose: 150, returnPct: -25 });
  });

  it('a non-positive first close is an error', () => {
    expect(() => buyAndHold('X', 0, 1)).toThrow(RangeError);
  });
});

describe('byExitTime', () => {
  it('sorts by exit time, ties by entry time then id, without touching the input', () => {
    const a = trade(1, T0 + 2 * H, { id: 'b', holdingMs: H });
    const b = trade(1, T0 + 2 * H, { id: 'a', holdingMs: H });
    const c = trade(1, T0 + 2 * H, { id: 'c', holdingMs: 2 * H });
    const d = trade(1, T0 + H, { id: 'd' });
    const input = [a, b, c, d];
    expect(byExitTime(input).map((t) => t.id)).toEqual(['d', 'c', 'a', 'b']);
    expect(input.map((t) => t.id)).toEqual(['b', 'a', 'c', 'd']);
  });
});
