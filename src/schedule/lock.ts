import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rmdir, stat, unlink, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';

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

export interface HeldLock {
  readonly file: string;
  readonly info: LockInfo;
  release(): Promise<void>;
}

export type LockAttempt =
  | { ok: true; lock: HeldLock; recovered?: { holder?: LockInfo; reason: string } }
  | { ok: false; holder?: LockInfo };

export function lockFileFor(stateDir: string, job: string): string {
  return join(stateDir, 'locks', `${job}.lock`);
}

/**
 * Take the job's lock, or report who holds it. A lock whose holder crashed (its pid is gone on
 * this host, or its heartbeat stopped) is moved aside and removed, then taken (issue §2).
 */
export async function tryAcquireLock(file: string, slot: { scheduledFor?: string }, options: Partial<LockOptions> = {}): Promise<LockAttempt> {
  const opts = { ...DEFAULT_LOCK_OPTIONS, ...options };
  await mkdir(dirname(file), { recursive: true });
  let recovered: { holder?: LockInfo; reason: string } | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const info: LockInfo = { pid: process.pid, hostname: hostname(), startedAt: new Date(opts.nowMs()).toISOString(), ...slot, token: randomBytes(8).toString('hex') };
    try {
      const fh = await open(file, 'wx');
      try {
        await fh.writeFile(JSON.stringify(info) + '\n');
        await fh.sync();
      } finally {
        await fh.close();
      }
      return { ok: true, lock: holdLock(file, info, opts), recovered };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const current = await readLock(file);
    if (!current) continue; // released between our open and our read: try again
    const reason = staleReason(current.info, current.mtimeMs, opts);
    if (!reason) return { ok: false, holder: current.info };
    if (!(await removeStale(file, current, opts.nowMs))) return { ok: false, holder: current.info };
    recovered = { holder: current.info, reason };
  }
  return { ok: false, holder: (await readLock(file))?.info };
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

export async function readLock(file: string): Promise<{ info?: LockInfo; mtimeMs: number } | undefined> {
  try {
    const [text, st] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
    let info: LockInfo | undefined;
    try {
      info = JSON.parse(text) as LockInfo;
    } catch {
      info = undefined; // a holder that crashed between creating and writing the file
    }
    return { info, mtimeMs: st.mtimeMs };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
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
  try {
    await mkdir(guard);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    // A recoverer that crashed holding the guard: it only ever holds it for milliseconds.
    const st = await stat(guard).catch(() => undefined);
    if (st && nowMs() - st.mtimeMs > GUARD_STALE_MS) await rmdir(guard).catch(() => undefined);
    return false;
  }
  try {
    const again = await readLock(file);
    if (!again) return true;
    const same = again.info?.token === stale.info?.token && (stale.info !== undefined || again.mtimeMs === stale.mtimeMs);
    if (!same) return false;
    await unlink(file);
    return true;
  } finally {
    await rmdir(guard).catch(() => undefined);
  }
}

const GUARD_STALE_MS = 10_000;

function holdLock(file: string, info: LockInfo, opts: LockOptions): HeldLock {
  const beat = setInterval(() => {
    const t = new Date(opts.nowMs());
    utimes(file, t, t).catch(() => undefined);
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
      if (current?.info?.token === info.token) await unlink(file).catch(() => undefined);
    },
  };
}
