/** The Word document around the converted blocks: properties, page, running header and footer, TOC. */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  PageNumber,
  Paragraph,
  TabStopType,
  TableOfContents,
  TextRun,
  convertMillimetersToTwip,
} from 'docx';
import { theme } from '../theme.js';
import type { Block } from './blocks.js';
import { wordNumbering, wordStyles } from './styles.js';

export interface DocxMeta {
  title: string;
  subject: string;
  description: string;
  keywords: string[];
  creator: string;
  lang: string;
  /** ISO day; written as a custom property (core dates are fixed in deterministic.ts). */
  asOf: string;
  headerLeft: string;
  headerRight: string;
  footerNote: string;
  /** Running footer, right, with {page} and {pages} slots. @default 'Page {page} of {pages}' */
  pageLabel?: string;
  pageSize: 'A4' | 'LETTER';
  /** Start with a table-of-contents field (long briefs). */
  toc: boolean;
  /** Filled in by renderDocx: the TOC field's last result, shown until a reader updates the field. */
  headings?: { title: string; level: number }[];
}

/** "As of …<tab>Page 3 of 7": the catalog's page frame, its slots as Word's page fields. */
function pageRuns(note: string, frame: string): TextRun[] {
  const parts = frame.split(/(\{page\}|\{pages\})/);
  const runs = parts.map((p, i) => {
    if (p === '{page}') return new TextRun({ children: [PageNumber.CURRENT] });
    if (p === '{pages}') return new TextRun({ children: [PageNumber.TOTAL_PAGES] });
    return new TextRun({ text: i === 0 ? `${note}\t${p}` : p });
  });
  return runs.filter((_, i) => i === 0 || parts[i] !== '');
}

const pages = { A4: { width: 210, height: 297 }, LETTER: { width: 215.9, height: 279.4 } };

export function wordDocument(blocks: Block[], meta: DocxMeta): Document {
  const page = pages[meta.pageSize];
  const margin = convertMillimetersToTwip(theme.page.marginMm);
  // Right tab stop at the text edge puts the second half of header and footer flush right.
  const edge = convertMillimetersToTwip(page.width - 2 * theme.page.marginMm);
  const tabs = [{ type: TabStopType.RIGHT, position: edge }];
  const children = meta.toc
    ? [
        new Paragraph({ style: 'TOCHeading', children: [new TextRun({ text: 'Contents', bold: true })] }),
        new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-3', cachedEntries: meta.headings }),
        ...blocks,
      ]
    : blocks;
  return new Document({
    title: meta.title,
    subject: meta.subject,
    description: meta.description,
    keywords: meta.keywords.join(', '),
    creator: meta.creator,
    lastModifiedBy: meta.creator,
    revision: 1,
    customProperties: [
      { name: 'AsOf', value: meta.asOf },
      { name: 'Language', value: meta.lang },
    ],
    // Word refreshes the TOC field on open; without it the field shows its placeholder.
    features: meta.toc ? { updateFields: true } : undefined,
    styles: wordStyles(meta.lang),
    numbering: wordNumbering,
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(page.width), height: convertMillimetersToTwip(page.height) },
            margin: {
              top: margin,
              bottom: margin,
              left: margin,
              right: margin,
              header: convertMillimetersToTwip(theme.page.headerMm / 2 + 4),
              footer: convertMillimetersToTwip(theme.page.footerMm / 2),
            },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                style: 'Running',
                tabStops: tabs,
                children: [
                  new TextRun({ text: meta.headerLeft, bold: true, color: theme.color.accent.slice(1) }),
                  new TextRun({ text: `\t${meta.headerRight}` }),
                ],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                style: 'Running',
                tabStops: tabs,
                alignment: AlignmentType.LEFT,
                children: pageRuns(meta.footerNote, meta.pageLabel ?? 'Page {page} of {pages}'),
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}
