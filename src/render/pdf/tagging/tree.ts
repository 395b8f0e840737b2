/**
 * The structure a tagged PDF is read in, worked out from the pdfmake content the semantic
 * HTML was converted to: sections, headings, paragraphs, lists, tables, figures, in the
 * HTML's order. Each content node that draws something gets `_bilatTag`, the element its
 * laid-out lines, charts and images belong to; the tagging patch turns these into pdfkit
 * structure elements as they are drawn (patches/tagging.ts). Tags are plain data with a
 * parent link: laid-out copies of a node carry them along.
 */
import { htmlTagOf } from './source.js';

export interface Tag {
  role: string;
  parent: Tag | undefined;
  /** Figure: the chart's text alternative. */
  alt?: string;
  /** TH: whether it heads a column or a row. */
  scope?: 'Column' | 'Row';
  /** A header cell pdfmake repeats on every page the table runs onto: read once only. */
  repeated?: boolean;
  /** L: how its items are numbered. */
  numbering?: 'Disc' | 'Decimal';
}

type Node = Record<string, unknown> & { _bilatTag?: Tag };

/** The property laid-out lines, SVG and image nodes carry their tag in. */
export const TAG = '_bilatTag';

const isNode = (n: unknown): n is Node => typeof n === 'object' && n !== null && !Array.isArray(n);

const ROLE_OF_HTML: Record<string, string> = { section: 'Sect', blockquote: 'BlockQuote', aside: 'Div', header: 'Div', div: 'Div' };

/** Builds the tags of `content` under a new Document tag and returns it. */
export function tagContent(content: unknown): Tag {
  const root: Tag = { role: 'Document', parent: undefined };
  walk(content, root);
  return root;
}

function child(parent: Tag, role: string, extra?: Partial<Tag>): Tag {
  return { role, parent, ...extra };
}

function walk(content: unknown, parent: Tag): void {
  if (Array.isArray(content)) {
    for (const c of content) walk(c, parent);
    return;
  }
  if (!isNode(content)) return;
  const node = content;
  const html = htmlTagOf.get(node);
  const role = html === undefined ? undefined : ROLE_OF_HTML[html];
  const here = role === undefined ? parent : child(parent, role);
  if (node['svg'] !== undefined || node['image'] !== undefined) {
    node[TAG] = parent.role === 'Figure' ? parent : child(here, 'Figure', { alt: altOf(node) });
    return;
  }
  if (node['style'] === 'figure' && Array.isArray(node['stack'])) {
    const svg = (node['stack'] as unknown[]).find((n) => isNode(n) && (n['svg'] !== undefined || n['image'] !== undefined)) as
      Node | undefined;
    const caption = (node['stack'] as unknown[]).find((n) => isNode(n) && n['style'] === 'figcaption') as Node | undefined;
    const figure = child(here, 'Figure', {
      alt: (svg === undefined ? undefined : altOf(svg)) ?? (caption === undefined ? undefined : plainText(caption['text'])),
    });
    walk(node['stack'], figure);
    return;
  }
  if (Array.isArray(node['ul']) || Array.isArray(node['ol'])) {
    const list = child(here, 'L', { numbering: node['ol'] !== undefined ? 'Decimal' : 'Disc' });
    for (const item of (node['ul'] ?? node['ol']) as unknown[]) into(item, child(child(list, 'LI'), 'LBody'));
    return;
  }
  const table = node['table'] as { body?: unknown[][]; headerRows?: number } | undefined;
  if (table !== undefined && Array.isArray(table.body)) {
    if (node['style'] !== 'table') {
      // A layout table (boxed note, key figures, metadata grid, rule): its cells in reading order.
      for (const row of table.body) for (const cell of row) walk(cell, here);
      return;
    }
    const head = table.headerRows ?? 0;
    const tableTag = child(here, 'Table');
    const thead = head > 0 ? child(tableTag, 'THead') : undefined;
    const tbody = child(tableTag, 'TBody');
    table.body.forEach((row, r) => {
      const tr = child(r < head ? thead! : tbody, 'TR');
      for (const cell of row) {
        if (!isNode(cell) || Object.keys(cell).length === 0) continue; // a colSpan/rowSpan filler
        const style = cell['style'];
        const cellTag =
          r < head
            ? child(tr, 'TH', { scope: 'Column', repeated: true })
            : style === 'rowHead'
              ? child(tr, 'TH', { scope: 'Row' })
              : child(tr, 'TD');
        into(cell, cellTag);
      }
    });
    return;
  }
  if (node['text'] !== undefined) {
    node[TAG] = child(here, leafRole(node));
    return;
  }
  for (const key of ['stack', 'columns']) if (node[key] !== undefined) walk(node[key], here);
}

/** A list item's or table cell's content: a lone text goes straight into the container. */
function into(content: unknown, container: Tag): void {
  if (isNode(content) && content['text'] !== undefined && content['headlineLevel'] === undefined) content[TAG] = container;
  else walk(content, container);
}

function leafRole(node: Node): string {
  const style = node['style'];
  const level = node['headlineLevel'];
  if (style === 'figcaption' || style === 'tableCaption') return 'Caption';
  if (typeof level === 'number' && typeof style === 'string' && /^h[1-6]$/.test(style)) return `H${level}`;
  return 'P';
}

/** An SVG's text alternative: its <title> (our charts write their full description there). */
function altOf(node: Node): string | undefined {
  const svg = node['svg'];
  if (typeof svg !== 'string') return undefined;
  const m = /<title>([\s\S]*?)<\/title>/.exec(svg);
  return m === null ? undefined : unescapeXml(m[1]!).trim() || undefined;
}

const unescapeXml = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');

function plainText(text: unknown): string | undefined {
  if (typeof text === 'string') return text;
  if (Array.isArray(text)) return text.map((t) => (typeof t === 'string' ? t : isNode(t) ? (plainText(t['text']) ?? '') : '')).join('');
  return undefined;
}
