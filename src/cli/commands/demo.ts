import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { importArchives } from '../../data/import-archives.js';
import { countCandles, findGaps, firstOpenTime, lastOpenTime } from '../../store/candles.js';
import { isoMinute, runCommand } from '../context.js';

/** The bundled sample (data/sample in the package). */
export const SAMPLE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../data/sample');

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('the main job on the bundled sample: import it into the database and check it for gaps')
    .action(async (_opts: unknown, cmd: Command) => {
      await runCommand(cmd, async (env) => {
        const store = await env.store();
        const imported = await importArchives(store, [SAMPLE_DIR]);
        const series: { symbol: string; interval: string; candles: number; first: number | null; last: number | null; gaps: { from: number; to: number; missing: number }[]; total_missing: number }[] = [];
        for (const symbol of ['BTCUSDT', 'ETHUSDT']) {
          const key = { exchange: 'binance', symbol, interval: '1m' };
          const [count, first, last, gaps] = await Promise.all([countCandles(store, key), firstOpenTime(store, key), lastOpenTime(store, key), findGaps(store, key)]);
          series.push({ symbol, interval: '1m', candles: count, first, last, gaps: gaps.gaps, total_missing: gaps.totalMissing });
        }
        env.print({ db: store.url, imported, series }, () =>
          [
            `AlphaPulse demo — database ${store.url}`,
            `Imported ${imported.files} sample files: ${imported.rows} rows, ${imported.inserted} new, ${imported.duplicates} already stored.`,
            ...series.map((s) => `  ${s.symbol} ${s.interval}: ${s.candles} candles ${s.first === null ? '' : `${isoMinute(s.first)} .. ${isoMinute(s.last!)}`}, ${s.gaps.length === 0 ? 'no gaps' : `${s.gaps.length} gaps (${s.total_missing} missing)`}`),
            'Next: alphapulse import <files>, alphapulse gaps --symbol BTCUSDT, alphapulse --help',
          ].join('\n'),
        );
        return imported.failed.length > 0 ? 1 : 0;
      });
    });
}
