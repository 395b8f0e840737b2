import { lstat, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BilatError } from '../errors.js';
import { writeFileAtomic } from '../write/atomic.js';
import { removeFile, removeTree, renamePath } from '../write/remove.js';
import { exists, freshFolder, swapFolderIn, type FolderNames } from '../write/staged-folder.js';
import { readPendingNote, type PendingOwner } from './pending-note.js';
import { moveAside } from './state-file.js';

/** Marker inside every run folder: retention deletes a folder only when its marker names the job. */
export const RUN_MARKER = '.bilat-run.json';

export interface RunMarker {
  job: string;
  runId: string;
  scheduledFor: string;
}

/** A run folder being built: briefs go to `temp`, which becomes `final` only when the run succeeds. */
export type StagedFolder = FolderNames;

export function stagedFolder(final: string, runId: string): StagedFolder {
  const dir = dirname(final);
  const name = basename(final);
  return { final, temp: join(dir, `.${name}.tmp-${runId}`), old: join(dir, `.${name}.old-${runId}`) };
}

export function pendingFile(stateDir: string, job: string): string {
  return join(stateDir, 'pending', `${job}.json`);
}

/**
 * Note the temp folders before creating them. If the process dies (kill -9 mid-render), the
 * next run of the job reads this note and removes them: it starts clean.
 */
export async function notePending(stateDir: string, job: string, folders: readonly StagedFolder[]): Promise<void> {
  await writeFileAtomic(pendingFile(stateDir, job), JSON.stringify(folders, null, 2) + '\n');
}

export async function clearPending(stateDir: string, job: string): Promise<void> {
  await removeFile(pendingFile(stateDir, job)).catch(() => undefined);
}

/** What `cleanInterrupted` did, and what it refused to do (each warning says why and what bilat did). */
export interface CleanResult {
  removed: string[];
  warnings: string[];
}

/**
 * Remove what an interrupted run left; put back a previous run folder that was parked. The note
 * is checked first (pending-note.ts): a damaged one is moved aside and the run goes on, and no
 * path outside the job's own staging folders is ever removed or renamed.
 */
export async function cleanInterrupted(job: PendingOwner, now: Date): Promise<CleanResult> {
  const file = pendingFile(job.stateDir, job.name);
  const note = await readPendingNote(file, job);
  const warnings = [...note.warnings];
  const removed: string[] = [];
  for (const f of note.folders) {
    if (await isDir(f.temp)) {
      await removeTree(f.temp);
      removed.push(f.temp);
    }
    if (await isDir(f.old)) {
      if (await exists(f.final)) await removeTree(f.old);
      else await renamePath(f.old, f.final);
    }
  }
  if (note.bad) {
    const aside = await moveAside(file, now);
    // Never a recursive delete here: a folder at this path is not ours to empty.
    const removedNote =
      !aside &&
      (await removeFile(file).then(
        () => true,
        () => false,
      ));
    warnings.push(
      aside
        ? `moved it aside to ${aside}`
        : removedNote
          ? 'could not move it aside, so removed it'
          : 'could not move it aside or remove it (remove it by hand)',
    );
  } else await clearPending(job.stateDir, job.name);
  return { removed, warnings };
}

/** A fresh, empty temp folder for an attempt. */
export async function prepareTemp(f: StagedFolder): Promise<void> {
  await freshFolder(f.temp);
}

export async function discardTemp(f: StagedFolder): Promise<void> {
  await removeTree(f.temp);
}

/** Refuse to replace a folder this job did not make (a user's folder, another job's). */
export async function assertReplaceable(f: StagedFolder, job: string): Promise<void> {
  if (!(await exists(f.final))) return;
  const marker = await readMarker(f.final);
  if (marker?.job !== job) {
    throw new BilatError('E_WRITE', `run folder exists and was not made by job "${job}"; not replacing it (move it away, or change out)`, {
      file: f.final,
    });
  }
}

/** Mark the temp folder and move it into place; the previous folder of the same name is replaced. */
export async function commitFolder(f: StagedFolder, marker: RunMarker): Promise<void> {
  await writeFileAtomic(join(f.temp, RUN_MARKER), JSON.stringify(marker, null, 2) + '\n');
  await assertReplaceable(f, marker.job);
  await swapFolderIn(f);
}

export async function readMarker(folder: string): Promise<RunMarker | undefined> {
  try {
    return JSON.parse(await readFile(join(folder, RUN_MARKER), 'utf8')) as RunMarker;
  } catch {
    return undefined;
  }
}

/** A real folder, not a symlink: a planted link must not be followed by rm or rename. */
async function isDir(p: string): Promise<boolean> {
  return (await lstat(p).catch(() => undefined))?.isDirectory() === true;
}
