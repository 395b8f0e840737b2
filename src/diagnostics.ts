import { escapeControls } from './control-chars.js';
import type { ErrorCode } from './error-codes.js';

export type Severity = 'error' | 'warning';

/** One problem found in an input file; validators return lists of these, never throw. */
export interface Diagnostic {
  severity: Severity;
  /** Stable rule id, e.g. `schema`, `date-future`, `trade-arithmetic`. */
  rule: string;
  code?: ErrorCode;
  file: string;
  line: number;
  column: number;
  /** Data path such as `trade[0].exports`; empty for the whole file. */
  path: string;
  message: string;
  /** How to fix it, when we can say. */
  hint?: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  const hint = d.hint ? ` (${d.hint})` : '';
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
  // Paths, keys and messages quote data: never let a value drive the terminal.
  return escapeControls(`${where}  ${d.severity}  ${d.path || '(file)'}  ${d.message}${hint}`, true);
}

export function countBySeverity(diags: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diags) d.severity === 'error' ? errors++ : warnings++;
  return { errors, warnings };
}

export function sortDiagnostics(diags: Diagnostic[]): Diagnostic[] {
  return diags.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.path.localeCompare(b.path));
}

/** Render a path array (`['trade', 0, 'exports']`) as `trade[0].exports`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const seg of path) {
    if (typeof seg === 'number') s += `[${seg}]`;
    else s += s ? `.${String(seg)}` : String(seg);
  }
  return s;
}
