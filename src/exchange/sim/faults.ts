/**
 * Fault injection for the exchange simulator. A REST fault fires on matching requests either at
 * random (`rate`), on chosen request numbers (`nth`, 1-based, counted per fault over matching paths)
 * or on every k-th one (`every`).
 */
import { AlphaPulseError } from '../../core/errors.js';

export type FaultSpec = {
  /** Probability 0..1 per matching request. */
  readonly rate?: number;
  /** 1-based request numbers (among requests to `paths`) that fail. */
  readonly nth?: readonly number[];
  /** Every k-th matching request fails. */
  readonly every?: number;
  /** Paths the fault applies to; default ['/api/v3/klines']. */
  readonly paths?: readonly string[];
};

export type RateLimitFault = FaultSpec & {
  /** Seconds sent in Retry-After (default 1). */
  readonly retryAfterSec?: number;
};

export type CorruptKind = 'truncated-json' | 'short-row' | 'bad-number' | 'high-below-low' | 'misaligned-time' | 'not-an-array';

export type CorruptFault = FaultSpec & { readonly kind?: CorruptKind };

export type RestFaults = {
  readonly http429?: RateLimitFault;
  readonly http418?: RateLimitFault;
  readonly http500?: FaultSpec;
  /** Close the TCP connection without an answer. */
  readonly reset?: FaultSpec;
  /** Answer 200 with a malformed or invalid klines payload. */
  readonly corrupt?: CorruptFault;
};

export type WsFaults = {
  /** Terminate every open WebSocket connection every this many real milliseconds. */
  readonly dropEveryMs?: number;
  /** Every this many real ms, the open connections stop sending (no data, no pings) without closing. */
  readonly silentEveryMs?: number;
  /** Probability 0..1 that a message is sent twice. */
  readonly duplicateRate?: number;
  /** Probability 0..1 that a message is held back and sent after the next one. */
  readonly outOfOrderRate?: number;
  /** Probability 0..1 that a message is replaced by malformed JSON. */
  readonly malformedRate?: number;
};

/** Deterministic PRNG (mulberry32) so that a seed reproduces a run's faults. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Decides for each matching request whether the fault fires. */
export class FaultCounter {
  private count = 0;
  constructor(
    private readonly spec: FaultSpec | undefined,
    private readonly random: () => number,
  ) {}

  fires(path: string): boolean {
    const spec = this.spec;
    if (!spec) return false;
    const paths = spec.paths ?? ['/api/v3/klines'];
    if (!paths.includes(path)) return false;
    this.count++;
    if (spec.nth?.includes(this.count)) return true;
    if (spec.every !== undefined && spec.every > 0 && this.count % spec.every === 0) return true;
    if (spec.rate !== undefined && spec.rate > 0 && this.random() < spec.rate) return true;
    return false;
  }
}

/**
 * CLI form of a fault: "0.05" (rate), "@3,7" (3rd and 7th request) or "/10" (every 10th).
 * An optional ":path,path" suffix names the paths, e.g. "@1:/api/v3/exchangeInfo".
 */
export function parseFaultSpec(flag: string, text: string): FaultSpec {
  const [what, pathList] = text.split(':', 2) as [string, string | undefined];
  const paths = pathList ? pathList.split(',').filter((p) => p.length > 0) : undefined;
  const base = paths ? { paths } : {};
  if (what.startsWith('@')) {
    const nth = what
      .slice(1)
      .split(',')
      .map((s) => Number(s));
    if (nth.length === 0 || nth.some((n) => !Number.isInteger(n) || n < 1)) throw bad(flag, text);
    return { ...base, nth };
  }
  if (what.startsWith('/')) {
    const every = Number(what.slice(1));
    if (!Number.isInteger(every) || every < 1) throw bad(flag, text);
    return { ...base, every };
  }
  const rate = Number(what);
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) throw bad(flag, text);
  return { ...base, rate };
}

function bad(flag: string, text: string): AlphaPulseError {
  return new AlphaPulseError('AP_ERR_BAD_INPUT', `${flag}: "${text}" is not a fault spec (a rate 0..1 like 0.05, "@3,7" for the 3rd and 7th request, or "/10" for every 10th)`);
}
