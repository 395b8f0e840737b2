import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseText } from '../data/load-document.js';
import { readInputBytes, TEMPLATE_TEXT } from '../data/read-file.js';
import type { Diagnostic } from '../diagnostics.js';
import { BilatError } from '../errors.js';
import { isMessageKey, MESSAGE_KEYS, type Catalog, type Frame, type MessageKey } from '../locales/keys.js';
import { schemaDiagnostics } from '../validate/schema-diagnostics.js';
import { invalidTemplateFile, templateDirs } from './resolve.js';

/** The language every brief falls back to, and whose names keep today's output file names. */
export const DEFAULT_LANGUAGE = 'en';

const PluralFrame = z.strictObject({
  zero: z.string().optional(),
  one: z.string().optional(),
  two: z.string().optional(),
  few: z.string().optional(),
  many: z.string().optional(),
  other: z.string(),
});

const CatalogFile = z.strictObject({
  language: z.string().regex(/^[a-z]{2,3}$/, { error: 'expected a language code such as ru' }),
  intl: z.string().min(2).meta({ description: 'BCP 47 locale dates and numbers follow, e.g. ru-RU.' }),
  messages: z.record(z.string(), z.union([z.string(), PluralFrame])),
});

/** One language's catalog, complete: keys it lacks hold the English frames. */
export interface LoadedCatalog {
  language: string;
  /** Locale for dates and numbers, from the catalog (`intl:`). */
  intl: string;
  catalog: Catalog;
  /** The files read, shipped first, the user's last (the user's keys win). */
  files: string[];
  /** One per key the catalog lacks (English used) and per key bilat does not know. */
  warnings: Diagnostic[];
}

/** The catalog files of a language, lowest priority first. */
function catalogFiles(language: string, userDir?: string): string[] {
  return templateDirs(userDir)
    .map((d) => join(d, 'locales', `${language}.yaml`))
    .filter((f) => existsSync(f))
    .reverse();
}

/** Languages with a catalog in the shipped templates or the user's `locales/` folder. */
export function availableLanguages(userDir?: string): string[] {
  const out = new Set<string>();
  for (const d of templateDirs(userDir)) {
    const dir = join(d, 'locales');
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) if (/^[a-z]{2,3}\.yaml$/.test(f)) out.add(f.slice(0, -5));
  }
  return [...out].sort((a, b) => (a === DEFAULT_LANGUAGE ? -1 : b === DEFAULT_LANGUAGE ? 1 : a.localeCompare(b)));
}

interface ParsedFile {
  file: string;
  intl: string;
  messages: Record<string, Frame>;
  locate(key: string): { line: number; column: number };
}

function readCatalogFile(file: string): ParsedFile {
  const doc = parseText(file, readInputBytes(file, 'message catalog', TEMPLATE_TEXT).toString('utf8'));
  const parsed = CatalogFile.safeParse(doc.value);
  if (!parsed.success) {
    throw invalidTemplateFile('message catalog', file, schemaDiagnostics(doc, CatalogFile, parsed.error));
  }
  return {
    file,
    intl: parsed.data.intl,
    messages: parsed.data.messages as Record<string, Frame>,
    locate: (key) => doc.locate(['messages', key], true),
  };
}

const cache = new Map<string, LoadedCatalog>();

/**
 * The catalog of `language`: the shipped file, then the user's `<templates>/locales/` file
 * over it key by key, then English for any key still missing (with a warning naming it).
 */
export function loadCatalog(language: string, userDir?: string): LoadedCatalog {
  const files = catalogFiles(language, userDir);
  const englishFiles = catalogFiles(DEFAULT_LANGUAGE, userDir);
  const key = [language, ...[...files, ...englishFiles].map((f) => `${f}@${statSync(f).mtimeMs}`)].join('|');
  const hit = cache.get(key);
  if (hit) return hit;
  if (files.length === 0) {
    throw new BilatError('E_USAGE', `unknown locale "${language}" (available: ${availableLanguages(userDir).join(', ')}; add one as locales/${language}.yaml in your --templates folder)`);
  }
  const parsed = files.map(readCatalogFile);
  const english = language === DEFAULT_LANGUAGE ? parsed : englishFiles.map(readCatalogFile);
  const warnings: Diagnostic[] = [];
  const merged: Partial<Record<MessageKey, Frame>> = {};
  for (const p of english) for (const [k, v] of Object.entries(p.messages)) if (isMessageKey(k)) merged[k] = v;
  const own = new Set<string>();
  for (const p of parsed) {
    for (const [k, v] of Object.entries(p.messages)) {
      if (!isMessageKey(k)) {
        const at = p.locate(k);
        warnings.push({ severity: 'warning', rule: 'catalog-unknown-key', file: p.file, ...at, path: `messages.${k}`, message: `"${k}" is not a message bilat writes; it is ignored` });
        continue;
      }
      merged[k] = v;
      own.add(k);
    }
  }
  const last = parsed[parsed.length - 1]!;
  for (const k of MESSAGE_KEYS) {
    if (own.has(k)) continue;
    if (merged[k] === undefined) throw new BilatError('E_TEMPLATE', `the English catalog lacks "${k}"`, { file: englishFiles[0] ?? last.file });
    warnings.push({ severity: 'warning', rule: 'catalog-missing-key', file: last.file, line: 0, column: 0, path: `messages.${k}`, message: `no "${language}" text for "${k}"; the English text is used` });
  }
  const loaded: LoadedCatalog = { language, intl: last.intl, catalog: merged as Catalog, files, warnings };
  cache.set(key, loaded);
  return loaded;
}

/** The keys a language's catalog lacks against English (for `bilat templates locales`). */
export function missingKeys(language: string, userDir?: string): MessageKey[] {
  const own = new Set(catalogFiles(language, userDir).flatMap((f) => Object.keys(readCatalogFile(f).messages)));
  return MESSAGE_KEYS.filter((k) => !own.has(k));
}
