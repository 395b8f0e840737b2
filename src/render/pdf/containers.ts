/** Sections, the title block, columns, boxed asides/quotes and rules. */
import { attachId, convertBlocks, single } from './blocks.js';
import type { ConvertContext } from './context.js';
import { attr, hasClass, isElement, isHidden, tagName, type DomElement } from './dom.js';
import { imageNode } from './images.js';
import type { ContentNode } from './types.js';

export function section(el: DomElement, ctx: ConvertContext): ContentNode | null {
  const id = attr(el, 'id');
  const outerWhere = ctx.where;
  if (id !== undefined) ctx.where = `section #${id}`;
  ctx.pendingSectionId = id;
  const blocks = convertBlocks(el.children, ctx);
  // No heading took the id: the section's first line becomes the link target instead.
  if (id !== undefined && !ctx.ids.has(id)) attachId(blocks, id, ctx);
  ctx.pendingSectionId = undefined;
  ctx.where = outerWhere;
  return blocks.length === 0 ? null : { stack: blocks };
}

export function titleBlock(el: DomElement, ctx: ConvertContext): ContentNode | null {
  // The logo slot (<img class="logo"> in the title block): beside the title, at the right, as brief.css floats it.
  const logoEl = el.children.find((c): c is DomElement => isElement(c) && !isHidden(c) && tagName(c) === 'img' && hasClass(c, 'logo'));
  const logo = logoEl ? imageNode(logoEl, ctx) : null;
  const blocks = convertBlocks(logoEl ? el.children.filter((c) => c !== logoEl) : el.children, ctx);
  if (blocks.length === 0 && logo === null) return null;
  const top: ContentNode[] =
    logo === null
      ? blocks
      : [
          {
            columns: [
              { stack: blocks, width: '*' },
              { ...logo, width: logo.width },
            ],
            columnGap: 12,
          },
        ];
  return { stack: [...top, ruleNode('bilat-title-rule', 'titleRule')] };
}

/** `div.columns`: one column per child element, equal widths. */
export function columns(el: DomElement, ctx: ConvertContext): ContentNode | null {
  const parts = el.children.filter((c) => (isElement(c) ? !isHidden(c) : c.type === 'text' && (c.data ?? '').trim() !== ''));
  if (parts.length === 0) return null;
  const outerWidth = ctx.maxWidth;
  ctx.maxWidth = (outerWidth - 14 * (parts.length - 1)) / parts.length;
  const cols = parts
    .map((child) => convertBlocks([child], ctx))
    .filter((blocks) => blocks.length > 0)
    .map((blocks) => ({ ...single(blocks), width: '*' as const }));
  ctx.maxWidth = outerWidth;
  if (cols.length === 0) return null;
  return { columns: cols, columnGap: 14, style: 'p' };
}

export function aside(el: DomElement, ctx: ConvertContext): ContentNode | null {
  const layout = hasClass(el, 'data-quality') ? 'bilat-data-quality' : 'bilat-note';
  return box(el, ctx, layout, 'aside', 'asideText');
}

export function blockquote(el: DomElement, ctx: ConvertContext): ContentNode | null {
  return box(el, ctx, 'bilat-quote', 'quote');
}

/** A single-cell table: the only pdfmake node that can carry a fill and a side bar. */
function box(el: DomElement, ctx: ConvertContext, layout: string, style: string, inner?: string): ContentNode | null {
  const outerWidth = ctx.maxWidth;
  ctx.maxWidth = outerWidth - 20;
  const blocks = convertBlocks(el.children, ctx);
  ctx.maxWidth = outerWidth;
  if (blocks.length === 0) return null;
  trimLastMargin(blocks);
  return { table: { widths: ['*'], body: [[single(blocks, inner)]], dontBreakRows: true }, layout, style };
}

/** The last paragraph's bottom margin would double the box padding. */
function trimLastMargin(blocks: ContentNode[]): void {
  const last = blocks.at(-1);
  if (last !== undefined && last.text !== undefined && last.style === 'p') last.margin = [0, 0, 0, 0];
}

export function rule(): ContentNode {
  return ruleNode('bilat-rule', 'rule');
}

function ruleNode(layout: string, style: string): ContentNode {
  return { table: { widths: ['*'], body: [[{ text: '' }]] }, layout, style };
}
