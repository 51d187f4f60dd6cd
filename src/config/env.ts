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
};

export function readEnv(env: NodeJS.ProcessEnv = process.env): EnvSettings {
  return {
    db: env.ALPHAPULSE_DB,
    exchangeUrl: env.ALPHAPULSE_EXCHANGE_URL,
    exchangeId: env.ALPHAPULSE_EXCHANGE,
    logLevel: env.ALPHAPULSE_LOG_LEVEL,
    configFile: env.ALPHAPULSE_CONFIG,
    apiKey: env.ALPHAPULSE_API_KEY,
    apiSecret: env.ALPHAPULSE_API_SECRET,
    ci: env.CI === 'true' || env.CI === '1',
    pgTestUrl: env.ALPHAPULSE_TEST_PG_URL,
  };
}
