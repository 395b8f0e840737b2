/**
 * Many data files at once. The main thread compiles the templates (a broken one fails the
 * whole build before anything runs), expands folders and patterns, decides what an
 * incremental build can skip, hands files to a worker pool (or, for one file or concurrency 1,
 * renders them here: no pool start-up), collects the results in input order and records the
 * manifest. Validation happens in the workers, so the main thread stays light.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readInputBytes } from '../data/read-file.js';
import type { Diagnostic } from '../diagnostics.js';
import { BilatError } from '../errors.js';
import type { BuildResult, ResolvedBuildOptions } from '../build-options.js';
import { compileAudience } from '../templates/engine.js';
import { removeStaleTemps } from '../write/stale-temps.js';
import { resolveAudience } from '../templates/resolve.js';
import type { FileTask } from './build-file.js';
import { fromFileError } from './file-error.js';
import { Committer } from './commit.js';
import type { Fingerprints } from './fingerprint.js';
import { needsHeapGuard } from './heap-guard.js';
import { expandInputs } from './inputs.js';
import type { ManifestIndex } from './manifest.js';
import { briefKey, type BriefKey, type BuildProgress, type FileResult } from './types.js';
import { releaseYoungGeneration } from '../young-generation.js';

interface Planned {
  file: string;
  /** Input hash of each brief of this file (incremental builds only). */
  inputs: Map<BriefKey, string>;
  task?: FileTask;
  result?: FileResult;
}

/** `signal` stops the batch between files (and terminates the pool); see BuildOptions.signal. */
export async function runBatch(
  options: ResolvedBuildOptions & { signal?: AbortSignal },
  onProgress?: (e: BuildProgress) => void,
): Promise<BuildResult> {
  if (options.locales.length <= 1) return runBatchOne(options, onProgress);
  // One batch per language, in turn: each validates and renders on its own, and records its
  // briefs in the manifest under their own keys.
  const runs: BuildResult[] = [];
  const started = performance.now();
  for (const locale of options.locales) {
    if (options.signal?.aborted) break;
    runs.push(await runBatchOne({ ...options, locale, locales: [locale] }, onProgress));
  }
  return mergeRuns(runs, performance.now() - started);
}

/** The languages' runs as one result: per data file, its briefs in every language. */
function mergeRuns(runs: BuildResult[], durationMs: number): BuildResult {
  const seen = new Set<string>();
  const once = <T>(xs: T[]) =>
    xs.filter((x) => {
      const k = JSON.stringify(x);
      return seen.has(k) ? false : (seen.add(k), true);
    });
  const byFile = new Map<string, FileResult>();
  for (const r of runs.flatMap((x) => x.results)) {
    const prev = byFile.get(r.data);
    if (!prev) byFile.set(r.data, { ...r, outputs: [...r.outputs], written: [...r.written], diagnostics: [...r.diagnostics] });
    else {
      prev.outputs.push(...r.outputs);
      prev.written.push(...r.written);
      for (const d of r.diagnostics) if (!prev.diagnostics.some((x) => JSON.stringify(x) === JSON.stringify(d))) prev.diagnostics.push(d);
      if (r.status === 'failed' && prev.status !== 'failed') Object.assign(prev, { status: r.status, error: r.error });
      else if (prev.status === 'skipped' && r.status === 'ok') prev.status = 'ok';
      prev.ms += r.ms;
    }
  }
  const problems = once(runs.flatMap((r) => r.problems ?? []));
  const last = runs.at(-1);
  return {
    files: runs.flatMap((r) => r.files),
    diagnostics: once(runs.flatMap((r) => r.diagnostics)),
    results: [...byFile.values()],
    upToDate: runs.flatMap((r) => r.upToDate),
    durationMs,
    ...(problems.length ? { problems } : {}),
    ...(last?.aborted ? { aborted: true, notBuilt: last.notBuilt } : {}),
  };
}

/** The manifest records a brief by data file, audience and format; another language is another brief. */
const manifestAudience = (audience: string, opts: Pick<ResolvedBuildOptions, 'locale'>): string => {
  const language = opts.locale.split('-')[0]!.toLowerCase();
  return language === 'en' ? audience : `${audience}.${language}`;
};

async function runBatchOne(
  options: ResolvedBuildOptions & { signal?: AbortSignal },
  onProgress?: (e: BuildProgress) => void,
): Promise<BuildResult> {
  // The signal stays on this thread: the options go to workers, which only take plain data.
  const { signal, ...opts } = options;
  const started = performance.now();
  // Templates first: a broken template is reported before any data is read (exit 3).
  const audiences = opts.audiences.map((id) => resolveAudience(id, opts.templates));
  const templateProblems = templateWarnings(
    audiences.map((a) => compileAudience(a).warnings),
    opts.strict,
  );
  const files = opts.expand ? await expandInputs(opts.data) : [...opts.data];
  // Leftovers of a killed build (hidden temp files) go before this one adds its own.
  await removeStaleTemps(opts.out);
  // Workers get the options without the (possibly long) file list.
  const taskOpts: ResolvedBuildOptions = { ...opts, data: [] };

  // Hashing and the manifest load only for incremental builds; the pool only for parallel ones.
  const inc = opts.incremental ? await loadIncremental() : undefined;
  const read = inc?.loadManifest(opts.out);
  const manifestProblems = read?.problems;
  const manifest = inc && read ? new inc.ManifestIndex(opts.out, read.manifest) : undefined;
  const skip = inc && manifest ? { inc, manifest, fp: inc.fingerprints(audiences, opts) } : undefined;
  const planned: Planned[] = files.map((file) => plan(file, taskOpts, skip));

  const total = planned.length;
  let done = 0;
  // Briefs go in place in input order, after the pair-id clash check (commit.ts).
  const committer = new Committer(planned, (r) => onProgress?.({ type: 'done', result: r, done: ++done, total }));
  await committer.arrived(); // files skipped as up to date at the head of the list
  const todo = planned.filter((p) => p.task !== undefined);
  const plannedByTask = new Map(todo.map((p) => [p.task!, p]));
  const onStart = (t: FileTask) => onProgress?.({ type: 'start', file: t.file, done, total });
  const onDone = (t: FileTask, r: FileResult) => {
    plannedByTask.get(t)!.result = r;
    return committer.arrived();
  };
  const tasks = todo.map((p) => p.task!);
  const threads = Math.min(opts.concurrency, tasks.length);
  if (threads <= 1) {
    for (const t of tasks) {
      if (signal?.aborted) break;
      let r: FileResult | undefined;
      if (needsHeapGuard(t.file)) {
        // Too big to risk the main thread's heap: one guarded worker, as a parallel build would.
        const { runOnPool } = await import('./pool.js');
        let arrived: Promise<void> = Promise.resolve();
        await runOnPool([t], 1, {
          onStart,
          onDone: (task, result) => void (arrived = onDone(task, (r = result))),
          stopOnFailure: !opts.keepGoing,
          signal,
        });
        await arrived;
      } else {
        onStart(t);
        // Loaded here: a parallel batch's own thread only dispatches and never renders. This one
        // renders, and its young generation may grow as V8 would have it (young-generation.ts).
        releaseYoungGeneration();
        const { buildFile } = await import('./build-file.js');
        r = await buildFile(t);
        await onDone(t, r);
      }
      if (r?.status === 'failed' && !opts.keepGoing) break;
    }
  } else {
    const { runOnPool } = await import('./pool.js');
    await runOnPool(largestFirst(tasks), threads, {
      onStart,
      onDone: (t, r) => void onDone(t, r).catch(() => {}), // a failure surfaces from finish()
      stopOnFailure: !opts.keepGoing,
      signal,
    });
  }
  await committer.finish();
  const notBuilt = signal?.aborted ? planned.filter((p) => p.result === undefined).map((p) => p.file) : undefined;

  const results = planned.filter((p) => p.result !== undefined).map((p) => p.result!);
  const problems = [...templateProblems, ...(manifestProblems ?? [])];
  if (manifest && inc) {
    for (const p of planned) {
      if (p.result?.status !== 'ok') continue;
      for (const w of p.result.written)
        manifest.record(
          resolve(p.file),
          { ...w, audience: manifestAudience(w.audience, opts) },
          p.inputs.get(briefKey(w.audience, w.format)) ?? '',
        );
    }
    problems.push(...(await inc.writeManifest(opts.out, manifest.manifest)));
  }

  const failed = results.find((r) => r.status === 'failed');
  if (failed && !opts.keepGoing) throw fromFileError(failed);
  return {
    files: results.flatMap((r) => r.written.map((w) => w.path)),
    diagnostics: results.filter((r) => r.status !== 'failed').flatMap((r) => r.diagnostics),
    results,
    upToDate: results.flatMap((r) => r.outputs.filter((o) => !r.written.some((w) => w.path === o))),
    durationMs: performance.now() - started,
    ...(problems.length ? { problems } : {}),
    ...(notBuilt ? { aborted: true, notBuilt } : {}),
  };
}

/** Each template warning once (a shared partial is compiled for every audience); with `strict`, the first fails the build. */
function templateWarnings(lists: Diagnostic[][], strict: boolean): Diagnostic[] {
  const seen = new Map<string, Diagnostic>();
  for (const d of lists.flat()) {
    const key = `${d.file}:${d.line}:${d.column}:${d.message}`;
    if (!seen.has(key)) seen.set(key, d);
  }
  const all = [...seen.values()];
  const first = all[0];
  if (strict && first) {
    const more = all.length > 1 ? ` (+${all.length - 1} more template ${all.length === 2 ? 'problem' : 'problems'})` : '';
    throw new BilatError('E_TEMPLATE', `${first.message}${more}`, {
      file: first.file,
      line: first.line,
      column: first.column,
      diagnostics: all.map((d) => ({ ...d, severity: 'error' as const })),
    });
  }
  return all;
}

async function loadIncremental() {
  const [fingerprint, manifest] = await Promise.all([import('./fingerprint.js'), import('./manifest.js')]);
  return { ...fingerprint, ...manifest };
}

interface Skipping {
  inc: Pick<Awaited<ReturnType<typeof loadIncremental>>, 'dataInputHash' | 'briefInputHash'>;
  manifest: ManifestIndex;
  fp: Fingerprints;
}

/** What to do with one file: skip it, make some of its briefs, or make them all. */
function plan(file: string, opts: ResolvedBuildOptions, skip?: Skipping): Planned {
  const inputs = new Map<BriefKey, string>();
  if (!skip) return { file, inputs, task: { file, opts } };
  const { inc, manifest, fp } = skip;
  let bytes: Buffer;
  try {
    bytes = readInputBytes(file);
  } catch {
    return { file, inputs, task: { file, opts } }; // the build reports it, located
  }
  const dataHash = inc.dataInputHash(file, bytes);
  const data = resolve(file);
  const want: BriefKey[] = [];
  const upToDate: string[] = [];
  for (const audience of opts.audiences) {
    for (const format of opts.formats) {
      const key = briefKey(audience, format);
      const input = inc.briefInputHash(fp, dataHash, audience, format, opts.pageSize);
      inputs.set(key, input);
      const path = manifest.upToDate(data, manifestAudience(audience, opts), format, input);
      if (path === undefined) want.push(key);
      else upToDate.push(path);
    }
  }
  if (want.length === 0) {
    return { file, inputs, result: { data: file, status: 'skipped', outputs: upToDate, written: [], diagnostics: [], ms: 0 } };
  }
  return { file, inputs, task: { file, opts, want, upToDate } };
}

/** Longest jobs first keeps both threads busy to the end (a 10× file last would run alone). */
function largestFirst(tasks: FileTask[]): FileTask[] {
  const size = (f: string) => {
    try {
      return statSync(f).size;
    } catch {
      return 0;
    }
  };
  const sized = tasks.map((t, i) => ({ t, i, s: size(t.file) }));
  return sized.sort((a, b) => b.s - a.s || a.i - b.i).map((x) => x.t);
}
