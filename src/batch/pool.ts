/**
 * Worker threads for a batch (tinypool: no dependencies, ~8 ms to load, and its workers keep
 * their module caches between tasks). One slot per thread pulls the next file when its last
 * one is done, so "current file" in the progress is the truth and a failure can stop the
 * dispatch of the rest.
 */
import { getHeapStatistics } from 'node:v8';
import type { Diagnostic } from '../diagnostics.js';
import { ExitCode } from '../errors.js';
import type { FileTask } from './build-file.js';
import type { FileResult } from './types.js';
import { workersStarting } from '../young-generation.js';

/**
 * Below this a worker dies while loading, a path where tinypool (2.x, Node 20) can throw from
 * inside an event listener under load, ending the process.
 */
const MIN_WORKER_HEAP_MB = 24;

/**
 * V8 sizes a worker's heap from the machine's memory (about 4 GB old space here) and then lets
 * garbage pile up towards it. Smaller limits make it collect sooner. Measured on 40
 * relationships at concurrency 2 (peak RSS of the process, wall time):
 *   old 1024 / young 16 MB: 310 MB, 12.2 s     old 256 / young 16: 296 MB, 13.0 s
 *   old  256 / young 12 MB: 273 MB, 12.6 s     old 256 / young  8: 269 MB, 13.8 s
 * A worker holds ~40 MB of live data between files; 300 contacts need about 100 MB. A file
 * too big for this heap is not lost: runOnPool builds it again on a worker of its own with
 * the main thread's heap limit (largeWorkerHeapMb), so even a file too big for that fails
 * alone, with an error, and never takes the process and the rest of the batch down.
 */
function workerHeap(): { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number } {
  // BILAT_WORKER_HEAP_MB raises (or, in tests, lowers) the old-generation limit.
  const mb = Number(process.env.BILAT_WORKER_HEAP_MB);
  return { maxOldGenerationSizeMb: Number.isInteger(mb) && mb > 0 ? Math.max(mb, MIN_WORKER_HEAP_MB) : 256, maxYoungGenerationSizeMb: 12 };
}

/**
 * The heap of the one-off worker that retries a file too big for the pool's workers: as large
 * as the main thread's (V8 sizes it from the machine's memory; NODE_OPTIONS=--max-old-space-size
 * changes both) and at least four times the pool's, unless BILAT_LARGE_WORKER_HEAP_MB says
 * otherwise (a small machine may prefer a file to fail than to swap).
 */
function largeWorkerHeapMb(): number {
  const mb = Number(process.env.BILAT_LARGE_WORKER_HEAP_MB);
  if (Number.isInteger(mb) && mb > 0) return Math.max(mb, MIN_WORKER_HEAP_MB);
  return Math.max(4 * workerHeap().maxOldGenerationSizeMb, Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20));
}

/** Says why a file took the slow road, so a user with many such files can raise the limit. */
function withNotice(result: FileResult, file: string, why: unknown, where: 'main' | 'large'): FileResult {
  const limit = workerHeap().maxOldGenerationSizeMb;
  const memory = outOfMemory(why);
  const tried = where === 'large' || !(why instanceof PoolStopped);
  const cause = why instanceof PoolStopped ? why.cause : why;
  const notice: Diagnostic = {
    severity: 'warning',
    rule: 'worker-fallback',
    file,
    line: 0,
    column: 0,
    path: '',
    message: `built ${where === 'large' ? `on a worker of its own with a ${largeWorkerHeapMb()} MB heap` : 'on the main thread'}: ${tried ? 'its worker' : 'the worker pool had stopped:'} ${
      memory
        ? `${tried ? '' : 'a worker '}ran out of its ${limit} MB heap`
        : `failed (${cause instanceof Error ? cause.message : String(cause)})`
    }`,
    hint: memory
      ? 'set BILAT_WORKER_HEAP_MB (e.g. 1024) to let workers take files this large'
      : 'run with -j 1 to build on the main thread from the start',
  };
  return { ...result, diagnostics: [...result.diagnostics, notice] };
}

/** A file built on this thread after all (the pipeline loads only then: this thread usually only dispatches). */
async function buildHere(task: FileTask): Promise<FileResult> {
  // Workers may still be ending: the young generation stays as it is (young-generation.ts).
  const { buildFile } = await import('./build-file.js');
  return buildFile(task);
}

/** The pool failed as a whole (a worker died while starting): files after that use the main thread. */
class PoolStopped {
  constructor(readonly cause: unknown) {}
}

/** A file that overflowed even the large worker: it fails alone, saying how to give it more. */
function tooLarge(task: FileTask, ms: number): FileResult {
  const mb = largeWorkerHeapMb();
  return {
    data: task.file,
    status: 'failed',
    outputs: [...(task.upToDate ?? [])],
    written: [],
    diagnostics: [],
    error: {
      code: 'E_RENDER',
      message: `ran out of memory on a worker with a ${workerHeap().maxOldGenerationSizeMb} MB heap and again on one of its own with ${mb} MB; nothing was written for it. Split the file, or allow more: BILAT_LARGE_WORKER_HEAP_MB=${mb * 2}`,
      file: task.file,
      exitCode: ExitCode.RenderFailure,
    },
    ms,
  };
}

/** The worker ran out of its heap (resourceLimits); the file may still fit on the main thread. */
const outOfMemory = (e: unknown): boolean => (e as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';

export interface PoolHooks {
  onStart(task: FileTask): void;
  onDone(task: FileTask, result: FileResult): void;
  /** Stop handing out files after the first failure (files already running finish). */
  stopOnFailure: boolean;
  /**
   * Stop now: hand out no further file, terminate the workers (tinypool's destroy) and build
   * nothing on the main thread. Files stopped on a worker get no onDone: they were not built.
   */
  signal?: AbortSignal;
}

export async function runOnPool(tasks: readonly FileTask[], threads: number, hooks: PoolHooks): Promise<void> {
  const { Tinypool } = await import('tinypool');
  // Before its workers exist: V8's flags are the process's (young-generation.ts).
  const poolEnded = workersStarting(workerHeap().maxYoungGenerationSizeMb);
  const pool = new Tinypool({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    isolateWorkers: false,
    resourceLimits: workerHeap(),
  });
  // A worker that dies (out of its heap, a native fault, or while starting) emits 'error' on the
  // pool; the task it held, if any, is rejected too. A worker that dies while starting holds no
  // task, so nothing else would ever settle: from the first error on, the pool is shut down
  // (which rejects what it still holds) and every remaining file is built on the main thread,
  // one at a time, each with a warning that says why. No file is lost and the batch ends.
  let broken: unknown;
  const { signal } = hooks;
  const stopPool = () => void pool.destroy().catch(() => {});
  signal?.addEventListener('abort', stopPool, { once: true });
  pool.on('error', (e: unknown) => {
    if (broken !== undefined || signal?.aborted) return;
    broken = e;
    void pool.destroy().catch(() => {});
  });
  // Files that leave the pool go one at a time, so two large ones never add up.
  let outside: Promise<unknown> = Promise.resolve();
  const oneAtATime = (fn: () => Promise<FileResult | undefined>): Promise<FileResult | undefined> => {
    const run = outside.then(() => (signal?.aborted ? undefined : fn()));
    outside = run.catch(() => {});
    return run;
  };
  const onMainThread = (task: FileTask, why: unknown): Promise<FileResult | undefined> =>
    oneAtATime(async () => withNotice(await buildHere(task), task.file, why, 'main'));
  const onLargeWorker = (task: FileTask, why: unknown): Promise<FileResult | undefined> =>
    oneAtATime(async () => {
      const started = performance.now();
      // minThreads 0: a worker that runs out of memory is not replaced by one nobody will use.
      const large = new Tinypool({
        filename: new URL('./worker.js', import.meta.url).href,
        minThreads: 0,
        maxThreads: 1,
        isolateWorkers: false,
        resourceLimits: { maxOldGenerationSizeMb: largeWorkerHeapMb() },
      });
      const stopLarge = () => void large.destroy().catch(() => {});
      signal?.addEventListener('abort', stopLarge, { once: true });
      // A worker that dies while starting holds no task: tinypool reports it on the pool alone.
      const died = new Promise<never>((_, reject) => large.once('error', reject));
      died.catch(() => {});
      try {
        const run = large.run(task, signal ? { signal } : {});
        run.catch(() => {}); // settled by destroy() below when the pool died first
        return withNotice((await Promise.race([run, died])) as FileResult, task.file, why, 'large');
      } catch (e) {
        if (signal?.aborted) return undefined;
        if (outOfMemory(e)) return tooLarge(task, performance.now() - started);
        return withNotice(await buildHere(task), task.file, e, 'main');
      } finally {
        signal?.removeEventListener('abort', stopLarge);
        await large.destroy().catch(() => {});
      }
    });
  const queue = [...tasks];
  let stop = false;
  const slot = async (): Promise<void> => {
    for (let task = queue.shift(); task !== undefined && !stop && !signal?.aborted; task = queue.shift()) {
      hooks.onStart(task);
      let result: FileResult | undefined;
      if (broken !== undefined) result = await onMainThread(task, new PoolStopped(broken));
      else {
        try {
          result = (await pool.run(task, signal ? { signal } : {})) as FileResult;
        } catch (e) {
          if (signal?.aborted) return; // stopped on purpose: not built
          // buildFile reports every error of a file as a result: a rejection means the worker died.
          const why = broken ?? e;
          result = outOfMemory(why) ? await onLargeWorker(task, why) : await onMainThread(task, why);
        }
      }
      if (result === undefined) return; // aborted while waiting for the main thread
      hooks.onDone(task, result);
      if (result.status === 'failed' && hooks.stopOnFailure) stop = true;
    }
  };
  try {
    await Promise.all(Array.from({ length: threads }, slot));
  } finally {
    signal?.removeEventListener('abort', stopPool);
    await pool.destroy().finally(poolEnded);
  }
}
