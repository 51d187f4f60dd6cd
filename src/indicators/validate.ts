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

/** Checks a whole input series before a batch computation. */
export function assertFiniteSeries(indicator: string, what: string, series: ArrayLike<number>): void {
  for (let i = 0; i < series.length; i++) {
    const v = series[i]!;
    if (v - v !== 0) rejectInput(indicator, what, v, i);
  }
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
