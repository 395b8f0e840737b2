/**
 * The unit of work of a batch: one data file, all its briefs, staged on disk (see commit.ts).
 * Runs the same in this thread and in a worker, and never throws: whatever happens becomes a
 * FileResult.
 */
import { BilatError, ExitCode } from '../errors.js';
import type { ResolvedBuildOptions } from '../build-options.js';
import { buildPairFile, compileAudiences } from '../pipeline.js';
import { briefKey, type BriefKey, type FileError, type FileResult, type StagedBrief } from './types.js';

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
    // Staged, not yet in place: the batch commits them once no earlier file claims the same paths.
    const staged: StagedBrief[] = built.briefs.map(({ path, temp, audience, format, size, mtimeMs, sha256 }) => ({ path, temp, audience, format, size, mtimeMs, sha256 }));
    if (built.failure) {
      // Some PDFs could not be drawn: the file fails, but its other briefs still go in place.
      return { ...base, status: 'failed', outputs: [...base.outputs, ...staged.map((w) => w.path)], staged, keepStaged: true, diagnostics: [...(built.failure.diagnostics ?? built.diagnostics)], error: toFileError(built.failure), pairId: built.pairId, pairIdAt: built.pairIdAt, ms: performance.now() - started };
    }
    return {
      ...base,
      status: 'ok',
      outputs: [...base.outputs, ...staged.map((w) => w.path)],
      staged,
      diagnostics: built.diagnostics,
      pairId: built.pairId,
      pairIdAt: built.pairIdAt,
      ms: performance.now() - started,
    };
  } catch (e) {
    const diagnostics = e instanceof BilatError && e.diagnostics ? [...e.diagnostics] : [];
    return { ...base, status: 'failed', diagnostics, error: toFileError(e), ms: performance.now() - started };
  }
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
