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
    '2026-11-21T01-00_decisions': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('scan_history')
          .addColumn('symbol', 'text', (c) => c.notNull())
          .addColumn('time', 'bigint', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('category', 'text', (c) => c.notNull())
          .addColumn('direction', 'integer', (c) => c.notNull())
          .addColumn('confidence', 'double precision', (c) => c.notNull())
          .addColumn('confluence', 'double precision', (c) => c.notNull())
          .addColumn('agreeing', 'integer', (c) => c.notNull())
          .addColumn('regime', 'text', (c) => c.notNull())
          .addColumn('timeframe', 'text', (c) => c.notNull())
          .addColumn('weights_version', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('scan_history_pk', ['symbol', 'time'])
          .execute();
        for (const table of ['live_signals', 'signal_history', 'rejected_signals'] as const) {
          let t = db.schema
            .createTable(table)
            .addColumn('id', 'text', (c) => c.primaryKey())
            .addColumn('symbol', 'text', (c) => c.notNull())
            .addColumn('time', 'bigint', (c) => c.notNull())
            .addColumn('direction', 'text', (c) => c.notNull())
            .addColumn('entry', 'double precision', (c) => c.notNull())
            .addColumn('stop', 'double precision', (c) => c.notNull())
            .addColumn('target', 'double precision', (c) => c.notNull())
            .addColumn('reward_risk', 'double precision', (c) => c.notNull())
            .addColumn('confidence', 'double precision', (c) => c.notNull())
            .addColumn('confluence', 'double precision', (c) => c.notNull())
            .addColumn('agreeing', 'integer', (c) => c.notNull())
            .addColumn('regime', 'text', (c) => c.notNull())
            .addColumn('timeframe', 'text', (c) => c.notNull())
            .addColumn('setup_kind', 'integer', (c) => c.notNull())
            .addColumn('weights_version', 'integer', (c) => c.notNull())
            .addColumn('record', 'text', (c) => c.notNull());
          t = table === 'rejected_signals' ? t.addColumn('category', 'text', (c) => c.notNull()) : t.addColumn('expires_at', 'bigint', (c) => c.notNull());
          await t.execute();
          await db.schema.createIndex(`${table}_symbol_time`).on(table).columns(['symbol', 'time']).execute();
        }
      },
      async down(db: Kysely<unknown>) {
        for (const t of ['rejected_signals', 'signal_history', 'live_signals', 'scan_history']) await db.schema.dropTable(t).execute();
      },
    },
    '2026-11-21T02-00_outcomes_learning': {
      async up(db: Kysely<unknown>) {
        const outcomeColumns = [
          ['result', 'text'],
          ['exit_time', 'bigint'],
          ['exit_price', 'double precision'],
          ['gross_pct', 'double precision'],
          ['net_pct', 'double precision'],
          ['holding_ms', 'bigint'],
          ['mae_pct', 'double precision'],
          ['mfe_pct', 'double precision'],
          ['won', 'integer'],
        ] as const;
        for (const table of ['signal_history', 'rejected_signals'] as const) {
          for (const [name, type] of outcomeColumns) await db.schema.alterTable(table).addColumn(name, type).execute();
        }
        await db.schema.alterTable('rejected_signals').addColumn('classification', 'text').execute();
        await db.schema.createIndex('rejected_signals_open').on('rejected_signals').columns(['symbol', 'result']).execute();
        await db.schema
          .createTable('rejection_learning_metrics')
          .addColumn('day', 'bigint', (c) => c.notNull())
          .addColumn('category', 'text', (c) => c.notNull())
          .addColumn('regime', 'text', (c) => c.notNull())
          .addColumn('resolved', 'integer', (c) => c.notNull())
          .addColumn('good_rejections', 'integer', (c) => c.notNull())
          .addColumn('missed_opportunities', 'integer', (c) => c.notNull())
          .addColumn('rejection_accuracy', 'double precision', (c) => c.notNull())
          .addColumn('missed_rate', 'double precision', (c) => c.notNull())
          .addPrimaryKeyConstraint('rejection_learning_metrics_pk', ['day', 'category', 'regime'])
          .execute();
        await db.schema
          .createTable('learning_state')
          .addColumn('version', 'integer', (c) => c.primaryKey())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('reason', 'text', (c) => c.notNull())
          .addColumn('mode', 'text', (c) => c.notNull())
          .addColumn('parent_version', 'integer')
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('metrics', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('active_learning_state')
          .addColumn('id', 'integer', (c) => c.primaryKey())
          .addColumn('version', 'integer', (c) => c.notNull().references('learning_state.version'))
          .addColumn('activated_at', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('learning_events')
          .addColumn('id', dialect === 'sqlite' ? 'integer' : 'serial', (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
          .addColumn('key', 'text', (c) => c.notNull().unique())
          .addColumn('time', 'bigint', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('signal_id', 'text')
          .addColumn('version_before', 'integer')
          .addColumn('version_after', 'integer')
          .addColumn('detail', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('learning_events_time').on('learning_events').columns(['time']).execute();
        await db.schema
          .createTable('engine_checkpoints')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('time', 'bigint', (c) => c.notNull())
          .addColumn('state', 'text', (c) => c.notNull())
          .execute();
      },
      async down(db: Kysely<unknown>) {
        for (const t of ['engine_checkpoints', 'learning_events', 'active_learning_state', 'learning_state', 'rejection_learning_metrics']) await db.schema.dropTable(t).execute();
      },
    },
    '2026-11-21T03-00_job_runs': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('job_runs')
          .addColumn('job', 'text', (c) => c.notNull())
          .addColumn('scheduled_for', 'bigint', (c) => c.notNull())
          .addColumn('started_at', 'bigint', (c) => c.notNull())
          .addColumn('finished_at', 'bigint', (c) => c.notNull())
          .addColumn('duration_ms', 'double precision', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('summary', 'text', (c) => c.notNull())
          .addColumn('result', 'text', (c) => c.notNull())
          .addColumn('error', 'text')
          .addPrimaryKeyConstraint('job_runs_pk', ['job', 'scheduled_for'])
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable('job_runs').execute();
      },
    },
    '2026-11-21T04-00_backtests': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('backtest_runs')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('symbols', 'text', (c) => c.notNull())
          .addColumn('from_time', 'bigint', (c) => c.notNull())
          .addColumn('to_time', 'bigint', (c) => c.notNull())
          .addColumn('modes', 'text', (c) => c.notNull())
          .addColumn('report', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('backtest_trades')
          .addColumn('run_id', 'text', (c) => c.notNull())
          .addColumn('mode', 'text', (c) => c.notNull())
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('symbol', 'text', (c) => c.notNull())
          .addColumn('direction', 'text', (c) => c.notNull())
          .addColumn('time', 'bigint', (c) => c.notNull())
          .addColumn('exit_time', 'bigint', (c) => c.notNull())
          .addColumn('result', 'text', (c) => c.notNull())
          .addColumn('gross_pct', 'double precision', (c) => c.notNull())
          .addColumn('net_pct', 'double precision', (c) => c.notNull())
          .addColumn('holding_ms', 'bigint', (c) => c.notNull())
          .addColumn('regime', 'text', (c) => c.notNull())
          .addColumn('won', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('backtest_trades_pk', ['run_id', 'mode', 'id'])
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable('backtest_trades').execute();
        await db.schema.dropTable('backtest_runs').execute();
      },
    },
    '2026-11-21T05-00_paper_positions': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('paper_positions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('symbol', 'text', (c) => c.notNull())
          .addColumn('direction', 'text', (c) => c.notNull())
          .addColumn('opened_at', 'bigint', (c) => c.notNull())
          .addColumn('entry', 'double precision', (c) => c.notNull())
          .addColumn('stop', 'double precision', (c) => c.notNull())
          .addColumn('target', 'double precision', (c) => c.notNull())
          .addColumn('notional', 'double precision', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('closed_at', 'bigint')
          .addColumn('exit_price', 'double precision')
          .addColumn('result', 'text')
          .addColumn('net_pct', 'double precision')
          .addColumn('pnl', 'double precision')
          .addColumn('equity_after', 'double precision')
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable('paper_positions').execute();
      },
    },
    '2026-11-21T06-00_rejected_exit_time_index': {
      async up(db: Kysely<unknown>) {
        // the daily rejection metrics are recomputed per resolution day
        await db.schema.createIndex('rejected_signals_exit_time').on('rejected_signals').columns(['exit_time']).execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropIndex('rejected_signals_exit_time').execute();
      },
    },
  };
}

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: async () => migrations(dialect) };
}
