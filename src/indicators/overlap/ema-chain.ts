/**
 * One step of TA-Lib's INT_EMA (default compatibility) for chained EMAs kept in a single number:
 * while warming up `prev` holds the running sum of the first `period` inputs (started at 0.0, as
 * TA-Lib's tempReal), then their mean, then ((v - prev) * k) + prev. `m` is the number of inputs
 * this EMA has seen before `v`. Same floating-point operations as the Ema class.
 */
export function emaStep(prev: number, v: number, m: number, period: number, k: number): number {
  if (m < period - 1) return prev + v;
  if (m === period - 1) return (prev + v) / period;
  return (v - prev) * k + prev;
}
