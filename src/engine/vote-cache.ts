/**
 * The recent past of one symbol as the decision saw it: per 1m candle, its OHLCV, the decision inputs
 * and the nine votes. Votes do not depend on head weights or thresholds, so the weekly search re-runs
 * only consensus → filters → limits → outcomes over this cache for each candidate, never the
 * indicators or heads. A ring of typed arrays; nothing allocated per candle.
 */
import type { Candle } from '../core/candle.js';
import type { VoteSlot } from '../heads/types.js';
import type { DecisionInputs } from './decide.js';

const F = ['openTime', 'open', 'high', 'low', 'close', 'volume', 'atr', 'swingHigh', 'swingLow', 'volumeZ'] as const;
type Field = (typeof F)[number];

function b64(a: ArrayBufferView): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

function fromB64<T extends Float64Array | Int8Array>(target: T, s: string): void {
  const buf = Buffer.from(s, 'base64');
  new Uint8Array(target.buffer, target.byteOffset, target.byteLength).set(buf.subarray(0, target.byteLength));
}

export class VoteCache {
  readonly f: Record<Field, Float64Array>;
  readonly regime: Int8Array;
  readonly tf: Int8Array;
  readonly dir: Int8Array;
  readonly conf: Float64Array;
  private head = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    this.f = Object.fromEntries(F.map((k) => [k, new Float64Array(capacity)])) as Record<Field, Float64Array>;
    this.regime = new Int8Array(capacity);
    this.tf = new Int8Array(capacity);
    this.dir = new Int8Array(capacity * 9);
    this.conf = new Float64Array(capacity * 9);
  }

  get size(): number {
    return this.count;
  }

  push(c: Candle, inp: DecisionInputs, votes: readonly VoteSlot[]): void {
    const i = this.head;
    const f = this.f;
    f.openTime[i] = c.openTime;
    f.open[i] = c.open;
    f.high[i] = c.high;
    f.low[i] = c.low;
    f.close[i] = c.close;
    f.volume[i] = c.volume;
    f.atr[i] = inp.atr;
    f.swingHigh[i] = inp.swingHigh;
    f.swingLow[i] = inp.swingLow;
    f.volumeZ[i] = inp.volumeZ;
    this.regime[i] = inp.regime;
    this.tf[i] = inp.tf;
    for (let h = 0; h < 9; h++) {
      this.dir[i * 9 + h] = votes[h]!.direction;
      this.conf[i * 9 + h] = votes[h]!.confidence;
    }
    this.head = i + 1 === this.capacity ? 0 : i + 1;
    if (this.count < this.capacity) this.count++;
  }

  /** Physical slot of the k-th oldest entry (0 = oldest). */
  slot(k: number): number {
    const start = this.count < this.capacity ? 0 : this.head;
    const s = start + k;
    return s >= this.capacity ? s - this.capacity : s;
  }

  /** Logical index of the first entry with openTime >= t (size when none). */
  firstAtOrAfter(t: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.f.openTime[this.slot(mid)]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  snapshot() {
    const fields: Record<string, string> = {};
    for (const k of F) fields[k] = b64(this.f[k]);
    return { capacity: this.capacity, head: this.head, count: this.count, fields, regime: b64(this.regime), tf: b64(this.tf), dir: b64(this.dir), conf: b64(this.conf) };
  }

  restore(s: ReturnType<VoteCache['snapshot']>): void {
    if (s.capacity !== this.capacity) throw new Error(`vote cache snapshot has capacity ${s.capacity}, expected ${this.capacity}`);
    for (const k of F) fromB64(this.f[k], s.fields[k]!);
    fromB64(this.regime, s.regime);
    fromB64(this.tf, s.tf);
    fromB64(this.dir, s.dir);
    fromB64(this.conf, s.conf);
    this.head = s.head;
    this.count = s.count;
  }
}
