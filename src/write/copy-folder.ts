import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeError } from './write-error.js';

/**
 * Copies a folder to a new path, all or nothing: on any failure (a full disk) what was copied
 * is removed and E_WRITE thrown, so no half-copied folder is left to be found later.
 * `rewrite` edits copied files by relative path before the call returns (a file not there is
 * skipped). `extra` files are copied in beside (to a path relative to `to`) unless the folder
 * already holds one there; their relative paths are returned. Synchronous, for
 * `bilat templates new`.
 */
export function copyFolderSync(
  from: string,
  to: string,
  rewrite: Record<string, (text: string) => string> = {},
  extra: readonly { from: string; to: string }[] = [],
): string[] {
  try {
    cpSync(from, to, { recursive: true });
    for (const [rel, edit] of Object.entries(rewrite)) {
      const file = join(to, rel);
      if (existsSync(file)) writeFileSync(file, edit(readFileSync(file, 'utf8')));
    }
    const added: string[] = [];
    for (const x of extra) {
      const file = join(to, x.to);
      if (existsSync(file)) continue;
      cpSync(x.from, file);
      added.push(x.to);
    }
    return added;
  } catch (e) {
    rmSync(to, { recursive: true, force: true });
    throw writeError(e, to, 0, 1);
  }
}
