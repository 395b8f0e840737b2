// history.jsonl rotation: per job, the newest records within `history.keep` and `history.maxBytes`.
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { appendRecord, historyFile, lastHandledSlot, readHistory, type RunRecord } from '../../src/schedule/history.js';
import { planRotation, rotateHistory } from '../../src/schedule/rotate-history.js';
import { runJob } from '../../src/schedule/run-job.js';
import { FakeClock, fakeBuild, memoryLogger, resolveJobsFor, TEMPLATES, tempProject } from './helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function rec(job: string, n: number, extra: Partial<RunRecord> = {}): RunRecord {
  const at = `2026-01-${String(n).padStart(2, '0')}T07:00:00+00:00`;
  return {
    job,
    runId: `${job}-${n}`,
    trigger: 'schedule',
    scheduledFor: at,
    asOf: at.slice(0, 10),
    startedAt: at,
    endedAt: at,
    durationMs: 1,
    status: 'ok',
    attempt: 1,
    files: [],
    folders: [],
    pid: 1,
    host: 'h',
    ...extra,
  };
}
const lines = (rs: RunRecord[]) => rs.map((r) => JSON.stringify(r));
const ids = (ls: string[]) => ls.map((l) => (JSON.parse(l) as RunRecord).runId);

describe('planRotation', () => {
  it('keeps the newest `keep` records of each job, in file order; other jobs keep theirs', () => {
    const all = [...Array.from({ length: 12 }, (_, i) => rec('a', i + 1)), rec('b', 1), rec('b', 2)];
    const plan = planRotation(lines(all), { keep: 5, maxBytes: 1 << 20 })!;
    expect(ids(plan.lines)).toEqual(['a-8', 'a-9', 'a-10', 'a-11', 'a-12', 'b-1', 'b-2']);
    expect(plan.dropped).toBe(7);
  });

  it('leaves the file alone until a job is 10% over a limit', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => rec('a', i + 1));
    expect(planRotation(lines(eleven), { keep: 10, maxBytes: 1 << 20 })).toBeUndefined();
    expect(planRotation(lines([...eleven, rec('a', 12)]), { keep: 10, maxBytes: 1 << 20 })?.dropped).toBe(2);
  });

  it('keeps within maxBytes, but always the newest record and the newest scheduled one (catch-up starts there)', () => {
    const big = 'x'.repeat(3000);
    const all = [
      rec('a', 1),
      rec('a', 2, { error: big }),
      rec('a', 3, { trigger: 'manual', error: big }),
      rec('a', 4, { trigger: 'manual', error: big }),
    ];
    const plan = planRotation(lines(all), { keep: 100, maxBytes: 4096 })!;
    expect(ids(plan.lines)).toEqual(['a-2', 'a-4']);
    expect(lastHandledSlot(plan.lines.map((l) => JSON.parse(l) as RunRecord))).toEqual(new Date('2026-01-02T07:00:00Z'));
  });

  it('drops torn lines and lines written twice', () => {
    const all = lines(Array.from({ length: 4 }, (_, i) => rec('a', i + 1)));
    const plan = planRotation([all[0]!, '{"job":"a","ru', all[1]!, all[1]!, all[2]!, all[3]!], { keep: 3, maxBytes: 1 << 20 })!;
    expect(ids(plan.lines)).toEqual(['a-2', 'a-3', 'a-4']);
  });
});

describe('rotateHistory', () => {
  function project() {
    const p = tempProject();
    cleanups.push(p.cleanup);
    return { root: p.root, stateDir: join(p.root, 'output', '.bilat') };
  }

  it('rewrites the file atomically (no temp file left), and appends racing it are kept', async () => {
    const { stateDir } = project();
    for (let i = 1; i <= 30; i++) await appendRecord(stateDir, rec('a', i));
    const racing = Array.from({ length: 5 }, (_, i) => appendRecord(stateDir, rec('b', i + 1)));
    const [dropped] = await Promise.all([rotateHistory(stateDir, { keep: 10, maxBytes: 1 << 20 }), ...racing]);
    expect(dropped).toBe(20);
    const after = await readHistory(stateDir);
    expect(after.filter((r) => r.job === 'a').map((r) => r.runId)).toEqual(Array.from({ length: 10 }, (_, i) => `a-${i + 21}`));
    expect(after.filter((r) => r.job === 'b').map((r) => r.runId)).toEqual(['b-1', 'b-2', 'b-3', 'b-4', 'b-5']);
    expect(readdirSync(stateDir)).toEqual(['history.jsonl']);
    expect(readFileSync(historyFile(stateDir), 'utf8').endsWith('\n')).toBe(true);
  });

  it('skips while another process rotates (its guard folder exists), and is a no-op without a history', async () => {
    const { stateDir } = project();
    expect(await rotateHistory(stateDir, { keep: 1, maxBytes: 4096 })).toBe(0);
    for (let i = 1; i <= 5; i++) await appendRecord(stateDir, rec('a', i));
    const { mkdirSync } = await import('node:fs');
    mkdirSync(`${historyFile(stateDir)}.rotating`);
    expect(await rotateHistory(stateDir, { keep: 1, maxBytes: 4096 })).toBe(0);
    expect(await readHistory(stateDir)).toHaveLength(5);
  });

  it('a stray file at the guard path is cleared, so rotation is not stopped for good', async () => {
    const { stateDir } = project();
    for (let i = 1; i <= 5; i++) await appendRecord(stateDir, rec('a', i));
    writeFileSync(`${historyFile(stateDir)}.rotating`, 'not a guard');
    expect(await rotateHistory(stateDir, { keep: 1, maxBytes: 4096 })).toBe(0);
    expect(await rotateHistory(stateDir, { keep: 1, maxBytes: 4096 })).toBe(4);
  });

  it('a record with a wrong type is dropped by rotation like a torn line, and counts for no job', () => {
    const all = [...lines([rec('a', 1), rec('a', 2)]), JSON.stringify({ ...rec('a', 3), scheduledFor: 12 })];
    const plan = planRotation(all, { keep: 1, maxBytes: 1 << 20 })!;
    expect(ids(plan.lines)).toEqual(['a-2']);
  });

  it('readHistory ignores a line an append wrote twice (it raced a rotation)', async () => {
    const { stateDir } = project();
    await appendRecord(stateDir, rec('a', 1));
    appendFileSync(historyFile(stateDir), JSON.stringify(rec('a', 1)) + '\n');
    expect(await readHistory(stateDir)).toHaveLength(1);
  });
});

describe('history rotation in runs (injected clock)', () => {
  it('a job that runs for months keeps its newest records; history and catch-up work across rotations', async () => {
    const p = tempProject();
    cleanups.push(p.cleanup);
    const config = resolveJobsFor(
      p.root,
      [
        {
          name: 'weekly',
          cron: '0 7 * * MON',
          timezone: 'UTC',
          data: ['data/az-kg.yaml'],
          audiences: ['executive'],
          formats: ['html'],
          keep: 2,
        },
      ],
      { history: { keep: 4 } },
    );
    const job = config.jobs[0]!;
    const clock = new FakeClock('2026-01-05T07:00:00Z');
    clock.auto = true;
    const log = memoryLogger(clock);
    const build = fakeBuild();
    const slots: string[] = [];
    for (let week = 0; week < 26; week++) {
      const at = new Date(Date.parse('2026-01-05T07:00:00Z') + week * 7 * 86_400_000);
      clock.jump(at);
      slots.push(at.toISOString().replace('.000Z', '+00:00'));
      const r = await runJob(job, { at, trigger: 'schedule', clock, build, log, shippedTemplates: TEMPLATES });
      expect(r?.status).toBe('ok');
      const kept = await readHistory(job.stateDir, 'weekly');
      expect(kept.length).toBeLessThanOrEqual(4);
      expect(kept.at(-1)).toEqual(r); // never the newest lost
    }
    const kept = await readHistory(job.stateDir, 'weekly');
    expect(kept.map((r) => r.scheduledFor)).toEqual(slots.slice(-kept.length));
    expect(lastHandledSlot(kept)?.toISOString()).toBe('2026-06-29T07:00:00.000Z');
    expect(log.entries.filter((e) => e.event === 'prune' && e.message.startsWith('history rotated')).length).toBeGreaterThan(0);
    // retention still found every old run folder before its record rotated out
    expect(readdirSync(join(p.root, 'output', 'weekly')).sort()).toEqual(['2026-06-22', '2026-06-29']);
    expect(existsSync(join(job.stateDir, 'history.jsonl.rotating'))).toBe(false);
  });

  it('the config refuses a run-folder keep larger than the history kept (retention would lose track)', () => {
    const p = tempProject();
    cleanups.push(p.cleanup);
    writeFileSync(
      join(p.root, 'bilat.config.yaml'),
      'history:\n  keep: 10\njobs:\n  - name: a\n    cron: "0 7 * * *"\n    timezone: UTC\n    data: data/az-kg.yaml\n    keep: 20\n',
    );
    expect(() => loadConfig({ cwd: p.root, shippedTemplates: TEMPLATES })).toThrow(
      expect.objectContaining({
        diagnostics: [
          expect.objectContaining({
            line: 8,
            column: 11,
            path: 'jobs[0].keep',
            message: 'keep 20 is more than the 10 history records kept per job',
            hint: 'lower keep, or raise history.keep to at least 20',
          }),
        ],
      }),
    );
  });
});
