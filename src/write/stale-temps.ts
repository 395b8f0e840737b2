import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMP_SUFFIX } from './atomic.js';

/** `.<name>.<pid>-<thread>-<hex>.bilat-tmp`, as atomic.ts names them. */
const TEMP = /^\..+\.(\d+)-\d+-[0-9a-f]{8}\.bilat-tmp$/;
/** Older than a staged brief ever waits for its commit, so another machine's live build keeps its own. */
const MIN_AGE_MS = 10 * 60 * 1000;

const running = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Removes temp files a killed build left in `dir` (kill -9, a worker terminated mid-write):
 * only ours by name, only of processes no longer running, only when old. Returns what went.
 */
export async function removeStaleTemps(dir: string, now = Date.now()): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const m = name.endsWith(TEMP_SUFFIX) ? TEMP.exec(name) : null;
    if (!m || running(Number(m[1]))) continue;
    const path = join(dir, name);
    const st = await stat(path).catch(() => undefined);
    if (!st?.isFile() || now - st.mtimeMs < MIN_AGE_MS) continue;
    if (
      await unlink(path).then(
        () => true,
        () => false,
      )
    )
      removed.push(path);
  }
  return removed;
}
