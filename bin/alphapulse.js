#!/usr/bin/env node
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('alphapulse: dist/ is missing — run `npm install` (or `npm run build`) in the package folder first\n');
  process.exit(1);
}
const { main } = await import(entry.href);
await main(process.argv);
