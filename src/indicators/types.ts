/** What every incremental indicator reads from a closed candle. `Candle` from core satisfies it. */
export interface Bar {
  readonly openTime: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

/** A mutable bar that batch loops reuse so that feeding arrays allocates nothing per element. */
export type MutableBar = { -readonly [K in keyof Bar]: Bar[K] };

export function newMutableBar(): MutableBar {
  return { openTime: 0, open: 0, high: 0, low: 0, close: 0, volume: 0 };
}

export type InputField = 'open' | 'high' | 'low' | 'close' | 'volume' | 'openTime';

/** JSON-safe state of an indicator; NaN is encoded as null by `encodeArray`. */
export type IndicatorState = { readonly [key: string]: number | boolean | null | readonly (number | null)[] | IndicatorState };

/**
 * The incremental face. One object per indicator instance: O(1) amortised per update, no allocation
 * per update. `outputs` holds the latest value of every output (NaN while warming up); when the object
 * was created inside an IndicatorSet, `outputs` is a view into the set's flat buffer.
 */
export interface Indicator {
  /** Index (0-based count of inputs before) of the first valid output, as TA-Lib's *_Lookback. */
  readonly lookback: number;
  readonly outputs: Float64Array;
  /** outputs[0] */
  readonly value: number;
  readonly isReady: boolean;
  /** Feeds one closed bar. Throws AlphaPulseError(AP_ERR_INDICATOR_INPUT) on non-finite input it reads. */
  update(bar: Bar): void;
  snapshot(): IndicatorState;
  restore(state: IndicatorState): void;
}

/** Parameters are plain numbers (periods, multipliers, MA types) so they can be stored and tuned. */
export type Params = Record<string, number>;

export type IndicatorGroup =
  | 'overlap'
  | 'momentum'
  | 'volatility'
  | 'volume'
  | 'statistic'
  | 'price'
  | 'pattern'
  | 'custom';

/**
 * Describes one indicator for the set, the docs, the contract tests and the TA-Lib oracle tests.
 * `batch` takes one Float64Array per entry of `inputs` (same order) and returns one per output.
 */
export interface IndicatorSpec<P extends Params = Params> {
  readonly name: string;
  readonly group: IndicatorGroup;
  readonly summary: string;
  readonly inputs: readonly InputField[];
  readonly outputs: readonly string[];
  readonly defaults: P;
  /**
   * `shared`, given by an IndicatorSet (one map per timeframe), lets indicators of one set share work
   * that depends only on the bars (e.g. candle geometry for the candlestick patterns). Absent in batch use.
   */
  create(params: P, outputs?: Float64Array, shared?: Map<string, unknown>): Indicator;
  batch(inputs: readonly Float64Array[], params: P): Float64Array[];
  /** Extra parameter sets the oracle and contract tests also run (besides `defaults`). */
  readonly testParams?: readonly P[];
  /** How to call the `talib` npm package for the same numbers; absent for our own definitions. */
  readonly talib?: {
    readonly name: string;
    /** optIn* parameters for talib.execute */
    readonly optIn: (p: P) => Record<string, number>;
    /** talib result keys, in the order of `outputs` */
    readonly outputs: readonly string[];
  };
}
