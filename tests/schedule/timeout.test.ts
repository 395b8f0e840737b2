// A run's time limit (`timeout`), on the injected clock: stopped, nothing published, recorded as timed-out.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDuration, parseDuration } from '../../src/config/duration.js';
import { loadConfig } from '../../src/config/index.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { BilatError } from '../../src/errors.js';
import type { BuildOptions, BuildResult } from '../../src/pipeline.js';
import { readHistory } from '../../src/schedule/history.js';
import { lockFileFor } from '../../src/schedule/lock.js';
import { runJob } from '../../src/schedule/run-job.js';
import { createScheduler } from '../../src/schedule/scheduler.js';
import { FakeClock, fakeBuild, memoryLogger, oneJob, resolveJobsFor, TEMPLATES, tempProject } from './helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const SLOT = '2026-11-23T03:00:00Z'; // Monday 07:00 in Baku
const ls = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

function setup(job: Record<string, unknown>, auto = false) {
  const p = tempProject();
  cleanups.push(p.cleanup);
  const clock = new FakeClock(SLOT);
  clock.auto = auto;
  const log = memoryLogger(clock);
  const j = oneJob(p.root, { data: ['data/*.yaml'], audiences: ['executive'], formats: ['html'], ...job });
  return { root: p.root, job: j, clock, log };
}

/** A build that, like runBatch with a worker pool, stops when its signal aborts and reports what it did not build. */
function stoppableBuild() {
  const calls: BuildOptions[] = [];
  const build = (opts: BuildOptions) => {
    calls.push(opts);
    return new Promise<BuildResult>((resolve) => {
      opts.signal!.addEventListener(
        'abort',
        () => resolve({ files: [], diagnostics: [], results: [], upToDate: [], durationMs: 0, aborted: true, notBuilt: opts.data }),
        { once: true },
      );
    });
  };
  return Object.assign(build, { calls });
}

describe('timeout', () => {
  it('stops a run over its limit: no retry, nothing published, lock released, recorded as timed-out (exit code 3)', async () => {
    const { root, job, clock, log } = setup({ timeout: '10m', retries: 2 });
    const build = stoppableBuild();
    const running = runJob(job, { at: new Date(SLOT), trigger: 'schedule', clock, build, log, shippedTemplates: TEMPLATES });
    await vi.waitFor(() => expect(build.calls).toHaveLength(1));
    expect(build.calls[0]!.signal?.aborted).toBe(false);
    await clock.advanceTo('2026-11-23T03:09:59Z');
    expect(build.calls[0]!.signal?.aborted).toBe(false);
    await clock.advanceTo('2026-11-23T03:10:00Z');
    const r = await running;

    expect(r).toMatchObject({
      status: 'timed-out',
      attempt: 1,
      exitCode: 3,
      durationMs: 600_000,
      timeoutMs: 600_000,
      notBuilt: ['data/az-kg.yaml', 'data/tr-az.yaml'],
      files: [],
      folders: [],
      error: 'timed out (timeout 10m) in attempt 1/3; 2 data file(s) not built; nothing was published',
    });
    expect(build.calls).toHaveLength(1); // the limit covers the whole run: nothing left to retry with
    expect(ls(join(root, 'output/weekly'))).toEqual([]); // no run folder, no temp folder
    expect(existsSync(lockFileFor(job.stateDir, job.name))).toBe(false);
    expect(await readHistory(job.stateDir, job.name)).toEqual([r]);
    expect(log.entries.map((e) => e.event)).toEqual(['start', 'timeout', 'end']);
    expect(log.entries[2]!.message).toBe(
      'timed out in 600.0 s: timed out (timeout 10m) in attempt 1/3; 2 data file(s) not built; nothing was published',
    );
  });

  it('a file that finishes after the deadline (a render the timer could not interrupt) is not published', async () => {
    const { root, job, clock, log } = setup({ timeout: '90s' });
    const inner = fakeBuild();
    const build = async (opts: BuildOptions) => {
      const r = await inner(opts);
      clock.jump('2026-11-23T03:01:31Z'); // the event loop was busy: the watchdog never woke
      return r;
    };
    const r = await runJob(job, { at: new Date(SLOT), trigger: 'schedule', clock, build, log, shippedTemplates: TEMPLATES });
    expect(r).toMatchObject({
      status: 'timed-out',
      attempt: 1,
      notBuilt: [],
      error: 'timed out (timeout 1m30s) in attempt 1/3; nothing was published',
    });
    expect(ls(join(root, 'output/weekly'))).toEqual([]);
  });

  it('covers retries: a limit reached during the backoff ends the run as timed-out, naming the last failure', async () => {
    const { job, clock, log } = setup({ timeout: '15m', retries: 3, retryDelay: 600 }, true);
    const build = fakeBuild();
    build.failures.push(new Error('disk hiccup'), new Error('disk hiccup'), new Error('disk hiccup'));
    const r = await runJob(job, { at: new Date(SLOT), trigger: 'schedule', clock, build, log, shippedTemplates: TEMPLATES });
    expect(build.calls).toHaveLength(2);
    expect(clock.sleeps).toEqual([600_000, 1_200_000]);
    expect(r).toMatchObject({
      status: 'timed-out',
      attempt: 2,
      exitCode: 3,
      error: 'timed out (timeout 15m) waiting to retry after: disk hiccup; nothing was published',
    });
  });

  it('a run within its limit is unaffected, and its timer is gone afterwards', async () => {
    const { job, clock, log } = setup({}, true);
    expect(job.timeoutMs).toBe(30 * 60_000); // the default
    const build = fakeBuild();
    const r = await runJob(job, { at: new Date(SLOT), trigger: 'schedule', clock, build, log, shippedTemplates: TEMPLATES });
    expect(r).toMatchObject({ status: 'ok', attempt: 1 });
    expect(r).not.toHaveProperty('notBuilt');
    expect(build.calls[0]!.signal).toBeInstanceOf(AbortSignal);
    expect(build.calls[0]!.signal!.aborted).toBe(false);
    clock.auto = false;
    await clock.advanceTo('2026-11-23T05:00:00Z');
    expect(build.calls[0]!.signal!.aborted).toBe(false);
  });

  it('in the scheduler, a hung run times out and the next slot runs as usual', async () => {
    const p = tempProject();
    cleanups.push(p.cleanup);
    const config = resolveJobsFor(p.root, [
      {
        name: 'hourly',
        cron: '0 * * * *',
        timezone: 'UTC',
        data: ['data/az-kg.yaml'],
        audiences: ['executive'],
        formats: ['html'],
        timeout: '20m',
        overlap: 'skip',
      },
    ]);
    const clock = new FakeClock('2026-11-23T00:30:00Z');
    const stuck = stoppableBuild();
    const fine = fakeBuild();
    let calls = 0;
    const build = (o: BuildOptions) => (++calls === 1 ? stuck(o) : fine(o));
    const scheduler = createScheduler({ config, clock, build, log: memoryLogger(clock), shippedTemplates: TEMPLATES });
    cleanups.push(() => scheduler.stop());
    await scheduler.start();
    await clock.advanceTo('2026-11-23T01:00:00Z');
    await vi.waitFor(() => expect(stuck.calls).toHaveLength(1));
    await clock.advanceTo('2026-11-23T01:20:00Z');
    await scheduler.idle();
    clock.between = () => scheduler.idle();
    await clock.advanceTo('2026-11-23T02:00:00Z');
    const history = (await readHistory(config.jobs[0]!.stateDir)).map((r) => `${r.scheduledFor} ${r.status}`);
    expect(history).toEqual(['2026-11-23T01:00:00+00:00 timed-out', '2026-11-23T02:00:00+00:00 ok']);
  });
});

describe('timeout in the config', () => {
  it('reads seconds like retryDelay, or a duration with units', () => {
    const ms = (v: number | string) => parseDuration(v, { maxMs: 86_400_000 });
    expect([90, 0.5, '90s', '10m', '1h30m', '500ms', '2h', '1.5h'].map((v) => ms(v))).toEqual(
      [90_000, 500, 90_000, 600_000, 5_400_000, 500, 7_200_000, 5_400_000].map((n) => ({ ms: n })),
    );
    expect([1_800_000, 5_400_000, 90_000, 250, 7_200_000].map(formatDuration)).toEqual(['30m', '1h30m', '1m30s', '250ms', '2h']);
  });

  it('reports a bad timeout at its line and column, with how to write it', () => {
    const p = tempProject();
    cleanups.push(p.cleanup);
    const jobs = ['"10 minutes"', 'PT10M', '"1:30:00"', '0', '"48h"', 'soon', '-5'].map(
      (t, i) =>
        `  - name: j${i}\n    cron: "0 7 * * *"\n    timezone: UTC\n    data: data/az-kg.yaml\n    out: "output/{job}"\n    timeout: ${t}\n`,
    );
    writeFileSync(join(p.root, 'bilat.config.yaml'), `jobs:\n${jobs.join('')}`);
    let err: unknown;
    try {
      loadConfig({ cwd: p.root, shippedTemplates: TEMPLATES });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BilatError);
    expect((err as BilatError).exitCode).toBe(1);
    expect((err as BilatError).diagnostics!.map(formatDiagnostic)).toEqual([
      'bilat.config.yaml:7:14  error  jobs[0].timeout  timeout "10 minutes" is not a duration (did you mean "10m"?)',
      'bilat.config.yaml:13:14  error  jobs[1].timeout  timeout "PT10M" is not a duration (did you mean "10m"?)',
      'bilat.config.yaml:19:14  error  jobs[2].timeout  timeout "1:30:00" is not a duration (did you mean "1h30m"?)',
      'bilat.config.yaml:25:14  error  jobs[3].timeout  timeout 0 is not a positive duration (use a number of seconds, or a duration such as "90s", "10m", "1h30m")',
      'bilat.config.yaml:31:14  error  jobs[4].timeout  timeout "48h" is longer than the limit of 24h (use at most "24h")',
      'bilat.config.yaml:37:14  error  jobs[5].timeout  timeout "soon" is not a duration (use a number of seconds, or a duration such as "90s", "10m", "1h30m")',
      'bilat.config.yaml:43:14  error  jobs[6].timeout  timeout -5 is not a positive duration (use a number of seconds, or a duration such as "90s", "10m", "1h30m")',
    ]);
  });

  it('resolves timeout and history limits, with defaults', () => {
    const p = tempProject();
    cleanups.push(p.cleanup);
    const config = resolveJobsFor(
      p.root,
      [
        { name: 'a', cron: '0 7 * * *', timezone: 'UTC', data: 'data/az-kg.yaml', out: 'output/{job}', timeout: 45 },
        { name: 'b', cron: '0 7 * * *', timezone: 'UTC', data: 'data/az-kg.yaml', out: 'output/{job}', timeout: '2h' },
      ],
      { history: { keep: 50, maxBytes: 65536 } },
    );
    expect(config.jobs.map((j) => [j.timeoutMs, j.historyKeep, j.historyMaxBytes])).toEqual([
      [45_000, 50, 65536],
      [7_200_000, 50, 65536],
    ]);
    expect(oneJob(p.root, {})).toMatchObject({ timeoutMs: 1_800_000, historyKeep: 1000, historyMaxBytes: 1_048_576 });
  });
});
