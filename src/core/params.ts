/**
 * Tunable parameters as data: each parameter has a default, bounds and a doc line, so learning jobs can
 * search within bounds and every version can be stored and validated.
 */
import { AlphaPulseError } from './errors.js';

export type ParamDef = {
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** periods and counts are integers */
  readonly integer?: boolean;
  readonly doc: string;
};

export type ParamTable = Readonly<Record<string, ParamDef>>;
export type ParamValues<T extends ParamTable> = { -readonly [K in keyof T]: number };

export function paramDefaults<T extends ParamTable>(table: T): ParamValues<T> {
  const out = {} as ParamValues<T>;
  for (const k of Object.keys(table) as (keyof T)[]) out[k] = table[k]!.default;
  // Built key by key, an object of 20+ keys ends in V8's slow dictionary mode; the spread copy does not.
  return { ...out };
}

/** Fills missing values with defaults and checks bounds; an error names `where.key`. */
export function resolveParams<T extends ParamTable>(table: T, given: Partial<Record<string, number>> | undefined, where: string): ParamValues<T> {
  const out = paramDefaults(table);
  for (const [k, v] of Object.entries(given ?? {})) {
    const def = table[k];
    if (!def) throw new AlphaPulseError('AP_ERR_CONFIG', `${where}.${k}: unknown parameter (known: ${Object.keys(table).join(', ')})`);
    if (typeof v !== 'number' || !Number.isFinite(v) || v < def.min || v > def.max || (def.integer && !Number.isInteger(v))) {
      throw new AlphaPulseError('AP_ERR_CONFIG', `${where}.${k}: ${String(v)} is outside [${def.min}, ${def.max}]${def.integer ? ' or not an integer' : ''} (${def.doc})`);
    }
    (out as Record<string, number>)[k] = v;
  }
  return { ...out };
}
