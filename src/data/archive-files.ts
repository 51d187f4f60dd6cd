/**
 * Locating and reading Binance archive files: `SYMBOL-INTERVAL-YYYY-MM(-DD).csv` or `.zip`
 * (a zip holds one CSV of the same name), in files or folders.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { AlphaPulseError } from '../core/errors.js';

const NAME = /^([A-Z0-9]+)-(\d+[smhdwM])-(\d{4})-(\d{2})(?:-(\d{2}))?\.(csv|zip)$/i;

export type ArchiveName = { readonly symbol: string; readonly interval: string };

/** Symbol and interval from an archive file name, or null when the name does not follow the pattern. */
export function parseArchiveName(path: string): ArchiveName | null {
  const m = NAME.exec(basename(path));
  return m === null ? null : { symbol: m[1]!.toUpperCase(), interval: m[2]! };
}

function isArchiveFile(name: string): boolean {
  return /\.(csv|zip)$/i.test(name);
}

/** Expands folders (not recursively) into their .csv/.zip files, sorted by name; files are kept as given. */
export function expandArchivePaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new AlphaPulseError('AP_ERR_BAD_FILE', `${p}: no such file or folder`, { file: p });
    }
    if (st.isDirectory()) {
      const names = readdirSync(p).filter(isArchiveFile).sort();
      for (const n of names) out.push(join(p, n));
    } else {
      out.push(p);
    }
  }
  return out;
}

/** Reads the CSV text of an archive file; a zip must contain exactly one .csv entry. */
export function readArchiveText(path: string): string {
  const bytes = readFileSync(path);
  if (!/\.zip$/i.test(path)) return bytes.toString('utf8');
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (f) => /\.csv$/i.test(f.name) });
  } catch (e) {
    throw new AlphaPulseError('AP_ERR_BAD_FILE', `${path}: not a readable zip file (${(e as Error).message})`, { file: path });
  }
  const names = Object.keys(entries);
  if (names.length !== 1) {
    throw new AlphaPulseError('AP_ERR_BAD_FILE', `${path}: expected exactly one .csv inside the zip, found ${names.length}`, { file: path });
  }
  return strFromU8(entries[names[0]!]!);
}
