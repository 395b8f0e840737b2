// The light half of the public API: errors, diagnostics and dates, with no heavy imports.
// The CLI imports this statically and the rest of src/index.ts lazily, so `--help` and
// every command start without loading zod, Handlebars, pdfmake or the scheduler first.
export { BilatError, ExitCode, isBilatError, formatLocation } from './errors.js';
export type { ErrorCode, SourceLocation } from './errors.js';
export { formatDiagnostic, countBySeverity } from './diagnostics.js';
export { escapeControls, escapeControlsKeepColour } from './control-chars.js';
export type { Diagnostic, Severity } from './diagnostics.js';
export { todayIso, isValidIsoDay } from './model/dates.js';
export { didYouMean } from './did-you-mean.js';
export { formatDuration, parseDuration } from './config/duration.js';
export { PACKAGE_VERSION } from './package-root.js';
export { holdYoungGeneration, releaseYoungGeneration } from './young-generation.js';

// Lazy entry points: the heavy parts of the public API, each loaded on first use. What they
// return is public API like src/index.ts's exports (the build, watch, preview, validation and
// template functions are exported there too; the scheduler's and config's full surfaces only
// here). The CLI reaches them only through these, so a command loads what it runs and nothing
// else (the CLI bundle keeps each in its own chunk).

/** `buildBriefs`: the pipeline, templates and renderers. */
export const loadBuilder = () => import('./batch/build-briefs.js');
/** `watchBriefs`: rebuild on every save (chokidar). */
export const loadWatcher = () => import('./batch/watch.js');
/** `startPreviewServer`: serve an output folder to a browser on 127.0.0.1. */
export const loadPreview = () => import('./preview/server.js');
/** `validateFile` and `expandInputs` (folders and patterns to data files). */
export const loadValidator = async () => {
  const [{ validateFile }, { expandInputs }] = await Promise.all([import('./validate/validate.js'), import('./batch/inputs.js')]);
  return { validateFile, expandInputs };
};
/** The scheduler's surface (src/schedule/index.ts). */
export const loadScheduler = () => import('./schedule/index.js');
/** `loadConfig` and the rest of src/config/index.ts. */
export const loadConfiguration = () => import('./config/index.js');
/** Audience templates: list, resolve, scaffold. */
export const loadTemplates = async () => {
  const [{ listAudiences, resolveAudience, BUILTIN_TEMPLATES }, { scaffoldAudience }] = await Promise.all([
    import('./templates/resolve.js'),
    import('./templates/scaffold.js'),
  ]);
  return { listAudiences, resolveAudience, BUILTIN_TEMPLATES, scaffoldAudience };
};
/** `bilat templates fields`: the fields a template can use, with examples from a data file. */
export const loadTemplateFields = async () => {
  const [{ templateFields }, { fieldsText, fieldsMarkdown }] = await Promise.all([
    import('./templates/fields-view.js'),
    import('./templates/fields.js'),
  ]);
  return { templateFields, fieldsText, fieldsMarkdown };
};
/** Message catalogs: the languages there are, the keys one lacks, a locale resolved (or a usage error). */
export const loadLocales = async () => {
  const [{ availableLanguages, missingKeys }, { resolveLocale }] = await Promise.all([
    import('./templates/catalogs.js'),
    import('./templates/resolve-locale.js'),
  ]);
  return { availableLanguages, missingKeys, resolveLocale };
};
/** `bilat validate --locale`: each field a language lacks, located. */
export const loadTranslationCheck = () => import('./validate/translations.js');
/** `bilat migrate`: a version 1 file's text as version 2, read and written the safe way. */
export const loadMigrator = async () => {
  const [{ migrateV1Text }, { readTextInput }, { writeFileAtomic }] = await Promise.all([
    import('./migrate/migrate-v1.js'),
    import('./data/read-file.js'),
    import('./write/atomic.js'),
  ]);
  return { migrateV1Text, readTextInput, writeFileAtomic };
};
/** The relationship JSON Schema, and the atomic writer `bilat schema --write` uses. */
export const loadSchemaWriter = async () => {
  const [{ relationshipJsonSchema, relationshipJsonSchemaV2 }, { writeFileAtomic }] = await Promise.all([
    import('./schema/json-schema.js'),
    import('./write/atomic.js'),
  ]);
  return { relationshipJsonSchema, relationshipJsonSchemaV2, writeFileAtomic };
};
