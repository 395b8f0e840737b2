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
 * that the earlier output is still there. `needed` counts every file written together (0: unknown).
 */
export function writeError(e: unknown, file: string, needed: number, together: number): BilatError {
  const err = e as NodeJS.ErrnoException;
  if (err instanceof BilatError) return err;
  const name = basename(file);
  const kept =
    together > 1
      ? `none of the ${together} files was replaced (earlier versions, if any, are unchanged)`
      : 'the earlier version, if any, is unchanged';
  let message: string;
  if (FULL.has(err?.code ?? '')) {
    const free = freeBytes(dirname(file));
    const what =
      needed <= 0 ? [] : [together > 1 ? `${needed} bytes needed for the ${together} files written together` : `${needed} bytes needed`];
    if (free !== undefined) what.push(`${free} free`);
    const quota = err.code === 'EDQUOT' ? ' (disk quota)' : '';
    message = `disk full${quota} while writing ${name}${what.length ? ` (${what.join(', ')})` : ''}: free space on the disk that holds ${dirname(file)} and run again; ${kept}`;
  } else if (err?.code === 'EROFS') {
    message = `cannot write ${name}: ${dirname(file)} is on a read-only file system; write somewhere else (for briefs: --out)`;
  } else if (err?.code === 'EFBIG') {
    message = `cannot write ${name}: larger than this process may write (${needed > 0 ? `${needed} bytes; ` : ''}see ulimit -f); ${kept}`;
  } else if (err?.code === 'EACCES' || err?.code === 'EPERM') {
    message = `cannot write ${name}: permission denied in ${dirname(file)}; ${kept}`;
  } else {
    message = `cannot write output: ${err?.message ?? String(e)}`;
  }
  return new BilatError('E_WRITE', message, { file, cause: e });
}
