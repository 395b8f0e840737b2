/**
 * The pdfmake document around the converted content: page, running header and footer,
 * metadata. Everything except the header and footer functions is plain JSON, for golden tests.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { theme, type ThemeTokens } from '../theme.js';
import { createContext } from './context.js';
import { convertHtml } from './convert.js';
import { imageNode } from './images.js';
import { defaultStyle, mmToPt, pageMargins, pdfStyles, styles, tableLayouts } from './styles.js';
import type { ContentNode, DocDefinition, DynamicContent, Margin, PdfMeta, PdfTheme, StyleProps } from './types.js';

const require = createRequire(import.meta.url);
let producer: string | undefined;
function producerName(): string {
  return (producer ??= `bilat (pdfmake ${(require('pdfmake/package.json') as { version: string }).version})`);
}

export function buildDocDefinition(html: string, meta: PdfMeta): DocDefinition {
  return docDefinitionFrom(convertHtml(html).content, meta);
}

export function docDefinitionFrom(content: ContentNode[], meta: PdfMeta): DocDefinition {
  const standard = (meta.pdfStandard ?? 'ua1-a2') !== 'none';
  const images = hoistImages(content, meta.logo);
  const look = meta.theme === undefined ? SHIPPED : themedLook(meta.theme, content);
  const { defaultStyle, styles, pageMargins } = look;
  return {
    pageSize: meta.pageSize ?? 'A4',
    pageMargins,
    // PDF/UA-1 is built on PDF 1.7; without a standard the document is what it always was.
    version: standard ? '1.7' : '1.4',
    ...(standard ? { tagged: true, subset: 'PDF/A-2a' as const } : {}),
    compress: true,
    // PDF/UA needs a document language; a brief without one is read as English.
    language: meta.lang || 'en',
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
    ...(images.size > 0 ? { images: Object.fromEntries(images) } : {}),
    header: runningHeader(meta, images, look),
    footer: runningFooter(meta, look),
  };
}

interface Look {
  tokens: ThemeTokens;
  defaultStyle: StyleProps;
  styles: Record<string, StyleProps>;
  pageMargins: Margin;
}
const SHIPPED: Look = { tokens: theme, defaultStyle, styles, pageMargins };
const looks = new Map<string, Look & { layouts: Record<string, string> }>();

/**
 * A theme.css's look: styles from its tokens plus one named style per class (`.name`), and
 * its own table layouts, registered once under `<name>@<theme id>` (pdfmake knows layouts by
 * name) and named so in this document's content.
 */
function themedLook(t: PdfTheme, content: ContentNode[]): Look {
  let look = looks.get(t.id);
  if (look === undefined) {
    const built = pdfStyles(t.tokens);
    const layouts: Record<string, string> = {};
    for (const [name, layout] of Object.entries(built.tableLayouts)) {
      layouts[name] = `${name}@${t.id}`;
      tableLayouts[layouts[name]] = layout;
    }
    const classStyles: Record<string, StyleProps> = {};
    for (const [cls, { fill: _fill, ...style }] of t.classes) classStyles[`.${cls}`] = style;
    look = {
      tokens: t.tokens,
      defaultStyle: built.defaultStyle,
      styles: { ...built.styles, ...classStyles },
      pageMargins: built.pageMargins,
      layouts,
    };
    if (looks.size > 50) looks.clear();
    looks.set(t.id, look);
  }
  const names = look.layouts;
  const walk = (c: unknown): void => {
    if (Array.isArray(c)) c.forEach(walk);
    else if (c && typeof c === 'object') {
      const node = c as ContentNode;
      if (node.layout !== undefined && Object.hasOwn(names, node.layout)) node.layout = names[node.layout];
      for (const v of [node.stack, node.columns, node.ul, node.ol, node.table?.body, node.text])
        if (v !== undefined && typeof v !== 'string') walk(v);
    }
  };
  walk(content);
  return look;
}

function hairline(width: number, look: Look): ContentNode {
  return { canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.5, lineColor: look.tokens.color.rule }] };
}

/** The logo in the running head: as tall as its line of text. */
function headerLogo(src: string | undefined, images: ReadonlyMap<string, string>): ContentNode | undefined {
  if (src === undefined) return undefined;
  const img = imageNode({ type: 'tag', name: 'img', attribs: { src }, children: [] }, createContext(200), theme.font.size.tiny * 1.6);
  if (img === null) return undefined;
  if (img.image !== undefined) img.image = imageName(img.image, images);
  return { ...img, margin: [0, -2, 0, 0] };
}

/**
 * Raster images by name in the definition's `images`, so one drawn on every page (the logo
 * in the running head) or twice is embedded once. Definitions without images are unchanged.
 */
function hoistImages(content: ContentNode[], logo: string | undefined): Map<string, string> {
  const images = new Map<string, string>();
  const add = (uri: string): string => {
    const name = `bilat-img-${createHash('sha256').update(uri).digest('hex').slice(0, 16)}`;
    images.set(name, uri);
    return name;
  };
  const walk = (c: unknown): void => {
    if (Array.isArray(c)) c.forEach(walk);
    else if (c && typeof c === 'object') {
      const node = c as ContentNode;
      if (typeof node.image === 'string' && node.image.startsWith('data:')) node.image = add(node.image);
      for (const v of [node.stack, node.columns, node.ul, node.ol, node.table?.body, node.text])
        if (v !== undefined && typeof v !== 'string') walk(v);
    }
  };
  walk(content);
  if (logo !== undefined && logo.startsWith('data:image/') && !logo.startsWith('data:image/svg')) add(logo);
  return images;
}

function imageName(uri: string, images: ReadonlyMap<string, string>): string {
  for (const [name, value] of images) if (value === uri) return name;
  return uri;
}

function runningHeader(meta: PdfMeta, images: ReadonlyMap<string, string>, look: Look): DynamicContent {
  const logo = headerLogo(meta.logo, images);
  const t = look.tokens;
  const [left, , right] = look.pageMargins;
  /** Header text sits in the band above the body, its rule just above the body's top margin. */
  const headerTop = mmToPt(t.page.marginMm - t.page.headerMm / 2);
  return (_page, _pages, pageSize) => ({
    stack: [
      {
        columns: [
          ...(logo ? [{ ...logo }] : []),
          { text: meta.headerLeft, bold: true, color: t.color.accent },
          { text: meta.headerRight, alignment: 'right', characterSpacing: 0.6 },
        ],
        ...(logo ? { columnGap: 6 } : {}),
      },
      { ...hairline(pageSize.width - left - right, look), margin: [0, 3, 0, 0] },
    ],
    margin: [left, headerTop, right, 0],
    style: 'running',
  });
}

function runningFooter(meta: PdfMeta, look: Look): DynamicContent {
  const [left, , right] = look.pageMargins;
  const footerTop = mmToPt(look.tokens.page.footerMm / 2);
  return (page, pages, pageSize) => ({
    stack: [
      hairline(pageSize.width - left - right, look),
      {
        columns: [
          { text: meta.footerNote },
          {
            text: (meta.pageLabel ?? 'Page {page} of {pages}').replace('{page}', String(page)).replace('{pages}', String(pages)),
            alignment: 'right',
          },
        ],
        margin: [0, 3, 0, 0],
      },
    ],
    margin: [left, footerTop, right, 0],
    style: 'running',
  });
}
