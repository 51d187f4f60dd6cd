/**
 * HEIKIN_ASHI — Heikin-Ashi candles, definition as in StockCharts ChartSchool "Heikin-Ashi":
 *   haClose = (open + high + low + close) / 4
 *   haOpen  = (previous haOpen + previous haClose) / 2; on the first bar (open + close) / 2
 *   haHigh  = max(high, haOpen, haClose), haLow = min(low, haOpen, haClose)
 * Valid from the first bar (lookback 0).
 */
import { IndicatorBase } from '../base.js';
import { decodeInto, encodeArray } from '../state.js';
import { newMutableBar, type Bar, type IndicatorSpec, type IndicatorState } from '../types.js';
import { rejectInput, rethrowAtIndex } from '../validate.js';

export class HeikinAshi extends IndicatorBase {
  readonly lookback = 0;
  private haOpen = 0;
  private haClose = 0;

  constructor(outputs?: Float64Array) {
    super(4, outputs);
  }

  update(bar: Bar): void {
    const { open: op, high: h, low: l, close: c } = bar;
    if (op - op !== 0) rejectInput('HEIKIN_ASHI', 'open', op);
    if (h - h !== 0) rejectInput('HEIKIN_ASHI', 'high', h);
    if (l - l !== 0) rejectInput('HEIKIN_ASHI', 'low', l);
    if (c - c !== 0) rejectInput('HEIKIN_ASHI', 'close', c);
    const haOpen = this.count++ === 0 ? (op + c) / 2 : (this.haOpen + this.haClose) / 2;
    const haClose = (op + h + l + c) / 4;
    this.haOpen = haOpen;
    this.haClose = haClose;
    let hi = h;
    if (haOpen > hi) hi = haOpen;
    if (haClose > hi) hi = haClose;
    let lo = l;
    if (haOpen < lo) lo = haOpen;
    if (haClose < lo) lo = haClose;
    const o = this.outputs;
    o[0] = haOpen;
    o[1] = hi;
    o[2] = lo;
    o[3] = haClose;
  }

  snapshot(): IndicatorState {
    return { count: this.count, haOpen: this.haOpen, haClose: this.haClose, out: encodeArray(this.outputs) };
  }

  restore(s: IndicatorState): void {
    this.count = s.count as number;
    this.haOpen = s.haOpen as number;
    this.haClose = s.haClose as number;
    decodeInto(this.outputs, s.out);
  }
}

/** Batch Heikin-Ashi: { haOpen, haHigh, haLow, haClose }. */
export function heikinAshi(
  open: ArrayLike<number>,
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
): { haOpen: Float64Array; haHigh: Float64Array; haLow: Float64Array; haClose: Float64Array } {
  const ind = new HeikinAshi();
  const n = close.length;
  const r = { haOpen: new Float64Array(n), haHigh: new Float64Array(n), haLow: new Float64Array(n), haClose: new Float64Array(n) };
  const o = ind.outputs;
  const bar = newMutableBar();
  let i = 0;
  try {
    for (; i < n; i++) {
      bar.open = open[i]!;
      bar.high = high[i]!;
      bar.low = low[i]!;
      bar.close = close[i]!;
      ind.update(bar);
      r.haOpen[i] = o[0]!;
      r.haHigh[i] = o[1]!;
      r.haLow[i] = o[2]!;
      r.haClose[i] = o[3]!;
    }
  } catch (e) {
    rethrowAtIndex('HEIKIN_ASHI', ['open', 'high', 'low', 'close'], [open, high, low, close], i, e);
  }
  return r;
}

export const heikinAshiSpec: IndicatorSpec<Record<string, never>> = {
  name: 'HEIKIN_ASHI',
  group: 'custom',
  summary: 'Heikin-Ashi candles (averaged open/high/low/close)',
  inputs: ['open', 'high', 'low', 'close'],
  outputs: ['haOpen', 'haHigh', 'haLow', 'haClose'],
  defaults: {},
  create: (_p, out) => new HeikinAshi(out),
  batch: ([op, h, l, c]) => {
    const r = heikinAshi(op!, h!, l!, c!);
    return [r.haOpen, r.haHigh, r.haLow, r.haClose];
  },
};
