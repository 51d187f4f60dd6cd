import { afterAll, describe, expect, it } from 'vitest';
import { type Candle, candleFromOhlcv, type SeriesKey } from '../../src/core/candle.js';
import { countCandles, findGaps, lastOpenTime, readCandles, writeCandles } from '../../src/store/candles.js';
import { STORE_CASES, cleanupStores } from '../helpers/databases.js';
import { FIXTURE_DIR, loadCandles } from '../helpers/market-data.js';

const KEY: SeriesKey = { exchange: 'binance', symbol: 'BTCUSDT', interval: '1m' };
const T0 = Date.UTC(2025, 0, 1);

function minutes(n: number, start = T0, price = 100): Candle[] {
  return Array.from({ length: n }, (_, i) => candleFromOhlcv(start + i * 60_000, price + i, price + i + 1, price + i - 1, price + i + 0.5, 1 + i, 60_000));
}

afterAll(cleanupStores);

describe.each(STORE_CASES.map((c) => [c.name, c] as const))('candle store on %s', (_name, sc) => {
  it.skipIf(!sc.available)('round-trips prices and volumes exactly as given in the source text', async () => {
    const store = await sc.open();
    const c: Candle = { ...candleFromOhlcv(T0, 96376.01, 96380.5, 96300.12345678, 96376.01, 0.00012345, 60_000), quoteVolume: 1234567.89012345, trades: 4321, takerBuyBaseVolume: 0.1, takerBuyQuoteVolume: 9637.601 };
    await writeCandles(store, KEY, [c]);
    const [back] = await readCandles(store, KEY);
    expect(String(back!.open)).toBe('96376.01');
    expect(String(back!.low)).toBe('96300.12345678');
    expect(String(back!.volume)).toBe('0.00012345');
    expect(back).toEqual(c);
  });

  it.skipIf(!sc.available)('a repeated write of the same candles is a no-op counted as duplicates', async () => {
    const store = await sc.open();
    const list = minutes(500);
    expect(await writeCandles(store, KEY, list)).toEqual({ inserted: 500, updated: 0, duplicates: 0 });
    expect(await writeCandles(store, KEY, list)).toEqual({ inserted: 0, updated: 0, duplicates: 500 });
    expect(await countCandles(store, KEY)).toBe(500);
  });

  it.skipIf(!sc.available)('a corrected candle is an explicit, counted update', async () => {
    const store = await sc.open();
    const list = minutes(10);
    await writeCandles(store, KEY, list);
    const corrected = { ...list[3]!, close: list[3]!.close + 0.25, volume: 99 };
    expect(await writeCandles(store, KEY, [list[2]!, corrected, ...minutes(2, T0 + 10 * 60_000)])).toEqual({ inserted: 2, updated: 1, duplicates: 1 });
    const back = await readCandles(store, KEY, corrected.openTime, corrected.openTime);
    expect(back[0]).toEqual(corrected);
  });

  it.skipIf(!sc.available)('keeps series apart by exchange, symbol and interval', async () => {
    const store = await sc.open();
    await writeCandles(store, KEY, minutes(5));
    await writeCandles(store, { ...KEY, symbol: 'ETHUSDT' }, minutes(3));
    expect(await countCandles(store, KEY)).toBe(5);
    expect(await countCandles(store, { ...KEY, symbol: 'ETHUSDT' })).toBe(3);
    expect(await countCandles(store, { ...KEY, exchange: 'other' })).toBe(0);
    expect(await lastOpenTime(store, KEY)).toBe(T0 + 4 * 60_000);
    expect(await lastOpenTime(store, { ...KEY, interval: '5m' })).toBeNull();
  });

  it.skipIf(!sc.available)('finds the real maintenance gap of 2021-04-20 (150 minutes)', async () => {
    const store = await sc.open();
    const day = loadCandles(`${FIXTURE_DIR}/BTCUSDT-1m-2021-04-20.csv`);
    await writeCandles(store, KEY, day);
    const report = await findGaps(store, KEY);
    expect(report).toEqual({ gaps: [{ from: Date.UTC(2021, 3, 20, 2, 0), to: Date.UTC(2021, 3, 20, 4, 29), missing: 150 }], totalMissing: 150 });
  });

  it.skipIf(!sc.available)('reports missing stretches at the edges of an explicit range', async () => {
    const store = await sc.open();
    await writeCandles(store, KEY, minutes(10, T0 + 5 * 60_000));
    const report = await findGaps(store, KEY, { from: T0, to: T0 + 19 * 60_000 });
    expect(report.gaps).toEqual([
      { from: T0, to: T0 + 4 * 60_000, missing: 5 },
      { from: T0 + 15 * 60_000, to: T0 + 19 * 60_000, missing: 5 },
    ]);
    const empty = await findGaps(store, { ...KEY, symbol: 'XRPUSDT' }, { from: T0, to: T0 + 59 * 60_000 });
    expect(empty).toEqual({ gaps: [{ from: T0, to: T0 + 59 * 60_000, missing: 60 }], totalMissing: 60 });
  });
});
