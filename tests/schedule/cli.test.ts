import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import yargs from 'yargs';
import { afterEach, describe, expect, it } from 'vitest';
import { jobsCommand } from '../../src/cli/commands/jobs.js';
import { scheduleCommand } from '../../src/cli/commands/schedule.js';
import type { CliIO } from '../../src/cli/io.js';
import { reportError } from '../../src/cli/run.js';
import { BilatError } from '../../src/errors.js';
import { appendRecord } from '../../src/schedule/history.js';
import { FIXTURES, tempProject } from './helpers.js';

/** The CLI as src/cli/run.ts wires it, with only the scheduling commands (run() once they are registered). */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l), isTTY: false, color: false };
  let code = 0;
  const setExit = (c: number) => (code = c);
  try {
    await yargs(args)
      .scriptName('bilat')
      .command(jobsCommand(io, setExit))
      .command(scheduleCommand(io, setExit))
      .strict()
      .exitProcess(false)
      .fail((msg, e) => {
        if (e) throw e;
        throw new BilatError('E_USAGE', msg ?? 'invalid usage');
      })
      .parseAsync(args, {}, () => undefined);
  } catch (e) {
    code = reportError(io, e, false);
  }
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function project(configFile: string) {
  const p = tempProject();
  cleanups.push(p.cleanup);
  copyFileSync(configFile, join(p.root, 'bilat.config.yaml'));
  return p.root;
}

describe('bilat jobs / schedule (messages and exit codes)', () => {
  it('an invalid config: every problem, located, with its fix, exit 1, nothing runs', async () => {
    const root = project(join(FIXTURES, 'bad.config.yaml'));
    for (const args of [['schedule'], ['jobs', 'list'], ['jobs', 'run', 'weekly-az-kg']]) {
      const r = await cli([...args, '--config', join(root, 'bilat.config.yaml')]);
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      const err = r.err.replaceAll(root, '<root>');
      expect(err.split('\n')[0]).toBe('<root>/bilat.config.yaml  invalid config: 14 problems');
      expect(err).toContain(
        '  <root>/bilat.config.yaml:4:15  error  jobs[0].timezone  unknown time zone "Asia/Bakuu" (did you mean "Asia/Baku"?)',
      );
      expect(err).toContain('  <root>/bilat.config.yaml:13:5  error  jobs[1].overlapp  unknown key "overlapp" (did you mean "overlap"?)');
    }
  });

  it('a missing config file: exit 1, says which', async () => {
    const r = await cli(['schedule', '--config', '/nonexistent/bilat.config.yaml']);
    expect(r).toMatchObject({ code: 1, err: '/nonexistent/bilat.config.yaml  config file not found (check the path)' });
  });

  it('jobs list: next run times in each job’s zone, last result, policies', async () => {
    const root = project(join(FIXTURES, 'project', 'bilat.config.yaml'));
    await appendRecord(join(root, 'output/.bilat'), {
      job: 'weekly-az-kg',
      runId: 'r',
      trigger: 'schedule',
      scheduledFor: '2026-11-16T07:00:00+04:00',
      asOf: '2026-11-16',
      startedAt: '2026-11-16T07:00:00+04:00',
      endedAt: '2026-11-16T07:00:02+04:00',
      durationMs: 2300,
      status: 'ok',
      attempt: 1,
      files: ['a', 'b'],
      folders: ['output/weekly-az-kg/2026-11-16'],
      pid: 1,
      host: 'h',
    });
    const r = await cli(['jobs', 'list', '--config', join(root, 'bilat.config.yaml')]);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('weekly-az-kg  0 7 * * MON  (Asia/Baku)');
    expect(lines[1]).toMatch(/^ {2}next: {4}\d{4}-\d\d-\d\dT07:00:00\+04:00, \d{4}-\d\d-\d\dT07:00:00\+04:00, /);
    expect(lines[2]).toBe('  last:    ok in 2.3 s, attempt 1, 2 file(s) → output/weekly-az-kg/2026-11-16');
    expect(lines[3]).toBe('  policy:  catchUp latest · overlap skip · retries 2 · timeout 30m · keep 12 runs');
    expect(r.out).toContain('monthly-all  0 6 1 * *  (Europe/Berlin)');
    expect(r.out).toContain('  last:    never run');
    expect(r.out).toContain('  policy:  catchUp all (≤ 3) · overlap queue · retries 2 · timeout 30m · keep all');

    const json = JSON.parse((await cli(['jobs', 'list', '--json', '--config', join(root, 'bilat.config.yaml')])).out);
    expect(json.map((j: { name: string; next: string[] }) => [j.name, j.next.length])).toEqual([
      ['weekly-az-kg', 3],
      ['monthly-all', 3],
    ]);
  });

  it('jobs history: newest last, or JSON', async () => {
    const root = project(join(FIXTURES, 'project', 'bilat.config.yaml'));
    const config = join(root, 'bilat.config.yaml');
    expect((await cli(['jobs', 'history', 'weekly-az-kg', '--config', config])).out).toBe(
      'weekly-az-kg: no runs yet (history: output/.bilat/history.jsonl)',
    );
    const base = {
      job: 'weekly-az-kg',
      runId: 'r',
      trigger: 'schedule' as const,
      asOf: 'x',
      startedAt: 'x',
      endedAt: 'x',
      durationMs: 1000,
      attempt: 3,
      files: [],
      folders: [],
      pid: 1,
      host: 'h',
    };
    await appendRecord(join(root, 'output/.bilat'), {
      ...base,
      scheduledFor: '2026-11-16T07:00:00+04:00',
      status: 'failed',
      error: 'data/az-kg.yaml:3:1  invalid data',
    });
    await appendRecord(join(root, 'output/.bilat'), {
      ...base,
      scheduledFor: '2026-11-23T07:00:00+04:00',
      status: 'skipped',
      attempt: 0,
      reason: 'previous run still running',
    });
    const text = await cli(['jobs', 'history', 'weekly-az-kg', '--config', config]);
    expect(text.out.split('\n')).toEqual([
      '2026-11-16T07:00:00+04:00  failed in 1.0 s, attempt 3: data/az-kg.yaml:3:1  invalid data',
      '2026-11-23T07:00:00+04:00  skipped: previous run still running',
    ]);
    const json = JSON.parse((await cli(['jobs', 'history', 'weekly-az-kg', '--json', '--config', config])).out);
    expect(json.map((r: { status: string }) => r.status)).toEqual(['failed', 'skipped']);
  });

  it('usage errors exit 2: unknown job (with a guess), no subcommand', async () => {
    const root = project(join(FIXTURES, 'project', 'bilat.config.yaml'));
    const r = await cli(['jobs', 'run', 'weekly-az', '--config', join(root, 'bilat.config.yaml')]);
    expect(r.code).toBe(2);
    expect(r.err.replaceAll(root, '<root>')).toBe(
      'bilat: no job "weekly-az" in <root>/bilat.config.yaml — did you mean "weekly-az-kg"?\nRun "bilat --help" for usage.',
    );
    expect((await cli(['jobs'])).code).toBe(2);
    expect((await cli(['jobs', 'history', 'x', '--config', join(root, 'bilat.config.yaml')])).code).toBe(2);
  });
});
