/**
 * The article's block structure → Word paragraphs and tables, walking the same parsed HTML
 * the PDF converter reads. Headings keep Word's built-in Heading 1–3 styles so the navigation
 * pane and the TOC field work; lists use real numbering.
 */
import { Bookmark, HeadingLevel, Paragraph, Table, type ParagraphChild } from 'docx';
import { attr, elementChildren, hasClass, isElement, isHidden, tagName, type DomElement, type DomNode } from '../pdf/dom.js';
import { bookmarkName, classStyle, hasText, inlineRuns, type RunStyle } from './inline.js';
import { chartPicture } from './picture.js';
import { table } from './table.js';

export type Block = Paragraph | Table;

export interface BlockContext {
  /** Next numbering instance: each list restarts its count. */
  listInstance: number;
  /** Headings in order, for the table of contents. */
  headings: { title: string; level: number }[];
}

const headings: Record<string, (typeof HeadingLevel)[keyof typeof HeadingLevel]> = {
  h1: HeadingLevel.HEADING_1,
  h2: HeadingLevel.HEADING_2,
  h3: HeadingLevel.HEADING_3,
  h4: HeadingLevel.HEADING_3,
  h5: HeadingLevel.HEADING_3,
  h6: HeadingLevel.HEADING_3,
};
const inlineNames = new Set(['a', 'strong', 'b', 'em', 'i', 'span', 'sup', 'sub', 'time', 'mark', 'abbr', 'code', 'small', 'cite', 'br', 'q', 'bdi', 'bdo']);

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
  if (name === 'p') return hasText(el.children) ? [new Paragraph({ children: anchored(el, inlineRuns(el.children, classStyle(attr(el, 'class'), {}))) })] : [];
  if (name === 'ul' || name === 'ol') return list(el, ctx, 0);
  if (name === 'table') return table(el);
  if (name === 'figure') return figure(el, ctx);
  if (name === 'dl') return definitions(el);
  if (name === 'blockquote') return convertBlocks(el.children, ctx);
  if (name === 'hr') return [];
  if (name === 'div' && hasClass(el, 'key-figures')) return keyFigures(el);
  return convertBlocks(el.children, ctx);
}

function list(el: DomElement, ctx: BlockContext, level: number): Block[] {
  const reference = tagName(el) === 'ol' ? 'bilat-numbers' : 'bilat-bullets';
  const instance = ctx.listInstance++;
  const out: Block[] = [];
  for (const li of elementChildren(el)) {
    if (tagName(li) !== 'li' || isHidden(li)) continue;
    const inline = li.children.filter((c) => !isElement(c) || !['ul', 'ol', 'p', 'div', 'table', 'figure'].includes(tagName(c)));
    out.push(new Paragraph({ numbering: { reference, level: Math.min(level, 2), instance }, children: anchored(li, inlineRuns(inline, classStyle(attr(li, 'class'), {}))) }));
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
      const pic = chartPicture(c, captionText);
      if (pic) out.push(pic);
    } else if (n === 'figcaption') out.push(new Paragraph({ style: 'Caption', children: inlineRuns(c.children) }));
    else out.push(...block(c, ctx));
  }
  return out;
}

/** Visible text without source markers (sup.fn): for TOC entries and alt text. */
const plainText = (el: DomElement): string => {
  let s = '';
  const walk = (n: DomNode) => (n.type === 'text' ? (s += n.data ?? '') : isElement(n) && !isHidden(n) && !(tagName(n) === 'sup' && hasClass(n, 'fn')) && n.children.forEach(walk));
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

/** Key figures: the value large in the accent colour, then unit and label, one paragraph each card. */
function keyFigures(el: DomElement): Block[] {
  const out: Block[] = [];
  for (const card of elementChildren(el)) {
    if (isHidden(card)) continue;
    const part = (cls: string) => elementChildren(card).find((c) => hasClass(c, cls));
    const value = part('value');
    if (!value) {
      if (hasText(card.children)) out.push(new Paragraph({ children: inlineRuns(card.children) }));
      continue;
    }
    const unit = part('unit');
    const label = part('label');
    const big: RunStyle = { bold: true, size: 28 };
    const runs = [...inlineRuns(value.children, big)];
    if (unit) runs.push(...inlineRuns([{ type: 'text', data: ' ' }, ...unit.children], { bold: true }));
    if (label) runs.push(...inlineRuns([{ type: 'text', data: ' — ' }, ...label.children]));
    out.push(new Paragraph({ style: 'KeyFigure', children: runs }));
  }
  return out;
}
