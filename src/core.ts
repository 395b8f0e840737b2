// The light half of the public API: errors, diagnostics and dates, with no heavy imports.
// The CLI imports this statically and the rest of src/index.ts lazily, so `--help` and
// every command start without loading zod, Handlebars, pdfmake or the scheduler first.
export { BilatError, ExitCode, isBilatError, formatLocation } from './errors.js';
export type { ErrorCode, SourceLocation } from './errors.js';
export { formatDiagnostic, countBySeverity } from './diagnostics.js';
export { escapeControls, escapeControlsKeepColour } from './control-chars.js';
export type { Diagnostic, Severity } from './diagnostics.js';
export { todayIso, isValidIsoDay } from './model/dates.js';
export { didYouMean } from './validate/did-you-mean.js';
