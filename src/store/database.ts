/**
 * The dialect is chosen in this one factory: SQLite (better-sqlite3, WAL) is the embedded default,
 * PostgreSQL (pg) the server option. Both go through Kysely with one schema; migrations run at open.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { AlphaPulseError } from '../core/errors.js';
import { migrationProvider } from './migrations.js';
import type { Database } from './schema.js';

export type StoreDialect = 'sqlite' | 'postgres';

export type Store = {
  readonly db: Kysely<Database>;
  readonly dialect: StoreDialect;
  /** The URL with any password removed, for messages. */
  readonly url: string;
  /** The better-sqlite3 handle, used only for SQLite bulk writes run on Kysely's connection. */
  readonly sqlite: BetterSqlite3.Database | undefined;
  close(): Promise<void>;
};

export type OpenStoreOptions = {
  /** PostgreSQL schema to use (created if missing); tests use one per file for isolation. */
  readonly schema?: string;
};

export type ParsedDbUrl = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; connectionString: string };

export function parseDbUrl(url: string): ParsedDbUrl {
  if (/^postgres(ql)?:\/\//i.test(url)) return { dialect: 'postgres', connectionString: url };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (file.length === 0) throw new AlphaPulseError('AP_ERR_CONFIG', `db: "${url}" names no SQLite file (e.g. sqlite:./alphapulse.db)`);
    return { dialect: 'sqlite', file };
  }
  if (/\.(db|sqlite3?)$/i.test(url)) return { dialect: 'sqlite', file: url };
  throw new AlphaPulseError('AP_ERR_CONFIG', `db: "${redactUrl(url)}" is not a database URL (use sqlite:./file.db or postgres://user@host:5432/db)`);
}

export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

/** Opens the database named by `url`, runs pending migrations and returns the store. */
export async function openStore(url: string, opts: OpenStoreOptions = {}): Promise<Store> {
  const parsed = parseDbUrl(url);
  const safeUrl = redactUrl(url);
  let db: Kysely<Database>;
  let sqlite: BetterSqlite3.Database | undefined;
  if (parsed.dialect === 'sqlite') {
    try {
      if (parsed.file !== ':memory:') mkdirSync(dirname(parsed.file), { recursive: true });
      sqlite = new BetterSqlite3(parsed.file);
      if (parsed.file !== ':memory:') sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = NORMAL');
      sqlite.pragma('busy_timeout = 10000');
      sqlite.pragma('foreign_keys = ON');
    } catch (e) {
      throw new AlphaPulseError('AP_ERR_DB', `cannot open SQLite database ${parsed.file}: ${(e as Error).message}`, undefined, { cause: e });
    }
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  } else {
    const schema = opts.schema;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new AlphaPulseError('AP_ERR_CONFIG', `invalid PostgreSQL schema name "${schema}"`);
    const pool = new pg.Pool({
      connectionString: parsed.connectionString,
      max: 10,
      connectionTimeoutMillis: 5000,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
      types: {
        getTypeParser: ((oid: number, format?: string) => {
          if (oid === 20 || oid === 1700) return (v: string) => Number(v); // int8 and numeric as numbers (epoch ms fit exactly)
          return pg.types.getTypeParser(oid, format as 'text');
        }) as typeof pg.types.getTypeParser,
      },
    });
    pool.on('error', () => {
      // An idle client lost its connection; the next query reconnects or fails with a clear error.
    });
    try {
      const client = await pool.connect();
      try {
        if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      } finally {
        client.release();
      }
    } catch (e) {
      await pool.end().catch(() => undefined);
      throw new AlphaPulseError('AP_ERR_DB_UNREACHABLE', `PostgreSQL at ${safeUrl} does not answer: ${(e as Error).message}`, undefined, { cause: e });
    }
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const migrator = new Migrator({
    db,
    provider: migrationProvider(parsed.dialect),
    ...(parsed.dialect === 'postgres' && opts.schema ? { migrationTableSchema: opts.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy().catch(() => undefined);
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new AlphaPulseError('AP_ERR_DB', `migration ${failed} failed on ${safeUrl}: ${(error as Error).message ?? String(error)}`, undefined, { cause: error });
  }
  let closed = false;
  return {
    db,
    dialect: parsed.dialect,
    url: safeUrl,
    sqlite,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

/** True when the database answers a trivial query. */
export async function pingStore(store: Store): Promise<boolean> {
  try {
    await sql`select 1`.execute(store.db);
    return true;
  } catch {
    return false;
  }
}
