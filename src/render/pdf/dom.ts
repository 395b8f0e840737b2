/**
 * A minimal view of htmlparser2's DOM. We read a handful of fields, so we describe them here
 * instead of depending on domhandler's types (a transitive dependency we do not declare).
 */
import { parseDocument } from 'htmlparser2';

export interface DomNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  data?: string;
}
export interface DomElement extends DomNode {
  name: string;
  attribs: Record<string, string>;
  children: DomNode[];
}

export function parseHtml(html: string): DomNode[] {
  // Attribute names keep their case so inline SVG survives (viewBox, gradientUnits);
  // `attr()` looks HTML attributes up case-insensitively instead.
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseAttributeNames: false });
  return doc.children as unknown as DomNode[];
}

export function isElement(node: DomNode): node is DomElement {
  // htmlparser2 gives <script> and <style> their own node types; both count as elements here.
  return (node.type === 'tag' || node.type === 'script' || node.type === 'style') && node.name !== undefined;
}

export function tagName(el: DomElement): string {
  return el.name.toLowerCase();
}

export function attr(el: DomElement, name: string): string | undefined {
  const direct = el.attribs[name];
  if (direct !== undefined) return direct;
  for (const [key, value] of Object.entries(el.attribs)) if (key.toLowerCase() === name) return value;
  return undefined;
}

export function hasClass(el: DomElement, cls: string): boolean {
  const value = attr(el, 'class');
  return value !== undefined && value.split(/\s+/).includes(cls);
}

const neverRendered = new Set(['script', 'style', 'template', 'noscript', 'head', 'title', 'meta', 'link']);

/** Elements the PDF skips entirely, text included. */
export function isHidden(el: DomElement): boolean {
  return neverRendered.has(tagName(el)) || hasClass(el, 'pdf-hide') || hasClass(el, 'html-only') || attr(el, 'hidden') !== undefined;
}

export function elementChildren(el: DomElement): DomElement[] {
  return el.children.filter(isElement);
}

/** Text content with whitespace collapsed, skipping hidden descendants. */
export function textContent(node: DomNode): string {
  let out = '';
  const walk = (n: DomNode): void => {
    if (n.type === 'text') out += n.data ?? '';
    else if (isElement(n) && !isHidden(n)) n.children.forEach(walk);
  };
  walk(node);
  return collapse(out).trim();
}

/** HTML whitespace only; U+00A0 and friends are content and stay. */
export function collapse(s: string): string {
  return s.replace(/[ \t\n\f\r]+/g, ' ');
}

const xmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeXml = (s: string): string => s.replace(/[&<>"]/g, (c) => xmlEscapes[c] ?? c);

/**
 * Re-serialises an inline <svg> as XML for pdfmake. Slicing the source would pass HTML-only
 * entities (&nbsp;, &ndash;) and HTML quirks to an XML parser; the decoded DOM is always valid.
 */
export function serializeSvg(el: DomElement): string {
  const attrs = Object.entries(el.attribs)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  const inner = el.children.map((c) => (isElement(c) ? serializeSvg(c) : c.type === 'text' ? escapeXml(c.data ?? '') : '')).join('');
  return inner === '' ? `<${el.name}${attrs}/>` : `<${el.name}${attrs}>${inner}</${el.name}>`;
}
