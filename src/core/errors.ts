/**
 * The one error registry. Each code is stable, documented in docs/ERRORS.md and mapped to an HTTP
 * status for the API. `retryable` tells adapters whether trying again can help.
 */
export const ERROR_CODES = {
  AP_ERR_CONFIG: { status: 500, retryable: false, summary: 'configuration value is invalid' },
  AP_ERR_BAD_INPUT: { status: 400, retryable: false, summary: 'a parameter or input value is invalid' },
  AP_ERR_BAD_INTERVAL: { status: 400, retryable: false, summary: 'unknown kline interval' },
  AP_ERR_BAD_FILE: { status: 400, retryable: false, summary: 'an input file is malformed' },
  AP_ERR_DB: { status: 500, retryable: false, summary: 'the database rejected an operation' },
  AP_ERR_DB_UNREACHABLE: { status: 503, retryable: true, summary: 'the database server does not answer' },
  AP_ERR_EXCHANGE_RATE_LIMIT: { status: 503, retryable: true, summary: 'the exchange asked us to slow down (429/418)' },
  AP_ERR_EXCHANGE_UNAVAILABLE: { status: 503, retryable: true, summary: 'the exchange is unreachable or answered 5xx' },
  AP_ERR_EXCHANGE_PAYLOAD: { status: 502, retryable: true, summary: 'the exchange sent a malformed or partial payload' },
  AP_ERR_EXCHANGE_GAVE_UP: { status: 503, retryable: false, summary: 'retries against the exchange were exhausted' },
  AP_ERR_NOT_FOUND: { status: 404, retryable: false, summary: 'the requested item does not exist' },
  AP_ERR_INDICATOR_INPUT: { status: 400, retryable: false, summary: 'an indicator received non-finite input' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AlphaPulseError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AlphaPulseError';
    this.code = code;
    this.details = details;
  }
  get retryable(): boolean {
    return ERROR_CODES[this.code].retryable;
  }
  get httpStatus(): number {
    return ERROR_CODES[this.code].status;
  }
}

export function isAlphaPulseError(e: unknown): e is AlphaPulseError {
  return e instanceof AlphaPulseError;
}
