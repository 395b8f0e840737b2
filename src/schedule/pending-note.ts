import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { z } from 'zod';
import type { ResolvedJob } from '../config/resolve-config.js';
import type { StagedFolder } from './staging.js';
import { readStateFile } from './state-file.js';

/** What the pending note of a job is checked against: its own project folder and `out` pattern. */
export type PendingOwner = Pick<ResolvedJob, 'name' | 'stateDir' | 'root' | 'out'>;

const PendingNote = z.array(z.strictObject({ final: z.string().min(1), temp: z.string().min(1), old: z.string().min(1) })).max(10_000);

export interface CheckedNote {
  /** Entries that name this job's own staging folders; only these are touched. */
  folders: StagedFolder[];
  /** The note was damaged or named other paths: it is moved aside, not deleted. */
  bad: boolean;
  warnings: string[];
}

/**
 * Read `pending/<job>.json` and keep only the entries bilat itself could have written for this
 * job: a run folder its `out` pattern makes inside the project, and beside it that folder's
 * `.<name>.tmp-<run>` and `.<name>.old-<run>`. Whole resolved paths are compared, so a note
 * naming /etc/.x.tmp-1 (right basename, wrong place) is refused.
 */
export async function readPendingNote(file: string, job: PendingOwner): Promise<CheckedNote> {
  const read = await readStateFile(file, PendingNote);
  if (read.kind === 'missing') return { folders: [], bad: false, warnings: [] };
  const where = `${file} (the note of an interrupted run of job "${job.name}")`;
  if (read.kind === 'bad') return { folders: [], bad: true, warnings: [`${where} ${read.problem}; its folders are left alone`] };
  const matches = runFolderMatcher(job);
  const folders: StagedFolder[] = [];
  const refused: string[] = [];
  read.value.forEach((entry, i) => {
    const why = entryProblem(entry, job.root, matches);
    if (why) refused.push(`[${i}] ${why}`);
    else folders.push(entry);
  });
  if (!refused.length) return { folders, bad: false, warnings: [] };
  const more = refused.length > 3 ? `; and ${refused.length - 3} more` : '';
  return {
    folders,
    bad: true,
    warnings: [`${where} names paths that are not this job's staging folders, left alone: ${refused.slice(0, 3).join('; ')}${more}`],
  };
}

function entryProblem(f: StagedFolder, root: string, matches: (final: string) => boolean): string | undefined {
  for (const p of [f.final, f.temp, f.old]) {
    if (!isAbsolute(p) || resolve(p) !== p) return `"${p}" is not an absolute, normalized path`;
  }
  const inside = relative(root, f.final);
  if (!inside || inside.startsWith('..') || isAbsolute(inside)) return `"${f.final}" is outside the project folder ${root}`;
  if (!matches(f.final)) return `"${f.final}" is not a run folder of this job's out pattern`;
  const run = /^[\w-]+$/;
  const tmp = stagingRun(f.final, f.temp, 'tmp');
  const old = stagingRun(f.final, f.old, 'old');
  if (tmp === undefined || !run.test(tmp)) return `"${f.temp}" is not the temp folder of ${f.final}`;
  if (old === undefined || old !== tmp) return `"${f.old}" is not the parked folder of ${f.final}`;
  return undefined;
}

/** The run id in `<dir of final>/.<name of final>.<kind>-<run>`, or undefined when the path is anything else. */
function stagingRun(final: string, p: string, kind: 'tmp' | 'old'): string | undefined {
  const prefix = `.${basename(final)}.${kind}-`;
  if (dirname(p) !== dirname(final) || !basename(p).startsWith(prefix)) return undefined;
  return basename(p).slice(prefix.length);
}

const TOKEN_VALUE: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  date: '\\d{4}-\\d{2}-\\d{2}',
  time: '\\d{4}(?:\\d{2})?',
  // Pair ids and audiences are made path-safe by expandOut: one segment, never starting with ".".
  pair: '[^/\\\\.][^/\\\\]*',
  audience: '[^/\\\\.][^/\\\\]*',
});

/** Whether an absolute path is one the job's `out` pattern can expand to. */
export function runFolderMatcher(job: Pick<PendingOwner, 'name' | 'root' | 'out'>): (final: string) => boolean {
  // Tokens never contain "/", so resolving the raw pattern normalizes its fixed part.
  const pattern = resolve(job.root, job.out);
  const source = pattern
    .split(/(\{[^{}]*\})/)
    .map((part, i) => {
      if (i % 2 === 0) return escapeRegExp(part);
      const name = part.slice(1, -1);
      if (name === 'job') return escapeRegExp(job.name);
      return Object.hasOwn(TOKEN_VALUE, name) ? TOKEN_VALUE[name] : escapeRegExp(part);
    })
    .join('');
  const re = new RegExp(`^${source}$`);
  return (final) => re.test(final);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
