/**
 * The young generation of the CLI's own thread. V8 doubles a thread's young generation (up to
 * 16 MB of semi-spaces here) whenever much of what it allocates survives, which is all of
 * start-up: loading the bundle, yargs, the template checks. A parallel batch's own thread then
 * only hands out files and reports progress, with 16 MB committed for a young generation it no
 * longer fills (README: Performance, session 7). So the CLI starts with growth switched off and
 * switches it back on before anything that renders on this thread or starts worker threads,
 * where the larger young generation is worth its memory (a `-j 1` batch on a small one took
 * ~10% longer).
 *
 * V8's flags belong to the process, not to a thread: growth is switched back on once, by the
 * main thread, before the first worker exists, and never changed while workers run. A flag the
 * user set for Node (NODE_OPTIONS, node's own options) is left alone.
 */
import { setFlagsFromString } from 'node:v8';
import { isMainThread } from 'node:worker_threads';

/** V8's default factor (its flag-definitions.h). */
const DEFAULT_GROWTH = 2;

let held = false;

const userSetsYoungGeneration = (): boolean =>
  [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => /semi[-_]space|young[-_]generation/.test(a));

/** The CLI's first step: this thread's young generation stays at its initial size. */
export function holdYoungGeneration(): void {
  if (held || !isMainThread || userSetsYoungGeneration()) return;
  setFlagsFromString('--semi-space-growth-factor=1');
  held = true;
}

/** Before rendering on this thread or starting workers: growth as V8 would have it. */
export function releaseYoungGeneration(): void {
  if (!held || !isMainThread) return;
  setFlagsFromString(`--semi-space-growth-factor=${DEFAULT_GROWTH}`);
  held = false;
}

/** For tests and `--debug`: whether growth is held back now. */
export const youngGenerationHeld = (): boolean => held;
