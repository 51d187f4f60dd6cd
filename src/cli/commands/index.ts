import type { Command } from 'commander';
import { registerDemo } from './demo.js';
import { registerGaps } from './gaps.js';
import { registerImport } from './import.js';

/** Every command, one file each. */
export function registerCommands(program: Command): void {
  registerDemo(program);
  registerImport(program);
  registerGaps(program);
}
