// Public API. The CLI (src/cli) imports only from here.
export { BilatError, ExitCode, isBilatError, formatLocation } from './errors.js';
export type { ErrorCode, SourceLocation } from './errors.js';
export { formatDiagnostic, countBySeverity } from './diagnostics.js';
export type { Diagnostic, Severity } from './diagnostics.js';
export { validateFile, validateDocument } from './validate/validate.js';
export type { ValidationResult } from './validate/validate.js';
export { loadDocument } from './data/load-document.js';
export { relationshipJsonSchema } from './schema/json-schema.js';
export { todayIso, isValidIsoDay } from './model/dates.js';
export type { Relationship } from './schema/relationship.js';
export { buildBriefs, renderPair, resolveBuildOptions, GENERATOR, FORMATS } from './pipeline.js';
export type { BuildOptions, BuildResult, Format, RenderedBrief } from './pipeline.js';
export { listAudiences, resolveAudience, BUILTIN_TEMPLATES } from './templates/resolve.js';
export { buildView } from './model/view.js';
export type { BriefView } from './model/view-types.js';
