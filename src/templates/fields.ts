/**
 * `bilat templates fields`: every field a template can use, from the view model's types
 * (VIEW_FIELDS), with an example value taken from a real view and the helpers that fit it.
 * docs/template-fields.md is this module's Markdown output for data/az-kg.yaml.
 */
import type { BriefView } from '../model/view-types.js';
import type { FieldNode } from './field-types.js';
import { TEMPLATE_ROOT } from './field-lint.js';

export interface FieldRow {
  /** As a template writes it; `[]` marks the items of a list (use it inside {{#each}}). */
  path: string;
  type: string;
  optional: boolean;
  /** The value in the example view, shortened; absent when the data gives none. */
  example?: string;
  helpers: string[];
  doc?: string;
}

const DATE_NAMES = new Set(['iso', 'raw', 'asOf', 'published', 'signedDate', 'date']);
const CHARTS: Record<string, string> = { 'trade.latest': '{{chart "trade-split" trade.latest}}', 'trade.periods': '{{chart "trade-series" trade.periods}}', contactsByYear: '{{chart "contacts-by-year" contactsByYear}}' };

export function fieldRows(view: (BriefView & { options?: Record<string, unknown> }) | undefined): FieldRow[] {
  const rows: FieldRow[] = [];
  // Each field's example is its first value that says something, over all the items of the lists above it.
  const walk = (node: FieldNode, path: string, name: string, values: unknown[], optional: boolean, doc?: string): void => {
    const shown = values.find((v) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)) ?? values[0];
    rows.push({ path, type: typeName(node), optional, ...example(node, shown), helpers: helpersFor(node, path, name), ...(doc ? { doc } : {}) });
    children(node, path, values);
  };
  const children = (node: FieldNode, path: string, values: unknown[]): void => {
    if (node.type === 'object') {
      for (const [k, f] of Object.entries(node.fields ?? {})) walk(f, path === '' ? k : `${path}.${k}`, k, values.map((v) => pick(v, k)), Boolean(f.optional), f.doc);
    } else if (node.type === 'array' && node.of && !isRef(node.of)) {
      children(node.of, `${path}[]`, values.flatMap((v) => (Array.isArray(v) ? v.slice(0, 200) : [])));
    } else if (node.type === 'record' && node.of) {
      const first = values.find((v) => v && typeof v === 'object' && Object.keys(v).length > 0) as Record<string, unknown> | undefined;
      for (const [k, v] of Object.entries(first ?? {}).slice(0, 50)) rows.push({ path: `${path}.${k}`, type: typeName(node.of), optional: true, ...example(node.of, v), helpers: helpersFor(node.of, `${path}.${k}`, k) });
    }
  };
  children(TEMPLATE_ROOT, '', view === undefined ? [] : [view]);
  return rows;
}

function pick(value: unknown, key: string): unknown {
  return value && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

function typeName(node: FieldNode): string {
  switch (node.type) {
    case 'array':
      return node.of && isRef(node.of) ? 'source refs' : `list of ${node.of ? typeName(node.of) : 'values'}`;
    case 'record':
      return `map of ${node.of ? typeName(node.of) : 'values'}`;
    case 'object':
      return 'object';
    case 'string':
      return node.values ? node.values.map((v) => `"${v}"`).join(' | ') : 'text';
    case 'unknown':
      return 'any';
    default:
      return node.type;
  }
}

const isRef = (n: FieldNode): boolean => n.type === 'object' && Object.keys(n.fields ?? {}).sort().join(',') === 'id,n';

function example(node: FieldNode, value: unknown): { example?: string } {
  if (value === undefined || value === null) return {};
  if (Array.isArray(value)) return { example: value.length === 0 ? '[] (empty)' : `[${value.length} ${value.length === 1 ? 'item' : 'items'}]` };
  if (typeof value === 'object') return node.type === 'record' ? { example: `{${Object.keys(value).length} keys}` } : {};
  if (typeof value === 'string') {
    const s = value.replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ');
    return { example: JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}…` : s) };
  }
  return { example: String(value) };
}

function helpersFor(node: FieldNode, path: string, name: string): string[] {
  const out: string[] = [];
  const chart = CHARTS[path];
  if (chart) out.push(chart);
  if (node.type === 'array') {
    if (node.of && isRef(node.of)) return [...out, `{{fn ${name}}}`];
    out.push('#each', 'first', 'last', 'length');
    if (node.of?.type === 'string') out.push('join');
    return out;
  }
  if (node.type === 'number') out.push('num', 'plusMinus', 'percent', 'money', 'quantity', 'plural', 'nth');
  if (node.type === 'string' && DATE_NAMES.has(name)) out.push('date', 'on', 'dateRange');
  if (node.type === 'string' && name === 'kind' && path.startsWith('sources')) out.push('sourceKind');
  if (node.type === 'string' && node.values) out.push('eq');
  if (node.type === 'boolean') out.push('#if', 'not');
  if (node.type === 'object' && node.optional) out.push('#if', '#with');
  return out;
}

/** One line per field: path, type, example, helpers. */
export function fieldsText(rows: readonly FieldRow[]): string {
  const w = Math.min(44, Math.max(...rows.map((r) => r.path.length + (r.optional ? 1 : 0))));
  const t = Math.min(24, Math.max(...rows.map((r) => r.type.length)));
  return rows
    .map((r) => {
      const path = `${r.path}${r.optional ? '?' : ''}`.padEnd(w);
      const helpers = r.helpers.length ? `  [${r.helpers.join(', ')}]` : '';
      return `${path}  ${r.type.padEnd(t)}  ${r.example ?? '—'}${helpers}`.trimEnd();
    })
    .join('\n');
}

/** docs/template-fields.md. */
export function fieldsMarkdown(rows: readonly FieldRow[], about: string): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\{\{/g, '`{{').replace(/\}\}/g, '}}`');
  const code = (s: string) => `\`${s}\``;
  const lines = [
    '# Fields a template can use',
    '',
    'Generated by `bilat templates fields --markdown` from the view model\'s TypeScript types',
    '(`src/model/view-types.ts`); a test keeps it fresh. Templates see this view, not the data file:',
    'it is already filtered for the audience (the public brief holds only public items) and formatted.',
    `Examples: ${about}.`,
    '',
    '- `[]` marks the items of a list: use those fields inside `{{#each list}}` (or `{{#each (first list 3)}}`),',
    '  and reach the brief\'s own fields there with `@root.` (`{{@root.meta.title}}`).',
    '- `?` marks a field that may be absent: guard it with `{{#if …}}`.',
    '- `options.*` are the audience\'s `options:` from its `audience.yaml`.',
    '- Every field a template reads is checked before rendering: an unknown one is reported at its file,',
    '  line and column with a suggestion (a warning; `bilat build --strict` makes it an error).',
    '',
    '| field | type | example | helpers | about |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${code(r.path + (r.optional ? '?' : ''))} | ${cell(r.type)} | ${r.example === undefined ? '—' : cell(r.example)} | ${r.helpers.map((h) => (h.startsWith('{{') ? cell(h) : code(h))).join(' ')} | ${r.doc ? cell(r.doc) : ''} |`),
    '',
  ];
  return lines.join('\n');
}
