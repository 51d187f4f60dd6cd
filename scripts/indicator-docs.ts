/**
 * Generates docs/INDICATORS.md from the registry, so the list of indicators, their inputs, outputs and
 * default parameters in the docs is always the code's. `npm run docs` writes it; a test checks it is current.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ALL_INDICATORS } from '../src/indicators/registry.js';

const GROUP_TITLES: Record<string, string> = {
  overlap: 'Overlap studies (moving averages, bands)',
  momentum: 'Momentum',
  volatility: 'Volatility',
  volume: 'Volume',
  statistic: 'Statistics',
  price: 'Price transforms',
  pattern: 'Candlestick patterns (TA-Lib outputs: -100, 0, +100)',
  custom: 'Beyond TA-Lib (definitions in README.md and in each file’s header)',
};

export function indicatorDocs(): string {
  const lines = [
    '# Indicators',
    '',
    `Generated from \`src/indicators/registry.ts\` by \`npm run docs\` — ${ALL_INDICATORS.length} indicators. Each has a batch`,
    'function (lower-case name, TA-Lib parameters and defaults, `Float64Array` outputs aligned to the input, `NaN`',
    'during warm-up) and an incremental class; "TA-Lib" names the function it matches to a relative error ≤ 1e-9.',
    '',
  ];
  for (const group of Object.keys(GROUP_TITLES)) {
    const specs = ALL_INDICATORS.filter((s) => s.group === group);
    if (specs.length === 0) continue;
    lines.push(`## ${GROUP_TITLES[group]}`, '', '| name | what | inputs | outputs | parameters (defaults) | TA-Lib |', '|---|---|---|---|---|---|');
    for (const s of specs) {
      const params = Object.entries(s.defaults).map(([k, v]) => `${k}=${v}`).join(', ') || '—';
      lines.push(`| ${s.name} | ${s.summary} | ${s.inputs.join(', ')} | ${s.outputs.join(', ')} | ${params} | ${s.talib ? s.talib.name : '—'} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** The compact list for README.md: names with their default parameters, by group. */
export function readmeIndicatorList(): string {
  const lines: string[] = [];
  for (const group of Object.keys(GROUP_TITLES)) {
    const specs = ALL_INDICATORS.filter((s) => s.group === group);
    if (specs.length === 0) continue;
    const items = specs.map((s) => {
      const p = Object.entries(s.defaults).map(([k, v]) => `${k}=${v}`).join(', ');
      return p ? `${s.name}(${p})` : s.name;
    });
    lines.push(`- **${GROUP_TITLES[group]}** — ${items.join('; ')}`);
  }
  return lines.join('\n');
}

const START = '<!-- indicators:start -->';
const END = '<!-- indicators:end -->';

/** README.md with the generated list between its markers. */
export function readmeWithIndicators(readme: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error('README.md lacks the indicator list markers');
  return `${readme.slice(0, a + START.length)}\n${readmeIndicatorList()}\n${readme.slice(b)}`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  writeFileSync(resolve(import.meta.dirname, '../docs/INDICATORS.md'), indicatorDocs());
  const readmePath = resolve(import.meta.dirname, '../README.md');
  writeFileSync(readmePath, readmeWithIndicators(readFileSync(readmePath, 'utf8')));
  console.log(`docs/INDICATORS.md: ${ALL_INDICATORS.length} indicators`);
}
