import { escapeControls } from './control-chars.js';

/** Exit codes by pipeline stage (documented in README and `--help`). */
export const ExitCode = {
  Ok: 0,
  InvalidInput: 1,
  Usage: 2,
  RenderFailure: 3,
  Unexpected: 4,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export type ErrorCode =
  | 'E_USAGE'
  | 'E_FILE_MISSING'
  | 'E_FILE_DIRECTORY'
  | 'E_FILE_TOO_LARGE'
  | 'E_FILE_BINARY'
  | 'E_FILE_EMPTY'
  | 'E_FILE_READ'
  | 'E_DATA_PARSE'
  | 'E_DATA_INVALID'
  | 'E_CONFIG_INVALID'
  | 'E_TEMPLATE'
  | 'E_GLYPH'
  | 'E_RENDER'
  | 'E_WRITE'
  | 'E_LOCKED'
  /** A scheduled run went over its `timeout`. */
  | 'E_TIMEOUT';

export interface SourceLocation {
  file?: string;
  line?: number;
  column?: number;
}

const exitByCode: Partial<Record<ErrorCode, ExitCode>> = {
  E_USAGE: ExitCode.Usage,
  E_TEMPLATE: ExitCode.RenderFailure,
  E_GLYPH: ExitCode.RenderFailure,
  E_RENDER: ExitCode.RenderFailure,
  E_WRITE: ExitCode.RenderFailure,
  E_LOCKED: ExitCode.RenderFailure,
  E_TIMEOUT: ExitCode.RenderFailure,
};

/**
 * The one error type bilat throws on purpose. Expected errors are printed as
 * `file:line:col  message` without a stack; anything else is a bug (exit 4).
 */
export class BilatError extends Error {
  readonly code: ErrorCode;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** Diagnostics that caused this error, when there are several (validation). */
  readonly diagnostics?: readonly import('./diagnostics.js').Diagnostic[];

  constructor(
    code: ErrorCode,
    message: string,
    options: SourceLocation & { cause?: unknown; diagnostics?: readonly import('./diagnostics.js').Diagnostic[] } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BilatError';
    this.code = code;
    this.file = options.file;
    this.line = options.line;
    this.column = options.column;
    this.diagnostics = options.diagnostics;
  }

  get exitCode(): ExitCode {
    return exitByCode[this.code] ?? ExitCode.InvalidInput;
  }

  /** `file:line:col  message`, the form every expected error is printed in. */
  format(): string {
    // Messages quote data (a key, a role name): control characters are shown escaped, never sent.
    return escapeControls(`${formatLocation(this)}${this.message}`);
  }
}

export function formatLocation(loc: SourceLocation): string {
  if (!loc.file) return '';
  let s = loc.file;
  if (loc.line !== undefined) s += `:${loc.line}`;
  if (loc.line !== undefined && loc.column !== undefined) s += `:${loc.column}`;
  return `${escapeControls(s, true)}  `;
}

export function isBilatError(e: unknown): e is BilatError {
  return e instanceof BilatError;
}
