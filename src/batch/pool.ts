/**
 * Worker threads for a batch (tinypool: no dependencies, ~8 ms to load, and its workers keep
 * their module caches between tasks). One slot per thread pulls the next file when its last
 * one is done, so "current file" in the progress is the truth and a failure can stop the
 * dispatch of the rest.
 */
import type { FileTask } from './build-file.js';
import { buildFile, toFileError } from './build-file.js';
import type { Diagnostic } from '../diagnostics.js';
import type { FileResult } from './types.js';

/**
 * V8 sizes a worker's heap from the machine's memory (about 4 GB old space here) and then lets
 * garbage pile up towards it. Smaller limits make it collect sooner. Measured on 40
 * relationships at concurrency 2 (peak RSS of the process, wall time):
 *   old 1024 / young 16 MB: 310 MB, 12.2 s     old 256 / young 16: 296 MB, 13.0 s
 *   old  256 / young 12 MB: 273 MB, 12.6 s     old 256 / young  8: 269 MB, 13.8 s
 * A worker holds ~40 MB of live data between files; 300 contacts need about 100 MB. A file
 * too big for this heap is not lost: runOnPool builds it again on the main thread, unlimited.
 */
function workerHeap(): { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number } {
  // BILAT_WORKER_HEAP_MB raises (or, in tests, lowers) the old-generation limit.
  const mb = Number(process.env.BILAT_WORKER_HEAP_MB);
  // Below ~24 MB a worker cannot even load the renderer (it would die before its first file).
  return { maxOldGenerationSizeMb: Number.isInteger(mb) && mb > 0 ? Math.max(mb, 24) : 256, maxYoungGenerationSizeMb: 12 };
}

/** Says why a file took the slow road, so a user with many such files can raise the limit. */
function withNotice(result: FileResult, file: string): FileResult {
  const limit = workerHeap().maxOldGenerationSizeMb;
  const notice: Diagnostic = {
    severity: 'warning',
    rule: 'worker-memory',
    file,
    line: 0,
    column: 0,
    path: '',
    message: `built on the main thread: a worker ran out of its ${limit} MB heap on this file`,
    hint: 'set BILAT_WORKER_HEAP_MB (e.g. 1024) to let workers take files this large',
  };
  return { ...result, diagnostics: [...result.diagnostics, notice] };
}

/** The worker ran out of its heap (resourceLimits); the file may still fit on the main thread. */
const outOfMemory = (e: unknown): boolean => (e as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';

export interface PoolHooks {
  onStart(task: FileTask): void;
  onDone(task: FileTask, result: FileResult): void;
  /** Stop handing out files after the first failure (files already running finish). */
  stopOnFailure: boolean;
}

export async function runOnPool(tasks: readonly FileTask[], threads: number, hooks: PoolHooks): Promise<void> {
  const { Tinypool } = await import('tinypool');
  const pool = new Tinypool({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    // A worker that crashed (out of memory, native fault) is replaced; the file it held is reported.
    isolateWorkers: false,
    resourceLimits: workerHeap(),
  });
  // A worker that dies (out of memory, native fault) fails the task it held, which is reported
  // or retried below; without a listener the pool's 'error' event would end the process.
  pool.on('error', () => {});
  const queue = [...tasks];
  let stop = false;
  const slot = async (): Promise<void> => {
    for (let task = queue.shift(); task !== undefined && !stop; task = queue.shift()) {
      hooks.onStart(task);
      let result: FileResult;
      try {
        result = (await pool.run(task)) as FileResult;
      } catch (e) {
        result = outOfMemory(e)
          ? withNotice(await buildFile(task), task.file)
          : { data: task.file, status: 'failed', outputs: [], written: [], diagnostics: [], error: toFileError(e), ms: 0 };
      }
      hooks.onDone(task, result);
      if (result.status === 'failed' && hooks.stopOnFailure) stop = true;
    }
  };
  try {
    await Promise.all(Array.from({ length: threads }, slot));
  } finally {
    await pool.destroy();
  }
}
