import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { runBacktest } from '../../backtest/backtest.js';
import { AlphaPulseError } from '../../core/errors.js';
import { engineSettings } from '../../engine/configured.js';
import { createHeads } from '../../heads/index.js';
import { LEARNING_MODES, type LearningMode } from '../../learning/learned-state.js';
import { writeReport } from '../../report/index.js';
import { isoMinute, parseSymbol, parseTime, runCommand } from '../context.js';

function pct(v: number | null | undefined, digits = 2): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : `${v.toFixed(digits)}`;
}

export function registerBacktest(program: Command): void {
  program
    .command('backtest')
    .description('replay stored candles through the engine for one or more learning modes side by side, with jobs at simulated times, and report')
    .requiredOption('--symbols <list>', 'comma-separated symbols, e.g. BTCUSDT,ETHUSDT')
    .requiredOption('--from <time>', 'start (ISO or epoch ms): decisions from here')
    .requiredOption('--to <time>', 'end (ISO or epoch ms), inclusive')
    .option('--learning <modes>', 'comma-separated: off, seed, hedge', 'off,seed,hedge')
    .option('--per-regime', 'learn one weight vector per regime')
    .option('--warmup-days <n>', 'days before --from fed to indicators and heads only', '5')
    .option('--decisions-out <file>', 'write one JSON line per decision')
    .option('--report <file.html>', 'write the self-contained HTML report')
    .option('--no-jobs', 'do not run the daily/weekly/hourly jobs')
    .option('--no-store', 'do not store the run and its trades in the database')
    .action(async (opts: { symbols: string; from: string; to: string; learning: string; perRegime?: boolean; warmupDays: string; decisionsOut?: string; report?: string; jobs: boolean; store: boolean }, cmd: Command) => {
      await runCommand(cmd, async (env) => {
        const symbols = opts.symbols.split(',').map((s) => parseSymbol('--symbols', s));
        const modes = opts.learning.split(',').map((m) => m.trim());
        for (const m of modes) if (!(LEARNING_MODES as readonly string[]).includes(m)) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `--learning: "${m}" is not one of ${LEARNING_MODES.join(', ')}`);
        if (new Set(modes).size !== modes.length) throw new AlphaPulseError('AP_ERR_BAD_INPUT', '--learning: a mode is given twice');
        const warmupDays = Number(opts.warmupDays);
        if (!Number.isInteger(warmupDays) || warmupDays < 0 || warmupDays > 365) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `--warmup-days: "${opts.warmupDays}" is not a whole number from 0 to 365`);
        const from = parseTime('--from', opts.from)!;
        let to = parseTime('--to', opts.to)!;
        if (/^\d{4}-\d{2}-\d{2}$/.test(opts.to)) to += 86_400_000 - 60_000; // a date means the whole day
        const settings = engineSettings(env.config, { ...(opts.perRegime ? { perRegime: true } : {}) });
        const store = await env.store();
        const bar = env.interactive ? new SingleBar({ format: 'backtest {bar} {percentage}% | {eta_formatted} left', hideCursor: true }) : null;
        bar?.start(100, 0);
        const { report, runId } = await runBacktest(store, {
          symbols,
          from,
          to,
          modes: modes as LearningMode[],
          warmupDays,
          params: settings.params,
          outcome: settings.outcome,
          learning: { perRegime: settings.learning.perRegime, ...(settings.learning.params ? { params: settings.learning.params } : {}), ...(settings.learning.thresholdParams ? { thresholdParams: settings.learning.thresholdParams } : {}) },
          jobs: { enabled: opts.jobs },
          createHeads: (hp) => createHeads({ ...settings.params.heads, ...hp }),
          ...(opts.decisionsOut ? { decisionsOut: opts.decisionsOut } : {}),
          store: opts.store,
          onProgress: (done, total) => bar?.update(Math.round((100 * done) / Math.max(1, total))),
        });
        bar?.stop();
        let reportPath: string | null = null;
        if (opts.report) reportPath = await writeReport(opts.report, report);
        env.print({ runId, report: reportPath, ...report }, () => {
          const lines = [
            `backtest ${symbols.join(', ')} ${isoMinute(from)} .. ${isoMinute(to)}: ${report.candles} candles, ${report.seconds.toFixed(1)} s${reportPath ? `, report ${reportPath}` : ''}`,
            '',
            `${'mode'.padEnd(7)}${'trades'.padStart(8)}${'win%'.padStart(8)}${'avg net%'.padStart(10)}${'PF'.padStart(7)}${'Sharpe'.padStart(8)}${'maxDD%'.padStart(8)}${'rej.acc%'.padStart(10)}${'version'.padStart(9)}`,
            ...report.modes.map((m) => {
              const t = m.overall.trades;
              const d = m.overall.decisions;
              return `${m.mode.padEnd(7)}${String(t.trades).padStart(8)}${pct(t.winRate === null ? null : 100 * t.winRate, 1).padStart(8)}${pct(t.avgNetPct, 3).padStart(10)}${pct(t.profitFactor).padStart(7)}${pct(t.sharpe).padStart(8)}${pct(t.maxDrawdownPct).padStart(8)}${pct(d.rejectionAccuracy === null ? null : 100 * d.rejectionAccuracy, 1).padStart(10)}${String(m.finalVersion).padStart(9)}`;
            }),
            '',
            ...report.learningVsStatic.map((b) => `${b.mode} vs ${b.baseline}: ${pct(b.diffPct, 3)}% per trade, 95% CI [${b.ci95 ? `${b.ci95[0].toFixed(3)}, ${b.ci95[1].toFixed(3)}` : '—'}] (${b.tradesMode} vs ${b.tradesBaseline} trades, ${b.days} days)`),
            ...report.buyAndHold.map((b) => `buy and hold ${b.symbol}: ${b.returnPct.toFixed(2)}%`),
          ];
          return lines.join('\n');
        });
      });
    });
}
