/** The view `bilat templates fields` takes its examples from: one audience's view of one data file. */
import { existsSync } from 'node:fs';
import { BilatError } from '../errors.js';
import { buildView } from '../model/view.js';
import { GENERATOR } from '../build-options.js';
import { validateFile } from '../validate/validate.js';
import { fieldRows, type FieldRow } from './fields.js';
import { resolveAudience } from './resolve.js';

export function templateFields(opts: { audience: string; data: string; asOf: string; templates?: string }): { rows: FieldRow[]; about: string } {
  const audience = resolveAudience(opts.audience, opts.templates);
  const info = { id: audience.id, label: audience.label, classification: audience.classification, internal: audience.internal };
  if (!existsSync(opts.data)) {
    // Outside bilat's checkout there is no data/az-kg.yaml: the fields without examples.
    return { rows: fieldRows(undefined), about: `the ${audience.id} audience's fields (no examples: ${opts.data} not found; pass --data)` };
  }
  const result = validateFile(opts.data, opts.asOf);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length || !result.data) throw new BilatError('E_DATA_INVALID', `${errors.length} error${errors.length === 1 ? '' : 's'} in the data; run bilat validate ${opts.data}`, { file: opts.data, diagnostics: result.diagnostics });
  const view = buildView(result.data, { asOf: opts.asOf, locale: 'en-GB', generator: GENERATOR, audience: info });
  return { rows: fieldRows({ ...view, options: audience.options }), about: `the ${audience.id} audience's view of ${opts.data} as of ${opts.asOf}` };
}
