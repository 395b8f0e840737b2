import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BilatError } from '../../src/errors.js';
import { readHistory } from '../../src/schedule/history.js';
import { lockFileFor } from '../../src/schedule/lock.js';
import { runJob, type RunJobOptions } from '../../src/schedule/run-job.js';
import { notePending, RUN_MARKER, stagedFolder } from '../../src/schedule/staging.js';
import type { ResolvedJob } from '../../src/config/index.js';
import { FakeClock, fakeBuild, memoryLogger, oneJob, TEMPLATES, tempProject } from './helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function setup(job: Record<string, unknown> = {}) {
  const p = tempProject();
  cleanups.push(p.cleanup);
  const clock = new FakeClock('2026-11-23T03:00:00Z'); // Monday 07:00 in Baku
  clock.auto = true;
  const build = fakeBuild();
  const log = memoryLogger(clock);
  const j = oneJob(p.root, { audiences: ['executive'], formats: ['html'], ...job });
  const run = (at = '2026-11-23T03:00:00Z', extra: Partial<RunJobOptions> = {}) =>
    runJob(j, { at: new Date(at), trigger: 'schedule', clock, build, log, shippedTemplates: TEMPLATES, ...extra });
  return { root: p.root, job: j, clock, build, log, run };
}

const ls = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

describe('runJob', () => {
  it('builds into the run folder with the slot’s as-of day, marks it, records the run', async () => {
    const { root, job, build, log, run } = setup();
    const r = await run();
    expect(r).toMatchObject({
      status: 'ok',
      attempt: 1,
      scheduledFor: '2026-11-23T07:00:00+04:00',
      asOf: '2026-11-23',
      files: ['output/weekly/2026-11-23/az-kg-executive.html'],
      folders: ['output/weekly/2026-11-23'],
    });
    expect(build.calls[0]).toMatchObject({ asOf: '2026-11-23', audiences: ['executive'], formats: ['html'] });
    expect(ls(join(root, 'output/weekly/2026-11-23'))).toEqual([RUN_MARKER, 'az-kg-executive.html']);
    expect(ls(join(root, 'output/weekly'))).toEqual(['2026-11-23']); // no temp folder left
    expect(await readHistory(job.stateDir)).toEqual([r]);
    expect(existsSync(lockFileFor(job.stateDir, job.name))).toBe(false);
    expect(log.entries.map((e) => e.event)).toEqual(['start', 'end']);
  });

  it('splits the run per pair and audience when out uses {pair} and {audience}', async () => {
    const { root, build, run } = setup({
      data: ['data/*.yaml'],
      audiences: ['executive', 'public'],
      out: 'output/{job}/{date}/{pair}/{audience}',
    });
    const r = await run();
    expect(build.calls).toHaveLength(4);
    expect(r!.folders).toEqual(
      ['az-kg/executive', 'az-kg/public', 'tr-az/executive', 'tr-az/public'].map((f) => `output/weekly/2026-11-23/${f}`),
    );
    expect(ls(join(root, 'output/weekly/2026-11-23/tr-az/public'))).toEqual([RUN_MARKER, 'tr-az-public.html']);
  });

  it('retries with exponential backoff; the run fails only after the last retry', async () => {
    const { job, clock, build, log, run } = setup({ retries: 2, retryDelay: 5 });
    build.failures.push(new Error('disk hiccup'), new Error('disk hiccup'), new Error('still broken'));
    const r = await run();
    expect(r).toMatchObject({ status: 'failed', attempt: 3, error: 'still broken', exitCode: 4, files: [] });
    expect(clock.sleeps).toEqual([5_000, 10_000]);
    expect(r!.durationMs).toBe(15_000);
    expect(log.entries.filter((e) => e.event === 'retry').map((e) => e.message)).toEqual([
      'attempt 1/3 failed: disk hiccup; next in 5 s',
      'attempt 2/3 failed: disk hiccup; next in 10 s',
    ]);
    expect(ls(join(job.root, 'output/weekly'))).toEqual([]); // nothing partial

    build.failures.push(new Error('once'));
    expect(await run('2026-11-30T03:00:00Z')).toMatchObject({ status: 'ok', attempt: 2 });
  });

  it('does not retry invalid data: it fails the same way again', async () => {
    const { build, clock, run } = setup({ retries: 3 });
    build.failures.push(new BilatError('E_DATA_INVALID', 'invalid data', { file: 'data/az-kg.yaml', line: 3, column: 1 }));
    expect(await run()).toMatchObject({ status: 'failed', attempt: 1, exitCode: 1, error: 'data/az-kg.yaml:3:1  invalid data' });
    expect(clock.sleeps).toEqual([]);
  });

  it('a run killed mid-render leaves no partial files in a run folder; the next run cleans up first', async () => {
    const { root, job, log, run } = setup();
    // What kill -9 during the build leaves: a temp folder with half the files, and the pending note.
    const staged = stagedFolder(join(root, 'output/weekly/2026-11-16'), 'killed');
    mkdirSync(staged.temp, { recursive: true });
    writeFileSync(join(staged.temp, 'az-kg-executive.pdf'), '%PDF-1.7 half');
    await notePending(job.stateDir, job.name, [staged]);
    expect(ls(join(root, 'output/weekly'))).toEqual(['.2026-11-16.tmp-killed']);

    await run();
    expect(ls(join(root, 'output/weekly'))).toEqual(['2026-11-23']);
    expect(log.entries.find((e) => e.event === 'clean')?.message).toMatch(/removed 1 partial folder/);
  });

  it('a crash while swapping a folder in puts the previous folder back', async () => {
    const { root, job, run } = setup();
    await run();
    const staged = stagedFolder(join(root, 'output/weekly/2026-11-23'), 'swap');
    await notePending(job.stateDir, job.name, [staged]);
    const { renameSync } = await import('node:fs');
    renameSync(staged.final, staged.old); // crashed between the two renames
    await run('2026-11-30T03:00:00Z');
    expect(ls(join(root, 'output/weekly'))).toEqual(['2026-11-23', '2026-11-30']);
  });

  it('never replaces a folder the job did not make', async () => {
    const { root, build, run } = setup();
    mkdirSync(join(root, 'output/weekly/2026-11-23'), { recursive: true });
    writeFileSync(join(root, 'output/weekly/2026-11-23/notes.txt'), 'mine');
    expect(await run()).toMatchObject({ status: 'failed', attempt: 0, error: expect.stringMatching(/was not made by job "weekly"/) });
    expect(build.calls).toHaveLength(0);
    expect(readFileSync(join(root, 'output/weekly/2026-11-23/notes.txt'), 'utf8')).toBe('mine');
  });

  it('retention deletes only this job’s own old run folders', async () => {
    const { root, job, run } = setup({ keep: 2 });
    // Things that must survive: a user's folder, another job's run folder, a folder the history never named.
    mkdirSync(join(root, 'output/weekly/2026-01-01'), { recursive: true });
    mkdirSync(join(root, 'output/other/2026-11-02'), { recursive: true });
    writeFileSync(join(root, 'output/other/2026-11-02', RUN_MARKER), JSON.stringify({ job: 'other' }));
    const other = oneJob(root, { name: 'other', audiences: ['executive'], formats: ['html'] });
    await runJob(other, {
      at: new Date('2026-11-02T03:00:00Z'),
      trigger: 'manual',
      clock: new FakeClock('2026-11-02T03:00:00Z'),
      build: fakeBuild(),
      log: memoryLogger(new FakeClock('2026-11-02T03:00:00Z')),
      shippedTemplates: TEMPLATES,
    });
    for (const day of ['02', '09', '16', '23', '30']) await run(`2026-11-${day}T03:00:00Z`);
    expect(ls(join(root, 'output/weekly'))).toEqual(['2026-01-01', '2026-11-23', '2026-11-30']);
    expect(ls(join(root, 'output/other'))).toEqual(['2026-11-02']);
    expect(ls(join(root, 'output')).sort()).toEqual(['.bilat', 'other', 'weekly']);
    void job;
  });

  it('keepDays deletes run folders of slots older than that', async () => {
    const { root, clock, run } = setup({ keepDays: 10 });
    await run('2026-11-09T03:00:00Z');
    await run('2026-11-16T03:00:00Z');
    await clock.advanceTo('2026-11-23T04:00:00Z');
    await run('2026-11-23T03:00:00Z');
    expect(ls(join(root, 'output/weekly'))).toEqual(['2026-11-16', '2026-11-23']);
  });

  describe('when another process holds the job’s lock', () => {
    function holdLock(job: ResolvedJob, scheduledFor = '2026-11-16T07:00:00+04:00') {
      mkdirSync(join(job.stateDir, 'locks'), { recursive: true });
      writeFileSync(
        lockFileFor(job.stateDir, job.name),
        JSON.stringify({ pid: process.pid, hostname: hostname(), startedAt: 'x', scheduledFor, token: 't' }),
      );
    }

    it('overlap skip: records a skipped slot and does not build', async () => {
      const { job, build, run } = setup({ overlap: 'skip' });
      holdLock(job);
      const r = await run();
      expect(r).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/previous run still running \(pid \d+/) });
      expect(build.calls).toHaveLength(0);
    });

    it('overlap queue: waits for the lock, then runs', async () => {
      const { job, build, clock, run } = setup({ overlap: 'queue' });
      holdLock(job);
      clock.auto = false;
      const pending = run();
      await new Promise((r) => setTimeout(r, 30));
      expect(build.calls).toHaveLength(0);
      const { unlinkSync } = await import('node:fs');
      unlinkSync(lockFileFor(job.stateDir, job.name));
      await clock.advanceTo('2026-11-23T03:00:05Z');
      expect(await pending).toMatchObject({ status: 'ok' });
    });

    it('the same slot held elsewhere (two schedulers on one folder) is left to the holder, unrecorded', async () => {
      const { job, build, run } = setup({ overlap: 'queue' });
      holdLock(job, '2026-11-23T07:00:00+04:00');
      expect(await run()).toBeUndefined();
      expect(build.calls).toHaveLength(0);
      expect(await readHistory(job.stateDir)).toEqual([]);
    });
  });

  it('a slot that already ran (in another process) does not run again', async () => {
    const { build, run } = setup();
    await run();
    expect(await run()).toBeUndefined();
    expect(build.calls).toHaveLength(1);
  });
});
