/**
 * The unit of work of a batch: one data file, all its briefs. Runs the same in this thread
 * and in a worker, and never throws: whatever happens becomes a FileResult.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { BilatError, ExitCode } from '../errors.js';
import { buildPairFile, compileAudiences, type ResolvedBuildOptions } from '../pipeline.js';
import { briefKey, type BriefKey, type FileError, type FileResult, type WrittenBrief } from './types.js';

export interface FileTask {
  file: string;
  opts: ResolvedBuildOptions;
  /** Briefs still to make (incremental); undefined = all. */
  want?: BriefKey[];
  /** Outputs this file already has up to date (reported, not rebuilt). */
  upToDate?: string[];
}

export async function buildFile(task: FileTask): Promise<FileResult> {
  const started = performance.now();
  const want = task.want ? new Set<string>(task.want) : undefined;
  const base: Pick<FileResult, 'data' | 'outputs' | 'written' | 'diagnostics'> = { data: task.file, outputs: [...(task.upToDate ?? [])], written: [], diagnostics: [] };
  try {
    const built = await buildPairFile(task.file, compileAudiences(task.opts), task.opts, want && ((a, f) => want.has(briefKey(a, f))));
    const written = writtenBriefs(built.briefs, task);
    return {
      ...base,
      status: 'ok',
      outputs: [...base.outputs, ...written.map((w) => w.path)],
      written,
      diagnostics: built.diagnostics,
      pairId: built.pairId,
      pairIdAt: built.pairIdAt,
      ms: performance.now() - started,
    };
  } catch (e) {
    const diagnostics = e instanceof BilatError && e.diagnostics ? [...e.diagnostics] : [];
    // A PDF that lacks a glyph fails after the file's other briefs were written: count them.
    const done = e instanceof BilatError && 'written' in e && Array.isArray(e.written) ? writtenBriefs(e.written as WrittenBrief[], task) : [];
    return { ...base, outputs: [...base.outputs, ...done.map((w) => w.path)], written: done, status: 'failed', diagnostics, error: toFileError(e), ms: performance.now() - started };
  }
}

function writtenBriefs(briefs: readonly Pick<WrittenBrief, 'path' | 'audience' | 'format'>[], task: FileTask): WrittenBrief[] {
  return briefs.map((b) => {
    const st = statSync(b.path);
    return { ...b, size: st.size, mtimeMs: st.mtimeMs, ...(task.opts.incremental ? { sha256: createHash('sha256').update(readFileSync(b.path)).digest('hex') } : {}) };
  });
}

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
  return new BilatError(e.code, e.message, { file: e.file, line: e.line, column: e.column, diagnostics: r.diagnostics.length ? r.diagnostics : undefined });
}
