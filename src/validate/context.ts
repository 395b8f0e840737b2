import type { Diagnostic, Severity } from '../diagnostics.js';
import { formatPath } from '../diagnostics.js';
import type { LoadedDocument } from '../data/load-document.js';
import type { Relationship } from '../schema/relationship.js';

export interface RuleContext {
  doc: LoadedDocument;
  data: Relationship;
  /** ISO day that "the future" is measured from. */
  asOf: string;
}

export type Rule = (ctx: RuleContext) => Diagnostic[];

/** Build a located diagnostic for a data path. */
export function diag(
  ctx: RuleContext,
  severity: Severity,
  rule: string,
  path: readonly PropertyKey[],
  message: string,
  hint?: string,
  opts: { key?: boolean } = {},
): Diagnostic {
  const pos = ctx.doc.locate(path, opts.key);
  return { severity, rule, file: ctx.doc.file, ...pos, path: formatPath(path), message, ...(hint ? { hint } : {}) };
}
