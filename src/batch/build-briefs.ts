import type { BuildOptions, BuildResult } from '../build-options.js';
import { resolveBuildOptions } from '../pipeline.js';

/**
 * Every brief of every data file. Templates are compiled first, so a broken template is
 * reported (E_TEMPLATE) before any data is read. Each file is validated, rendered in memory
 * and only then written, so a bad file leaves no partial output. Without `keepGoing` the first
 * bad file throws BilatError('E_DATA_INVALID', …, { diagnostics }); with it, every file's fate
 * is in `results`. With `concurrency` > 1, files are rendered on worker threads (src/batch).
 */
export async function buildBriefs(input: BuildOptions): Promise<BuildResult> {
  const opts = resolveBuildOptions(input);
  const { runBatch } = await import('./run-batch.js');
  return runBatch(input.signal ? { ...opts, signal: input.signal } : opts, input.onProgress);
}
