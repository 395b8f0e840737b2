import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ensureDir } from './ensure-dir.js';
import { removeTree, renamePath } from './remove.js';

/**
 * A folder filled under a temp name and moved into place whole: readers see the previous
 * folder or the new one, never a half-filled one. The caller picks the three names (beside
 * each other, so the renames stay on one file system).
 */
export interface FolderNames {
  final: string;
  temp: string;
  /** Where the previous `final` is parked while the new one moves in. */
  old: string;
}

/** A fresh, empty temp folder: whatever an earlier attempt left there is removed first. */
export async function freshFolder(temp: string): Promise<void> {
  await removeTree(temp);
  await ensureDir(temp);
}

/** Moves the temp folder into place; a previous folder of the same name is parked, then removed. */
export async function swapFolderIn(f: FolderNames): Promise<void> {
  await ensureDir(dirname(f.final));
  const hadPrevious = await exists(f.final);
  if (hadPrevious) await renamePath(f.final, f.old);
  await renamePath(f.temp, f.final);
  if (hadPrevious) await removeTree(f.old);
}

/** Whether anything is at `p` (a link is followed). */
export async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}
