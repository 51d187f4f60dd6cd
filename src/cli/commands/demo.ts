import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { runBacktest } from '../../backtest/backtest.js';
import { importArchives } from '../../data/import-archives.js';
import { engineSettings } from '../../engine/configured.js';
import { createHeads } from '../../heads/index.js';
import { writeReport } from '../../report/index.js';
import { countCandles, findGaps, firstOpenTime, lastOpenTime } from '../../store/candles.js';
import { isoMinute, runCommand } from '../context.js';
import { buildApp } from '../../api/app.js';
import { AlphaPulseError } from '../../core/errors.js';
import type { Engine } from '../../engine/engine.js';
import type { EngineRecorder } from '../../engine/engine-recorder.js';
import { runScan } from '../../engine/scan.js';
import { LiveEvents } from '../../service/live-events.js';
import { replayControls } from '../../service/replay-controls.js';
import { loadOrCreateToken } from '../../service/token.js';
import { addDashboard } from '../../service/web-routes.js';

/** The bundled sample (data/sample in the package). */
export const SAMPLE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../data/sample');

const DAY = 86_400_000;

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('the main job on the bundled sample: import it, replay it through the engine with learning off, seed and hedge side by side, and write the report')
    .option('--report <file.html>', 'where to write the HTML report', 'reports/alphapulse-demo.html')
    .option('--no-serve', 'exit after the report instead of serving the API and dashboard')
    .option('--port <port>', 'API and dashboard port (default: config api.port, 8787)')
    .action(async (opts: { report: string; serve: boolean; port?: string }, cmd: Command) => {
      await runCommand(cmd, async (env) => {
        const store = await env.store();
        const imported = await importArchives(store, [SAMPLE_DIR]);
        const symbols = ['BTCUSDT', 'ETHUSDT'];
        const series: { symbol: string; candles: number; first: number | null; last: number | null; missing: number }[] = [];
        for (const symbol of symbols) {
          const key = { exchange: 'binance', symbol, interval: '1m' };
          const [count, first, last, gaps] = await Promise.all([countCandles(store, key), firstOpenTime(store, key), lastOpenTime(store, key), findGaps(store, key)]);
          series.push({ symbol, candles: count, first, last, missing: gaps.totalMissing });
        }
        const first = Math.max(...series.map((s) => s.first ?? 0));
        const last = Math.min(...series.map((s) => s.last ?? 0));
        const warmupDays = 5;
        const from = Math.ceil((first + warmupDays * DAY) / DAY) * DAY;
        const settings = engineSettings(env.config);
        // The replay with learning, recorded into the database like a live run (what the API and dashboard show).
        let replayEngine: Engine | null = null;
        let replayRecorder: EngineRecorder | null = null;
        const recorded = await runScan(store, {
          symbols,
          from: first,
          to: last,
          params: settings.params,
          outcome: settings.outcome,
          learning: settings.learning,
          createHeads: (hp) => createHeads({ ...settings.params.heads, ...hp }),
          record: true,
          checkpoint: 'demo',
          jobs: { enabled: true },
          onDone: (e, r) => {
            replayEngine = e;
            replayRecorder = r;
          },
        });
        const { report, runId } = await runBacktest(store, {
          symbols,
          from,
          to: last,
          modes: ['off', 'seed', 'hedge'],
          warmupDays,
          params: settings.params,
          outcome: settings.outcome,
          learning: { perRegime: settings.learning.perRegime, ...(settings.learning.params ? { params: settings.learning.params } : {}) },
          jobs: { enabled: true },
          createHeads: (hp) => createHeads({ ...settings.params.heads, ...hp }),
          store: true,
        });
        const path = await writeReport(opts.report, report);
        let serving: { url: string; tokenFile: string; token: string | null } | null = null;
        let app: Awaited<ReturnType<typeof buildApp>> | null = null;
        if (opts.serve && replayEngine && replayRecorder) {
          const port = opts.port === undefined ? env.config.api.port : Number(opts.port);
          if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `--port: "${opts.port}" is not a port number`);
          const live = new LiveEvents();
          const tokenFile = resolve('.alphapulse-token');
          const { token, created } = loadOrCreateToken(tokenFile);
          app = await buildApp({ store, controls: replayControls(store, replayEngine, replayRecorder, live, symbols, last), token, logger: env.logger });
          await addDashboard(app);
          const address = await app.listen({ host: env.config.api.host, port });
          serving = { url: address, tokenFile, token: created ? token : null };
        }
        env.print({ db: store.url, imported, series, runId, report: path, recorded: { signals: recorded.total.signals, outcomes: recorded.outcomes, learning: recorded.learning }, serving: serving ? { url: serving.url, tokenFile: serving.tokenFile } : null, modes: report.modes.map((m) => ({ mode: m.mode, trades: m.overall.trades, decisions: m.overall.decisions, finalVersion: m.finalVersion })) }, () =>
          [
            `AlphaPulse demo — database ${store.url}`,
            `sample: ${imported.rows} rows in ${imported.files} files (${imported.inserted} new); ${series.map((s) => `${s.symbol} ${s.candles} candles, ${s.missing} missing`).join('; ')}`,
            `replayed ${isoMinute(from)} .. ${isoMinute(last)} (after ${warmupDays} warm-up days), ${report.candles} candles, 3 learning modes side by side, in ${report.seconds.toFixed(1)} s:`,
            ...report.modes.map((m) => {
              const t = m.overall.trades;
              const d = m.overall.decisions;
              const rate = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)}%`);
              return `  ${m.mode.padEnd(6)} ${t.trades} trades, win rate ${rate(t.winRate)}, avg net ${t.avgNetPct === null ? '—' : `${t.avgNetPct.toFixed(3)}%`} per trade (fees and slippage included), rejection rate ${(100 * d.rejectionRate).toFixed(2)}%, rejection accuracy ${rate(d.rejectionAccuracy)} (${d.shadowsResolved} shadows), weights version ${m.finalVersion}`;
            }),
            ...report.learningVsStatic.map((b) => `  ${b.mode} vs static: ${b.diffPct === null ? '—' : `${b.diffPct.toFixed(3)}%`} per trade, 95% CI ${b.ci95 ? `[${b.ci95[0].toFixed(3)}, ${b.ci95[1].toFixed(3)}]` : '—'}`),
            `recorded into the database with learning (seed): ${recorded.total.signals} signals, ${recorded.outcomes.resolved} resolved, ${recorded.outcomes.shadowResolved} shadows, weights version ${recorded.learning.version}`,
            `report: ${path}`,
            ...(serving
              ? [
                  `dashboard: ${serving.url}/   API: ${serving.url}/api/learning/performance   OpenAPI: ${serving.url}/docs`,
                  serving.token ? `API token (for the job and rollback buttons): ${serving.token}  (stored in ${serving.tokenFile}, mode 0600)` : `API token in ${serving.tokenFile}`,
                  'Ctrl-C stops the server.',
                ]
              : ['Next: alphapulse backtest --help, alphapulse run --help, alphapulse --help']),
          ].join('\n'),
        );
        if (app) {
          await new Promise<void>((done) => {
            const stop = () => {
              process.off('SIGINT', stop);
              process.off('SIGTERM', stop);
              done();
            };
            process.on('SIGINT', stop);
            process.on('SIGTERM', stop);
          });
          await app.close();
        }
        return imported.failed.length > 0 ? 1 : 0;
      });
    });
}
