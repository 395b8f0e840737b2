import { lstat, open } from 'node:fs/promises';
import type { z } from 'zod';
import { renamePath } from '../write/remove.js';

/**
 * The scheduler's own small state files under output/.bilat (pending notes, job start notes).
 * Anyone can edit or damage them, so each is checked before use: a bad one is reported and set
 * aside, never trusted and never a crash (issue 9 §6).
 */
export type StateRead<T> = { kind: 'missing' } | { kind: 'ok'; value: T } | { kind: 'bad'; problem: string };

/** Far beyond any real note (a few hundred bytes per run folder); a bigger file is not ours. */
export const MAX_STATE_FILE_BYTES = 1_048_576;

export async function readStateFile<T>(file: string, schema: z.ZodType<T>): Promise<StateRead<T>> {
  let st;
  try {
    st = await lstat(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'bad', problem: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  // lstat, not stat: a symlink or a FIFO at this path is not a note bilat wrote (a FIFO would block the read).
  if (!st.isFile()) return { kind: 'bad', problem: `is a ${kindOf(st)}, not a file` };
  if (st.size > MAX_STATE_FILE_BYTES) return { kind: 'bad', problem: `is ${st.size} bytes; bilat's notes are far smaller` };
  let text: string;
  try {
    const fh = await open(file, 'r');
    try {
      text = await fh.readFile({ encoding: 'utf8' });
    } finally {
      await fh.close();
    }
  } catch (e) {
    return { kind: 'bad', problem: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { kind: 'bad', problem: `is not valid JSON (${(e as Error).message})` };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { kind: 'bad', problem: `is not in the expected form (${describeIssues(parsed.error)})` };
  return { kind: 'ok', value: parsed.data };
}

/** `[0].temp: expected string, got number; …`, at most three issues. */
export function describeIssues(error: z.ZodError): string {
  const issues = error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? `${formatIssuePath(i.path)}: ` : ''}${i.message.replace(/^Invalid input: /, '')}`);
  if (error.issues.length > 3) issues.push(`${error.issues.length - 3} more`);
  return issues.join('; ');
}

function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

/**
 * Rename a bad state file to `<name>.corrupt-<time>` beside it, kept for a person to look at.
 * Returns the new path, or undefined when even that failed (the caller says so).
 */
export async function moveAside(file: string, now: Date): Promise<string | undefined> {
  const aside = `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
  try {
    await renamePath(file, aside);
    return aside;
  } catch {
    return undefined;
  }
}

function kindOf(st: Awaited<ReturnType<typeof lstat>>): string {
  if (st.isDirectory()) return 'directory';
  if (st.isSymbolicLink()) return 'symbolic link';
  if (st.isFIFO()) return 'FIFO';
  if (st.isSocket()) return 'socket';
  return 'device';
}
