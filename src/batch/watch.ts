/**
 * `bilat build --watch`: build, then rebuild whenever a data file, a CSV series or a template
 * changes, until stopped. Every build is incremental (the manifest says what a change
 * touches), so editing one template rebuilds the briefs that use it and nothing else.
 */
import { statSync } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
import { readInputBytes } from '../data/read-file.js';
import { referencedTradeFiles } from '../data/trade-files.js';
import { BilatError } from '../errors.js';
import type { BuildOptions, BuildResult } from '../build-options.js';
import { buildBriefs } from './build-briefs.js';
import { DATA_FILE, expandInputs, isPattern, splitPattern } from './inputs.js';

/** Files a build may read: data, CSV series, templates, their styles and images. */
const WATCHED = /\.(ya?ml|json|csv|hbs|handlebars|css|png|jpe?g|svg)$/i;
/** Folders never worth watching (and, for node_modules, far too big to); .bilat holds the manifest. */
const SKIPPED_DIR = /(^|[\\/])(node_modules|\.git|\.bilat)$/;

export interface WatchHooks {
  /** Called once, with the folders watched, when watching has started (after the first build). */
  onReady?(roots: string[]): void;
  /** A build is starting: `changed` lists what triggered it (empty for the first). */
  onBuildStart?(changed: string[]): void;
  onBuild(result: BuildResult): void;
  /** A build that could not run (a broken template, no data file left): watching goes on. */
  onError(error: unknown): void;
  /** A folder that cannot be watched, a file left out: said once, watching goes on. */
  onWatchProblem?(message: string): void;
}

export interface WatchOptions {
  /** Quiet time after the last change before rebuilding; editors often write a file in steps. */
  debounceMs?: number;
  /** Stop watching. A build in progress stops too; briefs are written whole or not at all. */
  signal: AbortSignal;
  /** Files never read as data nor watched (this process's own stdout and stderr, when files). */
  exclude?: readonly { dev: number; ino: number }[];
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
    if (isDirectory(abs)) roots.add(abs);
    else if (!isPattern(entry))
      roots.add(dirname(abs)); // a file, or a missing one: its creation is a change
    else roots.add(resolve(cwd, splitPattern(entry).base));
  }
  if (templates) roots.add(resolve(cwd, templates));
  // A folder inside another watched one adds nothing.
  const sorted = [...roots].sort();
  return sorted.filter((r) => !sorted.some((o) => o !== r && r.startsWith(o.endsWith(sep) ? o : o + sep)));
}

/**
 * Builds `input`, then watches and rebuilds until `signal` aborts. Resolves when stopped.
 * Only files a build reads start one: the data files the inputs expand to (a new one too),
 * the CSV files they name, and whatever is in the templates folder. Output written into a
 * watched folder (briefs, a `--json` log) starts nothing.
 *
 * Throws only when the first build fails for a usage error (an unknown audience, a missing
 * templates folder): no save can fix those.
 */
export async function watchBriefs(
  input: BuildOptions,
  hooks: WatchHooks,
  { signal, debounceMs = 150, exclude = [] }: WatchOptions,
): Promise<void> {
  const roots = watchRoots(input.data, input.templates);
  const templates = input.templates ? resolve(input.templates) : undefined;
  const inside = (p: string, dir: string) => p === dir || p.startsWith(dir + sep);

  const said = new Set<string>();
  const excluded = (file: string): boolean => {
    if (exclude.length === 0) return false;
    const st = statSync(file, { throwIfNoEntry: false });
    if (!st || !exclude.some((x) => x.dev === st.dev && x.ino === st.ino)) return false;
    if (!said.has(file)) {
      said.add(file);
      hooks.onWatchProblem?.(`${file} is where this command's own output goes: not read as data, not watched`);
    }
    return true;
  };
  /** The data files of the inputs now, without this process's own output files. */
  const dataFiles = async (): Promise<string[]> => (await expandInputs(input.data)).filter((f) => !excluded(resolve(f)));

  // What the last build read, to tell a relevant change from any other file being written.
  let read = new Set<string>();
  let texts: string[] = [];
  const refresh = async (): Promise<void> => {
    const files = await dataFiles().catch(() => [] as string[]);
    const next = new Set<string>();
    const nextTexts: string[] = [];
    for (const f of files) {
      const abs = resolve(f);
      next.add(abs);
      try {
        const text = readInputBytes(abs).toString('utf8');
        nextTexts.push(text);
        for (const csv of referencedTradeFiles(abs, text)) next.add(resolve(csv));
      } catch {
        // unreadable now: the build reports it
      }
    }
    read = next;
    texts = nextTexts;
  };
  const relevant = async (path: string): Promise<boolean> => {
    const abs = resolve(path);
    if (templates && inside(abs, templates)) return true;
    if (read.has(abs)) return true; // changed or deleted
    if (/\.csv$/i.test(abs)) return texts.some((t) => t.includes(basename(abs))); // a named CSV file that was missing
    if (!DATA_FILE.test(abs)) return false;
    await refresh(); // a new data file the inputs now expand to?
    return read.has(abs);
  };

  let building: Promise<void> | undefined;
  let firstDone = false;
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;

  const build = async (changed: string[], first: boolean): Promise<void> => {
    hooks.onBuildStart?.(changed);
    try {
      // Always incremental: only what a change touched is rebuilt (the first build, too, skips
      // briefs whose inputs hash the same as when they were written).
      const data = exclude.length ? await dataFiles() : input.data;
      const result = await buildBriefs({ ...input, data, expand: exclude.length ? false : input.expand, incremental: true, signal });
      hooks.onBuild(result);
    } catch (e) {
      if (first && e instanceof BilatError && e.code === 'E_USAGE') throw e;
      if (!signal.aborted) hooks.onError(e);
    }
    await refresh();
  };
  // One build at a time, none before the first; changes meanwhile are gathered for the next.
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!firstDone || building || signal.aborted || pending.size === 0) return;
      const changed = [...pending].sort();
      pending = new Set();
      building = build(changed, false).finally(() => {
        building = undefined;
        if (pending.size) schedule();
      });
    }, debounceMs);
  };

  // Watching starts before the first build, so an edit saved while it runs is not missed.
  await refresh();
  const { watch } = await import('chokidar');
  const watcher = watch(roots, {
    ignoreInitial: true,
    ignorePermissionErrors: true,
    ignored: (path, stats) => SKIPPED_DIR.test(path) || (stats?.isFile() === true && !WATCHED.test(path)),
  });
  watcher.on('all', (_event, path) => {
    if (!WATCHED.test(path)) return;
    void relevant(path).then((yes) => {
      if (!yes) return;
      pending.add(resolve(path));
      schedule();
    });
  });
  watcher.on('error', (e) => {
    const err = e as NodeJS.ErrnoException;
    hooks.onWatchProblem?.(`cannot watch ${err.path ?? 'a folder'}: ${err.message} (changes there are not seen)`);
  });
  // chokidar watches nothing when every root is gone; this keeps the process until stopped.
  const alive = setInterval(() => {}, 1 << 30);
  try {
    await new Promise<void>((ready) => watcher.once('ready', () => ready()));
    await build([], true);
    firstDone = true;
    if (signal.aborted) return;
    if (pending.size) schedule();
    hooks.onReady?.(roots);
    await new Promise<void>((stopped) => {
      if (signal.aborted) stopped();
      else signal.addEventListener('abort', () => stopped(), { once: true });
    });
  } finally {
    clearInterval(alive);
    if (timer) clearTimeout(timer);
    await watcher.close();
    await building;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // missing, or a path through a file (ENOTDIR): the build reports it
  }
}
