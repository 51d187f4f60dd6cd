/** The pure pieces of the API: time parameters, the trend rule, error mapping, the Prometheus writer. */
import { describe, expect, it } from 'vitest';
import type { TradeRow } from '../../src/analytics/report-types.js';
import { AlphaPulseError } from '../../src/core/errors.js';
import { ApiError, mapError, validationMessage } from '../../src/api/errors.js';
import { bearerCheck } from '../../src/api/http/auth.js';
import { HttpMetrics, renderFamilies } from '../../src/api/http/prometheus.js';
import { checkRange, parseTime } from '../../src/api/services/common.js';
import { trendOf } from '../../src/api/services/improvements.js';
import { parsePrometheus, sample } from './helpers.js';

function trades(outcomes: readonly boolean[], net = 0.5): TradeRow[] {
  return outcomes.map((won, i) => ({
    id: `t${i}`,
    symbol: 'BTCUSDT',
    direction: 'LONG',
    time: i * 60_000,
    exitTime: i * 60_000 + 30_000,
    result: won ? 'tp' : 'sl',
    grossPct: won ? net : -net,
    netPct: won ? net : -net,
    holdingMs: 30_000,
    regime: 'ranging',
    won,
  }));
}

describe('time parameters', () => {
  it('epoch ms and ISO 8601 (UTC without a zone)', () => {
    expect(parseTime('from', '1748736000000')).toBe(1748736000000);
    expect(parseTime('from', '2025-06-01')).toBe(Date.UTC(2025, 5, 1));
    expect(parseTime('from', '2025-06-01T12:30')).toBe(Date.UTC(2025, 5, 1, 12, 30));
    expect(parseTime('from', '2025-06-01T12:30:15.250Z')).toBe(Date.UTC(2025, 5, 1, 12, 30, 15, 250));
    expect(parseTime('from', '2025-06-01T02:00:00+02:00')).toBe(Date.UTC(2025, 5, 1));
    expect(parseTime('from', undefined)).toBeUndefined();
  });

  it('impossible dates and garbage are AP_ERR_BAD_INPUT naming the parameter', () => {
    for (const v of ['2025-02-30', '2025-13-01', 'now', '2025-06-01T25:00']) {
      expect(() => parseTime('to', v), v).toThrow(expect.objectContaining({ code: 'AP_ERR_BAD_INPUT', message: expect.stringMatching(/^to: /) }));
    }
    expect(() => checkRange(2, 1)).toThrow(expect.objectContaining({ code: 'AP_ERR_BAD_INPUT' }));
    expect(() => checkRange(1, 1)).not.toThrow();
  });
});

describe('trend rule', () => {
  it('needs 10 trades per window', () => {
    expect(trendOf(trades(new Array(19).fill(true))).direction).toBe('insufficient_data');
    expect(trendOf(trades(new Array(20).fill(true))).window).toBe(10);
    expect(trendOf(trades(new Array(300).fill(true))).window).toBe(50);
  });

  it('improving, declining, stable from win rate and average net P/L', () => {
    const half = (won: boolean) => new Array<boolean>(20).fill(won);
    expect(trendOf(trades([...half(false), ...half(true)])).direction).toBe('improving');
    expect(trendOf(trades([...half(true), ...half(false)])).direction).toBe('declining');
    expect(trendOf(trades([...half(true), ...half(true)])).direction).toBe('stable');
    // one more win in 20 (+5 pts) and a higher average → improving; a 4-pt change alone is stable
    const before = [...new Array<boolean>(10).fill(true), ...new Array<boolean>(10).fill(false)];
    const after = [...new Array<boolean>(11).fill(true), ...new Array<boolean>(9).fill(false)];
    const t = trendOf(trades([...before, ...after]));
    expect(t.winRateChange).toBeCloseTo(0.05, 12);
    expect(t.direction).toBe('improving');
  });
});

describe('error mapping', () => {
  it('registry statuses; 5xx messages are the summary; unknown errors are 500 internal', () => {
    expect(mapError(new AlphaPulseError('AP_ERR_NOT_FOUND', 'version 9 does not exist'))).toMatchObject({ status: 404, body: { error: { code: 'AP_ERR_NOT_FOUND', message: 'version 9 does not exist' } }, log: false });
    expect(mapError(new AlphaPulseError('AP_ERR_DB', 'SQLITE_CORRUPT at /var/db'))).toMatchObject({ status: 500, body: { error: { code: 'AP_ERR_DB', message: 'the database rejected an operation' } }, log: true });
    expect(mapError(new TypeError('x is undefined'))).toEqual({ status: 500, body: { error: { code: 'AP_ERR_INTERNAL', message: 'internal error' } }, log: true });
    expect(mapError(new ApiError('AP_ERR_BUSY', 'busy')).status).toBe(409);
    expect(mapError({ statusCode: 429, message: 'slow down' })).toMatchObject({ status: 429, body: { error: { code: 'AP_ERR_RATE_LIMITED' } } });
  });

  it('validation messages name the parameter', () => {
    expect(validationMessage([{ instancePath: '/days', keyword: 'type', params: { type: 'integer' }, data: 'abc' }], 'querystring')).toBe('query parameter "days" must be an integer (got "abc")');
    expect(validationMessage([{ instancePath: '', keyword: 'required', params: { missingProperty: 'symbol' } }], 'querystring')).toBe('query parameter "symbol" is required');
    expect(validationMessage([{ instancePath: '/status', keyword: 'enum', params: { allowedValues: ['open', 'closed'] }, data: 'x' }], 'querystring')).toBe('query parameter "status" must be one of open, closed (got "x")');
  });
});

describe('bearer check', () => {
  it('accepts exactly the token, case-insensitive scheme; refuses short tokens at build', () => {
    const check = bearerCheck('a-long-enough-token-123');
    expect(() => check('Bearer a-long-enough-token-123')).not.toThrow();
    expect(() => check('bearer a-long-enough-token-123')).not.toThrow();
    for (const h of [undefined, 'Bearer a-long-enough-token-12', 'Bearer a-long-enough-token-1234', 'Token a-long-enough-token-123']) expect(() => check(h)).toThrow(ApiError);
    expect(() => bearerCheck('short')).toThrow(expect.objectContaining({ code: 'AP_ERR_CONFIG' }));
    expect(() => bearerCheck('has a space in it 1234')).toThrow(expect.objectContaining({ code: 'AP_ERR_CONFIG' }));
  });
});

describe('Prometheus writer', () => {
  it('escapes label values and help text; histograms cumulate', () => {
    const http = new HttpMetrics();
    http.observe('GET', '/a"b\\c\nd', 200, 0.003);
    http.observe('GET', '/a"b\\c\nd', 200, 0.2);
    http.observe('GET', '/x', 404, 20);
    const text = renderFamilies([{ name: 'alphapulse_test', type: 'gauge', help: 'line one\nline two \\ end', samples: [{ value: NaN }] }, ...http.families()]);
    const { samples, help } = parsePrometheus(text);
    expect(help.get('alphapulse_test')).toBe('line one\\nline two \\\\ end');
    expect(Number.isNaN(sample(samples, 'alphapulse_test')!)).toBe(true);
    expect(sample(samples, 'alphapulse_http_requests_total', { route: '/a"b\\c\nd', status: '200' })).toBe(2);
    expect(sample(samples, 'alphapulse_http_request_duration_seconds_bucket', { route: '/a"b\\c\nd', le: '0.005' })).toBe(1);
    expect(sample(samples, 'alphapulse_http_request_duration_seconds_bucket', { route: '/a"b\\c\nd', le: '0.25' })).toBe(2);
    expect(sample(samples, 'alphapulse_http_request_duration_seconds_bucket', { route: '/x', le: '10' })).toBe(0);
    expect(sample(samples, 'alphapulse_http_request_duration_seconds_bucket', { route: '/x', le: '+Inf' })).toBe(1);
    expect(sample(samples, 'alphapulse_http_request_duration_seconds_sum', { route: '/x' })).toBe(20);
  });
});
