import { lstat, mkdir, open, rmdir, unlink, utimes } from 'node:fs/promises';

/**
 * Creates `file` only if no file is there (O_EXCL: of two processes, one wins), writes `text`
 * and syncs it. Rejects with the open error (EEXIST when another holds it). For lock files.
 */
export async function createExclusive(file: string, text: string): Promise<void> {
  const fh = await open(file, 'wx');
  try {
    await fh.writeFile(text);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Sets a file's times (a lock's heartbeat); rejects as utimes does. */
export async function setFileTime(file: string, time: Date): Promise<void> {
  await utimes(file, time, time);
}

/**
 * Takes a guard folder: mkdir without -p, which only one process can do. True when taken;
 * false when another holds it. A guard older than `staleMs` (its holder crashed) or a stray
 * file in its place (not a guard bilat made, which would block every later try) is removed,
 * so a later try can take it; this one still reports it busy. Rejects on any other mkdir
 * error (ENOENT: the parent folder is missing).
 */
export async function takeGuardFolder(guard: string, staleMs: number, nowMs: () => number = Date.now): Promise<boolean> {
  try {
    await mkdir(guard);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const st = await lstat(guard).catch(() => undefined);
    if (st && !st.isDirectory()) await unlink(guard).catch(() => undefined);
    else if (st && nowMs() - st.mtimeMs > staleMs) await rmdir(guard).catch(() => undefined);
    return false;
  }
}

/** Gives a guard folder back; never throws (a guard already gone is fine). */
export async function releaseGuardFolder(guard: string): Promise<void> {
  await rmdir(guard).catch(() => undefined);
}
