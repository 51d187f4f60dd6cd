/**
 * Building blocks shared by TA-Lib's Hilbert-transform functions (ta_utility.h): the
 * DO_HILBERT_TRANSFORM macro over odd/even ring buffers of 3, with TA-Lib's constants and order.
 */

export const HILBERT_A = 0.0962;
export const HILBERT_B = 0.5769;

/** Slots per transformed variable: Odd[3], Even[3], prevOdd, prevEven, prevInputOdd, prevInputEven. */
export const HILBERT_SLOTS = 10;

/**
 * DO_HILBERT_TRANSFORM for the variable stored at `h[base .. base + HILBERT_SLOTS)`.
 * `even` is 1 for even bars (the Even buffers), 0 for odd ones; returns the transformed value.
 */
export function hilbertTransform(
  h: Float64Array,
  base: number,
  hilbertIdx: number,
  even: number,
  input: number,
  adjustedPrevPeriod: number,
): number {
  const slot = base + even * 3 + hilbertIdx;
  const prevAt = base + 6 + even;
  const prevInputAt = base + 8 + even;
  const t = HILBERT_A * input;
  let v = -h[slot]!;
  h[slot] = t;
  v += t;
  v -= h[prevAt]!;
  const prev = HILBERT_B * h[prevInputAt]!;
  h[prevAt] = prev;
  v += prev;
  h[prevInputAt] = input;
  v *= adjustedPrevPeriod;
  return v;
}
