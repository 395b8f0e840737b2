import type { Diagnostic } from '../diagnostics.js';
import { sortDiagnostics } from '../diagnostics.js';
import { loadDocument, type LoadedDocument } from '../data/load-document.js';
import { BilatError } from '../errors.js';
import { Relationship, type RelationshipSource } from '../schema/relationship.js';
import { localize } from '../model/localize.js';
import type { RuleContext, Rule } from './context.js';
import { rulesDespiteSchema } from './salvage.js';
import { schemaDiagnostics } from './schema-diagnostics.js';
import { duplicateIds } from './rules/ids.js';
import { references, unusedSources } from './rules/references.js';
import { sourced } from './rules/sourced.js';
import { publicSourcing } from './rules/visibility.js';
import { anniversaries, futureDates, periodOrder, rolePeriods } from './rules/dates.js';
import { tradeArithmetic } from './rules/trade.js';
import { loneSurrogates } from './rules/surrogates.js';
import { collapseDefaults, csvHints, expandTradeFiles } from './trade-csv.js';
import { RelationshipV2 } from '../schema/v2/relationship-v2.js';
import { toV1Shape } from '../schema/v2/normalize.js';
import { noteAbout } from './rules/note-about.js';
import { v2PeriodOrder, v2References } from './rules/v2-references.js';

/** Semantic rules: on the whole file once it matches the schema, before that on the list items that do (salvage.ts). */
export const rules: readonly Rule[] = [
  duplicateIds,
  references,
  sourced,
  publicSourcing,
  futureDates,
  periodOrder,
  rolePeriods,
  anniversaries,
  tradeArithmetic,
  unusedSources,
  noteAbout,
  v2References,
  v2PeriodOrder,
];

/**
 * The schema a file is read with, by its `schemaVersion`: 2 → version 2 (read into the v1
 * shape the rules and the model use, the v2 file kept beside it); anything else → version 1,
 * whose own diagnostics then say what is wrong.
 */
function schemaFor(value: unknown): {
  schema: typeof Relationship | typeof RelationshipV2;
  read: (v: unknown) => RelationshipSource | Relationship | undefined;
} {
  const version = value && typeof value === 'object' ? (value as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (version === 2) {
    return {
      schema: RelationshipV2,
      read: (v) => {
        const r = RelationshipV2.safeParse(v);
        return r.success ? toV1Shape(r.data) : undefined;
      },
    };
  }
  return {
    schema: Relationship,
    read: (v) => {
      const r = Relationship.safeParse(v);
      return r.success ? r.data : undefined;
    },
  };
}

export interface ValidationResult {
  file: string;
  /** The relationship file as loaded (without the rows of its CSV files; those are in `data.trade`). */
  doc?: LoadedDocument;
  /** The same with the CSV rows joined in `trade`, each located in its CSV file (when the schema passed). */
  expanded?: LoadedDocument;
  /** Present when the file matched the schema (semantic errors may still exist): every text in the data's own language. */
  data?: Relationship;
  /** The same as written, translations included (for a brief in another language). */
  source?: RelationshipSource;
  diagnostics: Diagnostic[];
}

/**
 * Validate a loaded document; never throws for bad data, only returns diagnostics. The rows
 * of the CSV files under `tradeFiles` (relative to `doc.file`) join `trade` first, so the
 * schema and every rule check them too, located in their CSV file.
 */
export function validateDocument(doc: LoadedDocument, asOf: string): ValidationResult {
  const csv = expandTradeFiles(doc);
  const { schema: fileSchema, read } = schemaFor(csv.doc.value);
  const parsed = fileSchema.safeParse(csv.doc.value);
  if (!parsed.success) {
    // The rules still run on the items the schema accepted, so all problems show at once.
    const semantic = rulesDespiteSchema(csv.doc, parsed.error.issues, rules, asOf, read);
    const schema = csvHints(schemaDiagnostics(csv.doc, fileSchema, parsed.error), doc.file);
    return {
      file: doc.file,
      doc,
      diagnostics: collapseDefaults(
        sortDiagnostics([...csv.diagnostics, ...loneSurrogates(csv.doc), ...schema, ...semantic]),
        csv.defaulted,
      ),
    };
  }
  // Version 2 files are read into the version 1 shape (their own file kept under `v2`); then
  // each free text in the data's own language: what the rules and the model read.
  const source = read(csv.doc.value)! as unknown as RelationshipSource;
  const data = inDataLanguage(source);
  const ctx: RuleContext = { doc: csv.doc, data, asOf };
  const diagnostics = [...loneSurrogates(csv.doc), ...rules.flatMap((rule) => rule(ctx))];
  return {
    file: doc.file,
    doc,
    expanded: csv.doc,
    data,
    source,
    diagnostics: collapseDefaults(sortDiagnostics([...csv.diagnostics, ...diagnostics]), csv.defaulted),
  };
}

/** The data with each free text in its own language (`language`, default en): what the rules read. */
export function inDataLanguage(source: RelationshipSource): Relationship {
  const lang = source.language ?? 'en';
  return localize(Relationship, source, { want: lang, dataLanguage: lang }).value;
}

/** Load and validate one file; load failures (missing, binary, syntax) become one diagnostic. */
export function validateFile(file: string, asOf: string): ValidationResult {
  let doc: LoadedDocument;
  try {
    doc = loadDocument(file);
  } catch (e) {
    if (!(e instanceof BilatError)) throw e;
    return {
      file,
      diagnostics: [
        { severity: 'error', rule: 'load', code: e.code, file, line: e.line ?? 0, column: e.column ?? 0, path: '', message: e.message },
      ],
    };
  }
  return validateDocument(doc, asOf);
}
