// Error and exit codes: a leaf module, so errors.ts and diagnostics.ts can both name them
// without importing each other.

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
