// The build's contract: formats, options, results and progress events. A leaf module (types
// and constants only), so the pipeline, the batch runner, config and the CLI share it without
// importing each other. All result shapes are plain data (structured-clone safe, they cross
// worker threads).
import type { Diagnostic } from './diagnostics.js';
import type { ErrorCode } from './error-codes.js';
import { PACKAGE_VERSION } from './package-root.js';

export type Format = 'html' | 'pdf' | 'docx';
/** Built when no format is asked for. */
export const FORMATS: readonly Format[] = ['html', 'pdf'];
/** Every format `--format` and job configs accept. */
export const ALL_FORMATS: readonly Format[] = ['html', 'pdf', 'docx'];

export interface BuildOptions {
  /** Relationship files (with `expand`, also folders and glob patterns). */
  data: string[];
  /** Audience names; default every audience found in the template dirs. */
  audiences?: string[];
  /** Default html and pdf; docx on request. */
  formats?: Format[];
  /** Output folder; files are `<out>/<pair-id>-<audience>.<ext>`. Default `output`. */
  out?: string;
  /** ISO day the brief is "as of"; default today. */
  asOf?: string;
  /** User template folder that overrides partials or whole audiences. */
  templates?: string;
  /**
   * The brief's language and the locale of its dates and numbers: `en`, `ru`, `az` (a catalog in
   * templates/locales/ or the user's `<templates>/locales/`), or a regional tag such as `en-US`.
   * Several (or a comma-separated list) build each brief once per language; a language other
   * than English adds itself to the file name (`az-kg-analyst.ru.pdf`). Default en-GB.
   */
  locale?: string | readonly string[];
  pageSize?: 'A4' | 'LETTER';
  /** Tagged PDF/UA-1 + PDF/A-2a, or 'none' for the untagged PDF of earlier versions. @default 'ua1-a2' */
  pdfStandard?: 'ua1-a2' | 'none';
  /**
   * Treat `data` entries as files, folders (their `*.yaml`, `*.yml`, `*.json`) or glob patterns.
   * @default false
   */
  expand?: boolean;
  /**
   * Data files rendered at once, each on a worker thread; 1 renders in this thread.
   * @default 1
   */
  concurrency?: number;
  /**
   * Skip briefs whose data, templates, fonts, bilat version and options hash as recorded in
   * `<out>/.bilat/manifest.json` and whose output is unchanged; record the others there.
   * @default false
   */
  incremental?: boolean;
  /**
   * Report a bad file in `results` and still build the others (instead of throwing on it).
   * @default false
   */
  keepGoing?: boolean;
  /**
   * Template problems that would otherwise be warnings (a field the view model does not have,
   * HTML the PDF cannot draw) fail the build with E_TEMPLATE before anything is read.
   * @default false
   */
  strict?: boolean;
  /** Called when a data file starts and when it is done. */
  onProgress?: (event: BuildProgress) => void;
  /**
   * Stop the build: no further file starts, and with `concurrency` > 1 the worker pool is
   * terminated (files on it are not finished). The promise then resolves with `aborted: true`
   * and the files not built in `notBuilt`. On the main thread (`concurrency` 1) the file being
   * rendered finishes first: its render is synchronous and cannot be interrupted.
   */
  signal?: AbortSignal;
}

/** Options with every default applied; plain data, so it can be sent to worker threads. */
export interface ResolvedBuildOptions {
  readonly data: string[];
  readonly audiences: string[];
  readonly formats: Format[];
  readonly out: string;
  readonly asOf: string;
  readonly templates?: string;
  /** The first of `locales`: the one a single-language render uses. */
  readonly locale: string;
  readonly locales: string[];
  readonly pageSize: 'A4' | 'LETTER';
  readonly pdfStandard: 'ua1-a2' | 'none';
  readonly expand: boolean;
  readonly concurrency: number;
  readonly incremental: boolean;
  readonly keepGoing: boolean;
  readonly strict: boolean;
}

export interface BuildResult {
  /** Paths written, in input order. */
  files: string[];
  /** Warnings from validation (errors throw, or with `keepGoing` are in `results`). */
  diagnostics: Diagnostic[];
  /** One per data file, in input order. */
  results: FileResult[];
  /** Outputs left alone because nothing they depend on changed (`incremental`). */
  upToDate: string[];
  durationMs: number;
  /**
   * Problems of the build itself rather than of a data file: a damaged incremental manifest
   * (warning: everything was rebuilt) or one that could not be written (error, exit 3).
   */
  problems?: Diagnostic[];
  /** True when `signal` stopped the build; absent otherwise. */
  aborted?: boolean;
  /**
   * With `aborted`: the data files not built, in input order (a file stopped on a worker may
   * have written some of its briefs). Absent otherwise.
   */
  notBuilt?: string[];
}

export interface RenderedBrief {
  pairId: string;
  audience: string;
  format: Format;
  path: string;
  bytes: Uint8Array | string;
}

export const GENERATOR = `bilat ${PACKAGE_VERSION}`;

/** An expected or unexpected failure of one data file, as plain data so it crosses threads. */
export interface FileError {
  code: ErrorCode | 'E_UNEXPECTED';
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** 1 invalid data, 3 render or write failure, 4 unexpected. */
  exitCode: number;
  /** Only for unexpected errors, printed with --debug. */
  stack?: string;
}

/** One output brief as written. */
export interface WrittenBrief {
  path: string;
  audience: string;
  format: Format;
  size: number;
  mtimeMs: number;
  /** sha256 of the bytes; only computed for incremental builds. */
  sha256?: string;
}

/** A brief written in full under a temp name beside its path, waiting for the batch to put it in place. */
export interface StagedBrief extends WrittenBrief {
  temp: string;
}

export type FileStatus = 'ok' | 'failed' | 'skipped';

/** What became of one data file: its briefs, its diagnostics (warnings too), how long it took. */
export interface FileResult {
  data: string;
  status: FileStatus;
  /** Every output this file owns: written now, or already up to date (status skipped). */
  outputs: string[];
  /** The outputs written in this run (a subset of `outputs` when an incremental build refreshed only some). */
  written: WrittenBrief[];
  diagnostics: Diagnostic[];
  error?: FileError;
  /**
   * Briefs made but not yet in place (between a worker and the batch's commit, which checks
   * no earlier file claims the same outputs); always absent from a finished build's results.
   */
  staged?: StagedBrief[];
  /** A failed file whose staged briefs still go in place (a PDF that could not be drawn; the other briefs are fine). */
  keepStaged?: boolean;
  /** The pair id and where it is written, to report two files that share one. */
  pairId?: string;
  pairIdAt?: { line: number; column: number };
  /** Time spent on this file (0 when skipped). */
  ms: number;
}

export type BuildProgress =
  { type: 'start'; file: string; done: number; total: number } | { type: 'done'; result: FileResult; done: number; total: number };
