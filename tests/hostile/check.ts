/**
 * What every hostile case must satisfy, whatever its input: an exit code bilat documents (never
 * 4, never a signal), no stack trace without --debug, a located error, bounded time and memory,
 * and an output folder with no truncated file and the earlier briefs untouched.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { HostileCase, Step } from './corpus.js';
import type { Outcome } from './run.js';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A V8 stack frame, or Node's report of an uncaught error or a fatal out-of-memory. */
const STACK = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$|FATAL ERROR|node:internal|Uncaught/m;

export function outcomeProblems(c: HostileCase, step: Step, o: Outcome): string[] {
  const out: string[] = [];
  const what = `bilat ${o.args.join(' ')}`;
  // Diagnostics go to stdout (validate) or stderr (errors): a user sees both.
  const printed = `${o.stdout}\n${o.stderr}`;
  if (o.killed === 'time') return [`${what} still running after ${o.ms} ms: hung or super-linear`];
  if (o.killed === 'memory') return [`${what} passed ${o.peakMb} MB of resident memory`];
  if (o.signal !== null) out.push(`${what} died of ${o.signal}`);
  if (o.status === 4) out.push(`${what} exited 4 (unexpected error)`);
  else if (o.status !== null && ![0, 1, 2, 3].includes(o.status)) out.push(`${what} exited ${o.status}, not a documented code`);
  if (STACK.test(printed)) out.push(`${what} printed a stack trace without --debug`);
  if (o.status !== 0 && o.status !== null) {
    const named = c.blame.some((b) => printed.includes(b));
    if (!named) out.push(`${what} exited ${o.status} without naming ${c.blame.join(' or ')}: ${JSON.stringify(printed.slice(0, 400))}`);
    else if (c.lines && !c.blame.some((b) => new RegExp(`${escapeRe(b)}:\\d+`).test(printed)))
      out.push(`${what} names ${c.blame.join('/')} but no line`);
  }
  if (c.extra) out.push(...c.extra(printed, o.status, step));
  return out;
}

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) filesUnder(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** Every brief in `out` is whole; the seeded ones are byte for byte what they were. */
export function outputProblems(out: string, seeds: ReadonlyMap<string, Buffer>, seedMayChange: boolean): string[] {
  const problems: string[] = [];
  for (const file of filesUnder(out)) {
    if (file.endsWith('.pdf')) {
      const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
      if (r.status !== 0) problems.push(`${file} fails qpdf --check: ${(r.stdout + r.stderr).trim().split('\n').slice(-2).join(' ')}`);
    } else if (file.endsWith('.html')) {
      const tail = readFileSync(file).subarray(-64).toString('utf8').trimEnd();
      if (!tail.endsWith('</html>')) problems.push(`${file} does not end with </html> (${statSync(file).size} bytes): truncated`);
    }
  }
  if (!seedMayChange)
    for (const [name, bytes] of seeds) {
      let now: Buffer | undefined;
      try {
        now = readFileSync(join(out, name));
      } catch {
        now = undefined;
      }
      if (now === undefined) problems.push(`earlier brief ${name} was removed`);
      else if (!now.equals(bytes)) problems.push(`earlier brief ${name} was changed`);
    }
  return problems;
}
