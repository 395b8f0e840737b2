import { BilatError, type Diagnostic, type ErrorCode } from '../../../core.js';
import type { BuildResult } from '../../../index.js';

/**
 * What `bilat build --json` prints on stdout: this object, indented, once a build is done; with
 * --watch, one line per build (or a `BuildJsonFailure`, or a `WatchJsonWarning`). Keys are in
 * the order printed; optional keys are left out rather than null.
 */
export interface BuildJsonSummary {
  /** One per data file, in input order. */
  files: BuildJsonFile[];
  totals: BuildJsonTotals;
  /** Problems of the build itself (a damaged or unwritten incremental manifest); only when there are some. */
  problems?: Diagnostic[];
  /** Whole milliseconds. */
  durationMs: number;
}

export interface BuildJsonFile {
  data: string;
  status: 'ok' | 'failed' | 'skipped';
  /** Every output the file owns: written now, or already up to date. */
  outputs: string[];
  /** The paths written in this run. */
  written: string[];
  diagnostics: Diagnostic[];
  /** Only for a failed file. */
  error?: BuildJsonError;
  /** Whole milliseconds (0 when skipped). */
  ms: number;
}

export interface BuildJsonTotals {
  files: number;
  ok: number;
  failed: number;
  skipped: number;
  /** Briefs written. */
  written: number;
  /** Briefs left alone because they were up to date (--incremental). */
  upToDate: number;
  /** Diagnostics of the data files by severity. */
  errors: number;
  warnings: number;
}

export interface BuildJsonError {
  code: ErrorCode | 'E_UNEXPECTED';
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/** `--watch --json`: a rebuild that failed as a whole (no summary), still one line. */
export interface BuildJsonFailure {
  kind: 'build';
  error: BuildJsonError;
}

/** `--watch --json`: a problem of the watcher (a folder it cannot watch), one line. */
export interface WatchJsonWarning {
  kind: 'watch';
  warning: string;
}

/** The `--json` summary of a build: one object per data file, in input order, plus totals. */
export function createJsonSummary(result: BuildResult): BuildJsonSummary {
  const count = (s: string) => result.results.filter((r) => r.status === s).length;
  const diags = result.results.flatMap((r) => r.diagnostics);
  return {
    files: result.results.map((r) => ({
      data: r.data,
      status: r.status,
      outputs: r.outputs,
      written: r.written.map((w) => w.path),
      diagnostics: r.diagnostics,
      ...(r.error
        ? { error: { code: r.error.code, message: r.error.message, file: r.error.file, line: r.error.line, column: r.error.column } }
        : {}),
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

/** The `--watch --json` line for a rebuild that threw: located when it is a BilatError. */
export function createJsonFailure(e: unknown): BuildJsonFailure {
  const err = e instanceof BilatError ? e : undefined;
  return {
    kind: 'build',
    error: {
      code: err?.code ?? 'E_UNEXPECTED',
      message: e instanceof Error ? e.message : String(e),
      file: err?.file,
      line: err?.line,
      column: err?.column,
    },
  };
}
