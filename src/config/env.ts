/** The one place that reads process.env. Everything else receives these values through the config. */
export type EnvSettings = {
  readonly db: string | undefined;
  readonly exchangeUrl: string | undefined;
  readonly exchangeId: string | undefined;
  readonly logLevel: string | undefined;
  readonly configFile: string | undefined;
  readonly apiKey: string | undefined;
  readonly apiSecret: string | undefined;
  readonly ci: boolean;
  readonly pgTestUrl: string | undefined;
  readonly telegramToken: string | undefined;
  readonly apiToken: string | undefined;
};

/** Empty variables count as unset. */
function get(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v === '' ? undefined : v;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): EnvSettings {
  return {
    db: get(env, 'ALPHAPULSE_DB'),
    exchangeUrl: get(env, 'ALPHAPULSE_EXCHANGE_URL'),
    exchangeId: get(env, 'ALPHAPULSE_EXCHANGE'),
    logLevel: get(env, 'ALPHAPULSE_LOG_LEVEL'),
    configFile: get(env, 'ALPHAPULSE_CONFIG'),
    apiKey: get(env, 'ALPHAPULSE_API_KEY'),
    apiSecret: get(env, 'ALPHAPULSE_API_SECRET'),
    ci: env.CI === 'true' || env.CI === '1',
    pgTestUrl: get(env, 'ALPHAPULSE_TEST_PG_URL'),
    telegramToken: get(env, 'ALPHAPULSE_TELEGRAM_TOKEN'),
    apiToken: get(env, 'ALPHAPULSE_API_TOKEN'),
  };
}
