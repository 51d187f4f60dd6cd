import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { formatFailure, importArchives } from '../../data/import-archives.js';
import { parseSymbol, runCommand } from '../context.js';

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import Binance archive kline files (.csv with or without header, .zip) or folders of them')
    .argument('<paths...>', 'files or folders')
    .option('--symbol <symbol>', 'symbol, when the file name does not tell (SYMBOL-INTERVAL-YYYY-MM.csv)')
    .option('--interval <interval>', 'kline interval, when the file name does not tell')
    .option('--exchange <id>', 'exchange the files come from', 'binance')
    .action(async (paths: string[], opts: { symbol?: string; interval?: string; exchange: string }, cmd: Command) => {
      await runCommand(cmd, async (env) => {
        const store = await env.store();
        const bar = env.interactive ? new SingleBar({ format: 'import {bar} {value}/{total} files | {rows} rows | {file}', hideCursor: true }) : null;
        const started = Date.now();
        const summary = await importArchives(store, paths, {
          exchange: opts.exchange,
          ...(opts.symbol ? { symbol: parseSymbol('--symbol', opts.symbol) } : {}),
          ...(opts.interval ? { interval: opts.interval } : {}),
          onFile: (file, i, total, s) => {
            if (bar) {
              if (i === 0) bar.start(total, 0, { rows: 0, file });
              bar.update(i + 1, { rows: s.rows, file });
            }
          },
        });
        bar?.stop();
        const seconds = (Date.now() - started) / 1000;
        env.logger.info({ ...summary, failed: summary.failed.length, seconds }, 'import finished');
        env.print(summary, () => {
          const lines = [
            `Imported ${summary.files - summary.failed.length} of ${summary.files} files: ${summary.rows} rows, ${summary.inserted} inserted, ${summary.duplicates} already stored, ${summary.updated} updated (${seconds.toFixed(1)} s).`,
          ];
          for (const f of summary.failed) lines.push(`failed: ${formatFailure(f)}`);
          return lines.join('\n');
        });
        for (const f of summary.failed) process.stderr.write(`${formatFailure(f)}\n`);
        return summary.failed.length > 0 ? 1 : 0;
      });
    });
}
