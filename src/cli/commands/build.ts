import { fstatSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Argv } from 'yargs';
import { escapeControls, escapeControlsKeepColour, loadBuilder, loadPreview, loadWatcher } from '../../core.js';
import type { BuildOptions, BuildResult, Diagnostic } from '../../index.js';
import { paint, type CliIO } from '../io.js';
import { reportError } from '../report-error.js';
import { parseAsOf } from './validate.js';

export interface BuildArgs {
  data: string[];
  audience?: string[];
  format?: string[];
  out: string;
  asOf?: string;
  templates?: string;
  locale?: string[];
  pageSize: string;
  pdfStandard: 'ua1-a2' | 'none';
  concurrency?: number;
  incremental: boolean;
  quiet: boolean;
  json: boolean;
  watch: boolean;
  serve: boolean;
  port?: number;
  debug: boolean;
  strict: boolean;
}

type Progress = Parameters<NonNullable<BuildOptions['onProgress']>>[0];
type FileResult = BuildResult['results'][number];

const split = (xs: string[] | undefined) => xs?.flatMap((x) => String(x).split(',')).map((x) => x.trim()).filter(Boolean);
const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

export function buildCommand(io: CliIO, setExit: (code: number) => void) {
  return {
    command: 'build <data..>',
    describe: 'Render briefs (HTML and PDF) for each audience',
    builder: (y: Argv) =>
      y
        .positional('data', { type: 'string', array: true, describe: 'Relationship files, folders (their *.yaml, *.yml, *.json) or quoted glob patterns' })
        .option('audience', { alias: 'a', type: 'string', array: true, describe: 'executive, analyst, public, a custom one, or all (default all)' })
        .option('format', { alias: 'f', type: 'string', array: true, describe: 'html, pdf, docx or a list such as html,pdf (default html and pdf)' })
        .option('out', { alias: 'o', type: 'string', default: 'output', describe: 'Output folder' })
        .option('as-of', { type: 'string', describe: 'Date the brief is as of (YYYY-MM-DD, default today)' })
        .option('templates', { type: 'string', describe: 'Folder with template overrides (partials or whole audiences)' })
        .option('locale', { alias: 'l', type: 'string', array: true, describe: 'Language of the briefs: en, ru, az (or a catalog of yours), several as ru,az; en-US etc. for regional dates and numbers (default en-GB). Other languages add .<lang> to file names' })
        .option('page-size', { type: 'string', choices: ['a4', 'letter'], coerce: (v: string) => String(v).toLowerCase(), default: 'a4', describe: 'PDF page size (A4 or Letter)' })
        .option('pdf-standard', { type: 'string', choices: ['ua1-a2', 'none'] as const, default: 'ua1-a2' as const, describe: 'Tagged PDF/UA-1 + PDF/A-2a, or none (untagged, as before)' })
        .option('concurrency', { alias: 'j', type: 'number', describe: `Files rendered at once on worker threads (default the number of cores, here ${availableParallelism()})` })
        .option('incremental', { type: 'boolean', default: false, describe: 'Skip briefs whose data, templates, fonts, bilat version and options are unchanged (manifest in <out>/.bilat/)' })
        .option('strict', { type: 'boolean', default: false, describe: 'Template warnings (unknown fields, HTML the PDF cannot draw) fail the build' })
        .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No progress, no per-file lines: only problems' })
        .option('json', { type: 'boolean', default: false, describe: 'Print a machine-readable summary on stdout (with --watch, one line per build)' })
        .option('watch', { alias: 'w', type: 'boolean', default: false, describe: 'Rebuild what changed whenever a data file, CSV series or template changes, until Ctrl-C' })
        .option('serve', { type: 'boolean', default: false, describe: 'Watch, and preview the briefs at http://127.0.0.1:<port>/, each reloaded after a rebuild rewrote it' })
        .option('port', { type: 'number', describe: `Port of --serve (default ${DEFAULT_PREVIEW_PORT}; 0 picks a free one)` })
        .example('$0 build data/az-kg.yaml', 'all audiences, HTML and PDF, into output/')
        .example('$0 build data/az-kg.yaml -a executive -f pdf --as-of 2026-11-22', 'one PDF')
        .example('$0 build data/ "more/**/*.yaml" -j 2 --incremental', 'a folder and a pattern on two threads, skipping what is up to date')
        .example('$0 build data/az-kg.yaml -a analyst -f html --templates my-templates --watch', 'rebuild the analyst HTML on every save')
        .example('$0 build data/az-kg.yaml --locale ru,az', 'briefs in Russian and Azerbaijani: az-kg-analyst.ru.pdf, az-kg-analyst.az.pdf…')
        .example('$0 build data/az-kg.yaml -a analyst --serve', 'the same, previewed in a browser that reloads it (--port to choose)'),
    handler: async (argv: BuildArgs) => {
      // The pipeline itself, not the whole public API: the scheduler and config stay unloaded.
      const [{ buildBriefs }, lib] = await Promise.all([loadBuilder(), import('../../core.js')]);
      const { BilatError } = lib;
      const formats = split(argv.format);
      for (const f of formats ?? []) if (f !== 'html' && f !== 'pdf' && f !== 'docx') throw new BilatError('E_USAGE', `--format "${f}" is not html, pdf or docx`);
      const concurrency = argv.concurrency ?? availableParallelism();
      if (!Number.isInteger(concurrency) || concurrency < 1) throw new BilatError('E_USAGE', `--concurrency must be a whole number ≥ 1, got ${argv.concurrency}`);
      const audiences = split(argv.audience);
      const options: BuildOptions = {
        data: argv.data.map(String),
        audiences: audiences?.includes('all') ? undefined : audiences,
        formats: formats as ('html' | 'pdf' | 'docx')[] | undefined,
        out: argv.out,
        asOf: parseAsOf(argv.asOf),
        templates: argv.templates,
        locale: split(argv.locale),
        pageSize: argv.pageSize.toUpperCase() as 'A4' | 'LETTER',
        pdfStandard: argv.pdfStandard,
        expand: true,
        concurrency,
        incremental: argv.incremental,
        keepGoing: true,
        strict: argv.strict,
      };
      const port = servePort(argv, BilatError);
      if (argv.watch || port !== undefined) {
        await watch(io, argv, options, lib, port);
        setExit(0);
        return;
      }
      const report = createReporter(io, argv, lib);
      const result = await buildBriefs({ ...options, onProgress: report.progress }).finally(report.stop);
      setExit(report.finish(result));
    },
  };
}

/**
 * `--watch`: an incremental build, then another after every change, each
 * reported like a build of its own; problems are printed and watching goes on. Ctrl-C (or
 * SIGTERM) stops it, and the command exits 0.
 */
async function watch(io: CliIO, argv: BuildArgs, options: BuildOptions, lib: typeof import('../../core.js'), port: number | undefined): Promise<void> {
  const { watchBriefs } = await loadWatcher();
  const preview = port === undefined ? undefined : await startPreview(options.out ?? 'output', port, lib.BilatError);
  // On stderr even with --json (stdout is the summaries'): with --port 0 it is the only way to know.
  if (preview) io.err(`preview at ${preview.url} (pages reload on every rebuild)`);
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const time = () => new Date().toTimeString().slice(0, 8);
  let report = createReporter(io, argv, lib);
  let ready = false;
  const waiting = () => {
    if (ready && !argv.json && !argv.quiet) io.err(paint(io, 90, `[${time()}] waiting for changes (Ctrl-C to stop)`));
  };
  try {
    await watchBriefs(
      { ...options, onProgress: (p) => report.progress(p) },
      {
        onBuildStart(changed) {
          report = createReporter(io, { ...argv, incremental: true }, lib, 'line');
          if (changed.length && !argv.json) {
            const what = changed.length === 1 ? changed[0]! : `${changed.length} files`;
            io.err(`[${time()}] ${what} changed: rebuilding`);
          }
        },
        onBuild(result) {
          report.stop();
          if (result.aborted) return;
          preview?.notify();
          report.finish(result);
          waiting();
        },
        onError(e) {
          report.stop();
          if (argv.json) {
            // One line per build still, so a tool reading the stream sees the failure.
            const err = e instanceof lib.BilatError ? e : undefined;
            io.out(JSON.stringify({ kind: 'build', error: { code: err?.code ?? 'E_UNEXPECTED', message: e instanceof Error ? e.message : String(e), file: err?.file, line: err?.line, column: err?.column } }));
          } else reportError(io, e, argv.debug);
          waiting();
        },
        onWatchProblem(message) {
          if (argv.json) io.out(JSON.stringify({ kind: 'watch', warning: message }));
          else io.err(`${paint(io, 33, 'warning')}  ${message}`);
        },
        onReady: (roots) => {
          ready = true;
          if (!argv.json && !argv.quiet) io.err(paint(io, 90, `[${time()}] watching ${roots.join(', ')} for changes (Ctrl-C to stop)`));
        },
      },
      { signal: stop.signal, exclude: ownOutputs() },
    );
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await preview?.close();
  }
}

const DEFAULT_PREVIEW_PORT = 4610;

/** The preview's port: --port, else the default; undefined without --serve. */
function servePort(argv: Pick<BuildArgs, 'serve' | 'port'>, BilatError: typeof import('../../core.js').BilatError): number | undefined {
  if (!argv.serve) {
    if (argv.port !== undefined) throw new BilatError('E_USAGE', '--port goes with --serve');
    return undefined;
  }
  const n = argv.port ?? DEFAULT_PREVIEW_PORT;
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new BilatError('E_USAGE', '--port takes a whole number from 0 to 65535 (0 picks a free port)');
  return n;
}

/**
 * stdout and stderr when they are files (`--json > data/log.json`): a watched folder may hold
 * them, and a build must neither read them as data nor rebuild because they grew.
 */
function ownOutputs(): { dev: number; ino: number }[] {
  const out: { dev: number; ino: number }[] = [];
  for (const fd of [1, 2]) {
    try {
      const st = fstatSync(fd);
      if (st.isFile()) out.push({ dev: st.dev, ino: st.ino });
    } catch {
      // closed
    }
  }
  return out;
}

async function startPreview(out: string, port: number, BilatError: typeof import('../../core.js').BilatError) {
  const { startPreviewServer } = await loadPreview();
  try {
    return await startPreviewServer({ out, port });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') throw new BilatError('E_USAGE', `cannot serve the preview on port ${port} (${code === 'EADDRINUSE' ? 'in use' : 'not allowed'}): pick another with --port <n>, or --port 0 for any free one`);
    throw e;
  }
}

/** Progress as a bar on a terminal (stderr), as plain lines when piped, nothing with --quiet or --json. */
function createReporter(io: CliIO, argv: BuildArgs, lib: Pick<typeof import('../../core.js'), 'formatDiagnostic' | 'formatLocation'>, json: 'pretty' | 'line' = 'pretty') {
  const { formatDiagnostic, formatLocation } = lib;
  let bar: { log(s: string): void; update(v: number, p: object): void; stop(): void } | undefined;
  let barLoading: Promise<void> | undefined;
  let stopped = false;
  let barShown = false;
  const started = performance.now();
  const problems = (r: FileResult): string[] => {
    const lines = r.diagnostics.map((d: Diagnostic) => paintDiagnostic(io, formatDiagnostic(d)));
    const e = r.error;
    if (e && !(e.code === 'E_DATA_INVALID' && r.diagnostics.length)) {
      lines.push(`${formatLocation(e)}${e.code === 'E_UNEXPECTED' ? `unexpected error: ${e.message}` : e.message}`);
      if (e.stack) lines.push(argv.debug ? e.stack : 'This is a bug in bilat. Run again with --debug for the stack trace and report it.');
    }
    return lines;
  };
  const say = (line: string) => (bar ? bar.log(`${line}\n`) : io.err(line));
  // Diagnostics printed per file as it finished; a problem found only once all files are done
  // (two files with one pair id) is printed by finish().
  const shown = new Map<string, number>();

  const progress = (p: Progress): void => {
    if (argv.json) return;
    const showBar = !argv.quiet && p.total > 1 && process.stderr.isTTY === true;
    barShown ||= showBar;
    if (showBar && !bar && !barLoading) barLoading = startBar(p.total).then((b) => (stopped ? b.stop() : void (bar = b)));
    if (p.type === 'start') {
      bar?.update(p.done, { file: p.file, rate: rate(p.done) });
      return;
    }
    const r = p.result;
    if (!argv.quiet && !showBar && p.total > 1) {
      const what = r.status === 'ok' ? `${plural(r.written.length, 'brief')}  ${Math.round(r.ms)} ms` : r.status === 'skipped' ? 'up to date' : problemCount(r);
      io.err(`[${p.done}/${p.total}] ${r.status.padEnd(7)} ${r.data}  ${what}`);
    }
    for (const line of problems(r)) say(line);
    shown.set(r.data, r.diagnostics.length);
    bar?.update(p.done, { file: r.data, rate: rate(p.done) });
  };
  const rate = (done: number) => (done / Math.max(0.001, (performance.now() - started) / 1000)).toFixed(1);

  return {
    progress,
    stop: () => {
      stopped = true;
      bar?.stop();
      bar = undefined;
    },
    finish(result: BuildResult): number {
      const failed = result.results.filter((r) => r.status === 'failed');
      // A manifest that could not be written is a write failure (3) even when every brief was.
      const unwritten = (result.problems ?? []).some((d) => d.severity === 'error');
      const code = Math.max(0, ...failed.map((r) => r.error?.exitCode ?? 1), unwritten ? 3 : 0);
      if (argv.json) {
        io.out(json === 'line' ? JSON.stringify(summary(result)) : JSON.stringify(summary(result), null, 2));
        return code;
      }
      for (const r of failed) {
        const late = r.diagnostics.slice(shown.get(r.data) ?? 0);
        if (shown.has(r.data) && late.length) {
          io.err(`failed  ${r.data}  ${problemCount(r)}`);
          for (const d of late) io.err(paintDiagnostic(io, formatDiagnostic(d)));
        }
      }
      for (const d of result.problems ?? []) say(paintDiagnostic(io, formatDiagnostic(d)));
      // Paths go to stdout for scripts; a terminal that just watched the bar gets the summary only.
      if (!argv.quiet && !(barShown && io.isTTY)) for (const f of result.files) io.out(f);
      const n = result.results.length;
      if (n > 1 || argv.incremental || failed.length) {
        const secs = (result.durationMs / 1000).toFixed(1);
        const text = `${plural(n, 'file')}: ${plural(result.files.length, 'brief')} written to ${argv.out}, ${result.upToDate.length} up to date, ${failed.length} failed, in ${secs} s`;
        if (failed.length) io.err(paint(io, 31, `✖ ${text} (${failed.map((r) => r.data).join(', ')})`));
        else if (unwritten) io.err(paint(io, 31, `✖ ${text}; the manifest was not written`));
        else if (!argv.quiet) io.err(paint(io, 32, `✔ ${text}`));
      }
      return code;
    },
  };

  async function startBar(total: number) {
    const { MultiBar, Presets } = (await import('cli-progress')).default;
    const multi = new MultiBar(
      { stream: process.stderr, clearOnComplete: true, hideCursor: true, format: ' {bar} {value}/{total} files | {rate} files/s | ETA {eta_formatted} | {file}' },
      Presets.shades_classic,
    );
    const single = multi.create(total, 0, { file: '', rate: '0.0' });
    // The bar writes to stderr itself, past CliIO: escape what it shows the same way.
    const update = (v: number, p: { file?: string }) => single.update(v, { ...p, file: escapeControls(p.file ?? '', true) });
    return { log: (s: string) => multi.log(escapeControlsKeepColour(s)), update, stop: () => multi.stop() };
  }
}

/** `--json`: one object per data file, in input order, plus totals. */
export function summary(result: BuildResult) {
  const count = (s: string) => result.results.filter((r) => r.status === s).length;
  const diags = result.results.flatMap((r) => r.diagnostics);
  return {
    files: result.results.map((r) => ({
      data: r.data,
      status: r.status,
      outputs: r.outputs,
      written: r.written.map((w) => w.path),
      diagnostics: r.diagnostics,
      ...(r.error ? { error: { code: r.error.code, message: r.error.message, file: r.error.file, line: r.error.line, column: r.error.column } } : {}),
      ms: Math.round(r.ms),
    })),
    totals: {
      files: result.results.length,
      ok: count('ok'),
      failed: count('failed'),
      skipped: count('skipped'),
      written: result.files.length,
      upToDate: result.upToDate.length,
      errors: diags.filter((d) => d.severity === 'error').length,
      warnings: diags.filter((d) => d.severity === 'warning').length,
    },
    ...(result.problems?.length ? { problems: result.problems } : {}),
    durationMs: Math.round(result.durationMs),
  };
}

function problemCount(r: FileResult): string {
  const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
  return errors ? plural(errors, 'error') : (r.error?.code ?? 'failed');
}

function paintDiagnostic(io: CliIO, line: string): string {
  return line.replace('  error  ', `  ${paint(io, 31, 'error')}  `).replace('  warning  ', `  ${paint(io, 33, 'warning')}  `);
}
