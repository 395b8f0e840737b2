/**
 * The unit of work of a batch: one data file, all its briefs, staged on disk (see commit.ts).
 * Runs the same in this thread and in a worker, and never throws: whatever happens becomes a
 * FileResult.
 */
import { BilatError } from '../errors.js';
import type { ResolvedBuildOptions } from '../build-options.js';
import { buildPairFile, compileAudiences } from '../pipeline.js';
import { toFileError } from './file-error.js';
import { briefKey, type BriefKey, type FileResult, type StagedBrief } from './types.js';

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
  const base: Pick<FileResult, 'data' | 'outputs' | 'written' | 'diagnostics'> = {
    data: task.file,
    outputs: [...(task.upToDate ?? [])],
    written: [],
    diagnostics: [],
  };
  try {
    // The batch checked the templates on its own thread before handing out any file (run-batch.ts).
    const compiled = compileAudiences(task.opts, { checks: false });
    const built = await buildPairFile(task.file, compiled, task.opts, want && ((a, f) => want.has(briefKey(a, f))));
    // Staged, not yet in place: the batch commits them once no earlier file claims the same paths.
    const staged: StagedBrief[] = built.briefs.map(({ path, temp, audience, format, size, mtimeMs, sha256 }) => ({
      path,
      temp,
      audience,
      format,
      size,
      mtimeMs,
      sha256,
    }));
    if (built.failure) {
      // Some PDFs could not be drawn: the file fails, but its other briefs still go in place.
      return {
        ...base,
        status: 'failed',
        outputs: [...base.outputs, ...staged.map((w) => w.path)],
        staged,
        keepStaged: true,
        diagnostics: [...(built.failure.diagnostics ?? built.diagnostics)],
        error: toFileError(built.failure),
        pairId: built.pairId,
        pairIdAt: built.pairIdAt,
        ms: performance.now() - started,
      };
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
