/**
 * Backfill from exchange-sim into SQLite and PostgreSQL: the two real outage gaps of April 2021 are
 * filled from a sim serving a complete series (synthetic candles in the gaps, expected back as the
 * exact source text), an interrupted run resumes without gap or duplicate, reruns are no-ops.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeClient } from '../../src/exchange/client.js';
import { backfill } from '../../src/exchange/backfill.js';
import { ExchangeSim, SimMarketData } from '../../src/exchange/sim/index.js';
import { countCandles, findGaps, readCandles, writeCandles } from '../../src/store/candles.js';
import type { Store } from '../../src/store/database.js';
import { candleFields, completeSeries, gapSource, MINUTE, storeTargets, tempDir, writeFile } from './helpers.js';

const source = gapSource();
const series = completeSeries(source.text);
const first = series.withGaps[0]!.openTime;
const last = series.withGaps[series.withGaps.length - 1]!.openTime;
const total = (last - first) / MINUTE + 1;
const targets = await storeTargets();

let sim: ExchangeSim;
let tmp: { dir: string; remove: () => void };

beforeAll(async () => {
  tmp = tempDir('ap-backfill-');
  writeFile(tmp.dir, 'BTCUSDT-1m-2021-04.csv', series.csv);
  // the sim reads the complete series from an archive folder, as `alphapulse exchange-sim --data` does
  sim = new ExchangeSim({ data: SimMarketData.fromArchives([tmp.dir]), startTime: last + MINUTE, speed: 0 });
  await sim.start();
});

afterAll(async () => {
  await sim?.stop();
  tmp?.remove();
});

describe.each(targets.map((t) => [t.name, t] as const))('backfill on %s', (_name, target) => {
  let store: Store;
  let n = 0;
  const client = () => new ExchangeClient({ url: sim.url, name: `sim${++n}` });
  beforeAll(async () => {
    store = await target.open();
  });
  afterAll(async () => {
    if (store) await target.dispose(store);
  });

  it(`fills the outage gaps of ${source.path.split('/').pop()} with the exchange's candles, text-exact`, async () => {
    expect(series.gaps.map((g) => g.missing)).toEqual(series.gaps.length === 2 ? [150, 284] : [150]);
    const c = client();
    const key = { exchange: c.name, symbol: 'BTCUSDT', interval: '1m' };
    const t0 = performance.now();
    await writeCandles(store, key, series.withGaps);
    const t1 = performance.now();
    const r = await backfill(store, c, { symbol: 'BTCUSDT', from: first, to: last });
    expect(r).toMatchObject({
      gapsBefore: series.gaps.length,
      missingBefore: series.synthetic.length,
      fetched: series.synthetic.length,
      inserted: series.synthetic.length,
      updated: 0,
      duplicates: 0,
      gapsAfter: 0,
      missingAfter: 0,
      aborted: false,
    });
    const t2 = performance.now();
    const stored = await readCandles(store, key);
    expect(stored).toHaveLength(total);
    console.info(`[backfill ${target.name}] seeded ${series.withGaps.length} candles in ${((t1 - t0) / 1000).toFixed(2)} s; filled ${r.fetched} gap candles in ${((t2 - t1) / 1000).toFixed(2)} s`);
    const mismatches: string[] = [];
    for (const c of stored) {
      const got = candleFields(c).join(',');
      const want = series.rows.get(c.openTime)?.slice(0, 11).join(',');
      if (got !== want) mismatches.push(`stored ${got} != source ${want}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    // the synthetic gap candles came back exactly as written
    const storedTimes = new Set(stored.map((c) => c.openTime));
    expect(series.synthetic.filter((t) => !storedTimes.has(t))).toEqual([]);
    // rerun: nothing missing, nothing fetched
    const again = await backfill(store, c, { symbol: 'BTCUSDT', from: first, to: last });
    expect(again).toMatchObject({ gapsBefore: 0, fetched: 0, inserted: 0, gapsAfter: 0 });
    await c.close();
  });

  it('an interrupted backfill resumes where it stopped: no gap, no duplicate; default range runs to the exchange clock', async () => {
    const c = client();
    const key = { exchange: c.name, symbol: 'BTCUSDT', interval: '1m' };
    const abort = new AbortController();
    const stopAfter = Math.max(1, Math.floor(total / 1000 / 2));
    const r1 = await backfill(store, c, {
      symbol: 'BTCUSDT',
      from: first,
      signal: abort.signal,
      onPage: (p) => {
        if (p.pages === stopAfter) abort.abort();
      },
    });
    expect(r1.aborted).toBe(true);
    expect(r1.pages).toBe(stopAfter);
    const part = await countCandles(store, key);
    expect(part).toBe(r1.inserted);
    expect(part).toBeLessThan(total);
    expect((await findGaps(store, key)).totalMissing).toBe(0);

    const t0 = performance.now();
    const r2 = await backfill(store, c, { symbol: 'BTCUSDT', from: first });
    const seconds = (performance.now() - t0) / 1000;
    expect(r2).toMatchObject({ aborted: false, gapsAfter: 0, duplicates: 0, updated: 0 });
    expect(r2.fetched).toBe(total - part);
    expect(r2.inserted).toBe(total - part);
    expect(r2.to).toBe(last); // the newest closed candle by the sim's clock
    expect(await countCandles(store, key)).toBe(total);
    expect((await findGaps(store, key, { from: first, to: last })).totalMissing).toBe(0);
    console.info(`[backfill ${target.name}] ${r2.fetched} candles in ${seconds.toFixed(2)} s = ${Math.round(r2.fetched / seconds)} candles/s (${r2.pages} requests)`);

    // from the newest stored candle (no --from): nothing to do, nothing fetched
    const r3 = await backfill(store, c, { symbol: 'BTCUSDT' });
    expect(r3).toMatchObject({ fetched: 0, gapsBefore: 0, from: last, to: last });
    await c.close();
  });

  it('without stored candles and without --from it says what to do', async () => {
    const c = client();
    await expect(backfill(store, c, { symbol: 'BTCUSDT' })).rejects.toMatchObject({ code: 'AP_ERR_BAD_INPUT', message: expect.stringMatching(/--from/) });
    await c.close();
  });
});
