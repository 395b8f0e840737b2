/** Paragraphs and headings. Headings carry the outline (bookmarks) and keep-with-next levels. */
import { claimId, newId, type ConvertContext } from './context.js';
import { convertBlocks } from './blocks.js';
import { attr, hasClass, isElement, isHidden, tagName, type DomElement } from './dom.js';
import { inlineText } from './inline.js';
import type { ContentNode } from './types.js';

export function paragraph(el: DomElement, ctx: ConvertContext): ContentNode | null {
  // pdfmake draws no image inside a line of text: a paragraph with one becomes a stack, the image on its own line.
  if (hasImage(el)) {
    const blocks = convertBlocks(el.children, ctx, paragraphStyle(el));
    return blocks.length === 0 ? null : { stack: blocks };
  }
  const text = inlineText(el.children, ctx);
  if (text === null) return null;
  return { text, style: paragraphStyle(el) };
}

function hasImage(el: DomElement): boolean {
  return el.children.some((c) => isElement(c) && !isHidden(c) && (tagName(c) === 'img' || hasImage(c)));
}

function paragraphStyle(el: DomElement): string | string[] {
  if (tagName(el) === 'figcaption') return 'figcaption';
  if (hasClass(el, 'kicker')) return 'kicker';
  if (hasClass(el, 'subtitle')) return 'subtitle';
  const style = ['p'];
  if (hasClass(el, 'small')) style.push('small');
  if (hasClass(el, 'muted')) style.push('muted');
  return style.length === 1 ? 'p' : style;
}

export function heading(el: DomElement, ctx: ConvertContext): ContentNode | null {
  const level = Number(tagName(el).slice(1));
  // The section's id belongs to its first heading, whether or not that heading uses it.
  const sectionId = ctx.pendingSectionId;
  ctx.pendingSectionId = undefined;
  const text = inlineText(el.children, ctx);
  if (text === null) return null;
  const node: ContentNode = { text, style: `h${Math.min(level, 4)}`, headlineLevel: level };

  const id = attr(el, 'id') ?? sectionId;
  node.id = claimId(ctx, id) ? id : newId(ctx);

  if (level === 2 || level === 3) {
    node.outline = true;
    // Bookmarks read like the heading, without its footnote markers.
    // Bidi isolate marks are for our line layout; a viewer's bookmark list might draw them as boxes.
    node.outlineText = (
      typeof text === 'string'
        ? text
        : text
            .filter((r) => !r.sup)
            .map((r) => r.text)
            .join('')
    )
      .replace(/[\u2066-\u2069]/g, '')
      .trim();
    if (level === 2) ctx.currentH2Id = node.id;
    else if (ctx.currentH2Id !== undefined) node.outlineParentId = ctx.currentH2Id;
  }
  return node;
}
