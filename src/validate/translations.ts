import type { Diagnostic } from '../diagnostics.js';
import { formatPath } from '../diagnostics.js';
import { localize } from '../model/localize.js';
import { Relationship } from '../schema/relationship.js';
import type { ValidationResult } from './validate.js';

/**
 * One warning per free text the data lacks in `language`, located where it is written: the
 * brief in that language shows it in the data's own (or another given) language, tagged.
 */
export function missingTranslations(result: ValidationResult, language: string): Diagnostic[] {
  const source = result.source;
  const doc = result.expanded ?? result.doc;
  if (source === undefined || doc === undefined) return [];
  const dataLanguage = source.language ?? 'en';
  const { fallbacks } = localize(Relationship, source, { want: language, dataLanguage });
  return fallbacks.map((f) => {
    const pos = doc.locate(f.path);
    return {
      severity: 'warning',
      rule: 'translation-missing',
      file: pos.file ?? doc.file,
      line: pos.line,
      column: pos.column,
      path: formatPath(f.path),
      message: `no "${language}" text; the ${language} brief shows the "${f.lang}" one, tagged`,
      hint: `write it as {${f.lang}: …, ${language}: …}`,
    } satisfies Diagnostic;
  });
}
