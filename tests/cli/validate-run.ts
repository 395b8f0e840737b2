import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Repository root: the CLI runs from here so that paths in its output stay relative. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = 'tests/fixtures/validate';
export const AS_OF = '2026-11-22';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Fail early and clearly when the CLI has not been built (npm test builds first). */
export function assertBuilt(): void {
  if (!existsSync(`${ROOT}dist/cli/run.js`)) throw new Error('dist/cli/run.js is missing: run `npm run build` before the CLI tests');
}

/** `node bin/bilat.js …` as a real process, colour off, from the repository root. */
export function bilat(args: readonly string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const r = spawnSync(process.execPath, ['bin/bilat.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 30_000,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Replace machine-specific paths (given ones first, then the repository root) so snapshots are stable. */
export function scrub(s: string, replacements: Record<string, string> = {}): string {
  const all: [string, string][] = [...Object.entries(replacements), [ROOT.replace(/\/$/, ''), '<root>']];
  return all.reduce((out, [from, to]) => out.split(from).join(to), s);
}

/** A stack frame line, as Node prints them. */
export const STACK_LINE = /^\s+at /m;
