import { existsSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appendRecord, readHistory, type RunRecord } from '../../src/schedule/history.js';
import { createScheduler, MAX_QUEUED } from '../../src/schedule/scheduler.js';
import { FakeClock, fakeBuild, memoryLogger, resolveJobsFor, TEMPLATES, tempProject } from './helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const BASE = { timezone: 'UTC', data: ['data/az-kg.yaml'], audiences: ['executive'], formats: ['html'], retryDelay: 1 };

function setup(jobs: Record<string, unknown>[], start = '2026-11-23T00:00:00Z') {
  const p = tempProject();
  cleanups.push(p.cleanup);
  const config = resolveJobsFor(
    p.root,
    jobs.map((j) => ({ ...BASE, ...j })),
  );
  const clock = new FakeClock(start);
  const build = fakeBuild();
  const log = memoryLogger(clock);
  const scheduler = createScheduler({ config, clock, build, log, shippedTemplates: TEMPLATES, lockPollMs: 100 });
  clock.between = () => scheduler.idle();
  const history = async (job?: string) =>
    (await readHistory(config.jobs[0]!.stateDir, job)).map((r) => `${r.job} ${r.scheduledFor} ${r.status} ${r.trigger}`);
  cleanups.push(() => scheduler.stop());
  return { root: p.root, config, clock, build, log, scheduler, history };
}

/** History as a previous scheduler process left it. */
async function seed(stateDir: string, job: string, scheduledFor: string, since?: string) {
  const r: RunRecord = {
    job,
    runId: 'old',
    trigger: 'schedule',
    scheduledFor,
    asOf: scheduledFor.slice(0, 10),
    startedAt: scheduledFor,
    endedAt: scheduledFor,
    durationMs: 1,
    status: 'ok',
    attempt: 1,
    files: [],
    folders: [],
    pid: 1,
    host: 'h',
  };
  await appendRecord(stateDir, r);
  if (since) {
    mkdirSync(join(stateDir, 'jobs'), { recursive: true });
    writeFileSync(join(stateDir, 'jobs', `${job}.json`), JSON.stringify({ since }));
  }
}

describe('scheduler', () => {
  it('runs each slot when the clock reaches it, and nothing before', async () => {
    const { clock, scheduler, history, build } = setup([{ name: 'hourly', cron: '0 * * * *' }]);
    await scheduler.start();
    await clock.advanceTo('2026-11-23T00:59:59Z');
    expect(build.calls).toHaveLength(0);
    await clock.advanceTo('2026-11-23T02:00:00Z');
    await scheduler.idle();
    expect(await history()).toEqual(['hourly 2026-11-23T01:00:00+00:00 ok schedule', 'hourly 2026-11-23T02:00:00+00:00 ok schedule']);
    expect(build.calls.map((c) => c.asOf)).toEqual(['2026-11-23', '2026-11-23']);
  });

  it('first start: no history, nothing to catch up (a new job does not replay the past)', async () => {
    const { scheduler, build, clock } = setup([{ name: 'daily', cron: '0 7 * * *', catchUp: 'all' }]);
    await scheduler.start();
    await clock.advanceTo('2026-11-23T06:00:00Z');
    await scheduler.idle();
    expect(build.calls).toHaveLength(0);
  });

  describe('catch-up on start, after slots passed while nothing ran', () => {
    const daily = { name: 'daily', cron: '0 7 * * *' };
    const start = '2026-11-23T12:00:00Z'; // last run Nov 19: missed Nov 20, 21, 22, 23

    it('none: records the missed slots as one skip, runs nothing', async () => {
      const { config, scheduler, history, build } = setup([{ ...daily, catchUp: 'none' }], start);
      await seed(config.jobs[0]!.stateDir, 'daily', '2026-11-19T07:00:00+00:00');
      await scheduler.start();
      await scheduler.idle();
      expect(build.calls).toHaveLength(0);
      expect((await history()).slice(1)).toEqual(['daily 2026-11-23T07:00:00+00:00 skipped catch-up']);
      expect((await readHistory(config.jobs[0]!.stateDir)).at(-1)).toMatchObject({
        missed: 4,
        reason: expect.stringMatching(/catchUp: none/),
      });
    });

    it('latest: runs the most recent missed slot (as of its own day)', async () => {
      const { config, scheduler, history, build } = setup([{ ...daily, catchUp: 'latest' }], start);
      await seed(config.jobs[0]!.stateDir, 'daily', '2026-11-19T07:00:00+00:00');
      await scheduler.start();
      await scheduler.idle();
      expect(build.calls.map((c) => c.asOf)).toEqual(['2026-11-23']);
      expect((await history()).slice(1)).toEqual([
        'daily 2026-11-22T07:00:00+00:00 skipped catch-up',
        'daily 2026-11-23T07:00:00+00:00 ok catch-up',
      ]);
    });

    it('all: runs every missed slot in order, at most catchUpLimit', async () => {
      const { config, scheduler, build } = setup([{ ...daily, catchUp: 'all', catchUpLimit: 3 }], start);
      await seed(config.jobs[0]!.stateDir, 'daily', '2026-11-19T07:00:00+00:00');
      await scheduler.start();
      await scheduler.idle();
      expect(build.calls.map((c) => c.asOf)).toEqual(['2026-11-21', '2026-11-22', '2026-11-23']);
    });

    it('counts from when the job was first watched when it never ran', async () => {
      const { config, scheduler, build } = setup([{ ...daily, catchUp: 'all' }], start);
      mkdirSync(join(config.jobs[0]!.stateDir, 'jobs'), { recursive: true });
      writeFileSync(join(config.jobs[0]!.stateDir, 'jobs', 'daily.json'), JSON.stringify({ since: '2026-11-22T00:00:00Z' }));
      await scheduler.start();
      await scheduler.idle();
      expect(build.calls.map((c) => c.asOf)).toEqual(['2026-11-22', '2026-11-23']);
    });
  });

  describe('overlap', () => {
    const everyMinute = { name: 'slow', cron: '* * * * *' };

    it('skip: a slot that comes while the previous run still runs is skipped and recorded', async () => {
      const { clock, scheduler, history, build } = setup([{ ...everyMinute, overlap: 'skip' }]);
      let open!: () => void;
      build.gate = new Promise((r) => (open = r));
      clock.between = undefined;
      await scheduler.start();
      await clock.advanceTo('2026-11-23T00:03:00Z');
      open();
      await scheduler.idle();
      expect(build.calls).toHaveLength(1);
      expect(await history()).toEqual([
        'slow 2026-11-23T00:02:00+00:00 skipped schedule',
        'slow 2026-11-23T00:03:00+00:00 skipped schedule',
        'slow 2026-11-23T00:01:00+00:00 ok schedule',
      ]);
    });

    it('queue: such slots run after it, in order, each as of its own slot', async () => {
      const { clock, scheduler, history, build } = setup([{ ...everyMinute, overlap: 'queue', out: 'output/{job}/{date}-{time}' }]);
      let open!: () => void;
      build.gate = new Promise((r) => (open = r));
      clock.between = undefined;
      await scheduler.start();
      await clock.advanceTo('2026-11-23T00:03:00Z');
      await vi.waitFor(() => expect(build.calls).toHaveLength(1));
      build.gate = undefined;
      open();
      await scheduler.idle();
      expect(await history()).toEqual(['01', '02', '03'].map((m) => `slow 2026-11-23T00:${m}:00+00:00 ok schedule`));
    });

    it(`queue: beyond ${MAX_QUEUED} waiting slots, new ones are skipped`, async () => {
      const { clock, scheduler, history, build } = setup([{ ...everyMinute, overlap: 'queue', out: 'output/{job}/{date}-{time}' }]);
      let open!: () => void;
      build.gate = new Promise((r) => (open = r));
      clock.between = undefined;
      await scheduler.start();
      for (let m = 1; m <= MAX_QUEUED + 3; m++) await clock.advanceTo(`2026-11-23T00:${String(m).padStart(2, '0')}:00Z`);
      open();
      await scheduler.idle();
      const h = await history();
      expect(h.filter((l) => l.endsWith('ok schedule'))).toHaveLength(MAX_QUEUED + 1);
      expect(h.filter((l) => l.includes('skipped'))).toHaveLength(2);
    });
  });

  it('a failing job never stops the others', async () => {
    const { clock, scheduler, build, config } = setup([
      { name: 'broken', cron: '0 * * * *', data: ['data/az-kg.yaml'], retries: 0 },
      { name: 'fine', cron: '0 * * * *', data: ['data/tr-az.yaml'] },
    ]);
    const flaky = async (o: Parameters<typeof build>[0]) =>
      o.data[0]!.endsWith('az-kg.yaml') ? Promise.reject(new Error('boom')) : build(o);
    scheduler.stop();
    const s2 = createScheduler({ config, clock, build: flaky, log: memoryLogger(clock), shippedTemplates: TEMPLATES });
    clock.between = () => s2.idle();
    cleanups.push(() => s2.stop());
    await s2.start();
    await clock.advanceTo('2026-11-23T03:00:00Z');
    await s2.idle();
    const h = await readHistory(config.jobs[0]!.stateDir);
    expect(h.filter((r) => r.job === 'broken').map((r) => `${r.status} ${r.error}`)).toEqual(['failed boom', 'failed boom', 'failed boom']);
    expect(h.filter((r) => r.job === 'fine').map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
  });

  it('stop: takes no new runs, lets the current one finish, then resolves done', async () => {
    const { clock, scheduler, history, build, root } = setup([
      { name: 'slow', cron: '* * * * *', overlap: 'queue', out: 'output/{job}/{time}' },
    ]);
    let open!: () => void;
    build.gate = new Promise((r) => (open = r));
    clock.between = undefined;
    await scheduler.start();
    await clock.advanceTo('2026-11-23T00:02:00Z'); // 00:01 running, 00:02 queued
    scheduler.stop('SIGTERM received');
    let done = false;
    void scheduler.done.then(() => (done = true));
    await clock.advanceTo('2026-11-23T00:05:00Z');
    expect(done).toBe(false);
    open();
    await scheduler.done;
    expect(await history()).toEqual(['slow 2026-11-23T00:01:00+00:00 ok schedule']);
    expect(readdirSync(join(root, 'output/slow'))).toEqual(['0001']);
    expect(existsSync(join(root, 'output/.bilat/locks/slow.lock'))).toBe(false);
  });

  it('woken long after a slot (suspend): the passed slots follow the catch-up policy, not a replay', async () => {
    const { clock, scheduler, build } = setup([{ name: 'm', cron: '* * * * *', catchUp: 'latest' }]);
    await scheduler.start();
    // Jump the clock without waking anyone in between, as a suspended machine does.
    clock.jump('2026-11-23T05:00:30Z');
    await clock.advanceTo('2026-11-23T05:00:30Z');
    await scheduler.idle();
    expect(build.calls.map((c) => c.asOf)).toHaveLength(1);
  });
});

describe('a scheduler with nothing left to wait for (issue 9 §11)', () => {
  it('stops by itself and says why when no job has a further slot, so `done` settles (no silent exit 13)', async () => {
    const { config, clock, log } = setup([{ name: 'never', cron: '0 7 * * MON' }]);
    // The config check rejects such a cron; the scheduler must still end cleanly if one gets through.
    const never = { ...config, jobs: [{ ...config.jobs[0]!, cron: '0 0 30 2 *' }] };
    const scheduler = createScheduler({ config: never, clock, build: fakeBuild(), log, shippedTemplates: TEMPLATES });
    await scheduler.start();
    const settled = await Promise.race([scheduler.done, new Promise((r) => setTimeout(() => r('still waiting'), 5_000))]);
    expect(settled).toBe('no-slots');
    expect(log.entries.map((e) => `${e.event} ${e.message}`)).toEqual(
      expect.arrayContaining(['next no further slots', 'scheduler no job has a further slot: taking no new runs', 'scheduler stopped']),
    );
  });
});
