import type { Diagnostic, Severity } from '../diagnostics.js';
import { formatPath } from '../diagnostics.js';
import type { LoadedDocument } from '../data/load-document.js';
import type { Relationship } from '../schema/relationship.js';

export interface RuleContext {
  /** The relationship file, with the rows of its CSV files under `trade` (located in the CSV files). */
  doc: LoadedDocument;
  data: Relationship;
  /** ISO day that "the future" is measured from. */
  asOf: string;
}

export type Rule = (ctx: RuleContext) => Diagnostic[];

/** Build a located diagnostic for a data path of the rule's document. */
export function diag(ctx: RuleContext, ...args: LocatedArgs): Diagnostic {
  return located(ctx.doc, ...args);
}

type LocatedArgs = Parameters<typeof located> extends [LoadedDocument, ...infer Rest] ? Rest : never;

/** A diagnostic at a data path of `doc`, in the file the value was read from (the document's own, or a CSV file). */
export function located(
  doc: LoadedDocument,
  severity: Severity,
  rule: string,
  path: readonly PropertyKey[],
  message: string,
  hint?: string,
  opts: { key?: boolean } = {},
): Diagnostic {
  const { file = doc.file, line, column } = doc.locate(path, opts.key);
  return { severity, rule, file, line, column, path: formatPath(path), message, ...(hint ? { hint } : {}) };
}
