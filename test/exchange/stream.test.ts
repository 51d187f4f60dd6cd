/**
 * CandleStream against exchange-sim at 1 simulated minute per 50 ms, for ~20 s, with connections
 * dropped every 3 s, sockets going silent, duplicated / out-of-order / malformed messages and REST
 * errors: every candle the sim has in the streamed span is emitted and stored exactly once, in order.
 * The span crosses the real 150-minute outage of 2021-04-20, which must stay a hole.
 */
import { join } from 'node:path';
import { describe, it } from 'vitest';
import type { Candle } from '../../src/core/candle.js';
import { ExchangeClient } from '../../src/exchange/client.js';
import { ExchangeSim, SimMarketData } from '../../src/exchange/sim/index.js';
import { CandleStream } from '../../src/exchange/stream.js';
import { readCandles, writeCandles } from '../../src/store/candles.js';
import { FIXTURE_DIR, loadCandles } from '../helpers/market-data.js';
import { derivedSeries, MINUTE, storeTargets } from './helpers.js';

const DAY = Date.UTC(2021, 3, 20);
const btc = loadCandles(join(FIXTURE_DIR, 'BTCUSDT-1m-2021-04-20.csv'));
const eth = derivedSeries(btc, 16);
// ALPHAPULSE_STREAM_TEST_MS lengthens the run (e.g. 60000 for a full minute of faults)
const RUN_MS = Number(process.env.ALPHAPULSE_STREAM_TEST_MS ?? 17_000);
const targets = await storeTargets();

describe.concurrent('live stream through faults', () => {
  for (const target of targets) {
    it(`stores every candle exactly once on ${target.name}`, async ({ expect }) => {
      const sim = new ExchangeSim({
        data: new SimMarketData([
          { symbol: 'BTCUSDT', interval: '1m', candles: btc },
          { symbol: 'ETHUSDT', interval: '1m', candles: eth },
        ]),
        startTime: DAY + 60 * MINUTE + 30_000, // 01:00:30, an hour before the outage
        speed: 1200,
        seed: target.name === 'sqlite' ? 11 : 29,
        ws: { dropEveryMs: 3000, silentEveryMs: 7000, duplicateRate: 0.05, outOfOrderRate: 0.05, malformedRate: 0.02 },
        rest: { http500: { rate: 0.05 }, http429: { nth: [3], retryAfterSec: 1 } },
      });
      await sim.start();
      const store = await target.open();
      const client = new ExchangeClient({ url: sim.url, name: `stream-${target.name}`, maxRetryMs: 15_000, retry: { baseDelayMs: 50 } });
      const stream = new CandleStream({ client, store, symbols: ['BTCUSDT', 'ETHUSDT'], heartbeatMs: 1000, reconnectBaseMs: 100, batchSize: 50, flushMs: 500 });
      const emitted = new Map<string, Candle[]>([
        ['BTCUSDT', []],
        ['ETHUSDT', []],
      ]);
      stream.onCandle((symbol, c) => emitted.get(symbol)!.push(c));
      try {
        await stream.start();
        await new Promise((r) => setTimeout(r, RUN_MS));
        const summary = await stream.stop();
        console.info(`[stream ${target.name}] ${JSON.stringify({ ...summary, symbols: undefined })}`);
        console.info(`[stream ${target.name}] sim: ${JSON.stringify(sim.stats)}`);
        for (const [symbol, list] of emitted) {
          expect(list.length).toBeGreaterThan(150);
          for (let i = 1; i < list.length; i++) expect(list[i]!.openTime).toBeGreaterThan(list[i - 1]!.openTime);
          const first = list[0]!.openTime;
          const last = list[list.length - 1]!.openTime;
          // exactly the sim's candles of the span: nothing missing, nothing twice, values equal
          expect(list).toEqual(sim.candles(symbol, '1m', first, last));
          const stored = await readCandles(store, { exchange: client.name, symbol, interval: '1m' });
          expect(stored).toEqual(list);
          expect(summary.symbols[symbol]!.emitted).toBe(list.length);
        }
        // the span covered the outage and the sim's faults really happened
        const btcTimes = emitted.get('BTCUSDT')!.map((c) => c.openTime);
        expect(btcTimes[0]!).toBeLessThan(DAY + 120 * MINUTE);
        expect(btcTimes[btcTimes.length - 1]!).toBeGreaterThan(DAY + 270 * MINUTE);
        expect(summary.reconnects).toBeGreaterThanOrEqual(5);
        expect(summary.silentTimeouts).toBeGreaterThanOrEqual(1);
        expect(summary.restFills).toBeGreaterThanOrEqual(3);
        expect(summary.malformed).toBeGreaterThan(0);
        expect(summary.symbols.BTCUSDT!.dropped + summary.symbols.ETHUSDT!.dropped).toBeGreaterThan(0);
        expect(summary.stored.inserted).toBe(summary.emitted);
        expect(sim.stats.wsDropped).toBeGreaterThanOrEqual(4);
      } finally {
        await stream.stop();
        await client.close();
        await sim.stop();
        await target.dispose(store);
      }
    });
  }
});

describe.concurrent('live stream after downtime', () => {
  for (const target of targets) {
    it(`continues from the newest stored candle, filling the hole over REST first, on ${target.name}`, async ({ expect }) => {
      const sim = new ExchangeSim({ data: new SimMarketData([{ symbol: 'BTCUSDT', interval: '1m', candles: btc }]), startTime: DAY + 10 * 60 * MINUTE + 30_000, speed: 1200 });
      await sim.start();
      const store = await target.open();
      const client = new ExchangeClient({ url: sim.url, name: `resume-${target.name}` });
      const key = { exchange: client.name, symbol: 'BTCUSDT', interval: '1m' };
      await writeCandles(store, key, btc.filter((c) => c.openTime < DAY + 8 * 60 * MINUTE));
      const stream = new CandleStream({ client, store, symbols: ['BTCUSDT'], heartbeatMs: 2000 });
      const sources: string[] = [];
      stream.onCandle((_s, _c, source) => sources.push(source));
      try {
        await stream.start();
        const end = Date.now() + 10_000;
        while (sources.filter((x) => x === 'ws').length < 10 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
        const summary = await stream.stop();
        // 08:00 .. 10:00 came over REST (before anything newer), then the live candles
        expect(summary.symbols.BTCUSDT!.first).toBe(DAY + 8 * 60 * MINUTE);
        expect(summary.symbols.BTCUSDT!.fromRest).toBeGreaterThanOrEqual(120);
        expect(sources.indexOf('ws')).toBeGreaterThanOrEqual(120);
        const stored = await readCandles(store, key);
        expect(stored).toEqual(sim.candles('BTCUSDT', '1m', 0, summary.symbols.BTCUSDT!.last!));
      } finally {
        await stream.stop();
        await client.close();
        await sim.stop();
        await target.dispose(store);
      }
    });
  }
});
