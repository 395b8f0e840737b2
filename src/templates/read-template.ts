/**
 * Reads a template, partial, stylesheet or audience file, refusing anything but a regular
 * file: a FIFO there hung the build for ever and a link to /dev/zero filled the memory.
 */
import { readFileSync, statSync } from 'node:fs';
import { BilatError } from '../errors.js';

/** Far above any real template or stylesheet; a bigger one is a mistake, not a brief. */
const MAX_BYTES = 4 * 1024 * 1024;

export function readTemplateFile(file: string): string {
  const st = statSync(file);
  if (!st.isFile()) {
    const kind = st.isFIFO() ? 'a FIFO' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : st.isDirectory() ? 'a folder' : 'not a regular file';
    throw new BilatError('E_TEMPLATE', `template file is ${kind}; it must be a regular file`, { file });
  }
  if (st.size > MAX_BYTES)
    throw new BilatError('E_TEMPLATE', `template file is ${(st.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_BYTES / 1024 / 1024} MB`, { file });
  return readFileSync(file, 'utf8');
}
