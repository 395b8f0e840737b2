import { BilatError, escapeControls, ExitCode, formatDiagnostic } from '../core.js';
import type { CliIO } from './io.js';

/** Prints an error the way every command does (located, no stack unless --debug) and returns its exit code. */
export function reportError(io: CliIO, e: unknown, debug: boolean): number {
  if (e instanceof BilatError) {
    if (e.code === 'E_USAGE') {
      io.err(`bilat: ${e.message}`);
      io.err('Run "bilat --help" for usage.');
    } else {
      io.err(e.format());
      for (const d of e.diagnostics ?? []) io.err(`  ${formatDiagnostic(d)}`);
    }
    if (debug && e.stack) io.err(e.stack);
    return e.exitCode;
  }
  const err = e as Error;
  io.err(escapeControls(`bilat: unexpected error: ${err?.message ?? String(e)}`));
  if (debug && err?.stack) io.err(err.stack);
  else io.err('This is a bug in bilat. Run again with --debug for the stack trace and report it.');
  return ExitCode.Unexpected;
}
