import { escapeControls } from './control-chars.js';
import type { Diagnostic } from './diagnostics.js';
import { ExitCode, type ErrorCode } from './error-codes.js';

export { ExitCode } from './error-codes.js';
export type { ErrorCode } from './error-codes.js';

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
  readonly diagnostics?: readonly Diagnostic[];

  constructor(code: ErrorCode, message: string, options: SourceLocation & { cause?: unknown; diagnostics?: readonly Diagnostic[] } = {}) {
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
