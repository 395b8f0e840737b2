/**
 * Checks every field a template reads against the view model (VIEW_FIELDS, generated from
 * src/model/view-types.ts). Handlebars prints nothing for a path that does not exist; this
 * walk follows the template's contexts ({{#each}}, {{#with}}, partials, block params) and
 * reports each unknown path at its file, line and column with a suggestion.
 */
import type { Diagnostic } from '../diagnostics.js';
import { didYouMean } from '../validate/did-you-mean.js';
import type { FieldNode } from './field-types.js';
import { VIEW_FIELDS } from './view-fields.generated.js';

type Loc = { start: { line: number; column: number } };
type AstNode = { type: string; loc?: Loc; [k: string]: unknown };
interface PathNode extends AstNode {
  type: 'PathExpression';
  data: boolean;
  depth: number;
  parts: string[];
  original: string;
}

const ANY: FieldNode = { type: 'unknown' };

/** The root a template renders with: the view plus the audience's `options`. */
export const TEMPLATE_ROOT: FieldNode = {
  ...VIEW_FIELDS,
  fields: {
    ...VIEW_FIELDS.fields,
    options: { type: 'record', of: ANY, doc: 'The audience\'s options from audience.yaml (`options:`), e.g. options.contactsLimit.' },
    logo: {
      type: 'object',
      optional: true,
      doc: 'The audience\'s logo (audience.yaml `logo:`): write <img class="logo" src="{{{logo.src}}}" alt="{{logo.alt}}" height="{{logo.height}}">; the shipped title blocks do.',
      fields: { src: { type: 'string', doc: 'The image as a data: URI.' }, alt: { type: 'string' }, height: { type: 'number', doc: 'CSS px.' } },
    },
  },
};

interface Scope {
  node: FieldNode;
  /** How the template reached this context, for messages: "countries[]" or "the brief". */
  label: string;
  parent?: Scope;
  params?: Map<string, FieldNode>;
}

/** Helpers that hand back (part of) the list they are given, so `{{#each (first xs 3)}}` iterates xs's items. */
const LIST_HELPERS = new Set(['first', 'last']);
const DATA_VARS = new Set(['index', 'first', 'last', 'key', 'level', 'partial-block']);
const BUILTIN_HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log']);

export interface FieldLintInput {
  /** The audience's brief.hbs and its AST. */
  main: { file: string; ast: unknown };
  /** Partial name → its file and AST. */
  partials: ReadonlyMap<string, { file: string; ast: unknown }>;
  helpers: readonly string[];
}

/** Every unknown field, once per template location (warnings; `--strict` makes them errors). */
export function lintFields(input: FieldLintInput): Diagnostic[] {
  const out = new Map<string, Diagnostic>();
  const seen = new Map<string, Set<FieldNode>>();
  const helpers = new Set([...input.helpers, ...BUILTIN_HELPERS]);
  const index = fieldIndex(TEMPLATE_ROOT);
  const root: Scope = { node: TEMPLATE_ROOT, label: 'the brief' };
  // {{> overview heading="Summary"}} adds `heading` to the partial's context: every key any call passes is known there.
  const partialHash = new Map<string, Set<string>>();
  for (const { ast } of [input.main, ...input.partials.values()]) {
    for (const [name, keys] of partialHashesOf(ast)) {
      const set = partialHash.get(name) ?? new Set<string>();
      for (const k of keys) set.add(k);
      partialHash.set(name, set);
    }
  }

  const report = (file: string, path: PathNode, message: string): void => {
    const line = path.loc?.start.line ?? 1;
    const column = (path.loc?.start.column ?? 0) + 1;
    const key = `${file}:${line}:${column}`;
    if (!out.has(key)) out.set(key, { severity: 'warning', rule: 'template-field', code: 'E_TEMPLATE', file, line, column, path: path.original, message });
  };

  const lintPartial = (name: string, scope: Scope): void => {
    const p = input.partials.get(name);
    if (!p) return;
    let done = seen.get(name);
    if (!done) seen.set(name, (done = new Set()));
    if (done.has(scope.node)) return;
    done.add(scope.node);
    const keys = partialHash.get(name);
    visit(p.ast, keys ? { ...scope, params: new Map([...(scope.params ?? []), ...[...keys].map((k): [string, FieldNode] => [k, ANY])]) } : scope, p.file);
  };

  /** The type a path reads, reporting it when it does not exist. */
  const resolvePath = (path: PathNode, scope: Scope, file: string): FieldNode => {
    let parts = path.parts;
    let node: FieldNode;
    let label: string;
    let lead = '../'.repeat(path.depth);
    if (path.data) {
      const head = parts[0] ?? '';
      if (head !== 'root') return DATA_VARS.has(head) ? ANY : ANY;
      node = TEMPLATE_ROOT;
      label = '@root';
      lead = '@root.';
      parts = parts.slice(1);
    } else {
      let s: Scope | undefined = scope;
      for (let i = 0; i < path.depth && s; i++) s = s.parent;
      if (!s) return ANY;
      const head = parts[0];
      const param = head !== undefined ? findParam(scope, head) : undefined;
      if (param) {
        node = param;
        label = head!;
        lead += `${head}.`;
        parts = parts.slice(1);
      } else {
        node = s.node;
        label = s.label;
      }
    }
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      const next = child(node, part);
      if (next === undefined) {
        report(file, path, unknownMessage(path, lead, parts, i, node, label, scope, index));
        return ANY;
      }
      node = next;
      if (node.type === 'unknown') return ANY;
      label = i === 0 && label === 'the brief' ? part : `${label}.${part}`;
    }
    return node;
  };

  /** What an expression (path, subexpression, literal) gives. */
  const valueOf = (expr: AstNode | undefined, scope: Scope, file: string): FieldNode => {
    if (!expr) return ANY;
    if (expr.type === 'PathExpression') return resolvePath(expr as PathNode, scope, file);
    if (expr.type === 'SubExpression') {
      const name = (expr.path as PathNode).original;
      const params = (expr.params as AstNode[]) ?? [];
      const values = params.map((p) => valueOf(p, scope, file));
      checkHash(expr, scope, file);
      return LIST_HELPERS.has(name) ? (values[0] ?? ANY) : ANY;
    }
    return ANY;
  };

  const checkHash = (node: AstNode, scope: Scope, file: string): void => {
    const pairs = (node.hash as { pairs?: { value: AstNode }[] } | undefined)?.pairs ?? [];
    for (const p of pairs) valueOf(p.value, scope, file);
  };

  const visit = (node: unknown, scope: Scope, file: string): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n, scope, file);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const n = node as AstNode;
    switch (n.type) {
      case 'Program':
        visit(n.body, scope, file);
        return;
      case 'MustacheStatement': {
        const path = n.path as AstNode;
        const params = (n.params as AstNode[]) ?? [];
        const hasHash = Boolean((n.hash as { pairs?: unknown[] } | undefined)?.pairs?.length);
        if (path.type === 'PathExpression') {
          const p = path as PathNode;
          // {{name}} alone may call a helper of that name; with arguments it is one.
          const isHelper = params.length > 0 || hasHash || (!p.data && p.parts.length === 1 && p.depth === 0 && helpers.has(p.parts[0]!));
          if (!isHelper) resolvePath(p, scope, file);
        } else valueOf(path, scope, file);
        for (const param of params) valueOf(param, scope, file);
        checkHash(n, scope, file);
        return;
      }
      case 'BlockStatement':
      case 'DecoratorBlock': {
        const path = n.path as PathNode;
        const name = path.original;
        const params = (n.params as AstNode[]) ?? [];
        const values = params.map((p) => valueOf(p, scope, file));
        checkHash(n, scope, file);
        const program = n.program as { body: unknown; blockParams?: string[] } | undefined;
        const inverse = n.inverse as { body: unknown } | undefined;
        if (n.type === 'DecoratorBlock') {
          // {{#*inline "x"}}: rendered where the layout calls it, in the brief's context for the layout's blocks.
          if (program) visit(program.body, scope, file);
          return;
        }
        let inner: Scope = scope;
        if (name === 'each') {
          const list = values[0] ?? ANY;
          const item = list.type === 'array' || list.type === 'record' ? (list.of ?? ANY) : ANY;
          inner = { node: item, label: `${labelOf(params[0])}[]`, parent: scope };
          if (program?.blockParams?.[0]) inner.params = new Map([[program.blockParams[0], item]]);
        } else if (name === 'with') {
          const v = values[0] ?? ANY;
          inner = { node: v, label: labelOf(params[0]), parent: scope };
          if (program?.blockParams?.[0]) inner.params = new Map([[program.blockParams[0], v]]);
        } else if (name !== 'if' && name !== 'unless' && !helpers.has(name)) {
          // A block on a field ({{#countries}}…{{/countries}}) iterates or enters it, as #each/#with do.
          const v = resolvePath(path, scope, file);
          inner = { node: v.type === 'array' ? (v.of ?? ANY) : v, label: name, parent: scope };
        } else if (name !== 'if' && name !== 'unless') {
          // Any other block helper: its body's context is the helper's to decide.
          inner = { node: ANY, label: name, parent: scope };
        }
        if (program) visit(program.body, inner, file);
        if (inverse) visit(inverse.body, scope, file);
        return;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const nameNode = n.name as AstNode & { original?: string; value?: string };
        const name = nameNode.type === 'PathExpression' ? nameNode.original : nameNode.type === 'StringLiteral' ? nameNode.value : undefined;
        const params = (n.params as AstNode[]) ?? [];
        const ctx = params[0] ? { node: valueOf(params[0], scope, file), label: labelOf(params[0]), parent: scope } : scope;
        checkHash(n, scope, file);
        if (n.type === 'PartialBlockStatement') {
          const program = n.program as { body: unknown } | undefined;
          if (program) visit(program.body, ctx, file);
        }
        if (name) lintPartial(name, ctx);
        return;
      }
      default:
        return;
    }
  };

  visit(input.main.ast, root, input.main.file);
  return [...out.values()];
}

/** Per parsed template (lint.ts shares one tree per text between the audiences). */
const hashesByAst = new WeakMap<object, Map<string, Set<string>>>();

function partialHashesOf(ast: unknown): Map<string, Set<string>> {
  if (!ast || typeof ast !== 'object') return new Map();
  let found = hashesByAst.get(ast);
  if (found === undefined) {
    found = new Map();
    collectPartialHashes(ast, found);
    hashesByAst.set(ast, found);
  }
  return found;
}

function collectPartialHashes(node: unknown, into: Map<string, Set<string>>): void {
  if (Array.isArray(node)) {
    for (const n of node) collectPartialHashes(n, into);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const n = node as AstNode;
  if (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') {
    const nameNode = n.name as { original?: string; value?: string };
    const name = nameNode.original ?? nameNode.value;
    const pairs = (n.hash as { pairs?: { key: string }[] } | undefined)?.pairs ?? [];
    if (name && pairs.length) {
      const set = into.get(name) ?? new Set<string>();
      for (const p of pairs) set.add(p.key);
      into.set(name, set);
    }
  }
  for (const [k, v] of Object.entries(n)) if (k !== 'loc' && typeof v === 'object') collectPartialHashes(v, into);
}

function findParam(scope: Scope | undefined, name: string): FieldNode | undefined {
  for (let s = scope; s; s = s.parent) {
    const p = s.params?.get(name);
    if (p) return p;
  }
  return undefined;
}

function labelOf(expr: AstNode | undefined): string {
  if (!expr) return 'this';
  if (expr.type === 'PathExpression') return (expr as PathNode).original;
  if (expr.type === 'SubExpression') {
    const first = ((expr.params as AstNode[]) ?? [])[0];
    return labelOf(first);
  }
  return 'this';
}

/** The field `part` of `node`, or undefined when it has none. */
function child(node: FieldNode, part: string): FieldNode | undefined {
  switch (node.type) {
    case 'unknown':
      return ANY;
    case 'object':
      return Object.hasOwn(node.fields ?? {}, part) ? node.fields![part] : undefined;
    case 'record':
      return node.of ?? ANY;
    case 'array':
      if (part === 'length') return { type: 'number' };
      return /^\d+$/.test(part) ? (node.of ?? ANY) : undefined;
    case 'string':
      return part === 'length' ? { type: 'number' } : undefined;
    default:
      return undefined;
  }
}

/** Where each field name occurs in the view ("officialName" → ["countries[]"]), for "use it inside {{#each …}}". */
function fieldIndex(root: FieldNode): Map<string, string[]> {
  const index = new Map<string, string[]>();
  const walk = (node: FieldNode, at: string, depth: number): void => {
    if (depth > 6) return;
    if (node.type === 'array' && node.of) walk(node.of, `${at}[]`, depth + 1);
    if (node.type === 'object') {
      for (const [name, f] of Object.entries(node.fields ?? {})) {
        const list = index.get(name) ?? [];
        list.push(at);
        index.set(name, list);
        walk(f, at === '' ? name : `${at}.${name}`, depth + 1);
      }
    }
  };
  walk(root, '', 0);
  return index;
}

/** Names from the data file that the view spells differently. */
const DATA_NAMES: Record<string, string> = {
  pair: 'the view has no "pair": the two countries are countries.[0] and countries.[1] (name, officialName, capital, code, code3), the pair\'s id is meta.pairId and its title meta.title',
};

function unknownMessage(path: PathNode, lead: string, parts: string[], i: number, node: FieldNode, label: string, scope: Scope, index: Map<string, string[]>): string {
  const part = parts[i]!;
  const known = node.type === 'object' ? Object.keys(node.fields ?? {}) : node.type === 'array' ? ['length', '[0]'] : [];
  const where = label === 'the brief' || label === '@root' ? 'the brief' : `"${label}"`;
  const head = `unknown field "${path.original}": ${where} has no field "${part}"`;
  const guess = didYouMean(part, known);
  if (guess) return `${head} — did you mean "${lead}${[...parts.slice(0, i), guess].join('.')}"?`;
  if (i === 0 && !path.data && Object.hasOwn(DATA_NAMES, part)) return `${head} — ${DATA_NAMES[part]}`;
  if (i === 0 && !path.data) {
    // A field of an enclosing context, or of a list's items, used in the wrong place.
    if (scope.parent && child(TEMPLATE_ROOT, part) !== undefined) return `${head} — it is a field of the brief: write "@root.${path.original}" inside {{#each}}/{{#with}}`;
    const homes = (index.get(part) ?? []).filter((h) => h.endsWith('[]'));
    const home = homes[0];
    if (home) return `${head} — it is a field of each item of ${home.slice(0, -2)}: use it inside {{#each ${home.slice(0, -2)}}}`;
  }
  if (node.type === 'array') return `${head} — it is a list: use {{#each ${label}}} … {{/each}} or ${label}.length`;
  return known.length ? `${head} (fields: ${known.join(', ')}; see \`bilat templates fields\`)` : `${head} (see \`bilat templates fields\`)`;
}
