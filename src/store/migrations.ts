/**
 * Versioned migrations, named by time, run by Kysely's Migrator at every start. One schema for SQLite
 * and PostgreSQL: types are chosen so both read them the same way (bigint -> INTEGER affinity on SQLite,
 * double precision -> REAL), numbers round-trip exactly as float64.
 */
import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '2026-11-21T00-00_candles': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('series')
          .addColumn('id', dialect === 'sqlite' ? 'integer' : 'serial', (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
          .addColumn('exchange', 'text', (c) => c.notNull())
          .addColumn('symbol', 'text', (c) => c.notNull())
          .addColumn('interval', 'text', (c) => c.notNull())
          .addUniqueConstraint('series_key', ['exchange', 'symbol', 'interval'])
          .execute();
        let t = db.schema
          .createTable('candles')
          .addColumn('series_id', 'integer', (c) => c.notNull().references('series.id'))
          .addColumn('open_time', 'bigint', (c) => c.notNull())
          .addColumn('open', 'double precision', (c) => c.notNull())
          .addColumn('high', 'double precision', (c) => c.notNull())
          .addColumn('low', 'double precision', (c) => c.notNull())
          .addColumn('close', 'double precision', (c) => c.notNull())
          .addColumn('volume', 'double precision', (c) => c.notNull())
          .addColumn('close_time', 'bigint', (c) => c.notNull())
          .addColumn('quote_volume', 'double precision', (c) => c.notNull().defaultTo(0))
          .addColumn('trades', 'bigint', (c) => c.notNull().defaultTo(0))
          .addColumn('taker_buy_base_volume', 'double precision', (c) => c.notNull().defaultTo(0))
          .addColumn('taker_buy_quote_volume', 'double precision', (c) => c.notNull().defaultTo(0))
          .addPrimaryKeyConstraint('candles_pk', ['series_id', 'open_time']);
        if (dialect === 'sqlite') t = t.modifyEnd(sql`without rowid`);
        await t.execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable('candles').execute();
        await db.schema.dropTable('series').execute();
      },
    },
    '2026-11-21T00-01_import_runs': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('import_runs')
          .addColumn('id', dialect === 'sqlite' ? 'integer' : 'serial', (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
          .addColumn('started_at', 'bigint', (c) => c.notNull())
          .addColumn('finished_at', 'bigint', (c) => c.notNull())
          .addColumn('files', 'integer', (c) => c.notNull())
          .addColumn('rows', 'bigint', (c) => c.notNull())
          .addColumn('inserted', 'bigint', (c) => c.notNull())
          .addColumn('updated', 'bigint', (c) => c.notNull())
          .addColumn('duplicates', 'bigint', (c) => c.notNull())
          .addColumn('failed', 'integer', (c) => c.notNull())
          .addColumn('failures', 'text', (c) => c.notNull())
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable('import_runs').execute();
      },
    },
  };
}

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: async () => migrations(dialect) };
}
