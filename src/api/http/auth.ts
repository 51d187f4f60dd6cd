/**
 * Bearer-token check for the endpoints that change something (every POST). Both the expected and the
 * presented token are hashed to 32 bytes and compared with timingSafeEqual, so neither the content nor
 * the length of the token leaks through timing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { AlphaPulseError } from '../../core/errors.js';
import { ApiError } from '../errors.js';

/** Shortest token accepted at start: long enough not to be guessed. */
export const MIN_TOKEN_LENGTH = 16;

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export type TokenCheck = (authorization: string | undefined) => void;

/** Returns a check that throws AP_ERR_UNAUTHORIZED unless the header is `Bearer <token>`. */
export function bearerCheck(token: string): TokenCheck {
  if (typeof token !== 'string' || token.length < MIN_TOKEN_LENGTH || /\s/.test(token)) {
    throw new AlphaPulseError('AP_ERR_CONFIG', `api token: must be at least ${MIN_TOKEN_LENGTH} characters without spaces`);
  }
  const expected = digest(token);
  return (authorization) => {
    const m = typeof authorization === 'string' ? /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization) : null;
    if (!m) throw new ApiError('AP_ERR_UNAUTHORIZED', 'this endpoint needs the header Authorization: Bearer <token>');
    if (!timingSafeEqual(digest(m[1]!), expected)) throw new ApiError('AP_ERR_UNAUTHORIZED', 'the bearer token is not valid');
  };
}
