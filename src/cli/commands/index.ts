import type { Command } from 'commander';
import { registerBackfill } from './backfill.js';
import { registerBacktest } from './backtest.js';
import { registerDemo } from './demo.js';
import { registerExchangeSim } from './exchange-sim.js';
import { registerGaps } from './gaps.js';
import { registerImport } from './import.js';
import { registerRun } from './run.js';
import { registerScan } from './scan.js';
import { registerStream } from './stream.js';
import { registerRollback, registerWeights } from './weights.js';

/** Every command, one file each. */
export function registerCommands(program: Command): void {
  registerDemo(program);
  registerImport(program);
  registerGaps(program);
  registerBackfill(program);
  registerStream(program);
  registerExchangeSim(program);
  registerScan(program);
  registerBacktest(program);
  registerWeights(program);
  registerRun(program);
  registerRollback(program);
}
