/**
 * The young generation of the CLI's own thread. V8 doubles a thread's young generation (up to
 * 16 MB of semi-spaces here) whenever much of what it allocates survives, which is all of
 * start-up: loading the bundle, yargs, the template checks. A parallel batch's own thread then
 * only hands out files and reports progress, with 16 MB committed for a young generation it no
 * longer fills (README: Performance, session 7). So the CLI starts with growth switched off
 * (growth factor 1). Where this thread does the work itself (a one-thread build renders here,
 * `validate` reads here) growth is switched back on: a `-j 1` batch with the small young
 * generation took ~10 % longer.
 *
 * V8's flags belong to the process, not to a thread, and are changed only while no worker
 * thread runs (an earlier session crashed V8 changing GC flags under running workers). Workers
 * would inherit the growth factor of 1, so before the first one starts, new isolates are told
 * to start their young generation at its full size instead (`--min-semi-space-size`, read when
 * an isolate is made, so this thread's stays as it is): where a worker's would have grown to
 * during its first file anyway. A young-generation flag the user gives Node is left alone.
 */
import { setFlagsFromString } from 'node:v8';
import { isMainThread } from 'node:worker_threads';

/** V8's default factor (its flag-definitions.h). */
const DEFAULT_GROWTH = 2;

let held = false;
let workersSized = false;
/** Worker pools running now (a scheduler may run two jobs at once). */
let pools = 0;

const userSetsYoungGeneration = (): boolean =>
  [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => /semi[-_]space|young[-_]generation/.test(a));

/** The CLI's first step: this thread's young generation stays at its initial size. */
export function holdYoungGeneration(): void {
  if (held || !isMainThread || userSetsYoungGeneration()) return;
  setFlagsFromString('--semi-space-growth-factor=1');
  held = true;
}

/**
 * Before this thread does heavy work itself: growth as V8 would have it. While a worker pool
 * runs nothing changes (the work here is then slower, never unsafe).
 */
export function releaseYoungGeneration(): void {
  if (!held || !isMainThread || pools > 0) return;
  setFlagsFromString(`--semi-space-growth-factor=${DEFAULT_GROWTH}`);
  held = false;
}

/**
 * Before a worker pool starts; returns what to call once it has ended. With this thread's young
 * generation held, the first pool of the process (no worker runs yet) makes workers start theirs
 * at full size, `youngGenerationMb` being their resourceLimits' (two semi-spaces and a
 * large-object space of the same size, as V8 divides it).
 */
export function workersStarting(youngGenerationMb: number): () => void {
  if (held && !workersSized && pools === 0 && isMainThread) {
    setFlagsFromString(`--min-semi-space-size=${Math.max(1, Math.floor(youngGenerationMb / 3))}`);
    workersSized = true;
  }
  pools++;
  let ended = false;
  return () => {
    if (!ended) pools--;
    ended = true;
  };
}
