import { AlphaPulseError } from './errors.js';

/** Kline intervals in Binance's notation, with their length in milliseconds. */
export const INTERVAL_MS = {
  '1m': 60_000,
  '3m': 180_000,
  '5m': 300_000,
  '15m': 900_000,
  '30m': 1_800_000,
  '1h': 3_600_000,
  '2h': 7_200_000,
  '4h': 14_400_000,
  '6h': 21_600_000,
  '8h': 28_800_000,
  '12h': 43_200_000,
  '1d': 86_400_000,
} as const;

export type Interval = keyof typeof INTERVAL_MS;

export function isInterval(s: string): s is Interval {
  return Object.prototype.hasOwnProperty.call(INTERVAL_MS, s);
}

export function intervalMs(interval: string): number {
  if (!isInterval(interval)) {
    throw new AlphaPulseError('AP_ERR_BAD_INTERVAL', `unknown interval "${interval}" (expected one of ${Object.keys(INTERVAL_MS).join(', ')})`);
  }
  return INTERVAL_MS[interval];
}
