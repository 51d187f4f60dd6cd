/** exchange-sim speaks Binance spot: klines paging semantics, weight headers, exchangeInfo, kline WebSocket events. */
import { join } from 'node:path';
import ccxt from 'ccxt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ExchangeSim, SimMarketData } from '../../src/exchange/sim/index.js';
import { FIXTURE_DIR, loadCandles } from '../helpers/market-data.js';
import { MINUTE } from './helpers.js';

const DAY = Date.UTC(2021, 3, 20);
const candles = loadCandles(join(FIXTURE_DIR, 'BTCUSDT-1m-2021-04-20.csv'));

async function getJson(url: string): Promise<{ status: number; headers: Headers; body: unknown }> {
  const r = await fetch(url);
  const text = await r.text();
  return { status: r.status, headers: r.headers, body: JSON.parse(text) as unknown };
}

describe('exchange-sim REST', () => {
  const now = DAY + 12 * 60 * MINUTE + 30_000; // 12:00:30 — the 12:00 candle is open
  let sim: ExchangeSim;
  beforeAll(async () => {
    sim = new ExchangeSim({ data: SimMarketData.fromArchives([join(FIXTURE_DIR, 'BTCUSDT-1m-2021-04-20.csv')]), startTime: now, speed: 0 });
    await sim.start();
  });
  afterAll(() => sim.stop());
  const k = (q: string) => getJson(`${sim.url}/api/v3/klines?symbol=BTCUSDT&interval=1m${q}`);

  it('ping, time and the weight headers', async () => {
    const ping = await getJson(`${sim.url}/api/v3/ping`);
    expect(ping.body).toEqual({});
    const time = await getJson(`${sim.url}/api/v3/time`);
    expect(time.body).toEqual({ serverTime: now });
    const w1 = Number(time.headers.get('x-mbx-used-weight-1m'));
    const r = await k('&limit=1');
    expect(Number(r.headers.get('x-mbx-used-weight-1m'))).toBe(w1 + 2);
    expect(r.headers.get('x-mbx-used-weight')).toBe(r.headers.get('x-mbx-used-weight-1m'));
  });

  it('rows are 12 fields, strings for decimals, as Binance sends them', async () => {
    const r = await k(`&startTime=${DAY}&limit=2`);
    expect(r.body).toEqual([
      [DAY, '55633.14000000', '55745.30000000', '55628.19000000', '55735.65000000', '67.39234500', DAY + 59_999, '0.00000000', 0, '0.00000000', '0.00000000', '0'],
      [DAY + MINUTE, '55735.65000000', '55792.15000000', '55652.74000000', '55682.16000000', '35.42147100', DAY + 2 * MINUTE - 1, '0.00000000', 0, '0.00000000', '0.00000000', '0'],
    ]);
  });

  it('without times: the latest closed candles (default limit 500), never the open one', async () => {
    const r = (await k('')).body as unknown[][];
    expect(r).toHaveLength(500);
    expect(r[r.length - 1]![0]).toBe(DAY + 11 * 60 * MINUTE + 59 * MINUTE); // 11:59, closed; 12:00 is still open
    const closed = candles.filter((c) => c.openTime + MINUTE <= now);
    expect(r.map((x) => x[0])).toEqual(closed.slice(-500).map((c) => c.openTime));
  });

  it('startTime pages forward, endTime bounds, holes are simply absent', async () => {
    const from = DAY + 115 * MINUTE; // 01:55, five candles before the exchange outage 02:00..04:29
    const r = (await k(`&startTime=${from}&limit=10`)).body as unknown[][];
    expect(r.map((x) => (x[0] as number) - DAY).map((t) => t / MINUTE)).toEqual([115, 116, 117, 118, 119, 270, 271, 272, 273, 274]);
    const bounded = (await k(`&startTime=${from}&endTime=${DAY + 119 * MINUTE}&limit=1000`)).body as unknown[][];
    expect(bounded).toHaveLength(5);
    const onlyEnd = (await k(`&endTime=${DAY + 10 * MINUTE}&limit=3`)).body as unknown[][];
    expect(onlyEnd.map((x) => ((x[0] as number) - DAY) / MINUTE)).toEqual([8, 9, 10]);
    const inHole = (await k(`&startTime=${DAY + 121 * MINUTE}&endTime=${DAY + 200 * MINUTE}`)).body as unknown[][];
    expect(inHole).toEqual([]);
    const beyondClock = (await k(`&startTime=${now}`)).body as unknown[][];
    expect(beyondClock).toEqual([]);
  });

  it('rejects what Binance rejects, with its error codes', async () => {
    expect((await k('&limit=1001')).body).toMatchObject({ code: -1130 });
    expect((await k(`&startTime=${DAY + MINUTE}&endTime=${DAY}`)).body).toMatchObject({ code: -1023 });
    const noSymbol = await getJson(`${sim.url}/api/v3/klines?interval=1m`);
    expect(noSymbol.status).toBe(400);
    expect(noSymbol.body).toMatchObject({ code: -1102 });
    expect((await getJson(`${sim.url}/api/v3/klines?symbol=NOPEUSDT&interval=1m`)).body).toMatchObject({ code: -1121 });
    expect((await getJson(`${sim.url}/api/v3/klines?symbol=BTCUSDT&interval=7m`)).body).toMatchObject({ code: -1120 });
  });

  it('serves other intervals aggregated from 1m', async () => {
    const r = (await getJson(`${sim.url}/api/v3/klines?symbol=BTCUSDT&interval=5m&startTime=${DAY}&limit=1`)).body as unknown[][];
    const five = candles.slice(0, 5);
    expect(r[0]![0]).toBe(DAY);
    expect(Number(r[0]![1])).toBe(five[0]!.open);
    expect(Number(r[0]![2])).toBe(Math.max(...five.map((c) => c.high)));
    expect(Number(r[0]![3])).toBe(Math.min(...five.map((c) => c.low)));
    expect(Number(r[0]![4])).toBe(five[4]!.close);
  });

  it('exchangeInfo lists the loaded spot symbols so that ccxt loads its markets (spot only)', async () => {
    const info = (await getJson(`${sim.url}/api/v3/exchangeInfo`)).body as { symbols: { symbol: string; baseAsset: string; quoteAsset: string }[] };
    expect(info.symbols.map((s) => [s.symbol, s.baseAsset, s.quoteAsset])).toEqual([['BTCUSDT', 'BTC', 'USDT']]);
    const ex = new ccxt.binance({ options: { fetchMarkets: { types: ['spot'] } } });
    (ex.urls as Record<string, unknown>).api = { ...(ex.urls.api as object), public: `${sim.url}/api/v3` };
    const markets = await ex.loadMarkets();
    expect(Object.keys(markets)).toEqual(['BTC/USDT']);
    expect(markets['BTC/USDT']).toMatchObject({ spot: true, active: true, precision: { price: 0.01 } });
  });
});

describe('exchange-sim REST with the open candle (as the real exchange)', () => {
  it('returns the in-progress candle last, with partial values', async () => {
    const now = DAY + 30 * MINUTE + 30_000;
    const sim = new ExchangeSim({ data: new SimMarketData([{ symbol: 'BTCUSDT', interval: '1m', candles }]), startTime: now, speed: 0, includeOpenCandle: true });
    await sim.start();
    try {
      const r = (await getJson(`${sim.url}/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=2`)).body as unknown[][];
      expect(r.map((x) => x[0])).toEqual([DAY + 29 * MINUTE, DAY + 30 * MINUTE]);
      const full = candles.find((c) => c.openTime === DAY + 30 * MINUTE)!;
      expect(Number(r[1]![5])).toBeCloseTo(full.volume / 2, 6);
    } finally {
      await sim.stop();
    }
  });
});

type Msg = Record<string, unknown>;

function collect(ws: WebSocket): Msg[] {
  const got: Msg[] = [];
  ws.on('message', (d: WebSocket.RawData) => got.push(JSON.parse(d.toString()) as Msg));
  return got;
}

async function until(cond: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('exchange-sim WebSocket', () => {
  it('SUBSCRIBE on /ws: in-progress updates (x:false) and each closing candle (x:true) with Binance field names', async () => {
    const start = DAY + 6 * 60 * MINUTE; // 06:00:00
    const sim = new ExchangeSim({ data: new SimMarketData([{ symbol: 'BTCUSDT', interval: '1m', candles }]), startTime: start, speed: 0, partialEveryMs: 20_000 });
    await sim.start();
    const ws = new WebSocket(sim.wsUrl);
    try {
      const got = collect(ws);
      await new Promise((r) => ws.once('open', r));
      ws.send(JSON.stringify({ method: 'SUBSCRIBE', params: ['btcusdt@kline_1m'], id: 7 }));
      await until(() => got.length >= 1, 2000);
      expect(got[0]).toEqual({ result: null, id: 7 });
      sim.setTime(start + 30_000);
      await until(() => got.some((m) => m.e === 'kline'), 2000);
      sim.setTime(start + 3 * MINUTE + 1);
      await until(() => got.filter((m) => m.e === 'kline' && (m.k as Msg).x === true).length >= 3, 2000);
      ws.send(JSON.stringify({ method: 'LIST_SUBSCRIPTIONS', id: 8 }));
      await until(() => got.some((m) => m.id === 8), 2000);
      expect(got.find((m) => m.id === 8)).toEqual({ result: ['btcusdt@kline_1m'], id: 8 });

      const klines = got.filter((m) => m.e === 'kline');
      const partial = klines.find((m) => (m.k as Msg).x === false)!;
      expect(Object.keys(partial).sort()).toEqual(['E', 'e', 'k', 's']);
      expect(Object.keys(partial.k as Msg).sort()).toEqual(['B', 'L', 'Q', 'T', 'V', 'c', 'f', 'h', 'i', 'l', 'n', 'o', 'q', 's', 't', 'v', 'x'].sort());
      const closed = klines.filter((m) => (m.k as Msg).x === true).map((m) => m.k as Msg);
      expect(closed.map((k) => k.t)).toEqual([start, start + MINUTE, start + 2 * MINUTE]);
      const c0 = candles.find((c) => c.openTime === start)!;
      expect(closed[0]).toMatchObject({ s: 'BTCUSDT', i: '1m', T: start + MINUTE - 1, o: c0.open.toFixed(8), h: c0.high.toFixed(8), l: c0.low.toFixed(8), c: c0.close.toFixed(8), v: c0.volume.toFixed(8) });

      ws.send(JSON.stringify({ method: 'UNSUBSCRIBE', params: ['btcusdt@kline_1m'], id: 9 }));
      await until(() => got.some((m) => m.id === 9), 2000);
      const n = got.length;
      sim.setTime(start + 10 * MINUTE);
      await new Promise((r) => setTimeout(r, 100));
      expect(got.length).toBe(n);
    } finally {
      ws.terminate();
      await sim.stop();
    }
  });

  it('combined streams /stream?streams=… wrap events as {stream, data}; time advances by itself', async () => {
    const start = DAY + 8 * 60 * MINUTE;
    const eth = candles.map((c) => ({ ...c }));
    const sim = new ExchangeSim({
      data: new SimMarketData([
        { symbol: 'BTCUSDT', interval: '1m', candles },
        { symbol: 'ETHUSDT', interval: '1m', candles: eth },
      ]),
      startTime: start,
      speed: 1200, // one simulated minute per 50 ms
    });
    await sim.start();
    const ws = new WebSocket(`${sim.url.replace('http', 'ws')}/stream?streams=btcusdt@kline_1m/ethusdt@kline_1m`);
    try {
      const got = collect(ws);
      await until(() => got.filter((m) => (m.data as Msg | undefined)?.k && ((m.data as Msg).k as Msg).x === true).length >= 6, 5000);
      const streams = new Set(got.map((m) => m.stream));
      expect(streams).toEqual(new Set(['btcusdt@kline_1m', 'ethusdt@kline_1m']));
      const btcClosed = got.filter((m) => m.stream === 'btcusdt@kline_1m' && ((m.data as Msg).k as Msg).x === true).map((m) => ((m.data as Msg).k as Msg).t as number);
      for (let i = 1; i < btcClosed.length; i++) expect(btcClosed[i]! - btcClosed[i - 1]!).toBe(MINUTE);
    } finally {
      ws.terminate();
      await sim.stop();
    }
  });

  it('drops connections on request and rejects unknown paths', async () => {
    const sim = new ExchangeSim({ data: new SimMarketData([{ symbol: 'BTCUSDT', interval: '1m', candles }]), startTime: DAY, speed: 0 });
    await sim.start();
    try {
      const ws = new WebSocket(`${sim.wsUrl}/btcusdt@kline_1m`);
      await new Promise((r) => ws.once('open', r));
      const closed = new Promise<number>((r) => ws.once('close', (code: number) => r(code)));
      expect(sim.dropConnections()).toBe(1);
      expect(await closed).toBe(1006);
      const bad = new WebSocket(`${sim.url.replace('http', 'ws')}/nope`);
      await expect(new Promise((_, rej) => bad.once('error', rej))).rejects.toThrow(/404/);
    } finally {
      await sim.stop();
    }
  });
});

describe('exchange-sim options', () => {
  it('holes are served as missing candles (REST and WebSocket)', async () => {
    const hole = { symbol: 'BTCUSDT', from: DAY + 10 * MINUTE, to: DAY + 14 * MINUTE };
    const sim = new ExchangeSim({ data: new SimMarketData([{ symbol: 'BTCUSDT', interval: '1m', candles }], [hole]), startTime: DAY + 5 * MINUTE, speed: 0 });
    await sim.start();
    const ws = new WebSocket(`${sim.wsUrl}/btcusdt@kline_1m`);
    try {
      const got = collect(ws);
      await new Promise((r) => ws.once('open', r));
      sim.setTime(DAY + 20 * MINUTE);
      await until(() => got.filter((m) => (m.k as Msg | undefined)?.x === true).length >= 10, 2000);
      const wsTimes = got.filter((m) => (m.k as Msg | undefined)?.x === true).map((m) => (((m.k as Msg).t as number) - DAY) / MINUTE);
      expect(wsTimes).toEqual([5, 6, 7, 8, 9, 15, 16, 17, 18, 19]);
      const rest = (await getJson(`${sim.url}/api/v3/klines?symbol=BTCUSDT&interval=1m&startTime=${DAY + 8 * MINUTE}&limit=4`)).body as unknown[][];
      expect(rest.map((r) => ((r[0] as number) - DAY) / MINUTE)).toEqual([8, 9, 15, 16]);
    } finally {
      ws.terminate();
      await sim.stop();
    }
  });

  it('parses CLI fault specs and speeds', async () => {
    const { parseFaultSpec } = await import('../../src/exchange/sim/index.js');
    const { parseSpeed } = await import('../../src/cli/commands/exchange-sim.js');
    expect(parseFaultSpec('--fail-429', '0.25')).toEqual({ rate: 0.25 });
    expect(parseFaultSpec('--fail-429', '@3,7')).toEqual({ nth: [3, 7] });
    expect(parseFaultSpec('--fail-500', '/10:/api/v3/klines,/api/v3/exchangeInfo')).toEqual({ every: 10, paths: ['/api/v3/klines', '/api/v3/exchangeInfo'] });
    expect(() => parseFaultSpec('--fail-418', 'often')).toThrow(/--fail-418/);
    expect(parseSpeed('1m/50ms')).toBe(1200);
    expect(parseSpeed('1s/1ms')).toBe(1000);
    expect(parseSpeed('60')).toBe(60);
    expect(() => parseSpeed('fast')).toThrow(/--speed/);
  });
});
