/**
 * `bilat build --watch`: build, then rebuild whenever a data file, a CSV series or a template
 * changes, until stopped. Every build is incremental (the manifest says what a change
 * touches), so editing one template rebuilds the briefs that use it and nothing else.
 */
import { dirname, resolve, sep } from 'node:path';
import { statSync } from 'node:fs';
import type { BuildOptions, BuildResult } from '../pipeline.js';
import { buildBriefs } from '../pipeline.js';
import { isPattern, splitPattern } from './inputs.js';

/** Files a build reads: data, CSV series, templates and their styles, fonts a template may name. */
const WATCHED = /\.(ya?ml|json|csv|hbs|handlebars|css|ttf|otf)$/i;
/** Folders never worth watching (and, for node_modules, far too big to). */
const SKIPPED_DIR = /(^|[\\/])(node_modules|\.git|\.bilat)$/;

export interface WatchHooks {
  /** Called once, with the folders watched, when watching has started (after the first build). */
  onReady?(roots: string[]): void;
  /** A build is starting: `changed` lists what triggered it (empty for the first). */
  onBuildStart?(changed: string[]): void;
  onBuild(result: BuildResult): void;
  /** A build that could not run at all (a broken template, no data file left): watching goes on. */
  onError(error: unknown): void;
}

export interface WatchOptions {
  /** Quiet time after the last change before rebuilding; editors often write a file in steps. */
  debounceMs?: number;
  /** Stop watching. A build in progress stops too; briefs are written whole or not at all. */
  signal: AbortSignal;
}

/**
 * The folders to watch for the inputs as `bilat build` takes them: a file's folder (its CSV
 * series live there or below), a folder itself, a pattern's fixed leading folders, and the
 * template override folder.
 */
export function watchRoots(data: readonly string[], templates: string | undefined, cwd = process.cwd()): string[] {
  const roots = new Set<string>();
  for (const entry of data) {
    const abs = resolve(cwd, entry);
    const st = statSync(abs, { throwIfNoEntry: false });
    if (st?.isDirectory()) roots.add(abs);
    else if (st || !isPattern(entry)) roots.add(dirname(abs)); // a missing file: its creation is a change
    else roots.add(resolve(cwd, splitPattern(entry).base));
  }
  if (templates) roots.add(resolve(cwd, templates));
  // A folder inside another watched one adds nothing.
  const sorted = [...roots].sort();
  return sorted.filter((r) => !sorted.some((o) => o !== r && r.startsWith(o.endsWith(sep) ? o : o + sep)));
}

/**
 * Builds `input`, then watches and rebuilds until `signal` aborts. Resolves when stopped.
 * The output folder is never watched, so writing briefs does not trigger another build.
 */
export async function watchBriefs(input: BuildOptions, hooks: WatchHooks, { signal, debounceMs = 150 }: WatchOptions): Promise<void> {
  const out = resolve(input.out ?? 'output');
  const roots = watchRoots(input.data, input.templates);
  const inside = (p: string, dir: string) => p === dir || p.startsWith(dir + sep);

  let building: Promise<void> | undefined;
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;

  const build = async (changed: string[]): Promise<void> => {
    hooks.onBuildStart?.(changed);
    try {
      // Always incremental: only what a change touched is rebuilt (the first build, too, skips
      // briefs whose inputs hash the same as when they were written).
      const result = await buildBriefs({ ...input, incremental: true, signal });
      hooks.onBuild(result);
    } catch (e) {
      if (!signal.aborted) hooks.onError(e);
    }
  };
  // One build at a time; changes during a build are gathered for the next.
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (building || signal.aborted || pending.size === 0) return;
      const changed = [...pending].sort();
      pending = new Set();
      building = build(changed).finally(() => {
        building = undefined;
        if (pending.size) schedule();
      });
    }, debounceMs);
  };

  // Watching starts before the first build, so an edit saved while it runs is not missed.
  const { watch } = await import('chokidar');
  const watcher = watch(roots, {
    ignoreInitial: true,
    ignored: (path, stats) => {
      const abs = resolve(path);
      if (inside(abs, out) || SKIPPED_DIR.test(abs)) return true;
      return stats?.isFile() === true && !WATCHED.test(abs);
    },
  });
  watcher.on('all', (_event, path) => {
    if (!WATCHED.test(path)) return;
    pending.add(path);
    if (!building) schedule();
  });
  await new Promise<void>((ready) => watcher.once('ready', () => ready()));

  building = build([]);
  await building;
  building = undefined;
  if (pending.size) schedule();
  hooks.onReady?.(roots);

  await new Promise<void>((stopped) => {
    if (signal.aborted) stopped();
    else signal.addEventListener('abort', () => stopped(), { once: true });
  });
  if (timer) clearTimeout(timer);
  await watcher.close();
  await building;
}
