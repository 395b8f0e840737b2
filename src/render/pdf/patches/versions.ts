/**
 * The versions of the libraries the patches change, as pdfmake loads them: pdfkit as pdfmake
 * requires it, fontkit as pdfkit does. Read from their package.json files without loading them
 * (fontkit's `exports` hides its package.json, so it is found from its entry file).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The versions the patches were written for (package.json pins the same). */
export const PATCHED_VERSIONS = { pdfmake: '0.3.11', pdfkit: '0.19.1', fontkit: '2.0.4' } as const;
export type PatchedLibrary = keyof typeof PATCHED_VERSIONS;

function versionFrom(entry: string, name: string): string {
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // no package.json at this level: keep climbing
    }
  }
  return 'unknown';
}

let found: Record<PatchedLibrary, string> | undefined;

/** Where `name` resolves from `from` (a file path or URL), or '' when it does not. */
function entryOf(from: string, name: string): string {
  if (from === '') return '';
  try {
    return createRequire(from).resolve(name);
  } catch {
    return '';
  }
}

export function libraryVersions(): Readonly<Record<PatchedLibrary, string>> {
  if (found !== undefined) return found;
  const pdfmake = entryOf(import.meta.url, 'pdfmake');
  const pdfkit = entryOf(pdfmake, 'pdfkit');
  const fontkit = entryOf(pdfkit, 'fontkit');
  const version = (entry: string, name: string): string => (entry === '' ? 'unknown' : versionFrom(entry, name));
  found = { pdfmake: version(pdfmake, 'pdfmake'), pdfkit: version(pdfkit, 'pdfkit'), fontkit: version(fontkit, 'fontkit') };
  return found;
}
