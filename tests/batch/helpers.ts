import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const FIXTURES = join(ROOT, 'tests', 'fixtures', 'batch');
export const AS_OF = '2026-11-22';
const BIN = join(ROOT, 'bin', 'bilat.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real CLI in a child process, as a user runs it (stdout and stderr are pipes, not a terminal). */
export function bilat(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A scratch folder with a copy of the batch fixtures in `data/`; removed by the returned function. */
export function scratch(): { dir: string; data: string; out: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'bilat-batch-'));
  const data = join(dir, 'data');
  cpSync(FIXTURES, data, { recursive: true });
  return { dir, data, out: join(dir, 'out'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every file under `dir` (outside `.bilat/`) with its bytes. */
export function outputs(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(dir).sort()) if (!name.startsWith('.')) files.set(name, readFileSync(join(dir, name)));
  return files;
}

/** A fresh scratch folder per call, removed after the test that made it. */
export function scratchPerTest(): () => ReturnType<typeof scratch> {
  let cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanups) c();
    cleanups = [];
  });
  return () => {
    const s = scratch();
    cleanups.push(s.cleanup);
    return s;
  };
}
