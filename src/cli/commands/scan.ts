import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { REJECTION_CATEGORIES } from '../../consensus/filters.js';
import { resolveEngineParams } from '../../engine/engine-params.js';
import { runScan, type ScanTally } from '../../engine/scan.js';
import { createHeads } from '../../heads/index.js';
import { REGIMES } from '../../heads/types.js';
import { AlphaPulseError } from '../../core/errors.js';
import { isoMinute, parseSymbol, parseTime, runCommand } from '../context.js';

function table(t: ScanTally): string {
  const cats = ['signal', ...REJECTION_CATEGORIES];
  const head = `${'category'.padEnd(30)}${'total'.padStart(9)}${REGIMES.map((r) => r.padStart(15)).join('')}`;
  const rows = cats.map((c) => `${c.padEnd(30)}${String(t.byCategory[c]).padStart(9)}${REGIMES.map((r) => String(t.byRegime[r]![c]).padStart(15)).join('')}`);
  const regimeTotals = REGIMES.map((r) => String(Object.values(t.byRegime[r]!).reduce((a, b) => a + b, 0)).padStart(15)).join('');
  return [head, ...rows, `${'all decisions'.padEnd(30)}${String(t.candles).padStart(9)}${regimeTotals}`].join('\n');
}

export function registerScan(program: Command): void {
  program
    .command('scan')
    .description('run stored candles through the decision engine and count decisions by category and regime')
    .requiredOption('--symbols <list>', 'comma-separated symbols, e.g. BTCUSDT,ETHUSDT')
    .option('--from <time>', 'ISO time or epoch ms (default: first stored candle)')
    .option('--to <time>', 'ISO time or epoch ms (default: now)')
    .option('--record', 'store every decision (scan_history, live_signals, rejected_signals)')
    .action(async (opts: { symbols: string; from?: string; to?: string; record?: boolean }, cmd: Command) => {
      await runCommand(cmd, async (env) => {
        const symbols = opts.symbols.split(',').map((s) => parseSymbol('--symbols', s));
        if (symbols.length === 0) throw new AlphaPulseError('AP_ERR_BAD_INPUT', '--symbols: give at least one symbol');
        const from = parseTime('--from', opts.from);
        const to = parseTime('--to', opts.to);
        const store = await env.store();
        const params = resolveEngineParams();
        const bar = env.interactive ? new SingleBar({ format: 'scan {bar} {percentage}% | {eta_formatted} left', hideCursor: true }) : null;
        bar?.start(100, 0);
        const started = Date.now();
        const result = await runScan(store, {
          symbols,
          ...(from !== undefined ? { from } : {}),
          ...(to !== undefined ? { to } : {}),
          params,
          createHeads: () => createHeads(params.heads),
          record: opts.record === true,
          onProgress: (done, total) => bar?.update(Math.round((100 * done) / Math.max(total, 1))),
        });
        bar?.stop();
        const seconds = (Date.now() - started) / 1000;
        const t = result.total;
        env.print({ ...result, seconds }, () =>
          [
            `${symbols.join(', ')}: ${t.candles} decisions ${t.first === null ? '' : `${isoMinute(t.first)} .. ${isoMinute(t.last!)}`} in ${seconds.toFixed(1)} s`,
            `signals ${t.signals}, rejections ${t.rejections} (rejection rate ${(100 * t.rejectionRate).toFixed(2)}%), rejected candidates with a would-be trade ${t.rejectedCandidates}`,
            '',
            table(t),
          ].join('\n'),
        );
        if (t.candles === 0) env.logger.warn('no stored candles in that range: import or backfill first');
      });
    });
}
