import { open } from 'node:fs/promises';

/**
 * Appends `text` with one O_APPEND write: a short line is not interleaved with another
 * process's append to the same file. Resolves to the inode written to, so a caller can tell
 * that the path was replaced meanwhile (a rotation renamed a new file over it). The file is
 * created if missing; its folder must exist (ensureDir).
 */
export async function appendToFile(file: string, text: string | Uint8Array): Promise<number> {
  const fh = await open(file, 'a');
  try {
    if (typeof text === 'string') await fh.write(text);
    else await fh.write(text);
    return (await fh.stat()).ino;
  } finally {
    await fh.close();
  }
}
