#!/usr/bin/env node
/**
 * npm ci refuses a lockfile that lacks an entry for any optional platform package a dependency lists
 * (rollup lists one per OS/CPU). When the registry in use mirrors only some platforms, `npm install`
 * cannot write those entries. This adds a metadata-only entry (version, os, cpu, libc, optional) for each
 * missing one, so `npm ci` passes its check and skips them on other platforms — as it does with real entries.
 * Run after any `npm install` that rewrites package-lock.json: `node scripts/lock-platform-stubs.mjs`.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const pk = lock.packages;
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'loong64', 'ppc64', 'riscv64', 's390x'];
const OS = ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'openharmony', 'win32'];
let added = 0;
for (const [where, entry] of Object.entries(pk)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (pk[key] || !name.startsWith('@rollup/rollup-')) continue;
    const parts = name.slice('@rollup/rollup-'.length).split('-');
    const os = OS.find((o) => o === parts[0]);
    const cpu = parts[1] === 'arm' ? 'arm' : CPU.find((c) => c === parts[1]);
    if (!os || !cpu) throw new Error(`cannot tell the platform of ${name} (needed by ${where})`);
    const stub = { version, cpu: [cpu], dev: entry.dev === true ? true : undefined, license: 'MIT', optional: true, os: [os] };
    if (os === 'linux') stub.libc = [/musl/.test(name) ? 'musl' : 'glibc'];
    pk[key] = JSON.parse(JSON.stringify(stub));
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(pk).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} platform entries added`);
