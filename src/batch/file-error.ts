/**
 * A file's failure as plain data (it crosses from a worker thread) and back to an error. Apart
 * from build-file.ts so that the thread that only dispatches a parallel batch never loads the
 * rendering pipeline.
 */
import { BilatError, ExitCode } from '../errors.js';
import type { FileError, FileResult } from './types.js';

export function toFileError(e: unknown): FileError {
  if (e instanceof BilatError) {
    const out: FileError = { code: e.code, message: e.message, exitCode: e.exitCode };
    if (e.file !== undefined) out.file = e.file;
    if (e.line !== undefined) out.line = e.line;
    if (e.column !== undefined) out.column = e.column;
    return out;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  return { code: 'E_UNEXPECTED', message: err.message, exitCode: ExitCode.Unexpected, ...(err.stack ? { stack: err.stack } : {}) };
}

/** Back to a throwable error, for callers that asked to stop at the first bad file. */
export function fromFileError(r: FileResult): Error {
  const e = r.error;
  if (!e) return new Error(`${r.data}: failed`);
  if (e.code === 'E_UNEXPECTED') {
    const err = new Error(e.message);
    if (e.stack) err.stack = e.stack;
    return err;
  }
  return new BilatError(e.code, e.message, {
    file: e.file,
    line: e.line,
    column: e.column,
    diagnostics: r.diagnostics.length ? r.diagnostics : undefined,
  });
}
