/**
 * What every command gets: the validated config, a logger on stderr, the --json switch, a lazily
 * opened store, and one error policy (clear message, non-zero exit; with --json an error document).
 */
import type { Command } from 'commander';
import { loadConfig, type AppConfig } from '../config/config.js';
import { AlphaPulseError, isAlphaPulseError } from '../core/errors.js';
import { createLogger, type Logger } from '../core/logger.js';
import { openStore, type Store } from '../store/database.js';

export type GlobalOptions = { db?: string; config?: string; json?: boolean; logLevel?: string };

export type CliEnv = {
  readonly config: Readonly<AppConfig>;
  readonly logger: Logger;
  readonly json: boolean;
  /** True when stderr is a terminal (progress bars go there). */
  readonly interactive: boolean;
  store(): Promise<Store>;
  /** Prints the command's one JSON document (with --json) or its human text. */
  print(doc: unknown, human: () => string): void;
};

/** Runs a command body with the shared environment; sets process.exitCode from its result. */
export async function runCommand(cmd: Command, body: (env: CliEnv) => Promise<number | void>): Promise<void> {
  const g = cmd.optsWithGlobals() as GlobalOptions;
  const json = g.json === true;
  let store: Store | undefined;
  try {
    const config = loadConfig({ db: g.db, configFile: g.config, logLevel: g.logLevel });
    const logger = createLogger(json && g.logLevel === undefined ? 'warn' : config.logLevel);
    const env: CliEnv = {
      config,
      logger,
      json,
      interactive: process.stderr.isTTY === true && !json,
      async store() {
        store ??= await openStore(config.db);
        return store;
      },
      print(doc, human) {
        process.stdout.write(json ? `${JSON.stringify(doc)}\n` : `${human()}\n`);
      },
    };
    const code = await body(env);
    process.exitCode = code ?? 0;
  } catch (e) {
    const err = isAlphaPulseError(e) ? e : new AlphaPulseError('AP_ERR_DB', (e as Error).message ?? String(e), undefined, { cause: e });
    if (json) process.stdout.write(`${JSON.stringify({ error: { code: err.code, message: err.message } })}\n`);
    process.stderr.write(`alphapulse: ${err.message}\n`);
    if (!isAlphaPulseError(e) && process.env.ALPHAPULSE_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    process.exitCode = 1;
  } finally {
    if (store) await store.close();
  }
}

/** Parses an ISO date/time (UTC when no zone is given) or epoch milliseconds; names the flag on error. */
export function parseTime(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d{10,16}$/.test(value)) return Number(value);
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : /[zZ]|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value}Z`;
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `${flag}: "${value}" is not an ISO date/time (e.g. 2025-05-20 or 2025-05-20T12:00:00Z) or epoch ms`);
  return t;
}

export function parseSymbol(flag: string, value: string): string {
  const s = value.trim().toUpperCase();
  if (!/^[A-Z0-9]{2,20}$/.test(s)) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `${flag}: "${value}" is not a symbol like BTCUSDT`);
  return s;
}

export function isoMinute(t: number): string {
  return new Date(t).toISOString().replace(':00.000Z', 'Z');
}
