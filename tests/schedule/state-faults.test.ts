/**
 * Damaged state under output/.bilat (issue 9 §6, §7, §8) and configs that cannot work (§11,
 * §12), through the real CLI: `bilat jobs run|list|history` and a short `bilat schedule`.
 * Every case must end with a clear message and never with exit 4 (a bug) or 13 (a hang).
 * `BILAT_BIN` runs these against another build (to see them fail before the fixes).
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureDistFresh } from '../helpers/cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = process.env.BILAT_BIN ?? join(ROOT, 'bin/bilat.js');

const job = (extra = '') => `jobs:
  - name: j
    cron: "0 7 * * MON"
    timezone: UTC
    data: [data/az-kg.yaml]
    audiences: [executive]
    formats: [html]
    out: "output/{job}/{date}"
    retries: 0
${extra}`;

let root: string;
let outside: string;
const state = (...p: string[]) => join(root, 'output/.bilat', ...p);

beforeAll(async () => {
  if (!process.env.BILAT_BIN) await ensureDistFresh();
}, 600_000);
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'bilat-state-faults-'));
  outside = mkdtempSync(join(tmpdir(), 'bilat-state-outside-'));
  mkdirSync(join(root, 'data'));
  copyFileSync(join(ROOT, 'data/az-kg.yaml'), join(root, 'data/az-kg.yaml'));
  writeFileSync(join(root, 'bilat.config.yaml'), job());
  mkdirSync(state('pending'), { recursive: true });
  mkdirSync(state('locks'), { recursive: true });
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

function bilat(...args: string[]): { status: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 120_000,
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

function history(): Record<string, unknown>[] {
  const file = state('history.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}

const goodRecord = {
  job: 'j',
  runId: 'r1',
  trigger: 'schedule',
  scheduledFor: '2026-11-23T07:00:00+00:00',
  asOf: '2026-11-23',
  startedAt: '2026-11-23T07:00:00+00:00',
  endedAt: '2026-11-23T07:00:02+00:00',
  durationMs: 2000,
  status: 'ok',
  attempt: 1,
  files: ['output/j/2026-11-23/az-kg.executive.html'],
  folders: ['output/j/2026-11-23'],
  pid: 1,
  host: 'h',
};

describe('pending/<job>.json (issue 9 §6)', () => {
  it('a note that is not a list of staged folders is moved aside with a warning, and the job runs', () => {
    writeFileSync(state('pending/j.json'), '{"temp": 12}\n');
    const r = bilat('jobs', 'run', 'j');
    expect(r.err).toBe('');
    expect(r.status).toBe(0);
    expect(r.out).toMatch(
      / j warn .*pending\/j\.json \(the note of an interrupted run of job "j"\) is not in the expected form \(expected array, received object\); its folders are left alone; moved it aside to .*pending\/j\.json\.corrupt-/,
    );
    expect(readdirSync(state('pending'))).toEqual([expect.stringMatching(/^j\.json\.corrupt-\d{4}-\d\d-\d\dT/)]);
    expect(history()).toEqual([expect.objectContaining({ job: 'j', status: 'ok' })]);
  });

  it('only the job’s own staging folders are cleaned: a staging-like name elsewhere is left alone', () => {
    const ownTemp = join(root, 'output/j/.2026-11-23.tmp-20261123T0700-1-abc');
    const elsewhere = join(outside, '.x.tmp-a'); // the right basename in the wrong place
    const otherJob = join(root, 'output/other/.2026-11-23.tmp-a'); // inside the project, not this job's out
    for (const d of [ownTemp, elsewhere, otherJob]) mkdirSync(d, { recursive: true });
    const entry = (final: string, run: string) => {
      const [dir, name] = [join(final, '..'), final.split('/').at(-1)!];
      return { final, temp: join(dir, `.${name}.tmp-${run}`), old: join(dir, `.${name}.old-${run}`) };
    };
    const note = [
      entry(join(root, 'output/j/2026-11-23'), '20261123T0700-1-abc'),
      entry(join(outside, 'x'), 'a'),
      entry(join(root, 'output/other/2026-11-23'), 'a'),
    ];
    writeFileSync(state('pending/j.json'), JSON.stringify(note));
    const r = bilat('jobs', 'run', 'j');
    expect(r.status).toBe(0);
    expect(existsSync(ownTemp)).toBe(false);
    expect(existsSync(elsewhere)).toBe(true);
    expect(existsSync(otherJob)).toBe(true);
    expect(r.out).toContain(
      `names paths that are not this job's staging folders, left alone: [1] "${join(outside, 'x')}" is outside the project folder ${root}; [2] "${join(root, 'output/other/2026-11-23')}" is not a run folder of this job's out pattern`,
    );
    expect(r.out).toMatch(/removed 1 partial folder\(s\) of an interrupted run: .*\.2026-11-23\.tmp-20261123T0700-1-abc/);
    expect(history().at(-1)).toMatchObject({ status: 'ok' });
  }, 60_000);
});

describe('history.jsonl (issue 9 §7)', () => {
  it('a wrongly typed record is skipped with one warning naming the file and lines; list and history work', () => {
    const bad = { ...goodRecord, runId: 'r2', scheduledFor: 12, folders: 3 };
    writeFileSync(state('history.jsonl'), [goodRecord, bad].map((r) => JSON.stringify(r)).join('\n') + '\n{"job": "j", "stat\n');
    for (const args of [
      ['jobs', 'history', 'j'],
      ['jobs', 'list'],
    ]) {
      const r = bilat(...args);
      expect(r.status).toBe(0);
      const warnings = r.err.split('\n').filter(Boolean);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(
        /^warning {2}.*output\/\.bilat\/history\.jsonl: lines 2, 3 are not valid run records \(line 2: scheduledFor: expected string, received number; folders: expected array, received number\); skipped/,
      );
    }
    expect(bilat('jobs', 'history', 'j').out).toBe('2026-11-23T07:00:00+00:00  ok in 2.0 s, attempt 1, 1 file(s) → output/j/2026-11-23\n');
  });

  it('a directory where history.jsonl should be: listings warn; a run stops with exit 3 before it builds anything', () => {
    mkdirSync(state('history.jsonl'));
    const list = bilat('jobs', 'history', 'j');
    expect(list.status).toBe(0);
    expect(list.err).toContain(`warning  ${state('history.jsonl')}: not a file; no past runs were read`);
    const run = bilat('jobs', 'run', 'j');
    expect(run.status).toBe(3);
    expect(run.err.trim()).toBe(
      `${state('history.jsonl')}  cannot record the run in the history (EISDIR); check that this is a writable file, or move it away`,
    );
    expect(existsSync(join(root, 'output/j'))).toBe(false); // nothing published unrecorded
  });

  it('catch-up ignores a bad record: scheduledFor 12 does not start a storm of missed slots', async () => {
    writeFileSync(join(root, 'bilat.config.yaml'), job('    catchUp: all\n'));
    writeFileSync(state('history.jsonl'), JSON.stringify({ ...goodRecord, scheduledFor: 12 }) + '\n');
    // No note of when the scheduler first watched the job (runs so far came from `jobs run`): the history alone says where catch-up starts.
    const out = await shortSchedule();
    expect(out.code).toBe(0);
    expect(out.text).not.toMatch(/slot\(s\) missed|catch-up .*catchUp/);
    expect(out.text).toMatch(
      / j warn .*history\.jsonl: line 1 is not a valid run record \(line 1: scheduledFor: expected string, received number\)/,
    );
    expect(history()).toHaveLength(1); // nothing ran, nothing was recorded as missed
  }, 60_000);
});

describe('locks (issue 9 §8)', () => {
  it('a directory at the lock path: exit 3, located, how to fix; jobs list warns and goes on', () => {
    mkdirSync(state('locks/j.lock'));
    const r = bilat('jobs', 'run', 'j');
    expect(r.status).toBe(3);
    expect(r.err.trim()).toBe(
      `${state('locks/j.lock')}  the job's lock path is a directory, not a lock file, so bilat cannot tell whether the job runs elsewhere and runs nothing. Remove it when no bilat process runs this job: rmdir "${state('locks/j.lock')}"`,
    );
    const list = bilat('jobs', 'list');
    expect(list.status).toBe(0);
    expect(list.err).toContain(`warning  ${state('locks/j.lock')}  the job's lock path is a directory`);
  });

  it('a lock from another host with a heartbeat in the future is suspect: its age counts from now, then it is taken over', () => {
    const lock = state('locks/j.lock');
    writeFileSync(lock, JSON.stringify({ pid: 4242, hostname: 'elsewhere', startedAt: '2026-11-23T07:00:00Z', token: 't' }) + '\n');
    const tomorrow = new Date(Date.now() + 86_400_000);
    utimesSync(lock, tomorrow, tomorrow);
    const first = bilat('jobs', 'run', 'j');
    expect(first.status).toBe(0);
    expect(first.out).toMatch(
      / j warn lock .*j\.lock \(pid 4242 on elsewhere\) has a heartbeat \d+ s in the future: .* it is taken over after 60 s without a heartbeat/,
    );
    expect(first.out).toMatch(/ j skip .*previous run still running \(pid 4242 on elsewhere/);
    expect(statSync(lock).mtimeMs).toBeLessThanOrEqual(Date.now() + 1000); // counted from now, not from tomorrow
    // No heartbeat came for two minutes (as a dead holder's would not): the next run takes over.
    const earlier = new Date(Date.now() - 120_000);
    utimesSync(lock, earlier, earlier);
    const second = bilat('jobs', 'run', 'j');
    expect(second.status).toBe(0);
    expect(second.out).toMatch(/removed a stale lock \(no heartbeat from elsewhere for \d+ s\); taking over/);
    expect(history().map((r) => r.status)).toEqual(['skipped', 'ok']);
  }, 60_000);

  it('lock content bilat did not write is judged by its age alone, not trusted', () => {
    // This host's pid 1 is always alive: believed, this lock would block the job for an hour.
    const lock = state('locks/j.lock');
    writeFileSync(lock, JSON.stringify({ pid: 1, hostname: hostname(), startedAt: 'yesterday' }) + '\n');
    const earlier = new Date(Date.now() - 120_000);
    utimesSync(lock, earlier, earlier);
    const r = bilat('jobs', 'run', 'j');
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/removed a stale lock \(unreadable lock, \d+ s old\); taking over/);
    expect(history().map((x) => x.status)).toEqual(['ok']);
  }, 60_000);
});

describe('the state folder itself (issue 9: state files recover, never exit 4)', () => {
  it('a file where output/.bilat should be: listings warn and go on, a run stops with exit 3 naming it', () => {
    rmSync(state(), { recursive: true });
    writeFileSync(state(), 'not a folder\n');
    const list = bilat('jobs', 'list');
    expect(list.status).toBe(0);
    expect(list.err).toContain(`warning  ${state('history.jsonl')}: ${state()} is not a folder; no past runs were read`);
    const hist = bilat('jobs', 'history', 'j');
    expect(hist.status).toBe(0);
    expect(hist.out).toBe('j: no runs yet (history: output/.bilat/history.jsonl)\n');
    const run = bilat('jobs', 'run', 'j');
    expect(run.status).toBe(3);
    expect(run.err.trim()).toBe(
      `${state('locks')}  cannot make the lock folder (ENOTDIR); it must be a writable folder (move away what is there)`,
    );
  });
});

describe('config that cannot work (issue 9 §11, §12)', () => {
  it('a cron that never fires is rejected when the config is checked, located (not exit 13)', () => {
    writeFileSync(join(root, 'bilat.config.yaml'), job().replace('0 7 * * MON', '0 0 30 2 *'));
    for (const args of [['schedule'], ['jobs', 'list']]) {
      const r = bilat(...args);
      expect(r.status).toBe(1);
      expect(r.err).toContain(
        'bilat.config.yaml:3:11  error  jobs[0].cron  cron "0 0 30 2 *" never fires: Feb 30 does not exist (pick a day that exists in those months: Feb has at most 29 days; Apr, Jun, Sep and Nov 30; "L" is the last day of a month)',
      );
    }
  });

  it('"constructor", "__proto__", "toString", "hasOwnProperty" as user text get plain messages, never a built-in of Object', () => {
    const words = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];
    const jobs = (each: (w: string, i: number) => string) => `jobs:\n${words.map(each).join('')}`;
    const base = (i: number) => `  - name: j${i}\n    cron: "0 7 * * MON"\n    data: [data/az-kg.yaml]\n`;
    // Schema problems (an enum, a key) first: the finer checks run once the schema passes.
    writeFileSync(
      join(root, 'bilat.config.yaml'),
      jobs((w, i) => `${base(i)}    catchUp: ${w}\n    ${w}: 1\n`),
    );
    const schema = bilat('jobs', 'list');
    expect(schema.status).toBe(1);
    writeFileSync(
      join(root, 'bilat.config.yaml'),
      jobs((w, i) => `${base(i)}    timeout: "10 ${w}"\n    audiences: [${w}]\n    out: "output/{${w}}/{date}"\n`),
    );
    const checked = bilat('jobs', 'list');
    expect(checked.status).toBe(1);
    writeFileSync(join(root, 'bilat.config.yaml'), job());
    words.forEach((w, i) => {
      expect(schema.err).toContain(`jobs[${i}].catchUp  "${w}" is not allowed (use one of: none, latest, all)`);
      expect(schema.err).toContain(`jobs[${i}].${w}  unknown key "${w}" (allowed keys: name, cron,`);
      expect(checked.err).toContain(
        `jobs[${i}].timeout  timeout "10 ${w}" is not a duration (use a number of seconds, or a duration such as "90s", "10m", "1h30m")`,
      );
      expect(checked.err).toContain(
        `jobs[${i}].out  out "output/{${w}}/{date}": unknown token {${w}} (tokens: {job} {date} {time} {pair} {audience})`,
      );
      expect(checked.err).toContain(`jobs[${i}].audiences[0]  unknown audience "${w}" (known audiences: analyst, executive, public)`);
      const run = bilat('jobs', 'run', w);
      expect(run.status).toBe(2);
      expect(run.err).toContain(`no job "${w}" in ${join(root, 'bilat.config.yaml')} (jobs: j)`);
      expect(run.err).not.toMatch(/function|native code|\[object/);
    });
    for (const out of [schema.err, checked.err]) expect(out).not.toMatch(/function|native code|\[object/);
  });

  it('the same words as values in a data file: located, plain messages', () => {
    const text = readFileSync(join(root, 'data/az-kg.yaml'), 'utf8')
      .replace('    kind: official-visit\n', '    kind: constructor\n')
      .replace('    topics: [bilateral-relations]', '    topics: [toString, __proto__]')
      .replace('      - person: ilham-aliyev', '      - person: hasownproperty')
      .replace('    kind: news-report', '    kind: hasOwnProperty');
    writeFileSync(join(root, 'data/words.yaml'), text);
    const r = bilat('validate', 'data/words.yaml');
    expect(r.status).toBe(1);
    const all = r.out + r.err;
    expect(all).toMatch(/words\.yaml:\d+:\d+ {2}error {2}engagements\[0\]\.kind {2}"constructor" is not allowed \(use one of: meeting,/);
    expect(all).toMatch(/engagements\[0\]\.topics\[0\] {2}"toString" is not a known topic/);
    expect(all).toMatch(/engagements\[0\]\.topics\[1\] {2}"__proto__" is not a known topic/);
    expect(all).toMatch(/sources\[0\]\.kind {2}"hasOwnProperty" is not allowed/);
    expect(all).not.toMatch(/function|native code|\[object/);
  });
});

describe('the binary never ends silently with exit 13', () => {
  it('when nothing keeps the process alive while a command still waits, it says so and exits 4', () => {
    // Unref'd timers stand in for any wait that nothing will ever settle: the scheduler waits for
    // its next slot on timers only, so the event loop empties under it, as with issue 9 §11.
    const preload = join(root, 'unref-timers.mjs');
    writeFileSync(preload, 'const t = globalThis.setTimeout;\nglobalThis.setTimeout = (...a) => t(...a).unref();\n');
    const r = spawnSync(process.execPath, ['--import', preload, BIN, 'schedule'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 60_000,
    });
    expect(r.stdout).toMatch(/ scheduler watching 1 job\(s\)/);
    expect(r.stderr).toBe(
      'bilat: unexpected error: the command stopped with work unfinished (nothing left to wait for)\nThis is a bug in bilat; please report it with the command you ran.\n',
    );
    expect(r.status).toBe(4);
  });
});

/** `bilat schedule` until it has started watching, then SIGTERM: its output and exit code. */
function shortSchedule(): Promise<{ code: number | null; text: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [BIN, 'schedule'], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    let text = '';
    let stopped = false;
    const guard = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`bilat schedule did not start watching within 45 s:\n${text}`));
    }, 45_000);
    const onData = (d: Buffer) => {
      text += d.toString();
      if (!stopped && / scheduler watching /.test(text)) {
        stopped = true;
        proc.kill('SIGTERM');
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (code) => {
      clearTimeout(guard);
      resolve({ code, text });
    });
  });
}
