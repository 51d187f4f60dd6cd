/** Encoding of typed arrays and NaN into JSON-safe snapshots, and back. */
export function encodeArray(a: ArrayLike<number>): (number | null)[] {
  const out = new Array<number | null>(a.length);
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    out[i] = Number.isNaN(v) ? null : v;
  }
  return out;
}

export function decodeInto(target: Float64Array, src: unknown): void {
  if (!Array.isArray(src) || src.length !== target.length) {
    throw new Error(`snapshot array has length ${Array.isArray(src) ? src.length : 'none'}, expected ${target.length}`);
  }
  for (let i = 0; i < target.length; i++) target[i] = src[i] === null ? NaN : (src[i] as number);
}

export function encodeNumber(v: number): number | null {
  return Number.isNaN(v) ? null : v;
}

export function decodeNumber(v: unknown): number {
  return v === null || v === undefined ? NaN : (v as number);
}
