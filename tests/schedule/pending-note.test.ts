import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readPendingNote, runFolderMatcher } from '../../src/schedule/pending-note.js';
import { stagedFolder } from '../../src/schedule/staging.js';

const root = '/srv/briefs';

describe('runFolderMatcher: the run folders a job’s out pattern can make', () => {
  const matches = runFolderMatcher({ name: 'weekly.az', root, out: 'output/{job}/{date}-{time}/{pair}/{audience}' });
  it.each([
    ['/srv/briefs/output/weekly.az/2026-11-23-0700/az-kg/executive', true],
    ['/srv/briefs/output/weekly.az/2026-11-23-070000/az-kg/executive', true],
    ['/srv/briefs/output/weeklyXaz/2026-11-23-0700/az-kg/executive', false], // "." in the job name is literal
    ['/srv/briefs/output/weekly.az/2026-11-23-0700/.hidden/executive', false],
    ['/srv/briefs/output/weekly.az/2026-11-23-0700/az-kg/executive/deeper', false],
    ['/srv/briefs/output/weekly.az/2026-11-23-0700/az-kg', false],
    ['/etc/output/weekly.az/2026-11-23-0700/az-kg/executive', false],
  ])('%s → %s', (path, expected) => expect(matches(path)).toBe(expected));

  it('normalizes the fixed part of the pattern', () => {
    expect(runFolderMatcher({ name: 'j', root, out: './out/../output/{job}/{date}' })('/srv/briefs/output/j/2026-11-23')).toBe(true);
  });
});

describe('readPendingNote', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const job = () => ({ name: 'j', stateDir: join(dir, 'output/.bilat'), root: dir, out: 'output/{job}/{date}' });

  it('keeps the entries bilat wrote for this job, refuses each other one with its reason', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bilat-pending-'));
    const own = stagedFolder(join(dir, 'output/j/2026-11-23'), '20261123T0700-1-abc');
    const mixed = { ...stagedFolder(join(dir, 'output/j/2026-11-24'), 'r1'), old: join(dir, 'output/j/.2026-11-24.old-r2') };
    const moved = { ...stagedFolder(join(dir, 'output/j/2026-11-25'), 'r1'), temp: join(dir, 'output/.2026-11-25.tmp-r1') };
    const relative = { final: 'output/j/2026-11-26', temp: 'output/j/.2026-11-26.tmp-r', old: 'output/j/.2026-11-26.old-r' };
    const dotted = {
      final: `${dir}/output/j/x/../2026-11-27`,
      temp: `${dir}/output/j/x/../.2026-11-27.tmp-r`,
      old: `${dir}/output/j/x/../.2026-11-27.old-r`,
    };
    const file = join(dir, 'note.json');
    writeFileSync(file, JSON.stringify([own, mixed, moved, relative, dotted]));
    const note = await readPendingNote(file, job());
    expect(note.folders).toEqual([own]);
    expect(note.bad).toBe(true);
    expect(note.warnings).toHaveLength(1);
    expect(note.warnings[0]!.replaceAll(dir, '<dir>')).toBe(
      `<dir>/note.json (the note of an interrupted run of job "j") names paths that are not this job's staging folders, left alone: ` +
        `[1] "<dir>/output/j/.2026-11-24.old-r2" is not the parked folder of <dir>/output/j/2026-11-24; ` +
        `[2] "<dir>/output/.2026-11-25.tmp-r1" is not the temp folder of <dir>/output/j/2026-11-25; ` +
        `[3] "output/j/2026-11-26" is not an absolute, normalized path; and 1 more`,
    );
  });

  it('a note that is not JSON, or not a list of three paths, is bad as a whole', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bilat-pending-'));
    const file = join(dir, 'note.json');
    for (const [text, problem] of [
      ['{"temp"', 'is not valid JSON'],
      ['[{"final": "/a", "temp": "/b"}]', 'is not in the expected form ([0].old: expected string, received undefined)'],
      ['[{"final": "/a", "temp": "/b", "old": "/c", "rm": "-rf"}]', 'is not in the expected form ([0]: Unrecognized key: "rm")'],
    ]) {
      writeFileSync(file, text!);
      const note = await readPendingNote(file, job());
      expect(note).toMatchObject({ folders: [], bad: true });
      expect(note.warnings[0]).toContain(`(the note of an interrupted run of job "j") ${problem}`);
    }
  });
});
