import { dirname } from 'node:path';
import writeFileAtomicLib from 'write-file-atomic';
import { BilatError } from '../errors.js';
import { ensureDir } from './ensure-dir.js';

/**
 * The only way bilat writes an output: to a temp file in the same folder, fsync, then rename.
 * A crash or a failed render never leaves a partial file, and the previous output stays intact.
 * (write-file-atomic: maintained by npm, handles fsync, ownership and temp clean-up on error.)
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  try {
    await ensureDir(dirname(file));
    await writeFileAtomicLib(file, typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  } catch (e) {
    throw new BilatError('E_WRITE', `cannot write output: ${(e as Error).message}`, { file, cause: e });
  }
}
