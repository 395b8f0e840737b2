import { existsSync } from 'node:fs';
import { z } from 'zod';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseText, type LoadedDocument } from '../data/load-document.js';
import { readTextInput } from '../data/read-file.js';
import { sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { BilatError } from '../errors.js';
import { schemaDiagnostics } from '../validate/schema-diagnostics.js';
import { checkJobs } from './check-jobs.js';
import { resolveJobs, type ResolvedConfig } from './resolve-config.js';
import { BilatConfig, CONFIG_FILE_NAMES, JobConfig } from './schema.js';

export interface LoadConfigOptions {
  /** `--config FILE`; wins over `BILAT_CONFIG`, which wins over the file found in `cwd`. */
  file?: string;
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Shipped template folder (tests point it at a fixture). */
  shippedTemplates?: string;
}

/** Find, read, validate and resolve the config; every problem is reported at once, located. */
export function loadConfig(opts: LoadConfigOptions = {}): ResolvedConfig {
  const cwd = opts.cwd ?? process.cwd();
  const file = findConfigFile(cwd, opts.file ?? (opts.env ?? process.env).BILAT_CONFIG);
  const shown = displayPath(cwd, file);
  let doc: LoadedDocument;
  try {
    doc = parseText(shown, readTextInput(file, 'config file'));
  } catch (e) {
    // Same error, named as the user named the file; a syntax error is a config error.
    if (e instanceof BilatError) {
      const code = e.code === 'E_DATA_PARSE' ? 'E_CONFIG_INVALID' : e.code;
      throw new BilatError(code, e.message, { file: e.file === file ? shown : e.file, line: e.line, column: e.column, cause: e });
    }
    throw e;
  }
  return resolveConfigDocument(doc, { root: dirname(file), shippedTemplates: opts.shippedTemplates });
}

/** Validate a loaded document (YAML/JSON, or an in-memory value wrapped by `inMemoryDocument`). */
export function resolveConfigDocument(doc: LoadedDocument, opts: { root: string; shippedTemplates?: string }): ResolvedConfig {
  const root = resolve(opts.root);
  const parsed = BilatConfig.safeParse(doc.value);
  const ctx = { doc, root, shippedTemplates: opts.shippedTemplates };
  let diags: Diagnostic[];
  if (parsed.success) diags = checkJobs(parsed.data, ctx);
  else {
    diags = schemaDiagnostics(doc, BilatConfig, parsed.error).map((d) => ({ ...d, code: 'E_CONFIG_INVALID' as const }));
    // Still check the jobs that are well-formed, so one pass shows every problem.
    diags.push(...checkJobs(partialConfig(doc.value), ctx));
  }
  if (diags.length) {
    const n = diags.length;
    throw new BilatError('E_CONFIG_INVALID', `invalid config: ${n} problem${n === 1 ? '' : 's'}`, {
      file: doc.file,
      diagnostics: sortDiagnostics(diags),
    });
  }
  return resolveJobs(parsed.data!, { file: resolve(doc.file), root });
}

/** For configs built in code (`defineConfig`): same checks, diagnostics without line numbers. */
export function inMemoryDocument(value: unknown, file = '(config)'): LoadedDocument {
  return { file, text: '', value, locate: () => ({ line: 0, column: 0 }), printed: () => undefined };
}

function partialConfig(value: unknown): Parameters<typeof checkJobs>[0] {
  const v = (value ?? {}) as { templates?: unknown; history?: { keep?: unknown }; jobs?: unknown };
  const templates = typeof v.templates === 'string' ? v.templates : undefined;
  const keep = typeof v.history?.keep === 'number' ? v.history.keep : undefined;
  const lenient = z.object(JobConfig.shape); // unknown keys are reported already; check the rest
  const jobs = Array.isArray(v.jobs) ? v.jobs.map((j) => lenient.safeParse(j).data) : [];
  return { templates, history: { keep }, jobs };
}

export function findConfigFile(cwd: string, explicit?: string): string {
  if (explicit) {
    const file = isAbsolute(explicit) ? explicit : resolve(cwd, explicit);
    if (!existsSync(file)) throw new BilatError('E_FILE_MISSING', 'config file not found (check the path)', { file: explicit });
    return file;
  }
  for (const name of CONFIG_FILE_NAMES) {
    const file = join(cwd, name);
    if (existsSync(file)) return file;
  }
  throw new BilatError('E_CONFIG_INVALID', `no ${CONFIG_FILE_NAMES.join(' or ')} in ${cwd} (create one, or pass --config FILE)`);
}

function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
