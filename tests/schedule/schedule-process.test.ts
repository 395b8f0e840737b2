/**
 * The real thing: `bilat schedule` in a child process, the real pipeline, real time (seconds).
 * Needs the built CLI (`npm run build`; `npm test` builds first).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/schedule/history.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** `BILAT_BIN` lets a checkout run this against another entry point. */
const BIN = process.env.BILAT_BIN ?? join(ROOT, 'bin/bilat.js');

const CONFIG = `jobs:
  - name: every-second
    cron: "* * * * * *"
    timezone: UTC
    data: [data/az-kg.yaml]
    audiences: [executive]
    formats: [html]
    out: "output/{job}/{date}-{time}"
    keep: 50
    retries: 0
`;

let root: string;
let child: ChildProcess | undefined;
beforeAll(() => {
  const probe = spawnSync(process.execPath, [BIN, 'schedule', '--config', '/nonexistent.yaml'], { encoding: 'utf8' });
  if (!/config file not found/.test(probe.stderr)) {
    throw new Error(`"${BIN} schedule" is not available (built? registered in src/cli/run.ts?):\n${probe.stderr}`);
  }
});
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'bilat-schedule-proc-'));
  mkdirSync(join(root, 'data'));
  copyFileSync(join(ROOT, 'data/az-kg.yaml'), join(root, 'data/az-kg.yaml'));
  writeFileSync(join(root, 'bilat.config.yaml'), CONFIG);
});
afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

function start(): { proc: ChildProcess; output: () => string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> } {
  let out = '';
  const proc = spawn(process.execPath, [BIN, 'schedule'], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
  proc.stdout!.on('data', (d: Buffer) => (out += d));
  proc.stderr!.on('data', (d: Buffer) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    proc.on('exit', (code, signal) => r({ code, signal })),
  );
  child = proc;
  return { proc, output: () => out, exited };
}

function history(): RunRecord[] {
  const file = join(root, 'output/.bilat/history.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as RunRecord); // throws on a torn line: the history must stay intact
}

async function until(what: string, cond: () => boolean, output: () => string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; output:\n${output()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const jobDir = () => join(root, 'output/every-second');
const entries = () => (existsSync(jobDir()) ? readdirSync(jobDir()) : []);

/** Every final run folder holds its marker and the complete brief; nothing else is there. */
function expectOnlyCompleteRunFolders() {
  for (const name of entries().filter((n) => !n.startsWith('.'))) {
    expect(readdirSync(join(jobDir(), name)).sort(), name).toEqual(['.bilat-run.json', 'az-kg-executive.html']);
    expect(readFileSync(join(jobDir(), name, 'az-kg-executive.html'), 'utf8')).toMatch(/<\/html>\s*$/);
  }
}

describe('bilat schedule (child process)', () => {
  it('runs an every-second job, and on SIGTERM finishes the current run and exits 0 with an intact history', async () => {
    const s = start();
    await until('two runs', () => history().filter((r) => r.status === 'ok').length >= 2, s.output);
    s.proc.kill('SIGTERM');
    const { code, signal } = await s.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });

    const out = s.output();
    expect(out).toMatch(/ - scheduler SIGTERM received: taking no new runs/);
    expect(out).toMatch(/ - scheduler stopped\n$/);
    const records = history();
    const ok = records.filter((r) => r.status === 'ok');
    expect(ok.length).toBeGreaterThanOrEqual(2);
    for (const r of ok) {
      expect(r).toMatchObject({ job: 'every-second', trigger: expect.stringMatching(/^(schedule|catch-up)$/), attempt: 1 });
      expect(r.files).toEqual([`${r.folders[0]}/az-kg-executive.html`]);
      expect(existsSync(join(root, r.files[0]!))).toBe(true);
      expect(r.asOf).toBe(r.scheduledFor.slice(0, 10));
    }
    expect(records.every((r) => r.status !== 'failed')).toBe(true);
    expect(entries().filter((n) => n.startsWith('.'))).toEqual([]); // no temp folders
    expectOnlyCompleteRunFolders();
    expect(existsSync(join(root, 'output/.bilat/locks/every-second.lock'))).toBe(false);
  });

  it('kill -9 mid-render leaves no partial run folder, and the next run starts clean', async () => {
    const s = start();
    await until('a run in progress', () => entries().some((n) => n.includes('.tmp-')), s.output);
    s.proc.kill('SIGKILL');
    await s.exited;
    expectOnlyCompleteRunFolders();

    const r = spawnSync(process.execPath, [BIN, 'jobs', 'run', 'every-second'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/every-second lock removed a stale lock \(process \d+ is gone\)/);
    expect(r.stdout).toMatch(/every-second clean removed 1 partial folder\(s\) of an interrupted run/);
    expect(r.stdout).toMatch(/every-second end ok in [\d.]+ s, 1 file\(s\) → output\/every-second\//);
    expect(entries().filter((n) => n.startsWith('.'))).toEqual([]);
    expectOnlyCompleteRunFolders();
    expect(history().at(-1)).toMatchObject({ trigger: 'manual', status: 'ok' });
  });
});
