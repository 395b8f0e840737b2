// Public API: everything a program may use. The CLI (src/cli) imports only from here and from
// the light half, src/core.ts (re-exported below), whose load* entry points load the rest lazily.
export * from './core.js';
export { validateFile, validateDocument } from './validate/validate.js';
export type { ValidationResult } from './validate/validate.js';
export { loadDocument } from './data/load-document.js';
export { relationshipJsonSchema, relationshipJsonSchemaV2 } from './schema/json-schema.js';
export { migrateV1Text } from './migrate/migrate-v1.js';
export { templateFields } from './templates/fields-view.js';
export { fieldsText, fieldsMarkdown } from './templates/fields.js';
export type { Relationship } from './schema/relationship.js';
export { renderPair, resolveBuildOptions } from './pipeline.js';
export { buildBriefs } from './batch/build-briefs.js';
export { GENERATOR, FORMATS } from './build-options.js';
export type { BuildOptions, BuildResult, Format, RenderedBrief } from './build-options.js';
export type { RelationshipV2 } from './schema/v2/relationship-v2.js';
export type { RelationshipData } from './schema/v2/normalize.js';
export type { Migration } from './migrate/migrate-v1.js';
export { listAudiences, resolveAudience, BUILTIN_TEMPLATES } from './templates/resolve.js';
export { buildView } from './model/view.js';
export type { BriefView } from './model/view-types.js';
export { defineConfig, loadConfig, configJsonSchema, CONFIG_SCHEMA_FILE } from './config/index.js';
export type { BilatConfig, JobConfig, ResolvedConfig, ResolvedJob } from './config/index.js';
export { createScheduler, runJob, readHistory } from './schedule/index.js';
export type { Scheduler, SchedulerOptions, RunJobOptions, RunRecord, Clock, Logger } from './schedule/index.js';
// Also reached lazily through core.ts's load* entry points (the CLI's way in).
export { watchBriefs } from './batch/watch.js';
export type { WatchHooks, WatchOptions } from './batch/watch.js';
export { expandInputs } from './batch/inputs.js';
export { startPreviewServer } from './preview/server.js';
export type { PreviewServer } from './preview/server.js';
export { scaffoldAudience } from './templates/scaffold.js';
export { writeFileAtomic } from './write/atomic.js';
