import type { Command } from 'commander';
import { effectiveness } from '../../analytics/effectiveness.js';
import { AlphaPulseError } from '../../core/errors.js';
import { HEAD_IDS } from '../../heads/types.js';
import { listVersions, loadActive, rollbackTo } from '../../store/learning.js';
import { loadResolvedSignals } from '../../store/signals.js';
import { isoMinute, runCommand } from '../context.js';

export function registerWeights(program: Command): void {
  program
    .command('weights')
    .description('show the active learned state, its version history and how effective each head has been')
    .option('--history <n>', 'versions to list', '10')
    .action(async (opts: { history: string }, cmd: Command) => {
      await runCommand(cmd, async (env) => {
        const n = Number(opts.history);
        if (!Number.isInteger(n) || n < 0 || n > 100_000) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `--history: "${opts.history}" is not a whole number from 0 to 100000`);
        const store = await env.store();
        const active = await loadActive(store);
        if (!active) {
          env.print({ active: null, versions: [], effectiveness: null }, () => 'No learned state yet: run `alphapulse scan --record --learning seed` (or the live service) first.');
          return;
        }
        const versions = n > 0 ? await listVersions(store, { limit: n }) : [];
        const eff = effectiveness(await loadResolvedSignals(store), active.state.headWeights);
        env.print({ active, versions, effectiveness: eff }, () =>
          [
            `active version ${active.version} (${active.reason}, ${active.mode}, ${isoMinute(active.createdAt)})`,
            `weights   ${HEAD_IDS.map((h, i) => `${h} ${active.state.headWeights[i]!.toFixed(3)}`).join('  ')}`,
            `thresholds trending up ${active.state.thresholds[0]}, down ${active.state.thresholds[1]}, ranging ${active.state.thresholds[2]}, volatile ${active.state.thresholds[3]}`,
            '',
            `effectiveness over ${eff.signals} resolved signals (${eff.wins} won):`,
            ...eff.heads.map((h) => `  ${h.head}: agreed ${h.agreed} (won ${h.agreedWins}, smoothed win rate ${h.winRateWhenAgreed === null ? '-' : h.winRateWhenAgreed.toFixed(2)}), opposed ${h.opposed}; weight ${h.currentWeight.toFixed(3)} → suggested ${h.suggestedWeight.toFixed(3)}`),
            '',
            'versions:',
            ...versions.map((v) => `  ${String(v.version).padStart(5)}  ${isoMinute(v.createdAt)}  ${v.reason.padEnd(24)} ${v.state.headWeights.map((w) => w.toFixed(3)).join(' ')}`),
          ].join('\n'),
        );
      });
    });
}

export function registerRollback(program: Command): void {
  program
    .command('rollback')
    .description('activate an earlier learned-state version (recorded as an event); the engine picks it up at its next start')
    .requiredOption('--to <version>', 'version number (see alphapulse weights)')
    .option('--reason <text>', 'why', 'manual rollback')
    .action(async (opts: { to: string; reason: string }, cmd: Command) => {
      await runCommand(cmd, async (env) => {
        const version = Number(opts.to);
        if (!Number.isInteger(version) || version < 1) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `--to: "${opts.to}" is not a version number`);
        const store = await env.store();
        const v = await rollbackTo(store, version, Date.now(), opts.reason);
        env.print({ active: v }, () => `version ${v.version} is active again (weights ${v.state.headWeights.map((w) => w.toFixed(3)).join(' ')})`);
      });
    });
}
