/** Shapes shared by the batch runner, its workers and `buildBriefs` callers. All plain data (structured-clone safe). */
import type { Diagnostic } from '../diagnostics.js';
import type { ErrorCode } from '../errors.js';
import type { Format } from '../pipeline.js';

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
  | { type: 'start'; file: string; done: number; total: number }
  | { type: 'done'; result: FileResult; done: number; total: number };

/** The briefs of one file an incremental build still has to make, as `audience.format`; undefined = all. */
export type BriefKey = `${string}.${Format}`;
export const briefKey = (audience: string, format: Format): BriefKey => `${audience}.${format}`;
