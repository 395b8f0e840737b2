import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installed package's folder (where package.json, templates/ and dist/ live), found by
 * walking up from this module: it runs from src/ (tests), dist/ and dist/bundle/ (the CLI).
 */
export const PACKAGE_ROOT: string = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(start: string): string {
  for (let dir = start; ;) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'bilat') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`bilat: cannot find its package.json above ${start}`);
    dir = up;
  }
}

export const PACKAGE_VERSION: string = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;
