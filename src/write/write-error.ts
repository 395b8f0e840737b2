import { statfsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { BilatError } from '../errors.js';

const FULL = new Set(['ENOSPC', 'EDQUOT']);

/** Bytes a user may still write in `dir`, or undefined where statfs is not available. */
function freeBytes(dir: string): number | undefined {
  try {
    const st = statfsSync(dir);
    return st.bavail * st.bsize;
  } catch {
    return undefined;
  }
}

/**
 * A failed write as the user should read it: which file, why in plain words, what to do, and
 * that the earlier output is still there. `needed` counts every file written together.
 */
export function writeError(e: unknown, file: string, needed: number, together: number): BilatError {
  const err = e as NodeJS.ErrnoException;
  if (err instanceof BilatError) return err;
  const name = basename(file);
  const kept = together > 1 ? `none of the ${together} files was replaced (earlier versions, if any, are unchanged)` : 'the earlier version, if any, is unchanged';
  let message: string;
  if (FULL.has(err?.code ?? '')) {
    const free = freeBytes(dirname(file));
    const what = together > 1 ? `${needed} bytes needed for the ${together} files written together` : `${needed} bytes needed`;
    const quota = err.code === 'EDQUOT' ? ' (disk quota)' : '';
    message = `disk full${quota} while writing ${name} (${what}${free === undefined ? '' : `, ${free} free`}): free space on the disk that holds ${dirname(file)} and run again; ${kept}`;
  } else if (err?.code === 'EROFS') {
    message = `cannot write ${name}: ${dirname(file)} is on a read-only file system; choose another output folder with --out`;
  } else if (err?.code === 'EACCES' || err?.code === 'EPERM') {
    message = `cannot write ${name}: permission denied in ${dirname(file)}; ${kept}`;
  } else {
    message = `cannot write output: ${err?.message ?? String(e)}`;
  }
  return new BilatError('E_WRITE', message, { file, cause: e });
}
