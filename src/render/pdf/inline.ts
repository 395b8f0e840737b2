/**
 * Inline HTML → a flat list of pdfmake text runs, with HTML whitespace collapsing.
 * Runs are flattened (no nested `text` arrays) so golden snapshots stay readable.
 */
import { themedClasses, type ConvertContext } from './context.js';
import { attr, collapse, hasClass, isElement, isHidden, tagName, type DomNode } from './dom.js';
import { styles } from './styles.js';
import { addWordBreaks } from './word-breaks.js';
import type { ContentNode } from './types.js';

export type RunStyle = Omit<ContentNode, 'text'>;

const mediaTags = new Set(['img', 'svg', 'math', 'video', 'audio', 'iframe', 'object', 'canvas', 'picture']);
const externalLink = /^(https?:|mailto:)/i;

type Run = RunStyle & { text: string };

const PDI = '\u2069';
/** Marks we add for layout (isolates for the bidi pass, zero-width breaks): never drawn, so no glyph to check. */
const LAYOUT_MARKS = /[\u200B\u2066-\u2069]/g;

/** FSI for <bdi> and dir="auto", LRI/RLI for an explicit dir; nothing for other elements. */
function isolateMark(name: string, dir: string | undefined): string | undefined {
  const d = dir?.toLowerCase();
  if (d === 'rtl') return '\u2067';
  if (d === 'ltr') return '\u2066';
  if (d === 'auto' || name === 'bdi') return '\u2068';
  return undefined;
}

export class InlineBuilder {
  private runs: Run[] = [];
  /**
   * Collapsed whitespace waiting for more visible text, with the style of the text node it
   * came from (as in HTML: the space between `<sup>[1]</sup> <a>` is neither raised nor a link).
   */
  private space: RunStyle | null = null;
  private lineStart = true;

  add(raw: string, style: RunStyle): void {
    // Intl formats some locales' thousands with U+202F, which Roboto lacks; U+00A0 looks the same.
    const s = addWordBreaks(collapse(raw).replace(/\u202F/g, '\u00A0'));
    if (s === '') return;
    const body = s.trim();
    if (body === '') {
      if (!this.lineStart) this.space ??= style;
      return;
    }
    if (s.startsWith(' ')) this.space ??= style;
    if (this.space !== null && !this.lineStart) this.push(' ', this.space);
    this.push(body, style);
    this.lineStart = false;
    this.space = s.endsWith(' ') ? style : null;
  }

  /**
   * A zero-width no-break space (U+FEFF, in Roboto, a word joiner for line breaking) when the
   * next run touches the text before it: pdfmake then keeps both on one line, so a footnote
   * marker after "realised." never wraps alone onto the next line.
   */
  glue(style: RunStyle): void {
    if (!this.lineStart && this.space === null) this.push('\uFEFF', style);
  }

  lineBreak(style: RunStyle): void {
    this.push('\n', style);
    this.lineStart = true;
    this.space = null;
  }

  private push(text: string, style: RunStyle): void {
    const last = this.runs[this.runs.length - 1];
    if (last !== undefined && sameStyle(last, style)) last.text += text;
    else this.runs.push({ text, ...style });
  }

  /** The finished runs: a plain string when unstyled, null when there is no visible text. */
  finish(ctx: ConvertContext): string | ContentNode[] | null {
    // A trailing <br> adds no line in HTML.
    for (let last = this.runs.at(-1); last?.text.endsWith('\n'); last = this.runs.at(-1)) {
      last.text = trimNewlinesEnd(last.text);
      if (last.text === '') this.runs.pop();
    }
    const runs = this.runs.filter((r) => r.text !== '');
    if (runs.length === 0) return null;
    for (const r of runs) if (r.linkToDestination !== undefined) ctx.internalLinks.push(r);
    const text = runs.map((r) => r.text).join('');
    ctx.texts.push({ text: /[\u200B\u2066-\u2069]/.test(text) ? text.replace(LAYOUT_MARKS, '') : text, where: ctx.where });
    if (runs.every((r) => Object.keys(r).length === 1)) return text;
    return runs;
  }
}

function sameStyle(run: Run, style: RunStyle): boolean {
  const a = Object.keys(run).filter((k) => k !== 'text');
  const b = Object.keys(style) as (keyof RunStyle)[];
  return a.length === b.length && b.every((k) => run[k] === style[k]);
}

export function collectInline(nodes: readonly DomNode[], b: InlineBuilder, style: RunStyle, ctx: ConvertContext): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      b.add(node.data ?? '', style);
      continue;
    }
    if (!isElement(node) || isHidden(node)) continue;
    const name = tagName(node);
    if (name === 'br') b.lineBreak(style);
    else if (mediaTags.has(name)) continue;
    else {
      // <bdi> and dir="…" isolate their text for the bidi pass, as in the browser.
      const isolate = isolateMark(name, attr(node, 'dir'));
      const inner = inlineStyle(node, name, style, ctx);
      if (name === 'sup' && hasClass(node, 'fn')) b.glue(inner);
      if (isolate !== undefined) b.add(isolate, inner);
      collectInline(node.children, b, inner, ctx);
      if (isolate !== undefined) b.add(PDI, inner);
    }
  }
}

function inlineStyle(el: Parameters<typeof tagName>[0], name: string, style: RunStyle, ctx: ConvertContext): RunStyle {
  const theme = ctx.theme;
  let next: RunStyle = style;
  switch (name) {
    case 'strong':
    case 'b':
      next = { ...style, bold: true };
      break;
    case 'em':
    case 'i':
    case 'cite':
    case 'dfn':
      next = { ...style, italics: true };
      break;
    case 'sup':
      next = { ...style, sup: true, ...(hasClass(el, 'fn') ? { color: theme.color.accent } : {}) };
      break;
    case 'sub':
      next = { ...style, sub: true };
      break;
    case 'u':
    case 'ins':
      next = { ...style, decoration: 'underline' };
      break;
    case 's':
    case 'del':
    case 'strike':
      next = { ...style, decoration: 'lineThrough' };
      break;
    case 'small':
      next = { ...style, fontSize: theme.font.size.small };
      break;
    case 'code':
    case 'kbd':
    case 'samp':
      next = { ...style, background: styles.code?.background };
      break;
    case 'mark':
      next = hasClass(el, 'flag')
        ? { ...style, color: theme.color.warn, background: theme.color.warnSoft, bold: true }
        : { ...style, background: theme.color.warnSoft };
      break;
    case 'a':
      next = linkStyle(attr(el, 'href'), style, theme.color.accent);
      break;
  }
  if (hasClass(el, 'small')) next = { ...next, fontSize: theme.font.size.small };
  if (hasClass(el, 'muted')) next = { ...next, color: theme.color.muted };
  // Classes theme.css styles: what a line of text can carry (margins and boxes belong to blocks).
  for (const cls of themedClasses(ctx, attr(el, 'class'))) {
    const { fill, margin: _margin, alignment: _alignment, ...text } = ctx.classes.get(cls)!;
    next = { ...next, ...text, ...(fill !== undefined ? { background: fill } : {}) };
  }
  return next;
}

function linkStyle(href: string | undefined, style: RunStyle, accent: string): RunStyle {
  if (href === undefined) return style;
  if (href.startsWith('#') && href.length > 1) return { ...style, linkToDestination: decodeId(href.slice(1)) };
  if (externalLink.test(href)) return { ...style, link: href, color: style.color ?? accent };
  return style;
}

/** Converts inline content to a text value, or null if it renders nothing. */
export function inlineText(nodes: readonly DomNode[], ctx: ConvertContext, style: RunStyle = {}): string | ContentNode[] | null {
  const b = new InlineBuilder();
  collectInline(nodes, b, style, ctx);
  return b.finish(ctx);
}

function decodeId(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment; // a stray '%' is not worth failing a brief over
  }
}

/** Drop trailing line breaks; a loop, where /\n+$/ would be quadratic on a long run of them. */
function trimNewlinesEnd(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return text.slice(0, end);
}
