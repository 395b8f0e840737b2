import { escapeControls, escapeControlsKeepColour, formatDiagnostic, formatLocation } from '../../../core.js';
import type { BuildOptions, BuildResult, Diagnostic } from '../../../index.js';
import { paint, type CliIO } from '../../io.js';
import { createJsonSummary } from './json-summary.js';
import type { BuildArgs } from './spec.js';

type Progress = Parameters<NonNullable<BuildOptions['onProgress']>>[0];
type FileResult = BuildResult['results'][number];

/** One build's output: progress while it runs, then the summary and the exit code. */
export interface Reporter {
  /** For `BuildOptions.onProgress`. */
  progress(p: Progress): void;
  /** Takes the bar off the terminal (also when the build threw). */
  stop(): void;
  /** Prints what is left to say about `result` (or its --json summary) and returns the exit code. */
  finish(result: BuildResult): number;
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/**
 * Progress as a bar on a terminal (stderr), as plain lines when piped, nothing with --quiet or
 * --json; problems as each file is done. `json` is how finish() prints the --json summary:
 * indented, or on one line (--watch).
 */
export function createReporter(
  io: CliIO,
  argv: Pick<BuildArgs, 'json' | 'quiet' | 'debug' | 'incremental' | 'out'>,
  json: 'pretty' | 'line' = 'pretty',
): Reporter {
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
      const what =
        r.status === 'ok'
          ? `${plural(r.written.length, 'brief')}  ${Math.round(r.ms)} ms`
          : r.status === 'skipped'
            ? 'up to date'
            : problemCount(r);
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
        const summary = createJsonSummary(result);
        io.out(json === 'line' ? JSON.stringify(summary) : JSON.stringify(summary, null, 2));
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
}

/** cli-progress, loaded on first use: only a terminal build of several files shows a bar. */
async function startBar(total: number) {
  const { MultiBar, Presets } = (await import('cli-progress')).default;
  const multi = new MultiBar(
    {
      stream: process.stderr,
      clearOnComplete: true,
      hideCursor: true,
      format: ' {bar} {value}/{total} files | {rate} files/s | ETA {eta_formatted} | {file}',
    },
    Presets.shades_classic,
  );
  const single = multi.create(total, 0, { file: '', rate: '0.0' });
  // The bar writes to stderr itself, past CliIO: escape what it shows the same way.
  const update = (v: number, p: { file?: string }) => single.update(v, { ...p, file: escapeControls(p.file ?? '', true) });
  return { log: (s: string) => multi.log(escapeControlsKeepColour(s)), update, stop: () => multi.stop() };
}

function problemCount(r: FileResult): string {
  const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
  return errors ? plural(errors, 'error') : (r.error?.code ?? 'failed');
}

function paintDiagnostic(io: CliIO, line: string): string {
  return line.replace('  error  ', `  ${paint(io, 31, 'error')}  `).replace('  warning  ', `  ${paint(io, 33, 'warning')}  `);
}
