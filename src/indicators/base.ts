import type { Bar, Indicator, IndicatorState } from './types.js';

/**
 * Common plumbing for indicators: the outputs buffer (own or a view into an IndicatorSet's flat
 * buffer), `value` and `isReady`. Subclasses count the bars they have seen in `count`.
 */
export abstract class IndicatorBase implements Indicator {
  abstract readonly lookback: number;
  readonly outputs: Float64Array;
  /** Number of bars fed so far. */
  protected count = 0;

  constructor(outputCount: number, outputs?: Float64Array) {
    if (outputs !== undefined && outputs.length !== outputCount) {
      throw new Error(`outputs buffer has length ${outputs.length}, expected ${outputCount}`);
    }
    this.outputs = outputs ?? new Float64Array(outputCount);
    this.outputs.fill(NaN);
  }

  get value(): number {
    return this.outputs[0]!;
  }

  get isReady(): boolean {
    return this.count > this.lookback;
  }

  abstract update(bar: Bar): void;
  abstract snapshot(): IndicatorState;
  abstract restore(state: IndicatorState): void;
}
