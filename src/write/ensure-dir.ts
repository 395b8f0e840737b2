import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * `mkdir -p`, one level at a time from the nearest folder that exists. Node's recursive mkdir
 * spins for ever under /proc (ENOENT on a parent that stat says exists); one level at a time,
 * that is an error like any other. A folder made meanwhile by another worker is fine.
 */
export async function ensureDir(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    const st = await stat(d).catch((e: NodeJS.ErrnoException) =>
      e.code === 'ENOENT' || e.code === 'ENOTDIR' ? undefined : Promise.reject(e),
    );
    if (st?.isDirectory()) break;
    if (st) throw Object.assign(new Error(`ENOTDIR: ${d} is a file, not a folder`), { code: 'ENOTDIR', path: d });
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing) {
    await mkdir(d).catch((e: NodeJS.ErrnoException) => (e.code === 'EEXIST' ? undefined : Promise.reject(e)));
  }
}
