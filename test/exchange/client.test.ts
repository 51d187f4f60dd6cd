/** The ccxt adapter against exchange-sim: URL override, validated klines, retries and giving up. */
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../src/core/clock.js';
import { AlphaPulseError } from '../../src/core/errors.js';
import { ExchangeClient } from '../../src/exchange/client.js';
import { backfill } from '../../src/exchange/backfill.js';
import { ExchangeSim, SimMarketData, type CorruptKind, type ExchangeSimOptions } from '../../src/exchange/sim/index.js';
import { countCandles } from '../../src/store/candles.js';
import { openStore } from '../../src/store/database.js';
import { FIXTURE_DIR, loadCandles } from '../helpers/market-data.js';
import { MINUTE } from './helpers.js';

const DAY = Date.UTC(2021, 3, 20);
const candles = loadCandles(join(FIXTURE_DIR, 'BTCUSDT-1m-2021-04-20.csv'));
const data = new SimMarketData([{ symbol: 'BTCUSDT', interval: '1m', candles }]);

let sims: ExchangeSim[] = [];
let clients: ExchangeClient[] = [];
afterEach(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await Promise.all(sims.map((s) => s.stop()));
  sims = [];
  clients = [];
});

async function startSim(extra: Partial<ExchangeSimOptions> = {}): Promise<ExchangeSim> {
  const sim = new ExchangeSim({ data, startTime: DAY + 86_400_000, speed: 0, ...extra });
  await sim.start();
  sims.push(sim);
  return sim;
}

/** A client whose waits are recorded and skipped: the simulated clock jumps instead. */
function fastClient(url: string, maxRetryMs = 60_000) {
  const clock = new SimulatedClock(Date.UTC(2030, 0, 1));
  const sleeps: number[] = [];
  const client = new ExchangeClient({
    url,
    maxRetryMs,
    clock,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.set(clock.now() + ms);
    },
  });
  clients.push(client);
  return { client, sleeps, clock };
}

describe('ccxt adapter', () => {
  it('points every REST and WebSocket URL at the override; ccxt fetchOHLCV works through it (spot only)', async () => {
    const sim = await startSim();
    const client = new ExchangeClient({ url: sim.url });
    clients.push(client);
    const urls: string[] = [];
    const walk = (v: unknown) => {
      if (typeof v === 'string') urls.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(client.ccxt.urls.api);
    expect(urls.length).toBeGreaterThan(20);
    for (const u of urls) expect(u.startsWith(sim.url) || u.startsWith(`ws://127.0.0.1:${sim.port}/`)).toBe(true);
    expect(client.wsBaseUrl()).toBe(sim.wsUrl);

    const ohlcv = await client.ccxt.fetchOHLCV('BTC/USDT', '1m', DAY + 118 * MINUTE, 3);
    expect(ohlcv).toEqual(
      candles.filter((c) => c.openTime >= DAY + 118 * MINUTE).slice(0, 3).map((c) => [c.openTime, c.open, c.high, c.low, c.close, c.volume]),
    );
    // loadMarkets asked only the spot exchangeInfo: no fapi/dapi/sapi
    expect(Object.keys(sim.stats.requests).sort()).toEqual(['/api/v3/exchangeInfo', '/api/v3/klines']);
    expect(sim.stats.requests['/api/v3/exchangeInfo']).toBe(1);
  });

  it('ccxt.pro watchOHLCV works through the overridden WebSocket URL', async () => {
    const sim = await startSim({ startTime: DAY + 6 * 60 * MINUTE + 1000, speed: 1200 });
    const client = new ExchangeClient({ url: sim.url });
    clients.push(client);
    const pro = client.ccxt as unknown as { watchOHLCV(symbol: string, tf: string): Promise<number[][]> };
    const seen = new Set<number>();
    const deadline = Date.now() + 5000;
    while (seen.size < 3 && Date.now() < deadline) for (const row of await pro.watchOHLCV('BTC/USDT', '1m')) seen.add(row[0]!);
    const times = [...seen].sort((a, b) => a - b);
    expect(times.length).toBeGreaterThanOrEqual(3);
    for (const t of times) {
      expect(t).toBeGreaterThanOrEqual(DAY + 6 * 60 * MINUTE);
      expect(candles.some((c) => c.openTime === t)).toBe(true);
    }
    expect(sim.stats.wsConnections).toBe(1);
  });

  it('with API keys: still no sapi/fapi calls, and the keys never reach the logs', async () => {
    const sim = await startSim();
    let logged = '';
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        logged += chunk.toString();
        cb();
      },
    });
    const logger = pino({ level: 'trace' }, sink);
    const client = new ExchangeClient({ url: sim.url, apiKey: 'KEY-sekrit-123', secret: 'SECRET-sekrit-456', logger, maxRetryMs: 5000, retry: { baseDelayMs: 10 } });
    clients.push(client);
    await client.ccxt.loadMarkets();
    expect(Object.keys(sim.stats.requests)).toEqual(['/api/v3/exchangeInfo']);
    await client.fetchKlines('BTCUSDT', '1m', DAY, 5);
    await client.fetchKlines('NOPEUSDT', '1m', DAY, 5).catch(() => undefined);
    expect(logged.length).toBeGreaterThan(0);
    expect(logged).not.toContain('sekrit');
  });

  it('fetchKlines returns full validated candles equal to the source', async () => {
    const sim = await startSim();
    const { client } = fastClient(sim.url);
    const got = await client.fetchKlines('BTCUSDT', '1m', DAY, 1000);
    expect(got).toEqual(candles.slice(0, 1000));
    const bounded = await client.fetchKlines('BTCUSDT', '1m', DAY, 1000, { until: DAY + 9 * MINUTE });
    expect(bounded).toHaveLength(10);
    expect(await client.lastClosedOpenTime('1m')).toBe(DAY + 86_400_000 - MINUTE);
  });

  it('429 and 418: waits exactly what Retry-After says, then succeeds', async () => {
    const sim = await startSim({ rest: { http429: { nth: [1, 2], retryAfterSec: 3 }, http418: { nth: [3], retryAfterSec: 7 } } });
    const { client, sleeps } = fastClient(sim.url);
    const got = await client.fetchKlines('BTCUSDT', '1m', DAY, 5);
    expect(got).toHaveLength(5);
    expect(sim.stats.faults).toMatchObject({ '429': 2, '418': 1 });
    // Retry-After (plus at most 10 % jitter; random() = 0.5 here)
    expect(sleeps).toEqual([3150, 3150, 7350]);
  });

  it('honours Retry-After in real time too', async () => {
    const sim = await startSim({ rest: { http429: { nth: [1], retryAfterSec: 1 } } });
    const client = new ExchangeClient({ url: sim.url, maxRetryMs: 10_000 });
    clients.push(client);
    const t0 = performance.now();
    expect(await client.fetchKlines('BTCUSDT', '1m', DAY, 2)).toHaveLength(2);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(1000);
    expect(sim.stats.requests['/api/v3/klines']).toBe(2);
  });

  it('500 and dropped connections: exponential backoff with jitter', async () => {
    const sim = await startSim({ rest: { http500: { nth: [1, 2, 3] }, reset: { nth: [4] } } });
    const { client, sleeps } = fastClient(sim.url);
    expect(await client.fetchKlines('BTCUSDT', '1m', DAY, 5)).toHaveLength(5);
    expect(sim.stats.faults).toMatchObject({ '500': 3, reset: 1 });
    // base 500 ms doubling, half fixed + half random (0.5): 375, 750, 1500, 3000
    expect(sleeps).toEqual([375, 750, 1500, 3000]);
  });

  it('gives up with AP_ERR_EXCHANGE_GAVE_UP once maxRetryMs is spent', async () => {
    const sim = await startSim({ rest: { http500: { rate: 1 } } });
    const { client, sleeps } = fastClient(sim.url, 10_000);
    const err = await client.fetchKlines('BTCUSDT', '1m', DAY, 5).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AlphaPulseError);
    expect((err as AlphaPulseError).code).toBe('AP_ERR_EXCHANGE_GAVE_UP');
    expect((err as AlphaPulseError).message).toMatch(/BTCUSDT.*gave up after \d+ attempts.*500/);
    expect(sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(10_000);
  });

  it('a Retry-After longer than the budget gives up at once instead of sleeping', async () => {
    const sim = await startSim({ rest: { http418: { rate: 1, retryAfterSec: 600 } } });
    const { client, sleeps } = fastClient(sim.url, 60_000);
    await expect(client.fetchKlines('BTCUSDT', '1m', DAY, 5)).rejects.toMatchObject({ code: 'AP_ERR_EXCHANGE_GAVE_UP' });
    expect(sleeps).toEqual([]);
  });

  it('unknown symbol is a bad input, not retried', async () => {
    const sim = await startSim();
    const { client, sleeps } = fastClient(sim.url);
    await expect(client.fetchKlines('NOPEUSDT', '1m', DAY, 5)).rejects.toMatchObject({ code: 'AP_ERR_BAD_INPUT' });
    expect(sleeps).toEqual([]);
  });

  const kinds: [CorruptKind, RegExp][] = [
    ['truncated-json', /not JSON/],
    ['not-an-array', /not a list/],
    ['short-row', /row 3: row has 6 fields/],
    ['bad-number', /row 3: close "NaN" is not a number/],
    ['high-below-low', /row 3: high .* is below low/],
    ['misaligned-time', /row 3: open time .* is not an integer|row 3: open_time .* not aligned/],
  ];
  for (const [kind, pattern] of kinds) {
    it(`malformed payload (${kind}) → AP_ERR_EXCHANGE_PAYLOAD naming the symbol; nothing stored`, async () => {
      const sim = await startSim({ rest: { corrupt: { rate: 1, kind } } });
      const { client } = fastClient(sim.url);
      const store = await openStore('sqlite::memory:');
      try {
        const err = (await backfill(store, client, { symbol: 'BTCUSDT', from: DAY, to: DAY + 4 * MINUTE }).catch((e: unknown) => e)) as AlphaPulseError;
        expect(err).toBeInstanceOf(AlphaPulseError);
        expect(err.code).toBe('AP_ERR_EXCHANGE_PAYLOAD');
        expect(err.message).toContain('BTCUSDT');
        expect(err.message).toMatch(pattern);
        expect(sim.stats.requests['/api/v3/klines']).toBe(3); // asked again twice, then refused
        expect(await countCandles(store, { exchange: 'binance', symbol: 'BTCUSDT', interval: '1m' })).toBe(0);
      } finally {
        await store.close();
      }
    });
  }

  it('the in-progress candle the real exchange appends is never stored', async () => {
    const sim = await startSim({ startTime: DAY + 12 * 60 * MINUTE + 30_000, includeOpenCandle: true });
    const { client } = fastClient(sim.url);
    const store = await openStore('sqlite::memory:');
    try {
      const r = await backfill(store, client, { symbol: 'BTCUSDT', from: DAY + 11 * 60 * MINUTE });
      expect(r).toMatchObject({ to: DAY + 11 * 60 * MINUTE + 59 * MINUTE, fetched: 60, gapsAfter: 0 });
      expect(await countCandles(store, { exchange: 'binance', symbol: 'BTCUSDT', interval: '1m' }, DAY + 12 * 60 * MINUTE)).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('a malformed page that comes right on retry is replaced by the good one', async () => {
    const sim = await startSim({ rest: { corrupt: { nth: [1], kind: 'high-below-low' } } });
    const { client } = fastClient(sim.url);
    expect(await client.fetchKlines('BTCUSDT', '1m', DAY, 10)).toEqual(candles.slice(0, 10));
  });

  it('pauses for the next minute when the used weight nears the limit', async () => {
    const sim = await startSim({ weightLimit: 6000 });
    const { client, sleeps } = fastClient(sim.url);
    // pretend the previous answers used the minute's weight: 5990 of 6000
    (client as unknown as { usedWeight: number; usedWeightMinute: number }).usedWeight = 5990;
    (client as unknown as { usedWeight: number; usedWeightMinute: number }).usedWeightMinute = Math.floor(client.clock.now() / 60_000);
    await client.fetchKlines('BTCUSDT', '1m', DAY, 1);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(0);
    expect(sleeps[0]).toBeLessThanOrEqual(60_050);
  });
});
