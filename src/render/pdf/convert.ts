/** HTML → pdfmake content: parse once, convert, then fix up cross-references. */
import { convertBlocks } from './blocks.js';
import { createContext, resolveInternalLinks, type GlyphSource } from './context.js';
import { parseHtml } from './dom.js';
import { maxFigureWidth } from './styles.js';
import type { ContentNode, PdfTheme } from './types.js';

export interface Conversion {
  content: ContentNode[];
  /** Every rendered string with its section, for the glyph check. */
  texts: GlyphSource[];
}

export function convertHtml(html: string, theme?: PdfTheme): Conversion {
  const ctx = theme === undefined ? createContext(maxFigureWidth) : createContext(maxFigureWidth, theme.tokens, theme.classes);
  const content = convertBlocks(parseHtml(html), ctx);
  resolveInternalLinks(ctx);
  // A break before the very first block would leave page 1 empty.
  const first = content[0];
  if (first?.pageBreak === 'before') delete first.pageBreak;
  return { content, texts: ctx.texts };
}
