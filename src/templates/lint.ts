import type HandlebarsNS from 'handlebars';
import { BilatError } from '../errors.js';
import { CHART_KINDS } from '../render/chart-kinds.js';
import { didYouMean } from '../did-you-mean.js';

type HB = typeof HandlebarsNS;
type Node = { type: string; loc?: { start: { line: number; column: number } }; [k: string]: unknown };

/**
 * Handlebars reports an unknown helper or partial only when that line runs, without a location.
 * Walk the AST first so every such mistake is reported with its file, line and a suggestion.
 */
export function lintTemplate(hb: HB, file: string, source: string, helpers: readonly string[], partials: ReadonlySet<string>): ReturnType<HB['parse']> {
  let ast: ReturnType<HB['parse']>;
  try {
    ast = parsed(hb, source);
  } catch (e) {
    const err = e as Error & { lineNumber?: number; column?: number };
    const line = err.lineNumber ?? Number(/line (\d+)/.exec(err.message)?.[1] ?? 1);
    const detail = err.message.split('\n').at(-1) ?? err.message;
    throw new BilatError('E_TEMPLATE', `template syntax error: ${detail} (check the {{…}} tags on this line)`, { file, line, column: (err.column ?? 0) + 1, cause: e });
  }
  const inline = new Set<string>();
  collectInline(ast as unknown as Node, inline);
  const problems: { line: number; column: number; message: string }[] = [];
  walk(ast as unknown as Node, (node) => {
    const at = { line: node.loc?.start.line ?? 1, column: (node.loc?.start.column ?? 0) + 1 };
    if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
      const name = partialName(node);
      // A partial block ({{#> x}}default{{/x}}) may name a block that has no partial: that is the point.
      if (name && !partials.has(name) && !inline.has(name) && node.type === 'PartialStatement' && name !== '@partial-block') {
        const guess = didYouMean(name, [...partials, ...inline]);
        problems.push({ ...at, message: `unknown partial "${name}"${guess ? ` — did you mean "${guess}"?` : ''} (add templates/shared/partials/${name}.hbs or fix the name)` });
      }
    }
    if (node.type === 'MustacheStatement' || node.type === 'BlockStatement' || node.type === 'SubExpression') {
      const path = node.path as { type: string; original?: string; parts?: string[] };
      const hasArgs = ((node.params as unknown[]) ?? []).length > 0 || Boolean((node.hash as { pairs?: unknown[] } | undefined)?.pairs?.length);
      const name = path.original ?? '';
      const builtins = ['if', 'unless', 'each', 'with', 'lookup', 'log'];
      if (path.type === 'PathExpression' && (hasArgs || node.type === 'SubExpression') && !name.includes('.') && !name.startsWith('@') && !builtins.includes(name) && !helpers.includes(name)) {
        const guess = didYouMean(name, [...helpers, ...builtins]);
        problems.push({ ...at, message: `unknown helper "${name}"${guess ? ` — did you mean "${guess}"?` : ''} (helpers: ${helpers.join(', ')})` });
      }
      // A misspelt chart kind otherwise fails only while rendering, located at the audience's file without a line.
      const kind = (node.params as { type: string; value?: unknown }[] | undefined)?.[0];
      if (name === 'chart' && kind?.type === 'StringLiteral' && typeof kind.value === 'string' && !CHART_KINDS.includes(kind.value)) {
        const guess = didYouMean(kind.value, [...CHART_KINDS]);
        problems.push({ ...at, message: `unknown chart kind "${kind.value}"${guess ? ` — did you mean "${guess}"?` : ''} (use ${CHART_KINDS.join(', ')})` });
      }
    }
  });
  const first = problems[0];
  if (first) {
    const rest = problems.length > 1 ? ` (+${problems.length - 1} more: ${problems.slice(1).map((p) => `line ${p.line}`).join(', ')})` : '';
    throw new BilatError('E_TEMPLATE', first.message + rest, { file, line: first.line, column: first.column });
  }
  return ast;
}

/**
 * Parsed templates by their text. The three audiences share most partials, and Handlebars'
 * parser is the slowest part of compiling them (a third of a cold build's template work), so
 * each text is parsed once per process. Only read here and by the field lint: compiling parses
 * again, because Handlebars' whitespace control would strip an already parsed tree twice.
 */
const parseCache = new Map<string, ReturnType<HB['parse']>>();
const PARSE_CACHE_ENTRIES = 256;

function parsed(hb: HB, source: string): ReturnType<HB['parse']> {
  let ast = parseCache.get(source);
  if (ast === undefined) {
    ast = hb.parse(source);
    if (parseCache.size >= PARSE_CACHE_ENTRIES) parseCache.delete(parseCache.keys().next().value as string);
    parseCache.set(source, ast);
  }
  return ast;
}

function partialName(node: Node): string | undefined {
  const n = node.name as { type: string; original?: string; value?: string };
  return n.type === 'PathExpression' ? n.original : n.type === 'StringLiteral' ? n.value : undefined;
}

function collectInline(node: Node, into: Set<string>): void {
  walk(node, (n) => {
    if ((n.type === 'DecoratorBlock' || n.type === 'Decorator') && (n.path as { original?: string }).original === 'inline') {
      const p = (n.params as { value?: string }[])[0];
      if (p?.value) into.add(p.value);
    }
  });
}

function walk(node: unknown, visit: (n: Node) => void): void {
  if (Array.isArray(node)) {
    for (const x of node) walk(x, visit);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const n = node as Node;
  if (typeof n.type === 'string') visit(n);
  for (const [k, v] of Object.entries(n)) if (k !== 'loc' && typeof v === 'object') walk(v, visit);
}
