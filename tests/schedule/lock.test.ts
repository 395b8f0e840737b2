import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLock, tryAcquireLock, type LockInfo } from '../../src/schedule/lock.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bilat-lock-'));
  file = join(dir, 'locks', 'job.lock');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A pid that surely belongs to no process: one that just exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

function plant(info: Partial<LockInfo>, ageMs = 0) {
  mkdirSync(join(dir, 'locks'), { recursive: true });
  writeFileSync(
    file,
    JSON.stringify({ pid: process.pid, hostname: hostname(), startedAt: '2026-01-01T00:00:00Z', token: 'planted', ...info }),
  );
  const t = new Date(Date.now() - ageMs);
  utimesSync(file, t, t);
}

describe('job lock', () => {
  it('is exclusive, records who holds it, and is released', async () => {
    const a = await tryAcquireLock(file, { scheduledFor: '2026-11-23T07:00:00+04:00' });
    expect(a.ok).toBe(true);
    const b = await tryAcquireLock(file, {});
    expect(b).toMatchObject({ ok: false, holder: { pid: process.pid, scheduledFor: '2026-11-23T07:00:00+04:00' } });
    if (a.ok) await a.lock.release();
    expect(existsSync(file)).toBe(false);
    expect((await tryAcquireLock(file, {})).ok).toBe(true);
  });

  it('recovers a lock whose process died (kill -9, crash)', async () => {
    const pid = deadPid();
    plant({ pid });
    const got = await tryAcquireLock(file, {});
    expect(got.ok).toBe(true);
    if (got.ok) {
      expect(got.recovered?.reason).toBe(`process ${pid} is gone`);
      expect((await readLock(file))?.info?.pid).toBe(process.pid);
    }
    expect(readdirSync(join(dir, 'locks'))).toEqual(['job.lock']); // the stale one is gone, not parked
  });

  it('keeps a lock of a live process on this host, even an old one, up to maxAge', async () => {
    plant({ pid: process.pid }, 10 * 60_000);
    expect((await tryAcquireLock(file, {})).ok).toBe(false);
    const got = await tryAcquireLock(file, {}, { maxAgeMs: 5 * 60_000 });
    expect(got.ok && got.recovered?.reason).toMatch(/has not refreshed its lock/);
  });

  it('judges a lock from another host by its heartbeat', async () => {
    plant({ hostname: 'other-host', pid: 1 }, 30_000);
    expect((await tryAcquireLock(file, {})).ok).toBe(false);
    plant({ hostname: 'other-host', pid: 1 }, 120_000);
    const got = await tryAcquireLock(file, {});
    expect(got.ok && got.recovered?.reason).toMatch(/no heartbeat from other-host/);
  });

  it('treats a fresh empty lock (holder between create and write) as held, an old one as stale', async () => {
    mkdirSync(join(dir, 'locks'), { recursive: true });
    writeFileSync(file, '');
    expect((await tryAcquireLock(file, {})).ok).toBe(false);
    const old = new Date(Date.now() - 120_000);
    utimesSync(file, old, old);
    expect((await tryAcquireLock(file, {})).ok).toBe(true);
  });

  it('the holder keeps its lock fresh (heartbeat), and release never removes a lock it does not own', async () => {
    const got = await tryAcquireLock(file, {}, { heartbeatMs: 20 });
    if (!got.ok) throw new Error('not acquired');
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(file, old, old);
    await new Promise((r) => setTimeout(r, 80));
    expect(Date.now() - (await readLock(file))!.mtimeMs).toBeLessThan(5_000);
    plant({ token: 'someone-else' });
    await got.lock.release();
    expect((await readLock(file))?.info?.token).toBe('someone-else');
  });

  it('several takers racing for a stale lock: exactly one wins, every time', async () => {
    const dead = deadPid();
    for (let round = 0; round < 30; round++) {
      rmSync(join(dir, 'locks'), { recursive: true, force: true });
      plant({ pid: dead });
      const results = await Promise.all([1, 2, 3, 4].map(() => tryAcquireLock(file, {})));
      expect(
        results.filter((r) => r.ok),
        `round ${round}`,
      ).toHaveLength(1);
      for (const r of results) if (r.ok) await r.lock.release();
    }
  });
});

describe('a heartbeat in the future (issue 9 §8)', () => {
  it('a live holder whose clock runs a day ahead keeps its lock: each heartbeat moves it forward again', async () => {
    const ahead = await tryAcquireLock(file, {}, { nowMs: () => Date.now() + 86_400_000, heartbeatMs: 50 });
    expect(ahead.ok).toBe(true);
    await new Promise((r) => setTimeout(r, 150)); // its first heartbeats
    // This host and a live pid: its max age is what would expire, so it is short here.
    const opts = { staleMs: 300, maxAgeMs: 300 };
    const first = await tryAcquireLock(file, {}, opts);
    expect(first).toMatchObject({ ok: false, warning: expect.stringMatching(/has a heartbeat \d+ s in the future/) });
    // Well past the stale window counted from the first look: the holder's heartbeats keep it held.
    await new Promise((r) => setTimeout(r, 600));
    expect((await tryAcquireLock(file, {}, opts)).ok).toBe(false);
    if (ahead.ok) await ahead.lock.release();
  });

  it('a dead holder’s future heartbeat is counted from the first look, then the lock is taken over', async () => {
    plant({ hostname: 'other-host', pid: 1 }, -86_400_000);
    const opts = { staleMs: 300 };
    const first = await tryAcquireLock(file, {}, opts);
    expect(first).toMatchObject({ ok: false, warning: expect.stringContaining('(pid 1 on other-host) has a heartbeat') });
    await new Promise((r) => setTimeout(r, 600));
    const later = await tryAcquireLock(file, {}, opts);
    expect(later.ok && later.recovered?.reason).toMatch(/^no heartbeat from other-host for \d+ s$/);
  });

  it('within the clock-skew allowance a future heartbeat is not remarked on', async () => {
    plant({ hostname: 'other-host', pid: 1 }, -10_000);
    const got = await tryAcquireLock(file, {});
    expect(got).toEqual({ ok: false, holder: expect.objectContaining({ hostname: 'other-host' }), warning: undefined });
  });
});

it('a stray file at the recovery guard path does not block recovery for good', async () => {
  plant({ pid: deadPid() });
  writeFileSync(`${file}.recover`, 'not a guard');
  expect((await tryAcquireLock(file, {})).ok).toBe(false); // this attempt clears the stray file
  const got = await tryAcquireLock(file, {});
  expect(got.ok && got.recovered?.reason).toMatch(/is gone$/);
});
