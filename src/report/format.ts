/**
 * Formatting and escaping helpers of the HTML report (pure). Every formatter shows a missing or
 * non-finite value as an em dash ('—').
 */

export const DASH = '—';

/** The value when it is a finite number, else null. */
function finite(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * JSON text safe to place inside a `<script>` element: `<`, `>` and `&` become \u003c, \u003e and
 * \u0026 (so neither `</script>` nor `<!--` can appear), and U+2028 / U+2029 become \u2028 / \u2029 (they
 * are line terminators in older JavaScript). JSON.parse reads the result back to the same value.
 * BigInts become strings; non-finite numbers become null (as JSON does); a cyclic value throws (as JSON does).
 */
export function jsonForScript(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  return (text ?? 'null').replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** A plain number with fixed decimals, e.g. 1.23; thousands separated by commas: 1,234.50. */
export function fmtNum(x: number | null | undefined, digits = 2): string {
  const v = finite(x);
  if (v === null) return DASH;
  const s = v.toFixed(digits);
  if (Math.abs(v) < 1000) return s;
  const [int, frac] = s.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** An integer count with thousands separated. */
export function fmtInt(x: number | null | undefined): string {
  return fmtNum(x, 0);
}

/** A value already in percent, with an explicit sign: +1.23%, -0.40%, 0.00% (ASCII signs: numbers paste into spreadsheets). */
export function fmtSignedPct(x: number | null | undefined, digits = 2): string {
  const v = finite(x);
  if (v === null) return DASH;
  const s = fmtNum(Math.abs(v), digits);
  if (Number(Math.abs(v).toFixed(digits)) === 0) return `${fmtNum(0, digits)}%`;
  return `${v > 0 ? '+' : '-'}${s}%`;
}

/** A value already in percent, no sign added: 12.3%. */
export function fmtPct(x: number | null | undefined, digits = 2): string {
  const v = finite(x);
  return v === null ? DASH : `${fmtNum(v, digits)}%`;
}

/** A fraction 0..1 as a percentage: 0.553 → 55.3%. */
export function fmtRate(x: number | null | undefined, digits = 1): string {
  const v = finite(x);
  return v === null ? DASH : `${(v * 100).toFixed(digits)}%`;
}

/** A rate with its sample: "55.0% (22/40)"; '— (0/0)' without a sample. */
export function fmtRateOf(k: number, n: number, digits = 1): string {
  const rate = n > 0 ? fmtRate(k / n, digits) : DASH;
  return `${rate} (${fmtInt(k)}/${fmtInt(n)})`;
}

/** CSS class for the sign of a value: 'pos', 'neg' or ''. */
export function signClass(x: number | null | undefined): string {
  const v = finite(x);
  if (v === null || v === 0) return '';
  return v > 0 ? 'pos' : 'neg';
}

function pad2(n: number): string {
  return n.toString().padStart(2, '0');
}

/** UTC date: 2024-03-01. */
export function fmtDate(ms: number | null | undefined): string {
  const v = finite(ms);
  if (v === null) return DASH;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return DASH;
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** UTC date and time to the minute: 2024-03-01 14:05. */
export function fmtDateTime(ms: number | null | undefined): string {
  const v = finite(ms);
  if (v === null) return DASH;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return DASH;
  return `${fmtDate(v)} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

/** A duration in seconds: 0.8 s, 42 s, 3 min 05 s, 1 h 02 min. */
export function fmtDuration(seconds: number | null | undefined): string {
  const v = finite(seconds);
  if (v === null || v < 0) return DASH;
  if (v < 10) return `${v.toFixed(1)} s`;
  if (v < 60) return `${Math.round(v)} s`;
  const total = Math.round(v);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h} h ${pad2(m)} min` : `${m} min ${pad2(s)} s`;
}

/** A price: enough decimals for small prices (0.000123), two for large ones. */
export function fmtPrice(x: number | null | undefined): string {
  const v = finite(x);
  if (v === null) return DASH;
  const a = Math.abs(v);
  const digits = a >= 1000 ? 2 : a >= 1 ? 4 : a >= 0.01 ? 5 : 8;
  return fmtNum(v, digits);
}

/** A settings value as short text: primitives as they are, arrays and objects as compact JSON. */
export function fmtSetting(v: unknown): string {
  if (v === null || v === undefined) return DASH;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : DASH;
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  try {
    return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x)) ?? String(v);
  } catch {
    return String(v);
  }
}

/**
 * Settings flattened to dotted keys (objects nested up to `depth` levels; arrays and deeper objects
 * stay whole), in their insertion order.
 */
export function flattenSettings(settings: Readonly<Record<string, unknown>>, depth = 3): { key: string; value: string }[] {
  const out: { key: string; value: string }[] = [];
  const walk = (obj: Readonly<Record<string, unknown>>, prefix: string, level: number): void => {
    for (const [k, v] of Object.entries(obj)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (v !== null && typeof v === 'object' && !Array.isArray(v) && level < depth && Object.keys(v).length > 0) {
        walk(v as Record<string, unknown>, key, level + 1);
      } else {
        out.push({ key, value: fmtSetting(v) });
      }
    }
  };
  walk(settings, '', 1);
  return out;
}
