/** Inline HTML (text, strong, em, sup, links, br) → docx runs, carrying the formatting down. */
import { ExternalHyperlink, InternalHyperlink, TextRun, type ParagraphChild } from 'docx';
import { attr, collapse, isElement, isHidden, tagName, type DomNode } from '../pdf/dom.js';
import { theme } from '../theme.js';

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  superScript?: boolean;
  subScript?: boolean;
  /** Half-points, as Word counts font sizes. */
  size?: number;
  color?: string;
  highlight?: boolean;
}

/** Word bookmark names allow letters, digits and underscores only, starting with a letter. */
export function bookmarkName(id: string): string {
  return `b_${id.replace(/[^A-Za-z0-9_]/g, '_')}`.slice(0, 40);
}

const hex = (c: string) => c.replace('#', '');

function run(text: string, s: RunStyle): TextRun {
  return new TextRun({
    text,
    bold: s.bold,
    italics: s.italics,
    superScript: s.superScript,
    subScript: s.subScript,
    size: s.size,
    color: s.color,
    shading: s.highlight ? { fill: hex(theme.color.warnSoft), type: 'clear', color: 'auto' } : undefined,
  });
}

/** Classes the templates use for secondary text; Word gets the same size and colour. */
export function classStyle(cls: string | undefined, base: RunStyle): RunStyle {
  const names = (cls ?? '').split(/\s+/);
  const out = { ...base };
  if (names.includes('small')) out.size = theme.font.size.small * 2;
  if (names.includes('muted')) out.color = hex(theme.color.muted);
  if (names.includes('flag')) Object.assign(out, { highlight: true, color: hex(theme.color.warn), bold: true });
  return out;
}

/**
 * Runs for a list of inline nodes. Whitespace is collapsed as a browser would; leading and
 * trailing space of the whole paragraph is trimmed by the caller via `trimRuns`.
 */
export function inlineRuns(nodes: readonly DomNode[], style: RunStyle = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const n of nodes) {
    if (n.type === 'text') {
      const t = collapse(n.data ?? '');
      if (t !== '') out.push(run(t, style));
      continue;
    }
    if (!isElement(n) || isHidden(n)) continue;
    const name = tagName(n);
    if (name === 'br') {
      out.push(new TextRun({ break: 1 }));
      continue;
    }
    if (name === 'svg' || name === 'img') continue;
    let s = classStyle(attr(n, 'class'), style);
    if (name === 'strong' || name === 'b' || name === 'th') s = { ...s, bold: true };
    if (name === 'em' || name === 'i' || name === 'cite') s = { ...s, italics: true };
    if (name === 'sup') s = { ...s, superScript: true };
    if (name === 'sub') s = { ...s, subScript: true };
    if (name === 'mark') s = { ...s, highlight: true };
    if (name === 'a') {
      const href = attr(n, 'href') ?? '';
      const children = inlineRuns(n.children, { ...s, color: hex(theme.color.accent) }) as TextRun[];
      if (children.length === 0) continue;
      // Source markers link to the numbered source list, as in the HTML and the PDF.
      if (href.startsWith('#') && href.length > 1) out.push(new InternalHyperlink({ anchor: bookmarkName(href.slice(1)), children }));
      else if (/^(https?|mailto):/i.test(href)) out.push(new ExternalHyperlink({ link: href, children }));
      else out.push(...children);
      continue;
    }
    out.push(...inlineRuns(n.children, s));
  }
  return out;
}

/** Plain text of inline nodes, for emptiness checks. */
export function hasText(nodes: readonly DomNode[]): boolean {
  return nodes.some((n) =>
    n.type === 'text' ? /\S/.test(n.data ?? '') : isElement(n) && !isHidden(n) && (tagName(n) === 'img' || hasText(n.children)),
  );
}
