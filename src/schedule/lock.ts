import { randomBytes } from 'node:crypto';
import { lstat, readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { BilatError } from '../errors.js';
import { ensureDir } from '../write/ensure-dir.js';
import { createExclusive, releaseGuardFolder, setFileTime, takeGuardFolder } from '../write/exclusive.js';
import { removeFile } from '../write/remove.js';

/** What a lock file holds: who runs the job, since when, and which slot. */
export interface LockInfo {
  pid: number;
  hostname: string;
  startedAt: string;
  scheduledFor?: string;
  /** Random per acquisition, so a process never removes a lock it does not own. */
  token: string;
}

export interface LockOptions {
  /** A holder on another host is stale when its heartbeat is older than this. Default 60 s. */
  staleMs: number;
  /**
   * A holder on this host whose process is alive is stale only after this long without a
   * heartbeat: a guard against a reused pid, or a process stuck for good. Default 1 h.
   */
  maxAgeMs: number;
  /** How often the holder touches its lock file. Default 10 s. */
  heartbeatMs: number;
  /** Wall-clock milliseconds (locks age in real time, whatever clock the scheduler runs on). */
  nowMs: () => number;
}

export const DEFAULT_LOCK_OPTIONS: LockOptions = { staleMs: 60_000, maxAgeMs: 3_600_000, heartbeatMs: 10_000, nowMs: Date.now };

/**
 * A heartbeat this far ahead of our clock is suspect: synced clocks differ by far less, so the
 * holder's clock is wrong or the file was touched. Its age is then counted from now (see
 * `clampFuture`), otherwise a dead holder with a future heartbeat would block the job for ever.
 */
export const CLOCK_SKEW_MS = 30_000;

/** A lock file as bilat writes it; anything else is "unreadable" and judged by its age alone. */
const LockInfoSchema = z.object({
  pid: z.int().positive(),
  hostname: z.string().min(1),
  startedAt: z.string(),
  scheduledFor: z.string().optional(),
  token: z.string().min(1),
});

export interface HeldLock {
  readonly file: string;
  readonly info: LockInfo;
  release(): Promise<void>;
}

export type LockAttempt =
  | { ok: true; lock: HeldLock; recovered?: { holder?: LockInfo; reason: string } }
  /** `warning`: the holder's heartbeat was in the future (see CLOCK_SKEW_MS). */
  | { ok: false; holder?: LockInfo; warning?: string };

export function lockFileFor(stateDir: string, job: string): string {
  return join(stateDir, 'locks', `${job}.lock`);
}

/**
 * Take the job's lock, or report who holds it. A lock whose holder crashed (its pid is gone on
 * this host, or its heartbeat stopped) is moved aside and removed, then taken.
 */
export async function tryAcquireLock(
  file: string,
  slot: { scheduledFor?: string },
  options: Partial<LockOptions> = {},
): Promise<LockAttempt> {
  const opts = { ...DEFAULT_LOCK_OPTIONS, ...options };
  await ensureDir(dirname(file)).catch((e: NodeJS.ErrnoException) => {
    throw new BilatError(
      'E_LOCKED',
      `cannot make the lock folder (${e.code ?? e.message}); it must be a writable folder (move away what is there)`,
      { file: dirname(file), cause: e },
    );
  });
  let warning: string | undefined;
  let recovered: { holder?: LockInfo; reason: string } | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const info: LockInfo = {
      pid: process.pid,
      hostname: hostname(),
      startedAt: new Date(opts.nowMs()).toISOString(),
      ...slot,
      token: randomBytes(8).toString('hex'),
    };
    try {
      await createExclusive(file, JSON.stringify(info) + '\n');
      return { ok: true, lock: holdLock(file, info, opts), recovered };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const current = await readLock(file);
    if (!current) continue; // released between our open and our read: try again
    warning ??= await clampFuture(file, current, opts);
    const reason = staleReason(current.info, current.mtimeMs, opts);
    if (!reason) return { ok: false, holder: current.info, warning };
    if (!(await removeStale(file, current, opts.nowMs))) return { ok: false, holder: current.info, warning };
    recovered = { holder: current.info, reason };
  }
  return { ok: false, holder: (await readLock(file))?.info, warning };
}

/**
 * A heartbeat more than CLOCK_SKEW_MS ahead of our clock: set the lock's time to now, so its age
 * counts from this moment. A live holder's next heartbeat (every heartbeatMs) moves it forward
 * again and it stays held; a dead holder's lock becomes stale after the usual window. Nothing is
 * remembered between processes: the file's own time carries it. Returns the warning to log.
 */
async function clampFuture(file: string, lock: { info?: LockInfo; mtimeMs: number }, opts: LockOptions): Promise<string | undefined> {
  const now = opts.nowMs();
  const ahead = lock.mtimeMs - now;
  if (ahead <= CLOCK_SKEW_MS) return undefined;
  const again = await readLock(file);
  if (!again || again.info?.token !== lock.info?.token) return undefined;
  const t = new Date(now);
  await setFileTime(file, t).catch(() => undefined);
  lock.mtimeMs = now;
  const holder = lock.info ? `pid ${lock.info.pid} on ${lock.info.hostname}` : 'an unreadable lock';
  const here = lock.info?.hostname === hostname();
  const window = Math.round((here ? opts.maxAgeMs : opts.staleMs) / 1000);
  const cause = here
    ? 'the file was touched, or this clock was set back'
    : "that host's clock is ahead of this one, or the file was touched";
  const takeover = here ? `when that process ends, or after ${window} s without a heartbeat` : `after ${window} s without a heartbeat`;
  return `lock ${file} (${holder}) has a heartbeat ${Math.round(ahead / 1000)} s in the future: ${cause}. Its age now counts from this moment: it is taken over ${takeover} (check the clocks with NTP)`;
}

/** Why the holder is gone, or undefined when it still runs. */
export function staleReason(info: LockInfo | undefined, mtimeMs: number, opts: LockOptions): string | undefined {
  const age = opts.nowMs() - mtimeMs;
  if (!info) return age > opts.staleMs ? `unreadable lock, ${Math.round(age / 1000)} s old` : undefined;
  if (info.hostname === hostname()) {
    if (!isAlive(info.pid)) return `process ${info.pid} is gone`;
    if (age > opts.maxAgeMs) return `process ${info.pid} has not refreshed its lock for ${Math.round(age / 1000)} s`;
    return undefined;
  }
  return age > opts.staleMs ? `no heartbeat from ${info.hostname} for ${Math.round(age / 1000)} s` : undefined;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The lock at `file`, or undefined when there is none. Content that is not a lock bilat wrote (a
 * holder that crashed before writing it, a hand edit) gives `info: undefined`: it is judged by
 * its age. Anything but a regular file at the path is an error the user must fix (exit 3).
 */
export async function readLock(file: string): Promise<{ info?: LockInfo; mtimeMs: number } | undefined> {
  try {
    const st = await lstat(file);
    if (!st.isFile()) {
      const what = st.isDirectory() ? 'a directory' : st.isSymbolicLink() ? 'a symbolic link' : 'not a regular file';
      throw new BilatError(
        'E_LOCKED',
        `the job's lock path is ${what}, not a lock file, so bilat cannot tell whether the job runs elsewhere and runs nothing. Remove it when no bilat process runs this job: ${st.isDirectory() ? 'rmdir' : 'rm'} "${file}"`,
        { file },
      );
    }
    const text = st.size > 4096 ? '' : await readFile(file, 'utf8'); // bilat's locks are ~150 bytes
    return { info: parseLockInfo(text), mtimeMs: st.mtimeMs };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (e instanceof BilatError || !code) throw e;
    throw new BilatError(
      'E_LOCKED',
      `cannot read the job's lock (${code}); its folder must be a readable folder (move away what is in the way)`,
      { file, cause: e },
    );
  }
}

function parseLockInfo(text: string): LockInfo | undefined {
  try {
    const parsed = LockInfoSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Two processes may judge the same lock stale at once; if both removed "the" lock, the slower
 * one could remove the fresh lock the faster one just took. So stale locks are removed only
 * under a recovery guard (an exclusive mkdir), after checking the lock is still the stale one.
 * The loser of the guard reports the lock busy. Returns true when the stale lock is gone.
 */
async function removeStale(file: string, stale: { info?: LockInfo; mtimeMs: number }, nowMs: () => number): Promise<boolean> {
  const guard = `${file}.recover`;
  // A recoverer that crashed holding the guard is passed over after GUARD_STALE_MS: it only
  // ever holds it for milliseconds.
  if (!(await takeGuardFolder(guard, GUARD_STALE_MS, nowMs))) return false;
  try {
    const again = await readLock(file);
    if (!again) return true;
    const same = again.info?.token === stale.info?.token && (stale.info !== undefined || again.mtimeMs === stale.mtimeMs);
    if (!same) return false;
    await removeFile(file);
    return true;
  } finally {
    await releaseGuardFolder(guard);
  }
}

const GUARD_STALE_MS = 10_000;

function holdLock(file: string, info: LockInfo, opts: LockOptions): HeldLock {
  const beat = setInterval(() => {
    const t = new Date(opts.nowMs());
    setFileTime(file, t).catch(() => undefined);
  }, opts.heartbeatMs);
  beat.unref();
  let released = false;
  return {
    file,
    info,
    async release() {
      if (released) return;
      released = true;
      clearInterval(beat);
      const current = await readLock(file);
      if (current?.info?.token === info.token) await removeFile(file).catch(() => undefined);
    },
  };
}
