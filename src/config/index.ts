// The config module's public surface (re-exported from src/index.ts).
export { BilatConfig, JobConfig, defineConfig, JOB_DEFAULTS, CONFIG_FILE_NAMES } from './schema.js';
export { loadConfig, resolveConfigDocument, inMemoryDocument, findConfigFile } from './load-config.js';
export type { LoadConfigOptions } from './load-config.js';
export type { ResolvedConfig, ResolvedJob } from './resolve-config.js';
export { configJsonSchema, configSchemaText, CONFIG_SCHEMA_FILE } from './json-schema.js';
export { audienceNames, SHIPPED_TEMPLATES } from '../templates/audience-folders.js';
