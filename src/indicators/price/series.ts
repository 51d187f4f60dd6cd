/** Input checks shared by the batch functions of the multi-input indicators (price, volatility, volume, statistic). */
import { AlphaPulseError } from '../../core/errors.js';
import { rejectInput } from '../validate.js';

/**
 * Checks that all input series have the same length; returns that length. For batch loops whose
 * incremental update (or the loop itself) rejects non-finite input and names the index.
 */
export function checkLengths(indicator: string, names: readonly string[], series: readonly ArrayLike<number>[]): number {
  const n = series[0]!.length;
  for (let k = 1; k < series.length; k++) {
    const s = series[k]!;
    if (s.length !== n) {
      throw new AlphaPulseError(
        'AP_ERR_BAD_INPUT',
        `${indicator}: input ${names[k]} has length ${s.length}, expected ${n} (as ${names[0]})`,
        { indicator, input: names[k] },
      );
    }
  }
  return n;
}

/** Cold path: names the first non-finite of high, low, close and throws. */
export function rejectHlc(indicator: string, h: number, l: number, c: number): never {
  if (h - h !== 0) rejectInput(indicator, 'high', h);
  if (l - l !== 0) rejectInput(indicator, 'low', l);
  rejectInput(indicator, 'close', c);
}
