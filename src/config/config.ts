/**
 * One config schema: defaults in one place (units in comments), unknown keys rejected, validated once
 * at start, then frozen. Sources, later wins: defaults < config file < environment < CLI flags.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { AlphaPulseError } from '../core/errors.js';
import { readEnv, type EnvSettings } from './env.js';

const exchangeSchema = z
  .object({
    /** ccxt exchange id */
    id: z.string().min(1).default('binance'),
    /** Base URL that replaces the exchange's REST and WebSocket hosts (exchange-sim), e.g. http://127.0.0.1:9100 */
    url: z.string().url().optional(),
    /** Give up a request after retrying for this long, ms */
    maxRetryMs: z.number().int().positive().default(120_000),
    /** Klines per REST request */
    pageSize: z.number().int().min(1).max(1000).default(1000),
    /** Stream: reconnect when no message arrived for this long, ms */
    heartbeatMs: z.number().int().positive().default(30_000),
  })
  .strict();

export const configSchema = z
  .object({
    /** sqlite:./file.db | sqlite::memory: | postgres://user@host:port/db */
    db: z.string().min(1).default('sqlite:./alphapulse.db'),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    exchange: exchangeSchema.default(exchangeSchema.parse({})),
    /** Decision engine parameters by section (consensus, filters, risk, limits, regime, timeframes, heads); see docs */
    engine: z.record(z.string(), z.unknown()).default({}),
    /** Learning: rule, per-regime weights, weight-rule and threshold-adaptation parameters */
    learning: z
      .object({
        mode: z.enum(['off', 'seed', 'hedge']).default('seed'),
        perRegime: z.boolean().default(false),
        params: z.record(z.string(), z.number()).default({}),
        thresholds: z.record(z.string(), z.number()).default({}),
      })
      .strict()
      .default({ mode: 'seed', perRegime: false, params: {}, thresholds: {} }),
    /** Outcome resolution: takerFee, slippageBps, tolerance, maxHoldMinutes */
    outcome: z.record(z.string(), z.number()).default({}),
    /** Notifications on signals, outcomes, weight updates and job results (the Telegram bot token only from ALPHAPULSE_TELEGRAM_TOKEN) */
    notifications: z
      .object({
        webhookUrl: z.string().url().optional(),
        telegram: z.object({ chatId: z.string().min(1), apiUrl: z.string().url().default('https://api.telegram.org') }).strict().optional(),
        /** what to send: signals, outcomes, weights, jobs */
        events: z.array(z.enum(['signal', 'outcome', 'weights', 'job'])).default(['signal', 'outcome', 'weights', 'job']),
      })
      .strict()
      .default({ events: ['signal', 'outcome', 'weights', 'job'] }),
    /** The live service's API */
    api: z
      .object({
        /** bind address; 127.0.0.1 keeps it local */
        host: z.string().min(1).default('127.0.0.1'),
        port: z.number().int().min(0).max(65535).default(8787),
        /** requests per minute per client */
        rateLimit: z.number().int().min(1).default(600),
      })
      .strict()
      .default({ host: '127.0.0.1', port: 8787, rateLimit: 600 }),
    /** Symbols watched by stream/run */
    symbols: z.array(z.string().regex(/^[A-Z0-9]{2,20}$/, 'symbols are upper-case like BTCUSDT')).default(['BTCUSDT', 'ETHUSDT']),
  })
  .strict();

export type AppConfig = z.infer<typeof configSchema>;

export type ConfigOverrides = {
  readonly db?: string | undefined;
  readonly configFile?: string | undefined;
  readonly logLevel?: string | undefined;
};

function describeIssues(error: z.ZodError, source: string): string {
  return error.issues
    .map((i) => `${source}: ${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}

/** Loads, merges and validates the configuration; a wrong value fails with a message naming its key. */
export function loadConfig(overrides: ConfigOverrides = {}, env: EnvSettings = readEnv()): Readonly<AppConfig> {
  const file = overrides.configFile ?? env.configFile ?? (existsSync('alphapulse.config.json') ? 'alphapulse.config.json' : undefined);
  let fromFile: Record<string, unknown> = {};
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new AlphaPulseError('AP_ERR_CONFIG', `config file ${file} cannot be read: ${(e as Error).message}`);
    }
    try {
      fromFile = JSON.parse(text) as Record<string, unknown>;
    } catch (e) {
      throw new AlphaPulseError('AP_ERR_CONFIG', `config file ${file} is not valid JSON: ${(e as Error).message}`);
    }
    const fileCheck = configSchema.safeParse(fromFile);
    if (!fileCheck.success) throw new AlphaPulseError('AP_ERR_CONFIG', describeIssues(fileCheck.error, file));
  }
  const merged: Record<string, unknown> = { ...fromFile };
  const exchange = { ...((fromFile.exchange as Record<string, unknown> | undefined) ?? {}) };
  if (env.db !== undefined) merged.db = env.db;
  if (env.logLevel !== undefined) merged.logLevel = env.logLevel;
  if (env.exchangeId !== undefined) exchange.id = env.exchangeId;
  if (env.exchangeUrl !== undefined) exchange.url = env.exchangeUrl;
  if (overrides.db !== undefined) merged.db = overrides.db;
  if (overrides.logLevel !== undefined) merged.logLevel = overrides.logLevel;
  merged.exchange = exchange;
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) throw new AlphaPulseError('AP_ERR_CONFIG', describeIssues(parsed.error, 'configuration (file, ALPHAPULSE_* environment or flags)'));
  return deepFreeze(parsed.data);
}

function deepFreeze<T>(o: T): Readonly<T> {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}
