import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { REJECTION_CATEGORIES } from '../../consensus/filters.js';
import { engineSettings } from '../../engine/configured.js';
import { runScan, type ScanTally } from '../../engine/scan.js';
import { createHeads } from '../../heads/index.js';
import { REGIMES } from '../../heads/types.js';
import { AlphaPulseError } from '../../core/errors.js';
import { LEARNING_MODES, type LearningMode } from '../../learning/learned-state.js';
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
    .option('--learning <mode>', 'learning rule: off | seed | hedge (default: the config\'s learning.mode when recording, else off)')
    .option('--per-regime', 'learn one weight vector per regime')
    .option('--record', 'store every decision, signal, outcome and learning event')
    .option('--checkpoint <name>', 'with --record: save the engine state with every batch and resume from it on the next run')
    .option('--batch-size <n>', 'decisions per database transaction when recording', '5000')
    .action(async (opts: { symbols: string; from?: string; to?: string; record?: boolean; learning?: string; perRegime?: boolean; checkpoint?: string; batchSize: string }, cmd: Command) => {
      await runCommand(cmd, async (env) => {
        const symbols = opts.symbols.split(',').map((s) => parseSymbol('--symbols', s));
        if (symbols.length === 0) throw new AlphaPulseError('AP_ERR_BAD_INPUT', '--symbols: give at least one symbol');
        const from = parseTime('--from', opts.from);
        const to = parseTime('--to', opts.to);
        const store = await env.store();
        const mode = opts.learning ?? (opts.record ? env.config.learning.mode : 'off');
        if (!(LEARNING_MODES as readonly string[]).includes(mode)) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `--learning: "${mode}" is not one of ${LEARNING_MODES.join(', ')}`);
        if (opts.checkpoint !== undefined && !opts.record) throw new AlphaPulseError('AP_ERR_BAD_INPUT', '--checkpoint needs --record');
        const batchSize = Number(opts.batchSize);
        if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1_000_000) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `--batch-size: "${opts.batchSize}" is not a whole number from 1 to 1000000`);
        const settings = engineSettings(env.config, { mode: mode as LearningMode, ...(opts.perRegime ? { perRegime: true } : {}) });
        const params = settings.params;
        const bar = env.interactive ? new SingleBar({ format: 'scan {bar} {percentage}% | {eta_formatted} left', hideCursor: true }) : null;
        bar?.start(100, 0);
        const started = Date.now();
        const result = await runScan(store, {
          symbols,
          ...(from !== undefined ? { from } : {}),
          ...(to !== undefined ? { to } : {}),
          params,
          createHeads: (hp) => createHeads({ ...params.heads, ...hp }),
          learning: settings.learning,
          outcome: settings.outcome,
          record: opts.record === true,
          ...(opts.checkpoint ? { checkpoint: opts.checkpoint } : {}),
          recorder: { batchSize },
          onProgress: (done, total) => bar?.update(Math.round((100 * done) / Math.max(total, 1))),
        });
        bar?.stop();
        const seconds = (Date.now() - started) / 1000;
        const t = result.total;
        const o = result.outcomes;
        env.print({ ...result, seconds }, () =>
          [
            `${symbols.join(', ')}: ${t.candles} decisions ${t.first === null ? '' : `${isoMinute(t.first)} .. ${isoMinute(t.last!)}`} in ${seconds.toFixed(1)} s`,
            `signals ${t.signals}, rejections ${t.rejections} (rejection rate ${(100 * t.rejectionRate).toFixed(2)}%), rejected candidates with a would-be trade ${t.rejectedCandidates}`,
            `outcomes: ${o.resolved} signals resolved (${o.won} won, net P/L sum ${o.netPctSum.toFixed(2)}%), ${o.shadowResolved} shadows resolved (${o.goodRejections} good rejections, ${o.missedOpportunities} missed opportunities; rejection accuracy ${o.shadowResolved ? ((100 * o.goodRejections) / o.shadowResolved).toFixed(1) : '-'}%)`,
            `learning (${mode}): version ${result.learning.version}, ${result.learning.updates} weight updates; weights A..I ${result.learning.weights.map((w) => w.toFixed(3)).join(' ')}`,
            '',
            table(t),
          ].join('\n'),
        );
        if (t.candles === 0) env.logger.warn('no stored candles in that range: import or backfill first');
      });
    });
}
