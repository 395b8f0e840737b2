/**
 * The article's block structure → Word paragraphs and tables, walking the same parsed HTML
 * the PDF converter reads. Headings keep Word's built-in Heading 1–3 styles so the navigation
 * pane and the TOC field work; lists use real numbering.
 */
import { Bookmark, BorderStyle, HeadingLevel, Paragraph, Table, TableCell, TableRow, WidthType, type ParagraphChild } from 'docx';
import { theme } from '../theme.js';
import { attr, elementChildren, hasClass, isElement, isHidden, tagName, type DomElement, type DomNode } from '../pdf/dom.js';
import { bookmarkName, classStyle, hasText, inlineRuns } from './inline.js';
import { chartPicture } from './picture.js';
import { table } from './table.js';

export type Block = Paragraph | Table;

export interface BlockContext {
  /** Next numbering instance: each list restarts its count. */
  listInstance: number;
  /** Headings in order, for the table of contents. */
  headings: { title: string; level: number }[];
  /** Widest picture here, in px at 96 ppi (less inside a column). */
  maxWidthPx: number;
}

const headings: Record<string, (typeof HeadingLevel)[keyof typeof HeadingLevel]> = {
  h1: HeadingLevel.HEADING_1,
  h2: HeadingLevel.HEADING_2,
  h3: HeadingLevel.HEADING_3,
  h4: HeadingLevel.HEADING_3,
  h5: HeadingLevel.HEADING_3,
  h6: HeadingLevel.HEADING_3,
};
const inlineNames = new Set([
  'a',
  'strong',
  'b',
  'em',
  'i',
  'span',
  'sup',
  'sub',
  'time',
  'mark',
  'abbr',
  'code',
  'small',
  'cite',
  'br',
  'q',
  'bdi',
  'bdo',
]);

/** An element with an id becomes a bookmark, so internal links (source markers) land on it. */
function anchored(el: DomElement, runs: ParagraphChild[]): ParagraphChild[] {
  const id = attr(el, 'id');
  return id ? [new Bookmark({ id: bookmarkName(id), children: runs as never[] })] : runs;
}

export function convertBlocks(nodes: readonly DomNode[], ctx: BlockContext): Block[] {
  const out: Block[] = [];
  let pending: DomNode[] = [];
  // Loose text and inline elements between blocks form one Normal paragraph.
  const flush = () => {
    if (hasText(pending)) out.push(new Paragraph({ children: inlineRuns(pending) }));
    pending = [];
  };
  for (const n of nodes) {
    if (!isElement(n)) {
      if (n.type === 'text') pending.push(n);
      continue;
    }
    if (isHidden(n)) continue;
    if (inlineNames.has(tagName(n))) {
      pending.push(n);
      continue;
    }
    flush();
    out.push(...block(n, ctx));
  }
  flush();
  return out;
}

function block(el: DomElement, ctx: BlockContext): Block[] {
  const name = tagName(el);
  const heading = headings[name];
  if (heading) {
    ctx.headings.push({ title: plainText(el), level: Math.min(Number(name[1]), 3) });
    return [new Paragraph({ heading, keepNext: true, children: anchored(el, inlineRuns(el.children)) })];
  }
  if (name === 'p')
    return hasText(el.children)
      ? [new Paragraph({ children: anchored(el, inlineRuns(el.children, classStyle(attr(el, 'class'), {}))) })]
      : [];
  if (name === 'ul' || name === 'ol') return list(el, ctx, 0);
  if (name === 'table') return table(el);
  if (name === 'figure') return figure(el, ctx);
  if (name === 'dl') return definitions(el);
  if (name === 'blockquote') return convertBlocks(el.children, ctx);
  if (name === 'hr') return [];
  if (name === 'div' && hasClass(el, 'key-figures')) return keyFigures(el);
  if (name === 'div' && hasClass(el, 'columns')) return columns(el, ctx);
  return convertBlocks(el.children, ctx);
}

function list(el: DomElement, ctx: BlockContext, level: number): Block[] {
  const reference = tagName(el) === 'ol' ? 'bilat-numbers' : 'bilat-bullets';
  const instance = ctx.listInstance++;
  // The numbered source list is set small, as in the PDF.
  const base = hasClass(el, 'sources') ? classStyle('small', {}) : {};
  const out: Block[] = [];
  for (const li of elementChildren(el)) {
    if (tagName(li) !== 'li' || isHidden(li)) continue;
    const inline = li.children.filter((c) => !isElement(c) || !['ul', 'ol', 'p', 'div', 'table', 'figure'].includes(tagName(c)));
    out.push(
      new Paragraph({
        numbering: { reference, level: Math.min(level, 2), instance },
        children: anchored(li, inlineRuns(inline, classStyle(attr(li, 'class'), base))),
      }),
    );
    for (const c of elementChildren(li)) {
      const n = tagName(c);
      if (isHidden(c)) continue;
      if (n === 'ul' || n === 'ol') out.push(...list(c, ctx, level + 1));
      else if (['p', 'div', 'table', 'figure'].includes(n)) out.push(...block(c, ctx));
    }
  }
  return out;
}

function figure(el: DomElement, ctx: BlockContext): Block[] {
  const caption = elementChildren(el).find((c) => tagName(c) === 'figcaption' && !isHidden(c));
  const captionText = caption ? plainText(caption) : '';
  const out: Block[] = [];
  for (const c of el.children) {
    if (!isElement(c) || isHidden(c)) continue;
    const n = tagName(c);
    if (n === 'svg') {
      const pic = chartPicture(c, captionText, ctx.maxWidthPx);
      if (pic) out.push(pic);
    } else if (n === 'figcaption') out.push(new Paragraph({ style: 'Caption', children: inlineRuns(c.children) }));
    else out.push(...block(c, ctx));
  }
  return out;
}

/** Visible text without source markers (sup.fn): for TOC entries and alt text. */
const plainText = (el: DomElement): string => {
  let s = '';
  const walk = (n: DomNode) =>
    n.type === 'text'
      ? (s += n.data ?? '')
      : isElement(n) && !isHidden(n) && !(tagName(n) === 'sup' && hasClass(n, 'fn')) && n.children.forEach(walk);
  walk(el);
  return s.replace(/\s+/g, ' ').trim();
};

/** `<dl>`: one paragraph per term with its descriptions, "Term: description". */
function definitions(el: DomElement): Block[] {
  const out: Block[] = [];
  let runs: ParagraphChild[] = [];
  const flush = () => {
    if (runs.length) out.push(new Paragraph({ children: runs }));
    runs = [];
  };
  for (const c of elementChildren(el)) {
    if (isHidden(c)) continue;
    if (tagName(c) === 'dt') {
      flush();
      runs = inlineRuns([...c.children, { type: 'text', data: ': ' }], { bold: true });
    } else if (tagName(c) === 'dd') runs.push(...inlineRuns(c.children));
  }
  flush();
  return out;
}

/** Key figures: one row of tinted cards as in the PDF, value large in the accent colour, then unit and label. */
function keyFigures(el: DomElement): Block[] {
  const cards = elementChildren(el).filter((c) => !isHidden(c) && hasText(c.children));
  if (cards.length === 0) return [];
  const cell = (card: DomElement): Paragraph[] => {
    const part = (cls: string) => elementChildren(card).find((c) => hasClass(c, cls));
    const value = part('value');
    if (!value) return [new Paragraph({ style: 'KeyFigure', children: inlineRuns(card.children) })];
    const unit = part('unit');
    const label = part('label');
    const out = [new Paragraph({ style: 'KeyFigureValue', children: inlineRuns(value.children) })];
    if (unit) out.push(new Paragraph({ style: 'KeyFigure', children: inlineRuns(unit.children, { color: hex(theme.color.accent) }) }));
    if (label) out.push(new Paragraph({ style: 'KeyFigure', children: inlineRuns(label.children, { color: hex(theme.color.muted) }) }));
    return out;
  };
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const white = { style: BorderStyle.SINGLE, size: 24, color: 'FFFFFF' };
  return [
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      // White inner borders read as gaps between cards.
      borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: white },
      rows: [
        new TableRow({
          cantSplit: true,
          children: cards.map(
            (c) =>
              new TableCell({
                shading: { fill: hex(theme.color.accentSoft), type: 'clear', color: 'auto' },
                margins: { top: 80, bottom: 80, left: 100, right: 100 },
                children: cell(c),
              }),
          ),
        }),
      ],
    }),
    // Word needs a paragraph between two tables, and the PDF leaves this gap anyway.
    new Paragraph({ style: 'KeyFigure', children: [] }),
  ];
}

const hex = (c: string) => c.replace('#', '');
const noBorders = () => {
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  return { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
};

/** `div.columns`: side by side as in the PDF, one borderless layout-table cell per child. */
function columns(el: DomElement, ctx: BlockContext): Block[] {
  const kids = elementChildren(el).filter((c) => !isHidden(c));
  if (kids.length < 2) return convertBlocks(el.children, ctx);
  const outer = ctx.maxWidthPx;
  // 14 pt between columns, as the PDF sets them.
  const width = Math.floor((outer - (14 / 0.75) * (kids.length - 1)) / kids.length);
  ctx.maxWidthPx = width;
  const cells = kids.map((k) => {
    const blocks = convertBlocks([k], ctx);
    return new TableCell({ margins: { left: 0, right: 140 }, children: blocks.length ? blocks : [new Paragraph({ children: [] })] });
  });
  ctx.maxWidthPx = outer;
  return [
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: noBorders(), rows: [new TableRow({ children: cells })] }),
    new Paragraph({ children: [] }),
  ];
}
