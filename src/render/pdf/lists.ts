/** ul/ol (including the numbered source list) and dl (as a two-column grid). */
import { attachId, convertBlocks, single } from './blocks.js';
import type { ConvertContext } from './context.js';
import { attr, hasClass, isElement, isHidden, tagName, type DomElement, type DomNode } from './dom.js';
import { inlineText } from './inline.js';
import type { ContentNode } from './types.js';

export function list(el: DomElement, ctx: ConvertContext): ContentNode | null {
  const items: ContentNode[] = [];
  for (const child of el.children) {
    if (child.type === 'text' && (child.data ?? '').trim() === '') continue;
    if (isElement(child) && isHidden(child)) continue;
    // Non-<li> children are invalid HTML; keep their text as an item of its own.
    const body = isElement(child) && tagName(child) === 'li' ? child.children : [child];
    const blocks = convertBlocks(body, ctx);
    if (blocks.length === 0) continue;
    const item = single(blocks, 'li');
    const id = isElement(child) ? attr(child, 'id') : undefined;
    if (id !== undefined) attachId(item, id, ctx);
    items.push(item);
  }
  if (items.length === 0) return null;
  const style = hasClass(el, 'sources') ? 'sources' : 'list';
  if (tagName(el) === 'ul') return { ul: items, style };
  const start = Number(attr(el, 'start'));
  return Number.isInteger(start) && start !== 1 ? { ol: items, start, style } : { ol: items, style };
}

interface Entry {
  term: DomElement | null;
  values: DomElement[];
}

/** Pairs every <dt> with the <dd>s after it (HTML also allows <div> wrappers around pairs). */
function entries(nodes: readonly DomNode[], out: Entry[] = []): Entry[] {
  for (const node of nodes) {
    if (!isElement(node) || isHidden(node)) continue;
    const name = tagName(node);
    if (name === 'dt') out.push({ term: node, values: [] });
    else if (name === 'dd') {
      const last = out.at(-1);
      if (last === undefined) out.push({ term: null, values: [node] });
      else last.values.push(node);
    } else entries(node.children, out);
  }
  return out;
}

export function definitionList(el: DomElement, ctx: ConvertContext): ContentNode | null {
  const meta = hasClass(el, 'meta');
  const body: ContentNode[][] = [];
  for (const { term, values } of entries(el.children)) {
    const termText = term === null ? null : inlineText(term.children, ctx);
    const blocks = values.flatMap((v) => convertBlocks(v.children, ctx));
    if (termText === null && blocks.length === 0) continue;
    body.push([
      { text: termText ?? '', style: meta ? 'metaTerm' : 'dt' },
      blocks.length === 0 ? { text: '' } : single(blocks, meta ? 'metaValue' : 'dd'),
    ]);
  }
  if (body.length === 0) return null;
  return {
    table: { widths: ['auto', '*'], body, dontBreakRows: true },
    layout: 'bilat-grid',
    style: meta ? 'meta' : 'dl',
  };
}
