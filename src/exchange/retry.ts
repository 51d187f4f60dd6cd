/**
 * Retry policy for exchange requests: 429/418 wait for Retry-After, 5xx and network errors back off
 * exponentially with jitter, malformed payloads are retried a couple of times, everything else fails
 * at once. The whole effort is bounded by maxRetryMs, after which AP_ERR_EXCHANGE_GAVE_UP is thrown.
 * Clock and sleep are injectable so that tests need not wait.
 */
import { setTimeout as delay } from 'node:timers/promises';
import ccxt from 'ccxt';
import type { Clock } from '../core/clock.js';
import { AlphaPulseError, isAlphaPulseError } from '../core/errors.js';
import { silentLogger, type Logger } from '../core/logger.js';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: Sleep = async (ms, signal) => {
  await delay(ms, undefined, signal ? { signal } : undefined);
};

/** An HTTP status the ccxt hook turned into an error before ccxt's own mapping (keeps Retry-After). */
export class ExchangeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterMs: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'ExchangeHttpError';
  }
}

export type RetryPolicy = {
  readonly maxRetryMs: number;
  /** First backoff delay, ms (default 500). */
  readonly baseDelayMs?: number;
  /** Largest backoff delay, ms (default 30 000). */
  readonly maxDelayMs?: number;
  /** How many times a malformed payload is asked for again before AP_ERR_EXCHANGE_PAYLOAD is thrown (default 2). */
  readonly payloadRetries?: number;
};

export type RetryDeps = {
  readonly clock: Clock;
  readonly sleep: Sleep;
  readonly random: () => number;
  readonly logger?: Logger;
};

type Verdict =
  | { kind: 'rate'; waitMs: number | undefined }
  | { kind: 'transient' }
  | { kind: 'payload' }
  | { kind: 'fatal'; error: unknown };

/** Sorts an error thrown by ccxt, the hook or our validation into what the retry loop does with it. */
export function classifyError(e: unknown, exchange: string): Verdict {
  if (e instanceof ExchangeHttpError) {
    if (e.status === 429 || e.status === 418) return { kind: 'rate', waitMs: e.retryAfterMs };
    return { kind: 'transient' };
  }
  if (isAlphaPulseError(e)) return e.code === 'AP_ERR_EXCHANGE_PAYLOAD' ? { kind: 'payload' } : { kind: 'fatal', error: e };
  if (e instanceof ccxt.DDoSProtection || e instanceof ccxt.RateLimitExceeded) return { kind: 'rate', waitMs: undefined };
  if (e instanceof ccxt.NetworkError) return { kind: 'transient' };
  if (e instanceof ccxt.BadResponse) return { kind: 'payload' };
  if (e instanceof ccxt.OperationFailed) return { kind: 'transient' };
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof ccxt.AuthenticationError) {
    return { kind: 'fatal', error: new AlphaPulseError('AP_ERR_CONFIG', `${exchange} rejected the API key (check ALPHAPULSE_API_KEY / ALPHAPULSE_API_SECRET): ${message}`, undefined, { cause: e }) };
  }
  if (e instanceof ccxt.BadSymbol) return { kind: 'fatal', error: new AlphaPulseError('AP_ERR_BAD_INPUT', `${exchange}: unknown symbol: ${message}`, undefined, { cause: e }) };
  if (e instanceof ccxt.BadRequest) return { kind: 'fatal', error: new AlphaPulseError('AP_ERR_BAD_INPUT', `${exchange} rejected the request: ${message}`, undefined, { cause: e }) };
  if (e instanceof ccxt.BaseError) return { kind: 'fatal', error: new AlphaPulseError('AP_ERR_EXCHANGE_UNAVAILABLE', `${exchange}: ${message}`, undefined, { cause: e }) };
  return { kind: 'fatal', error: e };
}

/** Backoff before attempt n+1 (n >= 1): base * 2^(n-1), capped, with "equal jitter" (half fixed, half random). */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const base = policy.baseDelayMs ?? 500;
  const cap = policy.maxDelayMs ?? 30_000;
  const d = Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(d / 2 + (random() * d) / 2);
}

/** Runs `fn` until it succeeds, a non-retryable error occurs, or the time budget is spent. */
export async function withRetry<T>(what: string, exchange: string, fn: () => Promise<T>, policy: RetryPolicy, deps: RetryDeps, signal?: AbortSignal): Promise<T> {
  const log = deps.logger ?? silentLogger;
  const start = deps.clock.now();
  let attempt = 0;
  let payloadFailures = 0;
  for (;;) {
    signal?.throwIfAborted();
    try {
      return await fn();
    } catch (e) {
      if (signal?.aborted) throw e;
      const verdict = classifyError(e, exchange);
      if (verdict.kind === 'fatal') throw verdict.error;
      const message = e instanceof Error ? e.message : String(e);
      if (verdict.kind === 'payload') {
        payloadFailures++;
        if (payloadFailures > (policy.payloadRetries ?? 2)) {
          if (isAlphaPulseError(e)) throw e;
          throw new AlphaPulseError('AP_ERR_EXCHANGE_PAYLOAD', `${what}: ${message}`, undefined, { cause: e });
        }
      }
      attempt++;
      let wait = backoffMs(attempt, policy, deps.random);
      if (verdict.kind === 'rate' && verdict.waitMs !== undefined) wait = Math.round(verdict.waitMs * (1 + 0.1 * deps.random()));
      else if (verdict.kind === 'rate') wait = Math.max(wait, 1000);
      const elapsed = deps.clock.now() - start;
      if (elapsed + wait > policy.maxRetryMs) {
        throw new AlphaPulseError(
          'AP_ERR_EXCHANGE_GAVE_UP',
          `${what}: gave up after ${attempt} attempt${attempt === 1 ? '' : 's'} in ${elapsed} ms (next wait ${wait} ms would pass the ${policy.maxRetryMs} ms budget); last error: ${message}`,
          { attempts: attempt, elapsedMs: elapsed, lastError: message },
          { cause: e },
        );
      }
      log.warn({ what, attempt, waitMs: wait, reason: verdict.kind, error: message }, 'exchange request failed, retrying');
      await deps.sleep(wait, signal);
    }
  }
}
