/**
 * Runs stored candles of several symbols through the decision engine in time order (interleaved, as
 * live would receive them), optionally recording every decision, and tallies decisions by category and
 * regime. The backtest wraps this; `alphapulse scan` prints it.
 */
import type { Candle } from '../core/candle.js';
import { REJECTION_CATEGORIES } from '../consensus/filters.js';
import { REGIMES, type Head } from '../heads/types.js';
import { readCandles } from '../store/candles.js';
import type { Store } from '../store/database.js';
import { DecisionRecorder } from './decision-recorder.js';
import type { Decision } from './decision.js';
import type { EngineParams } from './engine-params.js';
import { SymbolEngine } from './symbol-engine.js';

export type ScanTally = {
  candles: number;
  signals: number;
  rejections: number;
  /** rejections / decisions */
  rejectionRate: number;
  /** rejections that had a would-be trade (tracked later as shadow signals) */
  rejectedCandidates: number;
  byCategory: Record<string, number>;
  byRegime: Record<string, Record<string, number>>;
  first: number | null;
  last: number | null;
};

export type ScanOptions = {
  readonly symbols: readonly string[];
  readonly from?: number;
  readonly to?: number;
  readonly exchange?: string;
  readonly params: EngineParams;
  readonly createHeads: () => Head[];
  readonly record?: boolean;
  readonly onDecision?: (engine: SymbolEngine, d: Decision) => void;
  readonly onProgress?: (done: number, total: number) => void;
};

export type ScanResult = { total: ScanTally; bySymbol: Record<string, ScanTally> };

function emptyTally(): ScanTally {
  const byCategory: Record<string, number> = { signal: 0 };
  for (const c of REJECTION_CATEGORIES) byCategory[c] = 0;
  const byRegime: Record<string, Record<string, number>> = {};
  for (const r of REGIMES) byRegime[r] = { ...byCategory };
  return { candles: 0, signals: 0, rejections: 0, rejectionRate: 0, rejectedCandidates: 0, byCategory, byRegime, first: null, last: null };
}

function tally(t: ScanTally, d: Decision): void {
  t.candles++;
  if (d.action === 'signal') t.signals++;
  else {
    t.rejections++;
    if (d.direction !== 0 && d.entry === d.entry) t.rejectedCandidates++;
  }
  t.byCategory[d.category]!++;
  t.byRegime[REGIMES[d.regime]!]![d.category]!++;
  t.first ??= d.time;
  t.last = d.time;
}

const CHUNK_MS = 7 * 86_400_000;

/** Replays the stored candles of `symbols` in [from, to] through one engine per symbol. */
export async function runScan(store: Store, opts: ScanOptions): Promise<ScanResult> {
  const from = opts.from ?? 0;
  const to = opts.to ?? Date.now();
  const engines = opts.symbols.map((s) => new SymbolEngine(s, opts.params, opts.createHeads()));
  const recorder = opts.record ? new DecisionRecorder(store) : null;
  const total = emptyTally();
  const bySymbol: Record<string, ScanTally> = {};
  for (const s of opts.symbols) bySymbol[s] = emptyTally();
  const exchange = opts.exchange ?? 'binance';
  for (let start = from; start <= to; start += CHUNK_MS) {
    const end = Math.min(to, start + CHUNK_MS - 1);
    const lists: Candle[][] = [];
    for (const s of opts.symbols) lists.push(await readCandles(store, { exchange, symbol: s, interval: '1m' }, start, end));
    // k-way merge by open time: at one minute, symbols in the order given
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
      if (k < 0) break;
      const engine = engines[k]!;
      const d = engine.step(lists[k]![pos[k]!++]!);
      tally(total, d);
      tally(bySymbol[engine.symbol]!, d);
      opts.onDecision?.(engine, d);
      if (recorder) {
        recorder.add(engine, d);
        if (recorder.full) await recorder.flush();
      }
    }
    opts.onProgress?.(Math.min(end, to) - from, to - from);
  }
  if (recorder) await recorder.flush();
  for (const t of [total, ...Object.values(bySymbol)]) t.rejectionRate = t.candles > 0 ? t.rejections / t.candles : 0;
  return { total, bySymbol };
}
