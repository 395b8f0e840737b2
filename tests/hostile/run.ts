/**
 * Runs the real CLI on a hostile case and measures it: exit code or signal, wall time, and
 * the peak RSS of the child (VmHWM from /proc, polled). A child over its time or memory
 * budget is killed, so a hang or a runaway allocation fails its case instead of the machine.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

export interface Budget {
  /** Wall-clock limit, generous: a case that needs more is hung or quadratic. */
  ms: number;
  /** Peak resident memory limit of the child, in MB. */
  mb: number;
}
export const DEFAULT_BUDGET: Budget = { ms: 30_000, mb: 1536 };

export interface Outcome {
  args: readonly string[];
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  peakMb: number;
  /** Why the suite killed it, if it did. */
  killed?: 'time' | 'memory';
}

/** Peak resident set of a live process in MB (VmHWM), or 0 once it is gone. */
function peakRssMb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** At most this many CLI children at once: the machine has two cores shared with other work. */
const MAX_CHILDREN = 2;
let running = 0;
const waiting: (() => void)[] = [];
async function slot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= MAX_CHILDREN) await new Promise<void>((r) => waiting.push(r));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** `bilat …args` in `cwd`, as a user runs it (no colour, no --debug). */
export function runBilat(args: readonly string[], cwd: string, budget: Budget = DEFAULT_BUDGET): Promise<Outcome> {
  return slot(
    () =>
      new Promise<Outcome>((done, fail) => {
        const started = Date.now();
        const child = spawn(process.execPath, [join(ROOT, 'bin/bilat.js'), ...args], {
          cwd,
          env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        // Keep only the start of a flood of output: enough to judge, bounded in memory.
        const keep = (s: string, chunk: Buffer) => (s.length < 256_000 ? s + chunk.toString('utf8') : s);
        child.stdout.on('data', (c: Buffer) => (stdout = keep(stdout, c)));
        child.stderr.on('data', (c: Buffer) => (stderr = keep(stderr, c)));
        let peakMb = 0;
        let killed: Outcome['killed'];
        const poll = setInterval(() => {
          if (child.pid === undefined) return;
          peakMb = Math.max(peakMb, peakRssMb(child.pid));
          if (peakMb > budget.mb) killed ??= 'memory';
          else if (Date.now() - started > budget.ms) killed ??= 'time';
          if (killed !== undefined) child.kill('SIGKILL');
        }, 50);
        child.on('error', (e) => {
          clearInterval(poll);
          fail(e);
        });
        child.on('close', (status, signal) => {
          clearInterval(poll);
          const out: Outcome = { args, status, signal, stdout, stderr, ms: Date.now() - started, peakMb: Math.round(peakMb) };
          if (killed !== undefined) out.killed = killed;
          done(out);
        });
      }),
  );
}
