/**
 * HTTP error policy. Every error leaves as {error: {code, message}}:
 * - a schema validation failure → 400 AP_ERR_BAD_INPUT with a message naming the parameter;
 * - an AlphaPulseError → the status of its code in ERROR_CODES; 4xx keep their message, 5xx get the
 *   code's summary only (details are logged, never sent);
 * - an ApiError → its API code (below);
 * - Fastify's own client errors (bad JSON, wrong content type, body too large) → their 4xx status;
 * - anything else → 500 AP_ERR_INTERNAL 'internal error', logged with its stack.
 */
import { ERROR_CODES, isAlphaPulseError } from '../core/errors.js';

/** Codes of the HTTP layer itself (not in the core registry: they only exist at the API's edge). */
export const API_ERROR_CODES = {
  AP_ERR_UNAUTHORIZED: { status: 401, summary: 'the request needs a valid bearer token' },
  AP_ERR_BUSY: { status: 409, summary: 'the operation is already running' },
  AP_ERR_PAYLOAD_TOO_LARGE: { status: 413, summary: 'the request body is too large' },
  AP_ERR_UNSUPPORTED_MEDIA_TYPE: { status: 415, summary: 'the request body has an unsupported content type' },
  AP_ERR_RATE_LIMITED: { status: 429, summary: 'too many requests from this client' },
  AP_ERR_INTERNAL: { status: 500, summary: 'internal error' },
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_CODES;

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
  get status(): number {
    return API_ERROR_CODES[this.code].status;
  }
}

export type ErrorBody = { error: { code: string; message: string } };

export type MappedError = {
  status: number;
  body: ErrorBody;
  /** log it as an error (server faults); client errors are not logged above debug */
  log: boolean;
};

type AjvError = {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
  data?: unknown;
  parentSchema?: { description?: string; properties?: Record<string, unknown> };
};

const WHERE: Record<string, string> = { querystring: 'query parameter', body: 'body field', params: 'path parameter', headers: 'header' };

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function shown(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  return Array.isArray(v) ? 'a list' : typeof v;
}

/** "query parameter "days" must be an integer (got "abc")" from a Fastify/ajv validation error. */
export function validationMessage(errors: readonly AjvError[], context: string | undefined): string {
  const e = errors[0];
  const where = WHERE[context ?? ''] ?? 'parameter';
  if (!e) return `invalid ${where}`;
  const path = (e.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const params = e.params ?? {};
  if (e.keyword === 'required') {
    const name = [path, String(params.missingProperty ?? '')].filter(Boolean).join('.');
    return `${where} "${name}" is required`;
  }
  if (e.keyword === 'additionalProperties') {
    const name = [path, String(params.additionalProperty ?? '')].filter(Boolean).join('.');
    const known = Object.keys(e.parentSchema?.properties ?? {});
    return `${where} "${name}" is not known${known.length > 0 ? ` (known: ${known.join(', ')})` : ` (this endpoint takes no ${where}s)`}`;
  }
  let what: string;
  switch (e.keyword) {
    case 'type': {
      const t = Array.isArray(params.type) ? params.type.join(' or ') : String(params.type ?? 'valid');
      what = `must be ${article(t)}`;
      break;
    }
    case 'enum':
      what = `must be one of ${((params.allowedValues as unknown[]) ?? []).join(', ')}`;
      break;
    case 'pattern':
      what = e.parentSchema?.description ? `must be ${e.parentSchema.description.split(';')[0]}` : 'has an invalid format';
      break;
    default:
      what = e.message ?? 'is invalid';
  }
  const got = 'data' in e ? ` (got ${shown(e.data)})` : '';
  if (path === '') return `${context === 'body' ? 'the request body' : where} ${what}${got}`;
  return `${where} "${path}" ${what}${got}`;
}

function body(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

/** Maps anything thrown in a request to the status and body the client gets. */
export function mapError(err: unknown): MappedError {
  const e = err as { validation?: AjvError[]; validationContext?: string; statusCode?: unknown; code?: unknown; message?: unknown };
  if (e && Array.isArray(e.validation)) {
    return { status: 400, body: body('AP_ERR_BAD_INPUT', validationMessage(e.validation, e.validationContext)), log: false };
  }
  if (isAlphaPulseError(err)) {
    const def = ERROR_CODES[err.code];
    if (def.status >= 500) return { status: def.status, body: body(err.code, def.summary), log: true };
    return { status: def.status, body: body(err.code, err.message), log: false };
  }
  if (err instanceof ApiError) {
    return { status: err.status, body: body(err.code, err.message), log: err.status >= 500 };
  }
  const status = typeof e?.statusCode === 'number' ? e.statusCode : 500;
  if (status === 429) return { status, body: body('AP_ERR_RATE_LIMITED', typeof e.message === 'string' ? e.message : API_ERROR_CODES.AP_ERR_RATE_LIMITED.summary), log: false };
  if (status === 413) return { status, body: body('AP_ERR_PAYLOAD_TOO_LARGE', API_ERROR_CODES.AP_ERR_PAYLOAD_TOO_LARGE.summary), log: false };
  if (status === 415) return { status, body: body('AP_ERR_UNSUPPORTED_MEDIA_TYPE', typeof e.message === 'string' ? e.message : API_ERROR_CODES.AP_ERR_UNSUPPORTED_MEDIA_TYPE.summary), log: false };
  // Fastify's own client errors (FST_ERR_CTP_*: malformed JSON, empty body, …) carry safe messages
  if (status >= 400 && status < 500 && typeof e.code === 'string' && e.code.startsWith('FST_') && typeof e.message === 'string') {
    return { status, body: body('AP_ERR_BAD_INPUT', e.message), log: false };
  }
  return { status: 500, body: body('AP_ERR_INTERNAL', 'internal error'), log: true };
}
