import { AlphaPulseError } from '../core/errors.js';

/** Throws a clear error for a non-finite input value; called on the cold path only. */
export function rejectInput(indicator: string, what: string, value: number, index?: number): never {
  const where = index === undefined ? '' : ` at index ${index}`;
  throw new AlphaPulseError(
    'AP_ERR_INDICATOR_INPUT',
    `${indicator}: ${what} is not a finite number (${value})${where}`,
    index === undefined ? { indicator, what } : { indicator, what, index },
  );
}

/**
 * Checks a whole input series before a batch computation. Batch functions whose incremental update
 * checks every value it is fed catch its error and name the index with `rethrowAtIndex` (or check
 * inside their own loop and call `rejectSeriesAt`) instead of a pass over the inputs beforehand.
 */
export function assertFiniteSeries(indicator: string, what: string, series: ArrayLike<number>): void {
  for (let i = 0; i < series.length; i++) {
    const v = series[i]!;
    if (v - v !== 0) rejectInput(indicator, what, v, i);
  }
}

/**
 * Cold path of a batch loop that finds a non-finite input itself: throws the error assertFiniteSeries
 * would have thrown for the first of `series` (named by `names`) that is not finite at `index`
 * (AP_ERR_INDICATOR_INPUT, input name and index). A shorter series reads as undefined there.
 */
export function rejectSeriesAt(indicator: string, names: readonly string[], series: readonly ArrayLike<number>[], index: number): never {
  for (let k = 0; k < series.length; k++) {
    const v = series[k]![index]!;
    if (v - v !== 0) rejectInput(indicator, names[k]!, v, index);
  }
  return rejectInput(indicator, 'input', NaN, index);
}

/**
 * Cold path of a batch loop that feeds an incremental update rejecting non-finite input: the update's
 * error cannot know the index, so the loop catches it and calls this with the index it was at. Throws
 * the error `assertFiniteSeries` would have thrown for the first of `series` (named by `names`) that is
 * non-finite at `index` (AP_ERR_INDICATOR_INPUT, input name and index); rethrows `error` unchanged when
 * none is (any other failure).
 */
export function rethrowAtIndex(
  indicator: string,
  names: readonly string[],
  series: readonly ArrayLike<number>[],
  index: number,
  error: unknown,
): never {
  if (error instanceof AlphaPulseError && error.code === 'AP_ERR_INDICATOR_INPUT') {
    for (let k = 0; k < series.length; k++) {
      const v = series[k]![index]!;
      if (v - v !== 0) rejectInput(indicator, names[k]!, v, index);
    }
  }
  throw error;
}

/** Checks that a period-like parameter is an integer in [min, max]. */
export function assertPeriod(indicator: string, name: string, value: number, min: number, max = 100_000): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new AlphaPulseError(
      'AP_ERR_BAD_INPUT',
      `${indicator}: ${name} must be an integer between ${min} and ${max} (got ${value})`,
      { indicator, parameter: name },
    );
  }
}

export function assertRange(indicator: string, name: string, value: number, min: number, max: number): void {
  if (!(value >= min && value <= max)) {
    throw new AlphaPulseError('AP_ERR_BAD_INPUT', `${indicator}: ${name} must be between ${min} and ${max} (got ${value})`, {
      indicator,
      parameter: name,
    });
  }
}
