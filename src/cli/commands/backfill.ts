import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { readEnv } from '../../config/env.js';
import { intervalMs } from '../../core/intervals.js';
import { backfill } from '../../exchange/backfill.js';
import { createExchangeClient } from '../../exchange/client.js';
import { isoMinute, parseSymbol, parseTime, runCommand } from '../context.js';

export function registerBackfill(program: Command): void {
  program
    .command('backfill')
    .description('fetch every missing candle of a series from the exchange (REST klines) into the database; resumable and idempotent')
    .requiredOption('--symbol <symbol>', 'symbol, e.g. BTCUSDT')
    .option('--interval <interval>', 'kline interval', '1m')
    .option('--from <time>', 'first candle wanted, ISO or epoch ms (default: the newest stored candle)')
    .option('--to <time>', 'last candle wanted, ISO or epoch ms (default: the newest closed candle by the exchange clock)')
    .action(async (opts: { symbol: string; interval: string; from?: string; to?: string }, cmd: Command) => {
      await runCommand(cmd, async (env) => {
        const symbol = parseSymbol('--symbol', opts.symbol);
        intervalMs(opts.interval);
        const from = parseTime('--from', opts.from);
        const to = parseTime('--to', opts.to);
        const store = await env.store();
        const client = createExchangeClient(env.config, readEnv(), { logger: env.logger });
        const abort = new AbortController();
        const onSignal = () => abort.abort(new Error('interrupted'));
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        const bar = env.interactive ? new SingleBar({ format: 'backfill {bar} {value}/{total} candles | {last}', hideCursor: true }) : null;
        try {
          const r = await backfill(store, client, {
            symbol,
            interval: opts.interval,
            ...(from !== undefined ? { from } : {}),
            ...(to !== undefined ? { to } : {}),
            signal: abort.signal,
            onPage: (p) => {
              if (!bar) return;
              if (p.pages === 1) bar.start(p.missingBefore, 0, { last: '' });
              bar.update(Math.min(p.fetched, p.missingBefore), { last: isoMinute(p.lastOpenTime) });
            },
          });
          bar?.stop();
          const seconds = r.ms / 1000;
          const doc = {
            symbol: r.symbol,
            interval: r.interval,
            exchange: r.exchange,
            from: r.from === null ? null : new Date(r.from).toISOString(),
            to: new Date(r.to).toISOString(),
            fetched: r.fetched,
            inserted: r.inserted,
            updated: r.updated,
            duplicates: r.duplicates,
            gapsBefore: r.gapsBefore,
            gapsAfter: r.gapsAfter,
            missingBefore: r.missingBefore,
            missingAfter: r.missingAfter,
            requests: client.requests,
            aborted: r.aborted,
            seconds,
            candlesPerSecond: seconds > 0 ? Math.round(r.fetched / seconds) : null,
          };
          env.print(doc, () =>
            [
              `${r.symbol} ${r.interval} ${r.from === null ? '' : `${isoMinute(r.from)} .. `}${isoMinute(r.to)}: fetched ${r.fetched} candles in ${seconds.toFixed(1)} s (${r.inserted} new, ${r.updated} updated, ${r.duplicates} already stored)`,
              `gaps before: ${r.gapsBefore} (${r.missingBefore} candles), after: ${r.gapsAfter} (${r.missingAfter} candles${r.gapsAfter > 0 && !r.aborted ? ' the exchange does not have' : ''})`,
              ...(r.aborted ? ['interrupted: rerun the same command to resume'] : []),
            ].join('\n'),
          );
          return r.aborted ? 130 : 0;
        } finally {
          bar?.stop();
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          await client.close();
        }
      });
    });
}
