import type { Command } from 'commander';
import { intervalMs } from '../../core/intervals.js';
import { findGaps } from '../../store/candles.js';
import { isoMinute, parseSymbol, parseTime, runCommand } from '../context.js';

export function registerGaps(program: Command): void {
  program
    .command('gaps')
    .description('list missing candles of a stored series')
    .requiredOption('--symbol <symbol>', 'symbol, e.g. BTCUSDT')
    .option('--interval <interval>', 'kline interval', '1m')
    .option('--exchange <id>', 'exchange', 'binance')
    .option('--from <time>', 'ISO time or epoch ms; missing candles before the first stored one count from here')
    .option('--to <time>', 'ISO time or epoch ms; missing candles after the last stored one count up to here')
    .action(async (opts: { symbol: string; interval: string; exchange: string; from?: string; to?: string }, cmd: Command) => {
      await runCommand(cmd, async (env) => {
        const symbol = parseSymbol('--symbol', opts.symbol);
        intervalMs(opts.interval);
        const from = parseTime('--from', opts.from);
        const to = parseTime('--to', opts.to);
        const store = await env.store();
        const report = await findGaps(store, { exchange: opts.exchange, symbol, interval: opts.interval }, { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) });
        env.print({ gaps: report.gaps, total_missing: report.totalMissing }, () => {
          if (report.gaps.length === 0) return `${symbol} ${opts.interval}: no gaps`;
          const lines = report.gaps.map((g) => `  ${isoMinute(g.from)} .. ${isoMinute(g.to)}  ${g.missing} missing`);
          return `${symbol} ${opts.interval}: ${report.gaps.length} gaps, ${report.totalMissing} candles missing\n${lines.join('\n')}`;
        });
      });
    });
}
