/**
 * Finiteness check for indicators that read several bar fields: the hot path is one test,
 * `(a - a) + (b - b) + ... !== 0` (0 only when every field is finite), and this cold function finds
 * the offending field and throws through rejectInput (AP_ERR_INDICATOR_INPUT).
 */
import type { Bar, InputField } from '../types.js';
import { rejectInput } from '../validate.js';

export const HL: readonly InputField[] = ['high', 'low'];
export const HLC: readonly InputField[] = ['high', 'low', 'close'];
export const HLCV: readonly InputField[] = ['high', 'low', 'close', 'volume'];
export const OHLC: readonly InputField[] = ['open', 'high', 'low', 'close'];

export function rejectBar(indicator: string, bar: Bar, fields: readonly InputField[]): never {
  for (const f of fields) {
    const v = bar[f];
    if (v - v !== 0) rejectInput(indicator, f, v);
  }
  return rejectInput(indicator, 'input', NaN);
}
