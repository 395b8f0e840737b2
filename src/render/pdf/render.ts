/** HTML + meta → PDF bytes: convert, check glyphs, lay out, serialise. */
import { BilatError } from '../../errors.js';
import { convertHtml } from './convert.js';
import { docDefinitionFrom } from './doc-definition.js';
import { checkGlyphs } from './glyphs.js';
import { loadPdfmake, useHouseFonts } from './runtime.js';
import type { DocDefinition, PdfMeta } from './types.js';

export async function renderPdf(html: string, meta: PdfMeta): Promise<Buffer> {
  if (meta.fonts !== undefined && meta.fonts.length > 0) useHouseFonts(meta.fonts);
  const { content, texts } = convertHtml(html, meta.theme);
  checkGlyphs([
    ...texts,
    { text: meta.headerLeft, where: 'running header' },
    { text: meta.headerRight, where: 'running header' },
    { text: meta.footerNote, where: 'running footer' },
  ]);
  return layOut(docDefinitionFrom(content, meta));
}

/**
 * Renders a definition from `buildDocDefinition`. pdfmake writes layout state into the
 * nodes it is given, so the content is copied first and the definition stays reusable.
 */
export async function renderDocDefinition(doc: DocDefinition): Promise<Buffer> {
  return layOut({ ...doc, content: structuredClone(doc.content) });
}

async function layOut(doc: DocDefinition): Promise<Buffer> {
  const pdfmake = loadPdfmake();
  try {
    return await pdfmake.createPdf(doc).getBuffer();
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new BilatError('E_RENDER', `PDF layout failed: ${reason}`, { cause });
  }
}
