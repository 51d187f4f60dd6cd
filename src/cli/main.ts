import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerCommands } from './commands/index.js';

function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('alphapulse')
    .description('AlphaPulse — self-learning crypto trading signals: candles, indicators, heads, consensus, outcomes, learning')
    .version(version())
    .option('--db <url>', 'database: sqlite:./alphapulse.db (default) or postgres://user@host:5432/db (env ALPHAPULSE_DB)')
    .option('--config <file>', 'config file (JSON; default ./alphapulse.config.json when present)')
    .option('--json', 'print one machine-readable JSON document on stdout and nothing else there')
    .option('--log-level <level>', 'fatal|error|warn|info|debug|trace|silent (env ALPHAPULSE_LOG_LEVEL)')
    .showHelpAfterError();
  registerCommands(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<void> {
  await buildProgram().parseAsync(argv as string[]);
}
