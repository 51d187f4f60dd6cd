import { dirname, join, resolve } from 'node:path';
import { homedir } from 'node:os';
import type { Command } from 'commander';
import { buildApp } from '../../api/app.js';
import type { ServiceControls, ServiceStatus as ApiServiceStatus, TriggerableJob } from '../../api/ports.js';
import { readEnv } from '../../config/env.js';
import { AlphaPulseError } from '../../core/errors.js';
import { createExchangeClient } from '../../exchange/client.js';
import { DEFAULT_SCHEDULE, JOB_NAMES } from '../../jobs/schedule.js';
import { parseDbUrl } from '../../store/database.js';
import { LiveEvents } from '../../service/live-events.js';
import { LiveService } from '../../service/live-service.js';
import { Notifier } from '../../service/notifier.js';
import { loadOrCreateToken } from '../../service/token.js';
import { addDashboard } from '../../service/web-routes.js';
import { parseSymbol, runCommand } from '../context.js';

function tokenPath(db: string): string {
  const parsed = parseDbUrl(db);
  return parsed.dialect === 'sqlite' && parsed.file !== ':memory:' ? join(dirname(resolve(parsed.file)), '.alphapulse-token') : join(homedir(), '.alphapulse', 'token');
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('the live service: backfill, live candles → engine → outcomes → learning → jobs, paper trading, REST API and dashboard')
    .option('--symbols <list>', 'comma-separated symbols (default: config symbols)')
    .option('--paper', 'paper trading: every signal is a simulated position with fees and slippage (the default; real orders are not implemented)', true)
    .option('--host <host>', 'API bind address (default 127.0.0.1, config api.host)')
    .option('--port <port>', 'API port (default 8787, config api.port; 0 = any free port)')
    .option('--warmup-days <n>', 'days of candles a fresh engine warms up on before trading', '5')
    .action(async (opts: { symbols?: string; host?: string; port?: string; warmupDays: string }, cmd: Command) => {
      await runCommand(cmd, async (env) => {
        const cfg = env.config;
        const symbols = opts.symbols ? opts.symbols.split(',').map((s) => parseSymbol('--symbols', s)) : [...cfg.symbols];
        const port = opts.port === undefined ? cfg.api.port : Number(opts.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `--port: "${opts.port}" is not a port number`);
        const warmupDays = Number(opts.warmupDays);
        if (!Number.isInteger(warmupDays) || warmupDays < 1 || warmupDays > 60) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `--warmup-days: "${opts.warmupDays}" is not a whole number from 1 to 60`);
        const host = opts.host ?? cfg.api.host;
        const secrets = readEnv();
        const store = await env.store();
        const client = createExchangeClient(cfg, secrets, { logger: env.logger });
        const live = new LiveEvents();
        const notifier = new Notifier(cfg.notifications, secrets.telegramToken, env.logger);
        const { service, checkpoint } = await LiveService.create({
          config: cfg,
          store,
          client,
          logger: env.logger,
          symbols,
          warmupDays,
          onEvents: (events) => {
            live.events(events);
            notifier.handle(events);
          },
          onCandle: (s, c) => live.candle(s, c),
        });
        const tokenFile = tokenPath(cfg.db);
        const { token, created } = secrets.apiToken ? { token: secrets.apiToken, created: false } : loadOrCreateToken(tokenFile);
        const controls: ServiceControls = {
          status(): ApiServiceStatus {
            const s = service.status();
            return {
              streams: s.symbols.map((sym) => ({ symbol: sym, connected: s.stream[sym]!.connected, lastCandleTime: s.stream[sym]!.lastCandle, reconnects: s.stream[sym]!.reconnects })),
              engine: { candlesProcessed: s.engine.candles, openSignals: s.engine.openSignals, openShadows: s.engine.openShadows, weightsVersion: s.engine.version, startedAt: s.startedAt },
              scheduler: { jobs: JOB_NAMES.map((j) => ({ job: j, nextRun: s.scheduler[j] ?? null, schedule: DEFAULT_SCHEDULE[j] })) },
            };
          },
          triggerJob: async (job: TriggerableJob) => {
            const r = await service.triggerJob(job);
            return { job, status: r.status as 'ok' | 'skipped' | 'failed', summary: r.summary, at: r.at };
          },
          rollback: (version, reason) => service.rollback(version, reason),
          subscribe: (listener) => live.subscribe(listener),
        };
        const summary = await service.start(checkpoint !== null);
        let app: Awaited<ReturnType<typeof buildApp>>;
        let dashboard: boolean;
        let address: string;
        try {
          app = await buildApp({ store, controls, token, logger: env.logger, rateLimit: { max: cfg.api.rateLimit, timeWindowMs: 60_000 } });
          ({ dashboard } = await addDashboard(app));
          address = await app.listen({ host, port });
        } catch (e) {
          await service.stop();
          await client.close();
          throw e;
        }
        const url = address.replace('[::1]', 'localhost');
        const doc = { ...summary, api: { url, docs: `${url}/docs`, dashboard: dashboard ? `${url}/` : null, tokenFile: secrets.apiToken ? '(ALPHAPULSE_API_TOKEN)' : tokenFile, paper: true } };
        env.print(doc, () =>
          [
            'AlphaPulse live service',
            `  database      ${summary.database}`,
            `  learned state version ${summary.learned.version} (${summary.learned.mode}${summary.learned.perRegime ? ', per regime' : ''})`,
            `  checkpoint    ${summary.checkpoint.found ? `resumed after ${Object.entries(summary.checkpoint.lastCandle).map(([s, t]) => `${s} ${t}`).join(', ')}` : 'none: a fresh engine warmed up on the backfilled days'}`,
            ...Object.entries(summary.backfill).map(([s, b]) => `  backfill      ${s}: ${b.inserted} candles added, ${b.gapsAfter} gaps left`),
            `  catch-up      ${summary.catchUp.candles} candles through the engine${summary.catchUp.from ? ` (${summary.catchUp.from} .. ${summary.catchUp.to})` : ''}`,
            `  stream        ${summary.stream.url} (${summary.stream.symbols.join(', ')}), closed 1m candles`,
            `  jobs          ${Object.entries(summary.scheduler).map(([j, t]) => `${j} next ${t}`).join('; ')}`,
            `  paper trading on: every signal is a simulated position (fees ${cfg.outcome.takerFee ?? 0.001} per side)`,
            `  API           ${url}  (docs ${url}/docs${dashboard ? `, dashboard ${url}/` : ', dashboard not built: npm run build:web'})`,
            created ? `  API token     ${token}  (printed once; stored in ${tokenFile}, mode 0600)` : `  API token     in ${secrets.apiToken ? 'ALPHAPULSE_API_TOKEN' : tokenFile}`,
          ].join('\n'),
        );
        await new Promise<void>((done) => {
          const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            done();
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
        env.logger.info('stopping: finishing the candle in hand, flushing writes');
        await app.close();
        await service.stop();
        await notifier.idle();
        await client.close();
      });
    });
}
