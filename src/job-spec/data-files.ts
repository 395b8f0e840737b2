import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { splitPattern } from '../batch/inputs.js';

export interface DataMatch {
  /** The entry as written in the config. */
  pattern: string;
  /** Absolute paths, sorted; empty when nothing matched. */
  files: string[];
}

/**
 * Expand a job's `data` entries against the project folder. Re-run for every run, so a file
 * added to a globbed folder is picked up without restarting the scheduler.
 */
export function matchDataFiles(patterns: readonly string[], root: string): DataMatch[] {
  return patterns.map((pattern) => {
    if (!isDynamicPattern(pattern)) {
      const file = isAbsolute(pattern) ? pattern : resolve(root, pattern);
      return { pattern, files: isFile(file) ? [file] : [] };
    }
    // From the pattern's fixed folders, not from "/" (see splitPattern).
    const { base, rest } = splitPattern(pattern);
    const files = globSync(rest, { cwd: resolve(root, base), absolute: true, onlyFiles: true, expandDirectories: false });
    return { pattern, files: files.map((f) => resolve(f)).sort() };
  });
}

/** All files of all entries, each once, in the order the entries name them. */
export function dataFiles(patterns: readonly string[], root: string): string[] {
  return [...new Set(matchDataFiles(patterns, root).flatMap((m) => m.files))];
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
