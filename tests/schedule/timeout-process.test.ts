/**
 * `bilat jobs run` in a child process, the real pipeline, a job whose timeout is far too short
 * for its data files: it exits 3, publishes no run folder, frees the lock, records timed-out.
 * Needs the built CLI (`npm run build`; `npm test` builds first).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/schedule/history.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = process.env.BILAT_BIN ?? join(ROOT, 'bin/bilat.js');
const DATA = ['good-a.yaml', 'good-b.yaml', 'good-c.yaml'];

const CONFIG = `jobs:
  - name: too-slow
    cron: "0 7 * * MON"
    timezone: UTC
    data: ["data/*.yaml"]
    formats: [pdf, html]
    out: "output/{job}/{date}"
    retries: 2
    timeout: 1ms
`;

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'bilat-timeout-proc-'));
  mkdirSync(join(root, 'data'));
  for (const f of DATA) cpSync(join(ROOT, 'tests/fixtures/batch', f), join(root, 'data', f));
  writeFileSync(join(root, 'bilat.config.yaml'), CONFIG);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const bilat = (args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });

describe('bilat jobs run over its timeout (child process)', () => {
  it('exits 3, writes no run folder, releases the lock and records "timed-out"', () => {
    const r = bilat(['jobs', 'run', 'too-slow', '--at', '2026-11-23T07:00:00Z']);
    expect(r.status, r.stdout + r.stderr).toBe(3);
    expect(r.stdout).toMatch(
      /too-slow end timed out in [\d.]+ s: timed out \(timeout 1ms\) in attempt 1\/3; (\d data file\(s\) not built; )?nothing was published/,
    );
    expect(r.stdout).not.toMatch(/ retry /); // the limit covers the whole run

    const jobDir = join(root, 'output/too-slow');
    expect(existsSync(jobDir) ? readdirSync(jobDir) : []).toEqual([]); // no run folder, no temp folder
    expect(existsSync(join(root, 'output/.bilat/locks/too-slow.lock'))).toBe(false);
    const history = readFileSync(join(root, 'output/.bilat/history.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as RunRecord);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      job: 'too-slow',
      trigger: 'manual',
      status: 'timed-out',
      attempt: 1,
      exitCode: 3,
      timeoutMs: 1,
      files: [],
      folders: [],
    });
    for (const f of history[0]!.notBuilt!) expect(DATA.map((d) => `data/${d}`)).toContain(f);

    const shown = bilat(['jobs', 'history', 'too-slow']);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toMatch(/^2026-11-23T07:00:00\+00:00 {2}timed-out \(manual\) in [\d.]+ s, attempt 1: timed out \(timeout 1ms\)/);
  });
});
