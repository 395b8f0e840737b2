/**
 * Block-level dispatch: walks sibling nodes, gathers runs of inline content into anonymous
 * paragraphs and hands known block elements to their converters. Unknown elements are
 * transparent (their text is kept), so a template using a new tag never crashes the PDF.
 */
import { claimId, themedClasses, type ConvertContext } from './context.js';
import { aside, blockquote, columns, rule, section, titleBlock } from './containers.js';
import { attr, hasClass, isElement, isHidden, tagName, type DomElement, type DomNode } from './dom.js';
import { figure, keyFigures } from './figures.js';
import { groupHeadingsWithBlocks } from './group-headings.js';
import { imageNode } from './images.js';
import { inlineText } from './inline.js';
import { definitionList, list } from './lists.js';
import { table } from './table.js';
import { htmlTagOf } from './tagging/source.js';
import { heading, paragraph } from './text-blocks.js';
import type { Content, ContentNode, StyleRef } from './types.js';

type Converter = (el: DomElement, ctx: ConvertContext) => ContentNode | null;

/** Containers whose own box means nothing in print: their children join the parent flow. */
const transparentBlocks = new Set([
  'div',
  'article',
  'main',
  'body',
  'html',
  'header',
  'footer',
  'nav',
  'details',
  'summary',
  'hgroup',
  'address',
  'pre',
  'form',
  'fieldset',
  'center',
  'search',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'caption',
]);
const blockTags = new Set([
  ...transparentBlocks,
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'dl',
  'table',
  'figure',
  'figcaption',
  'blockquote',
  'aside',
  'hr',
  'section',
  'img',
]);

function converterFor(el: DomElement, name: string): Converter | undefined {
  switch (name) {
    case 'p':
    case 'figcaption':
      return paragraph;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      return heading;
    case 'ul':
    case 'ol':
      return list;
    case 'dl':
      return definitionList;
    case 'table':
      return table;
    case 'figure':
      return figure;
    case 'blockquote':
      return blockquote;
    case 'aside':
      return aside;
    case 'hr':
      return rule;
    case 'img':
      return imageNode;
    case 'section':
      return section;
    case 'header':
      return hasClass(el, 'title-block') ? titleBlock : undefined;
    case 'div':
      if (hasClass(el, 'key-figures')) return keyFigures;
      if (hasClass(el, 'columns')) return columns;
      return undefined;
  }
  return undefined;
}

/** Converts a list of sibling nodes; loose inline content becomes `{ text, style: anonStyle }`. */
export function convertBlocks(nodes: readonly DomNode[], ctx: ConvertContext, anonStyle?: StyleRef): ContentNode[] {
  const out: ContentNode[] = [];
  let pending: DomNode[] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    const text = inlineText(pending, ctx);
    if (text !== null) out.push(anonStyle === undefined ? { text } : { text, style: anonStyle });
    pending = [];
  };
  const visit = (list: readonly DomNode[]): void => {
    for (const node of list) {
      if (node.type === 'text') pending.push(node);
      if (!isElement(node) || isHidden(node)) continue;
      const name = tagName(node);
      const convert = converterFor(node, name);
      if (convert !== undefined) {
        flush();
        const content = convert(node, ctx);
        if (content !== null) out.push(decorate(content, node, ctx));
      } else if (transparentBlocks.has(name) || containsBlock(node)) {
        flush();
        const classes = themedClasses(ctx, attr(node, 'class'));
        if (classes.length > 0) {
          // A box of the user's (div.custom-box): its children, in the class's style.
          const blocks = convertBlocks(node.children, ctx);
          if (blocks.length > 0) out.push(decorate({ stack: blocks }, node, ctx));
        } else visit(node.children);
        flush();
      } else {
        pending.push(node);
      }
    }
  };
  visit(nodes);
  flush();
  return groupHeadingsWithBlocks(out);
}

/** One node for a list of blocks: the block itself when alone, else a stack. */
export function single(blocks: ContentNode[], style?: StyleRef): ContentNode {
  const only = blocks.length === 1 ? blocks[0] : undefined;
  const node: ContentNode = only !== undefined && only.style === undefined ? only : { stack: blocks };
  if (style !== undefined) node.style = style;
  return node;
}

function containsBlock(el: DomElement): boolean {
  return el.children.some((c) => isElement(c) && (blockTags.has(tagName(c)) || containsBlock(c)));
}

function decorate(node: ContentNode, el: DomElement, ctx: ConvertContext): ContentNode {
  htmlTagOf.set(node, tagName(el)); // for the tagged PDF's structure (tagging/tree.ts)
  const content = withClassStyles(node, themedClasses(ctx, attr(el, 'class')), ctx);
  // A class with a background wraps the block in a one-cell box: the cell is the element.
  const cell = content === node ? undefined : (content.table?.body[0]?.[0] as ContentNode | undefined);
  if (cell !== undefined && typeof cell === 'object') htmlTagOf.set(cell, tagName(el));
  if (hasClass(el, 'page-break')) content.pageBreak = 'before';
  const id = attr(el, 'id');
  if (id !== undefined && tagName(el) !== 'section' && !/^h[1-6]$/.test(tagName(el))) attachId(content, id, ctx);
  return content;
}

/**
 * theme.css class styles on a block: named styles `.name` (pdfmake passes text properties on
 * to the block's lines), and a class with a background becomes a tinted box around it.
 */
function withClassStyles(node: ContentNode, classes: string[], ctx: ConvertContext): ContentNode {
  if (classes.length === 0) return node;
  const names = classes.map((c) => `.${c}`);
  const own = node.style === undefined ? [] : Array.isArray(node.style) ? node.style : [node.style];
  node.style = [...own, ...names];
  const fill = classes
    .map((c) => ctx.classes.get(c)!.fill)
    .filter((f): f is string => f !== undefined)
    .at(-1);
  if (fill === undefined) return node;
  const margin = classes
    .map((c) => ctx.classes.get(c)!.margin)
    .filter((m) => m !== undefined)
    .at(-1);
  const inner: ContentNode = { ...node, margin: [0, 0, 0, 0] };
  return {
    table: { widths: ['*'], body: [[{ ...inner, fillColor: fill }]], dontBreakRows: true },
    layout: 'bilat-class-box',
    ...(margin ? { margin } : {}),
  };
}

/**
 * Gives `id` to the first text line of `content`: pdfmake makes named destinations only from
 * text lines, so that is where `#id` links and footnote markers can land.
 */
export function attachId(content: Content, id: string, ctx: ConvertContext): void {
  const leaf = firstTextLeaf(content);
  if (leaf !== undefined && leaf.id === undefined && claimId(ctx, id)) leaf.id = id;
}

function firstTextLeaf(content: Content): ContentNode | undefined {
  if (typeof content === 'string') return undefined;
  if (Array.isArray(content)) {
    for (const c of content) {
      const leaf = firstTextLeaf(c);
      if (leaf !== undefined) return leaf;
    }
    return undefined;
  }
  if (content.text !== undefined) return content;
  const children = content.stack ?? content.columns ?? content.ul ?? content.ol ?? content.table?.body;
  return children === undefined ? undefined : firstTextLeaf(children as Content[]);
}
