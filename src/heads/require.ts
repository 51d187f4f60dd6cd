import type { IndicatorConfig } from '../indicators/indicator-set.js';
import { indicatorKey } from '../indicators/indicator-set.js';

/** Merges indicator requirements (of several heads, the regime, …), keeping one config per key. */
export function mergeRequirements(lists: readonly (readonly IndicatorConfig[])[]): IndicatorConfig[] {
  const byKey = new Map<string, IndicatorConfig>();
  for (const list of lists) {
    for (const c of list) {
      const key = c.key ?? indicatorKey(c.name, c.params, c.timeframe ?? '1m');
      if (!byKey.has(key)) byKey.set(key, c);
    }
  }
  return [...byKey.values()];
}
