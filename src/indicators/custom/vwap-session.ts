/**
 * VWAP_SESSION — session volume-weighted average price: sum(typical price × volume) / sum(volume) over
 * the bars of the current session, typical price = (high + low + close) / 3. Sessions are consecutive
 * `sessionMinutes`-long intervals aligned to the UTC epoch (default 1440: the UTC day), so the sums
 * reset on the first bar whose openTime falls in a new session. While the session's cumulative volume
 * is zero the output is the current bar's typical price (finite, never 0/0).
 * Definition: the standard intraday VWAP (e.g. StockCharts ChartSchool "VWAP"), anchored to UTC
 * sessions as crypto venues do. Both sums only grow by non-negative terms, so no cancellation occurs.
 */
import { IndicatorBase } from '../base.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { assertPeriod, rejectInput, rethrowAtIndex } from '../validate.js';
import { timeWentBack } from './time-bucket.js';

export class VwapSession extends IndicatorBase {
  readonly lookback = 0;
  private readonly sessionMs: number;
  private session = -Infinity;
  private sumPv = 0;
  private sumV = 0;

  constructor(sessionMinutes = 1440, outputs?: Float64Array) {
    super(1, outputs);
    assertPeriod('VWAP_SESSION', 'sessionMinutes', sessionMinutes, 1, 5_256_000);
    this.sessionMs = sessionMinutes * 60_000;
  }

  update(bar: Bar): void {
    const { openTime: t, high: h, low: l, close: c, volume: v } = bar;
    if (t - t !== 0) rejectInput('VWAP_SESSION', 'openTime', t);
    if (h - h !== 0) rejectInput('VWAP_SESSION', 'high', h);
    if (l - l !== 0) rejectInput('VWAP_SESSION', 'low', l);
    if (c - c !== 0) rejectInput('VWAP_SESSION', 'close', c);
    if (v - v !== 0) rejectInput('VWAP_SESSION', 'volume', v);
    const s = Math.floor(t / this.sessionMs);
    if (s !== this.session) {
      if (s < this.session) timeWentBack('VWAP_SESSION', t);
      this.session = s;
      this.sumPv = 0;
      this.sumV = 0;
    }
    const tp = (h + l + c) / 3;
    this.sumPv += tp * v;
    this.sumV += v;
    this.count++;
    this.outputs[0] = this.sumV === 0 ? tp : this.sumPv / this.sumV;
  }

  snapshot(): IndicatorState {
    return { count: this.count, session: Number.isFinite(this.session) ? this.session : null, sumPv: this.sumPv, sumV: this.sumV, out: this.outputs[0]! };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.session = s.session === null ? -Infinity : (s.session as number);
    this.sumPv = s.sumPv as number;
    this.sumV = s.sumV as number;
    this.outputs[0] = (s.out as number | null) ?? NaN;
  }
}

/** Batch session VWAP: one value per bar from the first bar on. */
export function vwapSession(
  openTime: ArrayLike<number>,
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  volume: ArrayLike<number>,
  sessionMinutes = 1440,
): Float64Array {
  const ind = new VwapSession(sessionMinutes);
  const n = close.length;
  const out = new Float64Array(n);
  const bar = newMutableBar();
  let i = 0;
  try {
    for (; i < n; i++) {
      bar.openTime = openTime[i]!;
      bar.high = high[i]!;
      bar.low = low[i]!;
      bar.close = close[i]!;
      bar.volume = volume[i]!;
      ind.update(bar);
      out[i] = ind.outputs[0]!;
    }
  } catch (e) {
    rethrowAtIndex('VWAP_SESSION', ['openTime', 'high', 'low', 'close', 'volume'], [openTime, high, low, close, volume], i, e);
  }
  return out;
}

export const vwapSessionSpec: IndicatorSpec<{ sessionMinutes: number }> = {
  name: 'VWAP_SESSION',
  group: 'custom',
  summary: 'Volume-weighted typical price since the start of the UTC session (day by default)',
  inputs: ['openTime', 'high', 'low', 'close', 'volume'],
  outputs: ['vwap'],
  defaults: { sessionMinutes: 1440 },
  testParams: [{ sessionMinutes: 60 }, { sessionMinutes: 240 }],
  create: (p, out) => new VwapSession(p.sessionMinutes, out),
  batch: ([t, h, l, c, v], p) => [vwapSession(t!, h!, l!, c!, v!, p.sessionMinutes)],
};
