/** Helpers for indicators that group bars into UTC-epoch-aligned time buckets (sessions, periods). */
import { AlphaPulseError } from '../../core/errors.js';

/** Thrown when a bar's openTime falls in an earlier bucket than a bar already fed (cold path). */
export function timeWentBack(indicator: string, openTime: number): never {
  throw new AlphaPulseError('AP_ERR_INDICATOR_INPUT', `${indicator}: openTime ${openTime} is earlier than a bar already fed`, {
    indicator,
    what: 'openTime',
  });
}
