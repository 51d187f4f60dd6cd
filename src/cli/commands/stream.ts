import type { Command } from 'commander';
import { readEnv } from '../../config/env.js';
import { AlphaPulseError } from '../../core/errors.js';
import { intervalMs } from '../../core/intervals.js';
import { createExchangeClient } from '../../exchange/client.js';
import { CandleStream } from '../../exchange/stream.js';
import { isoMinute, parseSymbol, runCommand } from '../context.js';

export function registerStream(program: Command): void {
  program
    .command('stream')
    .description('store live closed candles from the exchange WebSocket (reconnecting, filling missed candles over REST) until Ctrl-C / SIGTERM')
    .option('--symbols <list>', 'comma-separated symbols (default: config symbols)')
    .option('--interval <interval>', 'kline interval', '1m')
    .option('--duration <seconds>', 'stop by itself after this many seconds')
    .action(async (opts: { symbols?: string; interval: string; duration?: string }, cmd: Command) => {
      await runCommand(cmd, async (env) => {
        const symbols = opts.symbols ? opts.symbols.split(',').filter((s) => s.trim() !== '').map((s) => parseSymbol('--symbols', s)) : [...env.config.symbols];
        if (symbols.length === 0) throw new AlphaPulseError('AP_ERR_BAD_INPUT', '--symbols: no symbol given');
        intervalMs(opts.interval);
        let duration: number | undefined;
        if (opts.duration !== undefined) {
          duration = Number(opts.duration);
          if (!Number.isFinite(duration) || duration <= 0) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `--duration: "${opts.duration}" is not a positive number of seconds`);
        }
        const store = await env.store();
        const client = createExchangeClient(env.config, readEnv(), { logger: env.logger });
        const stream = new CandleStream({ client, store, symbols, interval: opts.interval, heartbeatMs: env.config.exchange.heartbeatMs, logger: env.logger });
        stream.onCandle((symbol, c, source) => {
          if (env.json) return;
          process.stdout.write(`${isoMinute(c.openTime)} ${symbol} o=${c.open} h=${c.high} l=${c.low} c=${c.close} v=${c.volume}${source === 'rest' ? ' (rest)' : ''}\n`);
        });
        try {
          await stream.start();
        } catch (e) {
          await stream.stop();
          await client.close();
          throw e;
        }
        await new Promise<void>((resolve) => {
          let timer: NodeJS.Timeout | undefined;
          const done = () => {
            process.off('SIGINT', done);
            process.off('SIGTERM', done);
            if (timer) clearTimeout(timer);
            resolve();
          };
          process.on('SIGINT', done);
          process.on('SIGTERM', done);
          if (duration !== undefined) timer = setTimeout(done, duration * 1000);
        });
        const summary = await stream.stop();
        await client.close();
        const symbolsDoc = Object.fromEntries(
          Object.entries(summary.symbols).map(([s, st]) => [s, { ...st, first: st.first === null ? null : new Date(st.first).toISOString(), last: st.last === null ? null : new Date(st.last).toISOString() }]),
        );
        env.print({ ...summary, symbols: symbolsDoc }, () =>
          [
            `stream stopped after ${(summary.ms / 1000).toFixed(1)} s: ${summary.emitted} closed candles (${summary.stored.inserted} stored new), ${summary.reconnects} reconnects, ${summary.restFills} REST fills`,
            ...Object.entries(summary.symbols).map(([s, st]) => `  ${s}: ${st.emitted} candles${st.first !== null ? ` ${isoMinute(st.first)} .. ${isoMinute(st.last!)}` : ''} (${st.fromWs} live, ${st.fromRest} over REST, ${st.dropped} duplicates/late dropped)`),
          ].join('\n'),
        );
      });
    });
}
