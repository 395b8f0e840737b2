import type { Diagnostic } from '../diagnostics.js';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import { z } from 'zod';
import { parseText } from '../data/load-document.js';
import { readInputBytes, TEMPLATE_TEXT } from '../data/read-file.js';
import { BilatError } from '../errors.js';
import type { HouseFont } from '../render/pdf/house-fonts.js';
import { audienceFolders, SHIPPED_TEMPLATES } from './audience-folders.js';
import { schemaDiagnostics } from '../validate/schema-diagnostics.js';

/** The shipped templates folder (SHIPPED_TEMPLATES) with a trailing slash, as the public API has always given it. */
export const BUILTIN_TEMPLATES = SHIPPED_TEMPLATES + '/';

const AudienceFile = z.strictObject({
  label: z.string().min(1),
  classification: z.string().min(1),
  internal: z.boolean(),
  options: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  /** The PDF's font stack, house font first; files relative to the audience folder (README "Fonts"). */
  fonts: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        regular: z.string().min(1),
        bold: z.string().min(1).optional(),
        italic: z.string().min(1).optional(),
        boldItalic: z.string().min(1).optional(),
      }),
    )
    .optional(),
  /** A logo for the title block and the PDF's running head: a PNG, JPEG or SVG file relative to this folder. */
  logo: z
    .union([
      z.string().min(1),
      z.strictObject({
        file: z.string().min(1),
        /** Alternative text; empty (decorative) by default, as the title beside it names the brief. */
        alt: z.string().optional(),
        /** Height in the title block, CSS px (the running head scales it to its line). @default 40 */
        height: z.number().positive().max(400).optional(),
      }),
    ])
    .optional(),
});

export interface AudienceLogo {
  /** Absolute path of the image. */
  file: string;
  alt: string;
  /** CSS px in the title block. */
  height: number;
  /** Where audience.yaml names it, for errors. */
  at: { file: string; line: number; column: number };
}

export interface ResolvedAudience {
  id: string;
  label: string;
  classification: string;
  internal: boolean;
  options: Record<string, string | number | boolean>;
  /** The audience's brief.hbs. */
  templateFile: string;
  /** Partial name → file, after user overrides. */
  partials: Map<string, string>;
  /** Stylesheets in cascade order (shipped first, user last). */
  styles: string[];
  /** Where it comes from, for `bilat templates list`. */
  origin: 'builtin' | 'user';
  /** audience.yaml `fonts:`, paths made absolute; absent when it names none. */
  fonts?: HouseFont[];
  /** The user's theme.css files in cascade order (template folder's shared/, then the audience's). */
  themes: string[];
  /** audience.yaml `logo:`; absent when it names none. */
  logo?: AudienceLogo;
}

/** Template folders, highest priority first: the user's, then the shipped one. */
export function templateDirs(userDir?: string): string[] {
  if (userDir !== undefined) {
    const abs = resolve(userDir);
    if (!existsSync(abs) || !statSync(abs).isDirectory())
      throw new BilatError('E_USAGE', `--templates "${userDir}" is not a folder (create it, or scaffold one with "bilat templates new")`);
    // As given (normalized), so a template's errors name it the way the user wrote --templates.
    const shown = normalize(userDir); // normalize leaves at most one trailing slash
    return [shown.length > 1 && shown.endsWith('/') ? shown.slice(0, -1) : shown, BUILTIN_TEMPLATES];
  }
  return [BUILTIN_TEMPLATES];
}

/** Audience ids: folders that hold a brief.hbs, in any template folder. */
export function listAudiences(userDir?: string): { id: string; origin: 'builtin' | 'user'; dir: string }[] {
  const seen = new Map<string, { id: string; origin: 'builtin' | 'user'; dir: string }>();
  const dirs = templateDirs(userDir);
  for (const dir of [...dirs].reverse()) {
    for (const name of audienceFolders(dir)) {
      // By position: the last folder is the shipped one, whatever the user's is called.
      seen.set(name, { id: name, origin: dir === dirs[dirs.length - 1] ? 'builtin' : 'user', dir: join(dir, name) });
    }
  }
  return [...seen.values()].sort((a, b) => order(a.id) - order(b.id) || a.id.localeCompare(b.id));
}

const shippedOrder = ['executive', 'analyst', 'public'];
const order = (id: string) => (shippedOrder.includes(id) ? shippedOrder.indexOf(id) : shippedOrder.length);

export function resolveAudience(id: string, userDir?: string): ResolvedAudience {
  const dirs = templateDirs(userDir);
  const known = listAudiences(userDir);
  const entry = known.find((a) => a.id === id);
  if (!entry)
    throw new BilatError('E_USAGE', `unknown audience "${id}" (known: ${known.map((a) => a.id).join(', ')}; add one with "bilat templates new ${id} --from analyst")`);
  const firstExisting = (rel: string) => dirs.map((d) => join(d, rel)).find((f) => existsSync(f));
  const audienceFile = firstExisting(join(id, 'audience.yaml'));
  const meta = audienceFile ? readAudienceFile(audienceFile) : { label: id, classification: 'Internal', internal: true, options: {} };
  const partials = new Map<string, string>();
  // Lowest priority first, so later sets win: shipped shared, user shared, shipped audience, user audience.
  for (const dir of [...dirs].reverse()) collectPartials(join(dir, 'shared', 'partials'), partials);
  for (const dir of [...dirs].reverse()) collectPartials(join(dir, id), partials);
  const styles: string[] = [];
  for (const dir of [...dirs].reverse()) {
    for (const f of [join(dir, 'shared', 'brief.css'), join(dir, id, 'brief.css')]) if (existsSync(f)) styles.push(f);
  }
  // Only a user's folder: the shipped templates/shared/theme.css is the reference copy of the built-in look.
  const themes = dirs.slice(0, -1).reverse().flatMap((d) => [join(d, 'shared', 'theme.css'), join(d, id, 'theme.css')]).filter((f) => existsSync(f));
  return {
    id,
    label: meta.label,
    classification: meta.classification,
    internal: meta.internal,
    options: meta.options ?? {},
    templateFile: firstExisting(join(id, 'brief.hbs'))!,
    partials,
    styles,
    themes,
    origin: entry.origin,
    ...(audienceFile && meta.fonts?.length ? { fonts: houseFonts(audienceFile, meta.fonts) } : {}),
    ...(audienceFile && meta.logo !== undefined ? { logo: audienceLogo(audienceFile, meta.logo, meta.logoAt) } : {}),
  };
}

type FontEntry = NonNullable<z.infer<typeof AudienceFile>['fonts']>[number];
/** The stack with absolute paths; a file that is not there is named with the entry that gives it. */
function houseFonts(audienceFile: string, entries: FontEntry[]): HouseFont[] {
  const dir = dirname(audienceFile);
  return entries.map((e, i) => {
    const out: HouseFont = { name: e.name, regular: '' };
    for (const face of ['regular', 'bold', 'italic', 'boldItalic'] as const) {
      const rel = e[face];
      if (rel === undefined) continue;
      const abs = resolve(dir, rel);
      if (!existsSync(abs)) throw new BilatError('E_TEMPLATE', `fonts[${i}].${face}: no file "${rel}" next to the audience file (paths are relative to its folder)`, { file: audienceFile });
      out[face] = abs;
    }
    return out;
  });
}

function audienceLogo(audienceFile: string, logo: NonNullable<z.infer<typeof AudienceFile>['logo']>, at?: { line: number; column: number }): AudienceLogo {
  const entry = typeof logo === 'string' ? { file: logo } : logo;
  return { file: resolve(dirname(audienceFile), entry.file), alt: entry.alt ?? '', height: entry.height ?? 40, at: { file: audienceFile, line: at?.line ?? 0, column: at?.column ?? 0 } };
}

function collectPartials(dir: string, into: Map<string, string>): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.hbs') || name === 'brief.hbs') continue;
    into.set(name.slice(0, -4), join(dir, name));
  }
}

function readAudienceFile(file: string): z.infer<typeof AudienceFile> & { logoAt?: { line: number; column: number } } {
  const doc = parseText(file, readInputBytes(file, 'audience file', TEMPLATE_TEXT).toString('utf8'));
  const parsed = AudienceFile.safeParse(doc.value);
  if (parsed.success) {
    if (parsed.data.logo === undefined) return parsed.data;
    const pos = doc.locate(typeof parsed.data.logo === 'string' ? ['logo'] : ['logo', 'file']);
    return { ...parsed.data, logoAt: { line: pos.line, column: pos.column } };
  }
  throw invalidTemplateFile('audience file', file, schemaDiagnostics(doc, AudienceFile, parsed.error));
}

/** A template-side YAML file (audience.yaml, a message catalog) its schema rejects: E_TEMPLATE at the first problem, all of them attached. */
export function invalidTemplateFile(what: string, file: string, diagnostics: Diagnostic[]): BilatError {
  const first = diagnostics[0]!;
  return new BilatError('E_TEMPLATE', `invalid ${what}: ${first.path} ${first.message}${first.hint ? ` (${first.hint})` : ''}`, {
    file,
    line: first.line,
    column: first.column,
    diagnostics,
  });
}
