/**
 * Imports Binance archive kline files into the candle store. Every row of a file is validated before
 * anything of it is written; a file with a bad row is reported as `file:line: what` and skipped whole,
 * the others go on. Each file is written in one transaction, so a crash leaves it all or nothing.
 */
import { AlphaPulseError } from '../core/errors.js';
import { intervalMs, isInterval } from '../core/intervals.js';
import { writeCandles } from '../store/candles.js';
import type { Store } from '../store/database.js';
import { expandArchivePaths, parseArchiveName, readArchiveText } from './archive-files.js';
import { parseKlineCsv } from './kline-csv.js';

export type ImportFailure = { file: string; line: number | null; error: string };
export type ImportSummary = { files: number; rows: number; inserted: number; updated: number; duplicates: number; failed: ImportFailure[] };
export type ImportOptions = {
  readonly exchange?: string;
  readonly symbol?: string;
  readonly interval?: string;
  /** Called after each file with the running totals (progress bars). */
  readonly onFile?: (file: string, index: number, total: number, summary: ImportSummary) => void;
};

export async function importArchives(store: Store, paths: readonly string[], opts: ImportOptions = {}): Promise<ImportSummary> {
  const files = expandArchivePaths(paths);
  const exchange = opts.exchange ?? 'binance';
  const startedAt = Date.now();
  const summary: ImportSummary = { files: files.length, rows: 0, inserted: 0, updated: 0, duplicates: 0, failed: [] };
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    try {
      const named = parseArchiveName(file);
      const symbol = opts.symbol ?? named?.symbol;
      const interval = opts.interval ?? named?.interval;
      if (symbol === undefined || interval === undefined) {
        throw new AlphaPulseError('AP_ERR_BAD_FILE', 'cannot tell symbol and interval from the file name (expected SYMBOL-INTERVAL-YYYY-MM(-DD).csv|zip); pass --symbol and --interval');
      }
      if (!isInterval(interval)) throw new AlphaPulseError('AP_ERR_BAD_FILE', `unknown interval "${interval}"`);
      const parsed = parseKlineCsv(readArchiveText(file), intervalMs(interval));
      if (parsed.problem) {
        summary.failed.push({ file, line: parsed.problem.line, error: parsed.problem.error });
      } else {
        const r = await writeCandles(store, { exchange, symbol, interval }, parsed.candles);
        summary.rows += parsed.candles.length;
        summary.inserted += r.inserted;
        summary.updated += r.updated;
        summary.duplicates += r.duplicates;
      }
    } catch (e) {
      if (e instanceof AlphaPulseError && (e.code === 'AP_ERR_BAD_FILE' || e.code === 'AP_ERR_BAD_INTERVAL')) {
        summary.failed.push({ file, line: null, error: e.message.startsWith(`${file}:`) ? e.message.slice(file.length + 2) : e.message });
      } else {
        throw e;
      }
    }
    opts.onFile?.(file, i, files.length, summary);
  }
  await store.db
    .insertInto('import_runs')
    .values({
      started_at: startedAt,
      finished_at: Date.now(),
      files: summary.files,
      rows: summary.rows,
      inserted: summary.inserted,
      updated: summary.updated,
      duplicates: summary.duplicates,
      failed: summary.failed.length,
      failures: JSON.stringify(summary.failed),
    })
    .execute();
  return summary;
}

export function formatFailure(f: ImportFailure): string {
  return f.line === null ? `${f.file}: ${f.error}` : `${f.file}:${f.line}: ${f.error}`;
}
