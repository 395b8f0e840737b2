import { rename, rm, unlink } from 'node:fs/promises';

/** Removes one file (never a folder); rejects as unlink does (ENOENT when it is gone). */
export async function removeFile(file: string): Promise<void> {
  await unlink(file);
}

/** Removes a folder and all it holds, or a file; nothing there is fine. Symlinks are removed, not followed. */
export async function removeTree(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true });
}

/** Renames a file or folder (within one file system: atomic); rejects as rename does. */
export async function renamePath(from: string, to: string): Promise<void> {
  await rename(from, to);
}
