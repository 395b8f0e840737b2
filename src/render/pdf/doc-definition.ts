/**
 * The pdfmake document around the converted content: page, running header and footer,
 * metadata. Everything except the header and footer functions is plain JSON, for golden tests.
 */
import { createRequire } from 'node:module';
import { theme } from '../theme.js';
import { convertHtml } from './convert.js';
import { defaultStyle, mmToPt, pageMargins, styles } from './styles.js';
import type { ContentNode, DocDefinition, DynamicContent, PdfMeta } from './types.js';

const require = createRequire(import.meta.url);
let producer: string | undefined;
function producerName(): string {
  return (producer ??= `bilat (pdfmake ${(require('pdfmake/package.json') as { version: string }).version})`);
}

export function buildDocDefinition(html: string, meta: PdfMeta): DocDefinition {
  return docDefinitionFrom(convertHtml(html).content, meta);
}

export function docDefinitionFrom(content: ContentNode[], meta: PdfMeta): DocDefinition {
  return {
    pageSize: meta.pageSize ?? 'A4',
    pageMargins,
    version: '1.4',
    compress: true,
    language: meta.lang,
    displayTitle: true,
    info: {
      title: meta.title,
      author: meta.author,
      subject: meta.subject,
      keywords: meta.keywords.join(', '),
      creator: 'bilat',
      producer: producerName(),
      // Both dates come from the data, never the clock: same input, same bytes (and /ID).
      creationDate: meta.asOf,
      modDate: meta.asOf,
    },
    // A house font stack replaces the main family; without one the definition is as it always was.
    defaultStyle: meta.fonts?.[0] === undefined ? defaultStyle : { ...defaultStyle, font: meta.fonts[0].name },
    styles,
    content,
    header: runningHeader(meta),
    footer: runningFooter(meta),
  };
}

const [left, , right] = pageMargins;
/** Header text sits in the band above the body, its rule just above the body's top margin. */
const headerTop = mmToPt(theme.page.marginMm - theme.page.headerMm / 2);
const footerTop = mmToPt(theme.page.footerMm / 2);

function hairline(width: number): ContentNode {
  return { canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.5, lineColor: theme.color.rule }] };
}

function runningHeader(meta: PdfMeta): DynamicContent {
  return (_page, _pages, pageSize) => ({
    stack: [
      {
        columns: [
          { text: meta.headerLeft, bold: true, color: theme.color.accent },
          { text: meta.headerRight, alignment: 'right', characterSpacing: 0.6 },
        ],
      },
      { ...hairline(pageSize.width - left - right), margin: [0, 3, 0, 0] },
    ],
    margin: [left, headerTop, right, 0],
    style: 'running',
  });
}

function runningFooter(meta: PdfMeta): DynamicContent {
  return (page, pages, pageSize) => ({
    stack: [
      hairline(pageSize.width - left - right),
      {
        columns: [{ text: meta.footerNote }, { text: (meta.pageLabel ?? 'Page {page} of {pages}').replace('{page}', String(page)).replace('{pages}', String(pages)), alignment: 'right' }],
        margin: [0, 3, 0, 0],
      },
    ],
    margin: [left, footerTop, right, 0],
    style: 'running',
  });
}
