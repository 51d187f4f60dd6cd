/**
 * `npm run bench [-- --json] [-- --only import,indicators] [-- --data DIR]`: throughput and timing
 * benchmarks (never pass/fail tests). Peers are measured in the same run; ratios are reported.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { engineBench } from './engine.js';
import { importBench } from './import.js';
import { indicatorsBench } from './indicators.js';
import type { BenchResult, BenchSection } from './types.js';

const SECTIONS: BenchSection[] = [importBench, indicatorsBench, engineBench];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const json = process.argv.includes('--json');
const only = arg('--only')?.split(',');
const shared = resolve(import.meta.dirname, '../../shared/data');
const dataDir = arg('--data') ?? (existsSync(shared) ? shared : resolve(import.meta.dirname, '../data/sample'));

const report: Record<string, BenchResult[]> = {};
for (const section of SECTIONS) {
  if (only && !only.includes(section.name)) continue;
  if (!json) process.stderr.write(`running ${section.name}...\n`);
  report[section.name] = await section.run({ dataDir, json });
  if (!json) {
    console.log(`\n## ${section.name}`);
    for (const r of report[section.name]!) {
      const v = Number.isFinite(r.value) ? (r.value >= 100 ? Math.round(r.value).toLocaleString('en-US') : r.value.toFixed(2)) : '-';
      const extra = r.extra
        ? `  ${Object.entries(r.extra)
            .map(([k, x]) => `${k}=${typeof x === 'number' ? (Math.abs(x) >= 100 ? Math.round(x) : x.toFixed(2)) : x}`)
            .join(' ')}`
        : '';
      console.log(`${r.name.padEnd(48)} ${v.padStart(14)} ${r.unit.padEnd(10)} n=${r.n}${extra}${r.note ? `  (${r.note})` : ''}`);
    }
  }
}
if (json) console.log(JSON.stringify({ node: process.version, dataDir, sections: report }));
