import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BilatError } from '../errors.js';

/** Data files a folder contributes: YAML or JSON, but not JSON Schemas that sit beside them. */
export const DATA_FILE = /\.(ya?ml|json)$/i;
const NOT_DATA = /\.schema\.json$/i;
/** Glob syntax, as tinyglobby reads it (a path with none of these is taken literally). */
const GLOB = /[*?[\]{}]|(^|[^\\])[!+@]\(/;

/**
 * Files, folders and glob patterns → data files, each once, in the order given (a folder's or a
 * pattern's matches sorted by name). A plain path that does not exist is kept, so the build
 * reports it as a bad file with the others; a folder or pattern that yields nothing is a usage
 * error, because nothing at all would be built for it.
 */
export async function expandInputs(entries: readonly string[], cwd = process.cwd()): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (file: string, shown: string) => {
    const key = resolve(cwd, file);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(shown);
  };
  for (const entry of entries) {
    const dir = directory(resolve(cwd, entry));
    if (dir) {
      const names = readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isFile() && DATA_FILE.test(d.name) && !NOT_DATA.test(d.name) && !d.name.startsWith('.'))
        .map((d) => d.name)
        .sort();
      if (names.length === 0) throw new BilatError('E_USAGE', `folder "${entry}" holds no data files (*.yaml, *.yml or *.json)`);
      for (const name of names) add(join(dir, name), join(entry, name));
    } else if (isPattern(entry)) {
      // Loaded only for patterns: a plain file list (the common case) never pays for it.
      const { glob } = await import('tinyglobby');
      // Crawl from the pattern's fixed leading folders only: given an absolute pattern, tinyglobby
      // would otherwise start at "/" and list every folder on the way (the whole of /tmp, say).
      const { base, rest } = splitPattern(entry);
      const matches = (await glob(rest, { cwd: resolve(cwd, base), onlyFiles: true, expandDirectories: false, dot: false }))
        .filter((f) => DATA_FILE.test(f) && !NOT_DATA.test(f))
        .map((f) => join(base, f))
        .sort();
      if (matches.length === 0)
        throw new BilatError('E_USAGE', `no data file matches "${entry}" (quote patterns so bilat, not the shell, expands them)`);
      for (const m of matches) add(m, m);
    } else {
      add(entry, entry);
    }
  }
  return out;
}

/** Whether bilat expands `entry` as a glob pattern rather than taking it as a path. */
export const isPattern = (entry: string): boolean => GLOB.test(entry);

/** "data/2026/*.yaml" → base "data/2026", rest "*.yaml": the leading path segments with no glob syntax. */
export function splitPattern(pattern: string): { base: string; rest: string } {
  const parts = pattern.split('/');
  let i = 0;
  // Any character picomatch may give a meaning (groups "(a|b)", extglobs, escapes) ends the
  // fixed part: the rest goes to tinyglobby whole, which reads it as it always did.
  while (i < parts.length - 1 && !/[*?[\]{}()|!+@\\]/.test(parts[i]!)) i++;
  const base = parts.slice(0, i).join('/');
  return { base: base === '' ? (pattern.startsWith('/') ? '/' : '.') : base, rest: parts.slice(i).join('/') };
}

function directory(path: string): string | undefined {
  try {
    return statSync(path).isDirectory() ? path : undefined;
  } catch {
    return undefined;
  }
}
