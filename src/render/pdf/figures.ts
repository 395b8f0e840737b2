/** Figures (inline SVG charts or data-URL images, with caption) and the key-figures row. */
import { convertBlocks, single } from './blocks.js';
import type { ConvertContext } from './context.js';
import {
  attr,
  elementChildren,
  hasClass,
  isElement,
  isHidden,
  serializeSvg,
  tagName,
  textContent,
  type DomElement,
  type DomNode,
} from './dom.js';
import { imageNode } from './images.js';
import { inlineText } from './inline.js';
import type { ContentNode } from './types.js';

export function figure(el: DomElement, ctx: ConvertContext): ContentNode | null {
  const parts: ContentNode[] = [];
  for (const child of el.children) {
    if (!isElement(child) || isHidden(child)) {
      if (child.type === 'text') parts.push(...convertBlocks([child], ctx));
      continue;
    }
    const name = tagName(child);
    if (name === 'svg') pushIfAny(parts, svgNode(child, ctx));
    else if (name === 'img') pushIfAny(parts, imageNode(child, ctx));
    else if (name === 'figcaption') pushIfAny(parts, captionNode(child, ctx));
    else parts.push(...convertBlocks([child], ctx));
  }
  if (parts.length === 0) return null;
  // A chart and its caption belong on the same page.
  return { stack: parts, style: 'figure', unbreakable: true };
}

function pushIfAny(parts: ContentNode[], node: ContentNode | null): void {
  if (node !== null) parts.push(node);
}

function captionNode(el: DomElement, ctx: ConvertContext): ContentNode | null {
  const text = inlineText(el.children, ctx);
  return text === null ? null : { text, style: 'figcaption' };
}

/** SVG user units are drawn as pt; wide charts are scaled down to the available width. */
function svgNode(el: DomElement, ctx: ConvertContext): ContentNode | null {
  const box = attr(el, 'viewBox')
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  const width = length(attr(el, 'width')) ?? box?.[2];
  const height = length(attr(el, 'height')) ?? box?.[3];
  // pdfmake cannot size an SVG without both dimensions; skip it rather than fail the brief.
  if (width === undefined || height === undefined || !(width > 0) || !(height > 0)) return null;
  const label = textContent(el);
  if (label !== '') ctx.texts.push({ text: label, where: `${ctx.where} svg` });
  return { svg: serializeSvg(el), width: round(Math.min(width, ctx.maxWidth)) };
}

function length(value: string | undefined): number | undefined {
  if (value === undefined || value.trim().endsWith('%')) return undefined;
  const n = parseFloat(value);
  return Number.isFinite(n) ? n : undefined;
}

const round = (n: number): number => Math.round(n * 100) / 100;

/**
 * `div.key-figures` → one row of tinted cards. Each `div.key-figure` has value, unit and label
 * spans; anything else inside a card is converted as ordinary content.
 */
export function keyFigures(el: DomElement, ctx: ConvertContext): ContentNode | null {
  const cards = elementChildren(el)
    .filter((c) => !isHidden(c))
    .map((c) => keyFigure(c, ctx))
    .filter((c): c is ContentNode => c !== null);
  if (cards.length === 0) return null;
  return {
    table: { widths: cards.map(() => '*' as const), body: [cards], dontBreakRows: true },
    layout: 'bilat-key-figures',
    style: 'keyFigures',
  };
}

function keyFigure(el: DomElement, ctx: ConvertContext): ContentNode | null {
  const value = part(el, 'value');
  const unit = part(el, 'unit');
  const label = part(el, 'label');
  if (value === undefined) {
    const blocks = convertBlocks(el.children, ctx);
    return blocks.length === 0 ? null : single(blocks);
  }
  const stack: ContentNode[] = [];
  const valueText = inlineText(value.children, ctx);
  if (valueText !== null) stack.push({ text: valueText, style: 'figureValue' });
  const unitText = unit === undefined ? null : inlineText(unit.children, ctx);
  if (unitText !== null) stack.push({ text: unitText, style: 'figureUnit' });
  const labelText = label === undefined ? null : inlineText(label.children, ctx);
  if (labelText !== null) stack.push({ text: labelText, style: 'figureLabel' });
  return stack.length === 0 ? null : { stack };
}

function part(el: DomElement, cls: string): DomElement | undefined {
  const find = (nodes: readonly DomNode[]): DomElement | undefined => {
    for (const n of nodes) {
      if (!isElement(n) || isHidden(n)) continue;
      if (hasClass(n, cls)) return n;
      const inner = find(n.children);
      if (inner !== undefined) return inner;
    }
    return undefined;
  };
  return find(el.children);
}
