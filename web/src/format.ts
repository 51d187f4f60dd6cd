/** Formatting for display. Every formatter shows '—' for a missing value. */
export const DASH = '—';

const isNum = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

export function fmtNum(v: number | null | undefined, digits = 2): string {
  return isNum(v) ? v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : DASH;
}

export function fmtInt(v: number | null | undefined): string {
  return isNum(v) ? Math.round(v).toLocaleString('en-US') : DASH;
}

/** A price with precision that suits its magnitude. */
export function fmtPrice(v: number | null | undefined): string {
  if (!isNum(v)) return DASH;
  const a = Math.abs(v);
  return fmtNum(v, a >= 1000 ? 2 : a >= 1 ? 4 : 6);
}

/** A fraction (0.55) as a percentage (55.0%). */
export function fmtRate(v: number | null | undefined, digits = 1): string {
  return isNum(v) ? `${(v * 100).toFixed(digits)}%` : DASH;
}

/** A value already in percent (0.85 → +0.85%), signed. */
export function fmtPct(v: number | null | undefined, digits = 2): string {
  if (!isNum(v)) return DASH;
  return `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(digits)}%`;
}

/** UTC date and time, e.g. "06-14 13:05". */
export function fmtTime(ms: number | null | undefined, withYear = false): string {
  if (!isNum(ms)) return DASH;
  const iso = new Date(ms).toISOString();
  return `${iso.slice(withYear ? 0 : 5, 10)} ${iso.slice(11, 16)}`;
}

/** "in 3h 12m" / "5m ago". */
export function fmtRelative(ms: number | null | undefined, now = Date.now()): string {
  if (!isNum(ms)) return DASH;
  const d = ms - now;
  const a = Math.abs(d);
  const m = Math.round(a / 60_000);
  const text = m < 1 ? 'now' : m < 60 ? `${m}m` : m < 48 * 60 ? `${Math.floor(m / 60)}h ${m % 60}m` : `${Math.round(m / 1440)}d`;
  if (text === 'now') return d >= 0 ? 'due now' : 'just now';
  return d >= 0 ? `in ${text}` : `${text} ago`;
}

/** Class for a signed value: 'pos', 'neg' or ''. */
export function signClass(v: number | null | undefined): string {
  return isNum(v) ? (v > 0 ? 'pos' : v < 0 ? 'neg' : '') : '';
}
