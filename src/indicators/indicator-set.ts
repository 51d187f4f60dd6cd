/**
 * IndicatorSet: a configured list of indicators updated together, one call per closed candle, with all
 * outputs in ONE flat Float64Array that heads read by index. Indicators on higher timeframes update only
 * when their bar has closed (fed by a timeframe aggregator), so their values never see an open bar.
 */
import type { Candle } from '../core/candle.js';
import { AlphaPulseError } from '../core/errors.js';
import { intervalMs } from '../core/intervals.js';
import { TimeframeAggregator, type AggregatorState } from '../timeframes/aggregator.js';
import { findIndicator } from './registry.js';
import type { Bar, Indicator, IndicatorSpec, IndicatorState, Params } from './types.js';

export type IndicatorConfig = {
  /** Registry name, e.g. 'RSI', 'MACD', 'VWAP_SESSION' */
  readonly name: string;
  /** Overrides of the spec's defaults */
  readonly params?: Readonly<Params>;
  /** Timeframe the indicator runs on (default: the set's base timeframe, 1m) */
  readonly timeframe?: string;
  /** Name to look it up by; default NAME, NAME(p1,p2) when params differ from defaults, plus @tf off the base */
  readonly key?: string;
};

export type SlotInfo = {
  readonly key: string;
  readonly name: string;
  readonly timeframe: string;
  readonly params: Readonly<Params>;
  readonly outputs: readonly string[];
  /** Index of the first output in `values` */
  readonly offset: number;
};

export type IndicatorSetState = {
  readonly slots: readonly { key: string; state: IndicatorState }[];
  readonly aggregator: AggregatorState | null;
};

/** The key an indicator gets in a set when none is given: NAME, NAME(p1,p2) off the defaults, @tf off the base. */
export function indicatorKey(name: string, params: Readonly<Params> = {}, timeframe = '1m', base = '1m'): string {
  const spec = findIndicator(name);
  if (!spec) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `unknown indicator "${name}"`);
  return defaultKey(spec, { ...spec.defaults, ...params }, timeframe, base);
}

function defaultKey(spec: IndicatorSpec, params: Params, timeframe: string, base: string): string {
  const differs = Object.keys(params).some((k) => params[k] !== spec.defaults[k]);
  const p = differs ? `(${Object.keys(spec.defaults).map((k) => params[k]).join(',')})` : '';
  return `${spec.name}${p}${timeframe === base ? '' : `@${timeframe}`}`;
}

export class IndicatorSet {
  /** Every output of every indicator; NaN while warming up. */
  readonly values: Float64Array;
  readonly slots: readonly SlotInfo[];
  readonly timeframes: readonly string[];
  private readonly groups: Indicator[][];
  private readonly all: Indicator[];
  private readonly byKey = new Map<string, number>();
  private readonly baseGroup: number;
  /** Builds the higher-timeframe bars from base candles; null when every indicator runs on the base. */
  private readonly aggregator: TimeframeAggregator | null;
  /** For each aggregator timeframe k, the group of indicators on it */
  private readonly aggregatorGroups: Int32Array;

  constructor(configs: readonly IndicatorConfig[], readonly baseTimeframe = '1m') {
    const specs = configs.map((c) => {
      const spec = findIndicator(c.name);
      if (!spec) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `unknown indicator "${c.name}"`);
      for (const k of Object.keys(c.params ?? {})) {
        if (!(k in spec.defaults)) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `indicator ${spec.name} has no parameter "${k}" (it has ${Object.keys(spec.defaults).join(', ') || 'none'})`);
      }
      return spec;
    });
    const total = specs.reduce((n, s) => n + s.outputs.length, 0);
    this.values = new Float64Array(total).fill(NaN);
    const tfs: string[] = [];
    const slots: SlotInfo[] = [];
    this.groups = [];
    this.all = [];
    let offset = 0;
    const sharedByTimeframe = new Map<string, Map<string, unknown>>();
    configs.forEach((c, i) => {
      const spec = specs[i]!;
      const params = { ...spec.defaults, ...c.params };
      const timeframe = c.timeframe ?? baseTimeframe;
      const key = c.key ?? defaultKey(spec, params, timeframe, baseTimeframe);
      if (this.byKey.has(key)) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `indicator key "${key}" is configured twice`);
      let g = tfs.indexOf(timeframe);
      if (g < 0) {
        g = tfs.push(timeframe) - 1;
        this.groups.push([]);
      }
      let shared = sharedByTimeframe.get(timeframe);
      if (!shared) sharedByTimeframe.set(timeframe, (shared = new Map()));
      const ind = spec.create(params, this.values.subarray(offset, offset + spec.outputs.length), shared);
      this.groups[g]!.push(ind);
      this.all.push(ind);
      slots.push({ key, name: spec.name, timeframe, params, outputs: spec.outputs, offset });
      this.byKey.set(key, slots.length - 1);
      offset += spec.outputs.length;
    });
    this.slots = slots;
    this.timeframes = tfs;
    this.baseGroup = tfs.indexOf(baseTimeframe);
    const higher = tfs.filter((t) => t !== baseTimeframe);
    for (const t of higher) {
      if (intervalMs(t) <= intervalMs(baseTimeframe) || intervalMs(t) % intervalMs(baseTimeframe) !== 0) {
        throw new AlphaPulseError('AP_ERR_BAD_INPUT', `timeframe ${t} is not a multiple of the base timeframe ${baseTimeframe}`);
      }
    }
    if (higher.length > 0 && baseTimeframe !== '1m') throw new AlphaPulseError('AP_ERR_BAD_INPUT', 'higher timeframes are built from 1m candles: the base timeframe must be 1m');
    this.aggregator = higher.length > 0 ? new TimeframeAggregator(higher) : null;
    this.aggregatorGroups = Int32Array.from(higher, (t) => tfs.indexOf(t));
  }

  /** Index into `values` of an indicator's output (default its first). */
  index(key: string, output?: string): number {
    const s = this.byKey.get(key);
    if (s === undefined) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `indicator "${key}" is not in this set`);
    const slot = this.slots[s]!;
    if (output === undefined) return slot.offset;
    const o = slot.outputs.indexOf(output);
    if (o < 0) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `indicator "${key}" has no output "${output}" (it has ${slot.outputs.join(', ')})`);
    return slot.offset + o;
  }

  /** Updates every indicator of timeframe group `group` (index into `timeframes`) with a closed bar. */
  updateGroup(group: number, bar: Bar): void {
    const inds = this.groups[group]!;
    for (let i = 0; i < inds.length; i++) inds[i]!.update(bar);
  }

  /**
   * Feeds one closed base-timeframe candle: the base indicators update now; indicators on a higher
   * timeframe update only when this candle closed their bar (never with an open bar).
   */
  update(candle: Candle): void {
    if (this.baseGroup >= 0) this.updateGroup(this.baseGroup, candle);
    const agg = this.aggregator;
    if (agg === null) return;
    const mask = agg.update(candle);
    if (mask === 0) return;
    for (let k = 0; k < this.aggregatorGroups.length; k++) {
      if ((mask & (1 << k)) === 0) continue;
      const n = agg.closedCount(k);
      for (let i = 0; i < n; i++) this.updateGroup(this.aggregatorGroups[k]!, agg.closedBar(k, i));
    }
  }

  /** True when every indicator has warmed up. */
  get isReady(): boolean {
    for (let i = 0; i < this.all.length; i++) if (!this.all[i]!.isReady) return false;
    return true;
  }

  snapshot(): IndicatorSetState {
    return { slots: this.slots.map((s, i) => ({ key: s.key, state: this.all[i]!.snapshot() })), aggregator: this.aggregator?.snapshot() ?? null };
  }

  restore(state: IndicatorSetState): void {
    if (state.slots.length !== this.slots.length || state.slots.some((s, i) => s.key !== this.slots[i]!.key)) {
      throw new AlphaPulseError('AP_ERR_BAD_INPUT', 'indicator snapshot does not match this set (different indicators or order)');
    }
    state.slots.forEach((s, i) => this.all[i]!.restore(s.state));
    if (this.aggregator && state.aggregator) this.aggregator.restore(state.aggregator);
  }
}
