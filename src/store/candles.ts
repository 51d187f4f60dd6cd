/**
 * Candle repository: idempotent bulk writes (identical = duplicate, different values = counted update),
 * range reads, and gap detection. Functions take the store first (the Kysely way). A series
 * (exchange, symbol, interval) is stored once in `series`; candles refer to it by id.
 */
import { sql } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { Candle, SeriesKey } from '../core/candle.js';
import { intervalMs } from '../core/intervals.js';
import type { Store } from './database.js';

export type CandleWriteResult = { inserted: number; updated: number; duplicates: number };
export type Gap = { from: number; to: number; missing: number };
export type GapReport = { gaps: Gap[]; totalMissing: number };

const CHUNK = 5000;
/** Rows per multi-row INSERT on SQLite (12 parameters each, under SQLite's 32766 limit). */
const SQLITE_ROWS_PER_INSERT = 200;
const VALUE_COLUMNS =
  'open, high, low, close, volume, close_time, quote_volume, trades, taker_buy_base_volume, taker_buy_quote_volume';
const ROW_COLUMNS = ['open_time', 'open', 'high', 'low', 'close', 'volume', 'close_time', 'quote_volume', 'trades', 'taker_buy_base_volume', 'taker_buy_quote_volume'] as const;

type StoredRow = {
  open_time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  close_time: number;
  quote_volume: number;
  trades: number;
  taker_buy_base_volume: number;
  taker_buy_quote_volume: number;
};

function sameValues(c: Candle, r: StoredRow): boolean {
  return (
    c.open === r.open &&
    c.high === r.high &&
    c.low === r.low &&
    c.close === r.close &&
    c.volume === r.volume &&
    c.closeTime === r.close_time &&
    c.quoteVolume === r.quote_volume &&
    c.trades === r.trades &&
    c.takerBuyBaseVolume === r.taker_buy_base_volume &&
    c.takerBuyQuoteVolume === r.taker_buy_quote_volume
  );
}

function toCandle(r: StoredRow): Candle {
  return {
    openTime: r.open_time,
    open: r.open,
    high: r.high,
    low: r.low,
    close: r.close,
    volume: r.volume,
    closeTime: r.close_time,
    quoteVolume: r.quote_volume,
    trades: r.trades,
    takerBuyBaseVolume: r.taker_buy_base_volume,
    takerBuyQuoteVolume: r.taker_buy_quote_volume,
  };
}

const seriesIds = new WeakMap<Store, Map<string, number>>();

/** The id of a series; with `create`, registers it when new. Null when it does not exist. */
export async function seriesId(store: Store, key: SeriesKey, create: boolean): Promise<number | null> {
  let cache = seriesIds.get(store);
  if (!cache) seriesIds.set(store, (cache = new Map()));
  const k = `${key.exchange}\u0000${key.symbol}\u0000${key.interval}`;
  const known = cache.get(k);
  if (known !== undefined) return known;
  const find = () =>
    store.db.selectFrom('series').select('id').where('exchange', '=', key.exchange).where('symbol', '=', key.symbol).where('interval', '=', key.interval).executeTakeFirst();
  let row = await find();
  if (!row && create) {
    await store.db.insertInto('series').values({ exchange: key.exchange, symbol: key.symbol, interval: key.interval }).onConflict((oc) => oc.doNothing()).execute();
    row = await find();
  }
  if (!row) return null;
  cache.set(k, row.id);
  return row.id;
}

/** Every stored series. */
export async function listSeries(store: Store): Promise<(SeriesKey & { id: number })[]> {
  return store.db.selectFrom('series').select(['id', 'exchange', 'symbol', 'interval']).orderBy('id').execute();
}

/** Ascending by open time, one candle per open time (the last given wins); returns how many were dropped. */
function normalise(candles: readonly Candle[]): { list: readonly Candle[]; dropped: number } {
  let sorted = true;
  for (let i = 1; i < candles.length; i++) {
    if (candles[i]!.openTime <= candles[i - 1]!.openTime) {
      sorted = false;
      break;
    }
  }
  if (sorted) return { list: candles, dropped: 0 };
  const byTime = new Map<number, Candle>();
  for (const c of candles) byTime.set(c.openTime, c);
  const list = [...byTime.values()].sort((a, b) => a.openTime - b.openTime);
  return { list, dropped: candles.length - list.length };
}

type SqliteStatements = {
  select: BetterSqlite3.Statement;
  insertOne: BetterSqlite3.Statement;
  insertMany: BetterSqlite3.Statement;
  update: BetterSqlite3.Statement;
  params: unknown[];
};
const sqliteStatements = new WeakMap<BetterSqlite3.Database, SqliteStatements>();

function statementsFor(db: BetterSqlite3.Database): SqliteStatements {
  let s = sqliteStatements.get(db);
  if (!s) {
    const one = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
    const insert = `INSERT INTO candles (series_id, open_time, ${VALUE_COLUMNS}) VALUES `;
    s = {
      select: db.prepare(`SELECT open_time, ${VALUE_COLUMNS} FROM candles WHERE series_id = ? AND open_time BETWEEN ? AND ?`),
      insertOne: db.prepare(`${insert}${one} ON CONFLICT DO NOTHING`),
      insertMany: db.prepare(`${insert}${Array.from({ length: SQLITE_ROWS_PER_INSERT }, () => one).join(', ')} ON CONFLICT DO NOTHING`),
      update: db.prepare(
        `UPDATE candles SET open = ?, high = ?, low = ?, close = ?, volume = ?, close_time = ?, quote_volume = ?, trades = ?, taker_buy_base_volume = ?, taker_buy_quote_volume = ? WHERE series_id = ? AND open_time = ?`,
      ),
      params: new Array(SQLITE_ROWS_PER_INSERT * 12),
    };
    sqliteStatements.set(db, s);
  }
  return s;
}

function putRow(p: unknown[], at: number, id: number, c: Candle): void {
  p[at] = id;
  p[at + 1] = c.openTime;
  p[at + 2] = c.open;
  p[at + 3] = c.high;
  p[at + 4] = c.low;
  p[at + 5] = c.close;
  p[at + 6] = c.volume;
  p[at + 7] = c.closeTime;
  p[at + 8] = c.quoteVolume;
  p[at + 9] = c.trades;
  p[at + 10] = c.takerBuyBaseVolume;
  p[at + 11] = c.takerBuyQuoteVolume;
}

function sqliteInsert(st: SqliteStatements, id: number, fresh: readonly Candle[]): number {
  let inserted = 0;
  let i = 0;
  for (; i + SQLITE_ROWS_PER_INSERT <= fresh.length; i += SQLITE_ROWS_PER_INSERT) {
    for (let j = 0; j < SQLITE_ROWS_PER_INSERT; j++) putRow(st.params, j * 12, id, fresh[i + j]!);
    inserted += st.insertMany.run(st.params).changes;
  }
  const one = new Array<unknown>(12);
  for (; i < fresh.length; i++) {
    putRow(one, 0, id, fresh[i]!);
    inserted += st.insertOne.run(one).changes;
  }
  return inserted;
}

/**
 * Writes candles of one series in one transaction. A candle already stored with the same values is a
 * duplicate (no write); one stored with different values (e.g. corrected by the exchange) is updated
 * and counted. Safe to repeat.
 */
export async function writeCandles(store: Store, key: SeriesKey, candles: readonly Candle[]): Promise<CandleWriteResult> {
  const { list, dropped } = normalise(candles);
  const result: CandleWriteResult = { inserted: 0, updated: 0, duplicates: dropped };
  if (list.length === 0) return result;
  const id = (await seriesId(store, key, true))!;
  if (store.dialect === 'sqlite') {
    const raw = store.sqlite!;
    // Kysely's connection() holds its single SQLite connection, so no Kysely transaction interleaves.
    await store.db.connection().execute(async () => {
      const st = statementsFor(raw);
      raw.transaction(() => {
        for (let start = 0; start < list.length; start += CHUNK) {
          const chunk = list.slice(start, start + CHUNK);
          const existing = new Map<number, StoredRow>();
          for (const r of st.select.iterate(id, chunk[0]!.openTime, chunk[chunk.length - 1]!.openTime) as Iterable<StoredRow>) existing.set(r.open_time, r);
          const fresh = existing.size === 0 ? chunk : [];
          if (existing.size > 0) {
            for (const c of chunk) {
              const old = existing.get(c.openTime);
              if (old === undefined) fresh.push(c);
              else if (sameValues(c, old)) result.duplicates++;
              else {
                st.update.run(c.open, c.high, c.low, c.close, c.volume, c.closeTime, c.quoteVolume, c.trades, c.takerBuyBaseVolume, c.takerBuyQuoteVolume, id, c.openTime);
                result.updated++;
              }
            }
          }
          const n = sqliteInsert(st, id, fresh);
          result.inserted += n;
          result.duplicates += fresh.length - n;
        }
      })();
    });
    return result;
  }
  await store.db.transaction().execute(async (trx) => {
    for (let start = 0; start < list.length; start += CHUNK) {
      const chunk = list.slice(start, start + CHUNK);
      const rows = await trx
        .selectFrom('candles')
        .select(ROW_COLUMNS)
        .where('series_id', '=', id)
        .where('open_time', '>=', chunk[0]!.openTime)
        .where('open_time', '<=', chunk[chunk.length - 1]!.openTime)
        .execute();
      const existing = new Map<number, StoredRow>();
      for (const r of rows) existing.set(r.open_time, r);
      const fresh: Candle[] = [];
      const changed: Candle[] = [];
      for (const c of chunk) {
        const old = existing.get(c.openTime);
        if (old === undefined) fresh.push(c);
        else if (sameValues(c, old)) result.duplicates++;
        else changed.push(c);
      }
      if (fresh.length > 0) {
        const a = columnArrays(fresh);
        const r = await sql`
          INSERT INTO candles (series_id, open_time, open, high, low, close, volume, close_time, quote_volume, trades, taker_buy_base_volume, taker_buy_quote_volume)
          SELECT ${id}::int, * FROM unnest(
            ${a.openTime}::bigint[], ${a.open}::float8[], ${a.high}::float8[], ${a.low}::float8[], ${a.close}::float8[], ${a.volume}::float8[],
            ${a.closeTime}::bigint[], ${a.quoteVolume}::float8[], ${a.trades}::bigint[], ${a.takerBase}::float8[], ${a.takerQuote}::float8[])
          ON CONFLICT DO NOTHING`.execute(trx);
        const n = Number(r.numAffectedRows ?? 0);
        result.inserted += n;
        result.duplicates += fresh.length - n;
      }
      if (changed.length > 0) {
        const a = columnArrays(changed);
        await sql`
          UPDATE candles AS c SET open = u.open, high = u.high, low = u.low, close = u.close, volume = u.volume, close_time = u.close_time,
            quote_volume = u.quote_volume, trades = u.trades, taker_buy_base_volume = u.tb, taker_buy_quote_volume = u.tq
          FROM unnest(${a.openTime}::bigint[], ${a.open}::float8[], ${a.high}::float8[], ${a.low}::float8[], ${a.close}::float8[], ${a.volume}::float8[],
            ${a.closeTime}::bigint[], ${a.quoteVolume}::float8[], ${a.trades}::bigint[], ${a.takerBase}::float8[], ${a.takerQuote}::float8[])
            AS u(open_time, open, high, low, close, volume, close_time, quote_volume, trades, tb, tq)
          WHERE c.series_id = ${id} AND c.open_time = u.open_time`.execute(trx);
        result.updated += changed.length;
      }
    }
  });
  return result;
}

function columnArrays(list: readonly Candle[]) {
  return {
    openTime: list.map((c) => c.openTime),
    open: list.map((c) => c.open),
    high: list.map((c) => c.high),
    low: list.map((c) => c.low),
    close: list.map((c) => c.close),
    volume: list.map((c) => c.volume),
    closeTime: list.map((c) => c.closeTime),
    quoteVolume: list.map((c) => c.quoteVolume),
    trades: list.map((c) => c.trades),
    takerBase: list.map((c) => c.takerBuyBaseVolume),
    takerQuote: list.map((c) => c.takerBuyQuoteVolume),
  };
}

/** Candles of a series with from <= openTime <= to, ascending. */
export async function readCandles(store: Store, key: SeriesKey, from = 0, to = Number.MAX_SAFE_INTEGER): Promise<Candle[]> {
  const id = await seriesId(store, key, false);
  if (id === null) return [];
  const rows = await store.db
    .selectFrom('candles')
    .select(ROW_COLUMNS)
    .where('series_id', '=', id)
    .where('open_time', '>=', from)
    .where('open_time', '<=', to)
    .orderBy('open_time')
    .execute();
  return rows.map(toCandle);
}

export async function countCandles(store: Store, key: SeriesKey, from = 0, to = Number.MAX_SAFE_INTEGER): Promise<number> {
  const id = await seriesId(store, key, false);
  if (id === null) return 0;
  const r = await store.db
    .selectFrom('candles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('series_id', '=', id)
    .where('open_time', '>=', from)
    .where('open_time', '<=', to)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function boundary(store: Store, id: number, which: 'min' | 'max', from: number, to: number): Promise<number | null> {
  const r = await store.db
    .selectFrom('candles')
    .select((eb) => (which === 'min' ? eb.fn.min<number>('open_time') : eb.fn.max<number>('open_time')).as('t'))
    .where('series_id', '=', id)
    .where('open_time', '>=', from)
    .where('open_time', '<=', to)
    .executeTakeFirst();
  return r?.t === null || r?.t === undefined ? null : Number(r.t);
}

/** Open time of the newest stored candle of the series, or null when none is stored. */
export async function lastOpenTime(store: Store, key: SeriesKey): Promise<number | null> {
  const id = await seriesId(store, key, false);
  return id === null ? null : boundary(store, id, 'max', 0, Number.MAX_SAFE_INTEGER);
}

export async function firstOpenTime(store: Store, key: SeriesKey): Promise<number | null> {
  const id = await seriesId(store, key, false);
  return id === null ? null : boundary(store, id, 'min', 0, Number.MAX_SAFE_INTEGER);
}

/**
 * Missing candles of a series. Without bounds: holes between the first and the last stored candle.
 * With `from`/`to` (epoch ms, rounded inward to the interval): also the missing stretches at either end.
 * Each gap names its first and last missing open time.
 */
export async function findGaps(store: Store, key: SeriesKey, range: { from?: number; to?: number } = {}): Promise<GapReport> {
  const step = intervalMs(key.interval);
  const from = range.from === undefined ? 0 : Math.ceil(range.from / step) * step;
  const to = range.to === undefined ? Number.MAX_SAFE_INTEGER : Math.floor(range.to / step) * step;
  const gaps: Gap[] = [];
  if (from > to) return { gaps, totalMissing: 0 };
  const id = await seriesId(store, key, false);
  const first = id === null ? null : await boundary(store, id, 'min', from, to);
  if (id === null || first === null) {
    if (range.from !== undefined && range.to !== undefined) gaps.push({ from, to, missing: (to - from) / step + 1 });
    return { gaps, totalMissing: gaps.reduce((s, g) => s + g.missing, 0) };
  }
  if (range.from !== undefined && first > from) gaps.push({ from, to: first - step, missing: (first - from) / step });
  const inner = await sql<{ prev: number; open_time: number }>`
    SELECT prev, open_time FROM (
      SELECT open_time, LAG(open_time) OVER (ORDER BY open_time) AS prev
      FROM candles
      WHERE series_id = ${id} AND open_time >= ${from} AND open_time <= ${to}
    ) t
    WHERE open_time - prev > ${step}
    ORDER BY open_time`.execute(store.db);
  for (const r of inner.rows) {
    const prev = Number(r.prev);
    const next = Number(r.open_time);
    gaps.push({ from: prev + step, to: next - step, missing: (next - prev) / step - 1 });
  }
  if (range.to !== undefined) {
    const last = (await boundary(store, id, 'max', from, to))!;
    if (last < to) gaps.push({ from: last + step, to, missing: (to - last) / step });
  }
  return { gaps, totalMissing: gaps.reduce((s, g) => s + g.missing, 0) };
}
