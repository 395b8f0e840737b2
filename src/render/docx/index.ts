/**
 * Word output: the same semantic HTML as the HTML and PDF briefs, walked into Word structure
 * (real heading, list and table styles) and packed deterministically.
 */
import { Packer } from 'docx';
import { parseHtml } from '../pdf/dom.js';
import { convertBlocks } from './blocks.js';
import { normalisePackage } from './deterministic.js';
import { MAX_WIDTH_PX } from './picture.js';
import { wordDocument, type DocxMeta } from './document.js';

export type { DocxMeta } from './document.js';

export async function renderDocx(html: string, meta: DocxMeta): Promise<Uint8Array> {
  const ctx = { listInstance: 0, headings: [], maxWidthPx: MAX_WIDTH_PX };
  const blocks = convertBlocks(parseHtml(html), ctx);
  const packed = await Packer.toBuffer(wordDocument(blocks, { ...meta, headings: ctx.headings }));
  return normalisePackage(packed, meta.asOf, meta.lang);
}
