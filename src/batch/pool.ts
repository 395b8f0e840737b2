/**
 * Worker threads for a batch (tinypool: no dependencies, ~8 ms to load, and its workers keep
 * their module caches between tasks). One slot per thread pulls the next file when its last
 * one is done, so "current file" in the progress is the truth and a failure can stop the
 * dispatch of the rest.
 */
import type { FileTask } from './build-file.js';
import { toFileError } from './build-file.js';
import type { FileResult } from './types.js';

/**
 * V8 sizes a worker's heap from the machine's memory (about 4 GB old space here) and then lets
 * garbage pile up towards it. Smaller limits make it collect sooner: on 6 relationships at
 * concurrency 2, peak RSS went from ~480 MB to ~365 MB at the same speed. 1 GB still leaves
 * room for the largest relationships (300 contacts need about 100 MB).
 */
const WORKER_HEAP = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 16 };

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
    resourceLimits: WORKER_HEAP,
  });
  const queue = [...tasks];
  let stop = false;
  const slot = async (): Promise<void> => {
    for (let task = queue.shift(); task !== undefined && !stop; task = queue.shift()) {
      hooks.onStart(task);
      let result: FileResult;
      try {
        result = (await pool.run(task)) as FileResult;
      } catch (e) {
        result = { data: task.file, status: 'failed', outputs: [], written: [], diagnostics: [], error: toFileError(e), ms: 0 };
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
