import { z } from 'zod';

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the form states the precision. A bare year may be a YAML number. */
export const PartialDate = z
  .union([
    z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, {
      error: 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD',
    }),
    z.int().min(1000).max(9999),
  ])
  .meta({ description: 'A date whose form gives its precision: YYYY (year), YYYY-MM (month) or YYYY-MM-DD (day).' });
export type PartialDate = z.infer<typeof PartialDate>;

export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, { error: 'expected an id of lower-case letters, digits, ".", "_" or "-"' })
  .meta({ description: 'Identifier, unique within its list; used in references.' });

export const Visibility = z
  .enum(['public', 'internal'])
  .meta({ description: 'public (default): may appear in the press-safe brief; internal: analyst and executive briefs only.' });

export const SourceRefs = z
  .array(Id)
  .meta({ description: 'Ids of the sources that support this fact.' });

export const CountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, { error: 'expected an ISO 3166-1 alpha-2 code such as AZ' });

/** Shared fields of every fact: where it comes from and who may see it. */
export const factFields = {
  sources: SourceRefs.optional(),
  visibility: Visibility.optional(),
};


/**
 * Why a path to a file beside the relationship is refused, or undefined when it is fine: it
 * must be relative, use `/` between folders, and stay inside the relationship file's folder.
 */
export function unsafeRelativePath(path: string): string | undefined {
  if (path.includes('\\')) return 'use "/" between folders, not "\\"';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'it must be relative to the relationship file, not absolute';
  if (path.split('/').includes('..')) return 'it must not leave the relationship file\'s folder ("..")';
  if (path.includes('\0')) return 'it contains a NUL character';
  return undefined;
}

/** The same rule as one pattern, so editors flag a bad path too (JSON Schema keeps the regex). */
const SAFE_RELATIVE_PATH = /^(?![A-Za-z]:)(?!\/)(?!(?:[\s\S]*\/)?\.\.(?:\/|$))[^\\\0]+$/;

export const TradeFilePath = z
  .string()
  .regex(SAFE_RELATIVE_PATH, { error: (iss) => `path "${String(iss.input)}" is refused: ${unsafeRelativePath(String(iss.input)) ?? 'it is empty'}` })
  .meta({ description: 'CSV file, relative to the relationship file and inside its folder, e.g. trade/az-kg.csv.' });

/** Schemes a brief may link to; javascript:, data: and file: links run code or read the reader's disk. */
export const LINK_SCHEMES = /^(?:https?|mailto)$/;

export const SourceUrl = z
  .url({
    protocol: LINK_SCHEMES,
    error: (iss) => {
      const input = String(iss.input);
      const shown = input.length > 60 ? `${input.slice(0, 57)}...` : input;
      return `url "${shown}" is refused: use an http://, https:// or mailto: address (a javascript:, data: or file: link would run code or open a file on the reader's machine)`;
    },
  })
  // The pattern lets editors flag a bad scheme as the user types; zod checks the protocol itself.
  .meta({ description: 'Web address of the source: http, https or mailto only.', pattern: '^(?:[Hh][Tt][Tt][Pp][Ss]?://|[Mm][Aa][Ii][Ll][Tt][Oo]:)' });

/** A language code as catalogs and `--locale` name them: `en`, `ru`, `az`. */
export const LanguageCode = z.string().regex(/^[a-z]{2,3}$/, { error: 'expected a language code such as en, ru or az' });

/** Every schema made by localizedText, so the data can be read in one language (model/localize.ts). */
export const LOCALIZED: WeakSet<z.ZodType> = new WeakSet();

/**
 * Free text written once, or once per language: `summary: "…"` or
 * `summary: {en: "…", az: "…", ru: "…"}`. A plain string is in the data's `language`. The one
 * definition every free-text field uses (schema v1 and what extends it), so validation,
 * the JSON Schema and the briefs' choice of language agree.
 */
export function localizedText(description?: string) {
  const text = z.string().min(1);
  const perLanguage = z
    .record(LanguageCode, text)
    .refine((m) => Object.keys(m).length > 0, { error: 'give the text in at least one language, e.g. {en: "…"}' })
    .meta({ description: 'The text per language, e.g. {en: "…", az: "…", ru: "…"}.' });
  const schema = z.union([text, perLanguage]);
  const out = description === undefined ? schema : schema.meta({ description: `${description} A string, or one per language: {en: "…", ru: "…"}.` });
  LOCALIZED.add(out);
  return out;
}

/** How a value was inferred when the source leaves it implicit (e.g. a year not printed); free text like any other. */
export const Inferred = localizedText('How this value was inferred where the source does not state it.');
