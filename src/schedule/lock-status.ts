import { BilatError } from '../errors.js';
import { CLOCK_SKEW_MS, DEFAULT_LOCK_OPTIONS, lockFileFor, readLock, staleReason, type LockInfo } from './lock.js';

/**
 * Who holds a job's lock now, for `bilat jobs list`; undefined when nobody does or the lock is
 * stale. A listing reports a broken lock through `warn` and goes on (`jobs run` stops on it,
 * exit 3), and warns of a heartbeat in the future.
 */
export async function jobLockHolder(stateDir: string, job: string, warn: (message: string) => void): Promise<LockInfo | undefined> {
  const file = lockFileFor(stateDir, job);
  const lock = await readLock(file).catch((e: unknown) => {
    if (!(e instanceof BilatError)) throw e;
    warn(e.format());
    return undefined;
  });
  const running = lock && !staleReason(lock.info, lock.mtimeMs, DEFAULT_LOCK_OPTIONS) ? lock.info : undefined;
  if (lock && lock.mtimeMs - Date.now() > CLOCK_SKEW_MS) {
    warn(
      `${file}: the lock's heartbeat is ${Math.round((lock.mtimeMs - Date.now()) / 1000)} s in the future (a clock ahead of this one, or a touched file); the next run of "${job}" counts its age from then and takes it over if no heartbeat comes`,
    );
  }
  return running;
}
