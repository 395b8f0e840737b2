// Public API. The CLI (src/cli) imports only from here.
export * from './core.js';
export { validateFile, validateDocument } from './validate/validate.js';
export type { ValidationResult } from './validate/validate.js';
export { loadDocument } from './data/load-document.js';
export { relationshipJsonSchema } from './schema/json-schema.js';
export type { Relationship } from './schema/relationship.js';
export { buildBriefs, renderPair, resolveBuildOptions, GENERATOR, FORMATS } from './pipeline.js';
export type { BuildOptions, BuildResult, Format, RenderedBrief } from './pipeline.js';
export { listAudiences, resolveAudience, BUILTIN_TEMPLATES } from './templates/resolve.js';
export { buildView } from './model/view.js';
export type { BriefView } from './model/view-types.js';
export { defineConfig, loadConfig, configJsonSchema, CONFIG_SCHEMA_FILE } from './config/index.js';
export type { BilatConfig, JobConfig, ResolvedConfig, ResolvedJob } from './config/index.js';
export { createScheduler, runJob, readHistory } from './schedule/index.js';
export type { Scheduler, SchedulerOptions, RunJobOptions, RunRecord, Clock, Logger } from './schedule/index.js';
