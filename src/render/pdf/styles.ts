/**
 * pdfmake styles, page geometry and named table layouts, all derived from the shared theme so
 * the PDF matches the HTML stylesheet. Table layouts are functions, so they are registered with
 * pdfmake by name and the document definition only says `layout: 'bilat-data'` (golden-safe).
 */
import { theme, type ThemeTokens } from '../theme.js';
import type { Margin, PageSizeName, StyleProps } from './types.js';

type LayoutNode = { table: { body: unknown[][]; headerRows?: number; widths: unknown[] } };
type LayoutFn<T> = (i: number, node: LayoutNode) => T;
export interface TableLayout {
  hLineWidth?: LayoutFn<number>;
  vLineWidth?: LayoutFn<number>;
  hLineColor?: LayoutFn<string>;
  vLineColor?: LayoutFn<string>;
  fillColor?: LayoutFn<string | null>;
  paddingLeft?: LayoutFn<number>;
  paddingRight?: LayoutFn<number>;
  paddingTop?: LayoutFn<number>;
  paddingBottom?: LayoutFn<number>;
}

export const mmToPt = (mm: number): number => Math.round((mm * 72 * 100) / 25.4) / 100;

export interface PdfStyles {
  pageMargins: Margin;
  defaultStyle: StyleProps;
  styles: Record<string, StyleProps>;
  tableLayouts: Record<string, TableLayout>;
}

/** Everything the PDF's look takes from a theme: the shipped one below, or one a theme.css changed. */
export function pdfStyles(t: ThemeTokens): PdfStyles {
  const { color, font } = t;
  const size = font.size;

  /** Body margins; the running header and footer sit in the `headerMm`/`footerMm` bands just outside them. */
  const pageMargins: Margin = [
    mmToPt(t.page.marginMm),
    mmToPt(t.page.marginMm + t.page.headerMm / 2),
    mmToPt(t.page.marginMm),
    mmToPt(t.page.marginMm + t.page.footerMm / 2),
  ];

  const defaultStyle: StyleProps = {
    font: font.family,
    fontSize: size.body,
    lineHeight: font.lineHeight,
    color: color.ink,
  };

  const styles: Record<string, StyleProps> = {
    kicker: { fontSize: size.tiny, bold: true, color: color.accent, characterSpacing: 1.2, margin: [0, 0, 0, 4] },
    h1: { fontSize: size.h1, bold: true, color: color.accent, lineHeight: 1.1, margin: [0, 0, 0, 4] },
    subtitle: { fontSize: 11, color: color.muted, lineHeight: 1.2, margin: [0, 0, 0, 8] },
    h2: { fontSize: size.h2, bold: true, color: color.accent, lineHeight: 1.15, margin: [0, 14, 0, 5] },
    h3: { fontSize: size.h3, bold: true, color: color.ink, lineHeight: 1.2, margin: [0, 9, 0, 3] },
    h4: { fontSize: size.body, bold: true, color: color.ink, margin: [0, 6, 0, 2] },
    p: { margin: [0, 0, 0, 6] },
    small: { fontSize: size.small },
    muted: { color: color.muted },
    li: { margin: [0, 0, 0, 2] },
    list: { margin: [0, 0, 0, 6], markerColor: color.accent },
    sources: { fontSize: size.small, lineHeight: 1.25, margin: [0, 0, 0, 6], markerColor: color.muted },
    // Same size as its <dd> so the two baselines of a row line up.
    dt: { bold: true },
    dd: {},
    dl: { margin: [0, 0, 0, 8] },
    meta: { margin: [0, 2, 0, 10] },
    metaTerm: { fontSize: size.small, color: color.muted },
    metaValue: { fontSize: size.small },
    tableCaption: { fontSize: size.small, bold: true, color: color.ink, margin: [0, 4, 0, 3] },
    table: { fontSize: size.small, lineHeight: 1.2, margin: [0, 0, 0, 10] },
    th: { bold: true, color: color.accent },
    rowHead: { bold: true },
    figure: { margin: [0, 4, 0, 10] },
    figcaption: { fontSize: size.small, color: color.muted, margin: [0, 3, 0, 0] },
    keyFigures: { margin: [0, 4, 0, 12] },
    figureValue: { fontSize: size.figure, bold: true, color: color.accent, lineHeight: 1.05 },
    figureUnit: { fontSize: size.small, color: color.accent },
    figureLabel: { fontSize: size.small, color: color.muted, lineHeight: 1.2, margin: [0, 3, 0, 0] },
    aside: { margin: [0, 2, 0, 10] },
    asideText: { fontSize: size.small + 0.5 },
    quote: { italics: true, color: color.muted, margin: [0, 2, 0, 10] },
    rule: { margin: [0, 4, 0, 8] },
    titleRule: { margin: [0, 2, 0, 12] },
    code: { background: color.tableStripe },
    flag: { color: color.warn, background: color.warnSoft, bold: true },
    running: { fontSize: size.tiny, color: color.muted },
  };

  const none = (): number => 0;
  /** A boxed, tinted single-cell table with a coloured bar on the left: asides and quotes. */
  const boxed = (bar: string, fill: string | null): TableLayout => ({
    hLineWidth: none,
    vLineWidth: (i) => (i === 0 ? 2.5 : 0),
    vLineColor: () => bar,
    fillColor: () => fill,
    paddingLeft: () => 9,
    paddingRight: () => 8,
    paddingTop: () => 6,
    paddingBottom: () => 4,
  });

  /** A horizontal rule drawn as the top border of an empty full-width table (canvas needs a known width). */
  function rule(width: number, lineColor: string): TableLayout {
    return {
      hLineWidth: (i) => (i === 0 ? width : 0),
      hLineColor: () => lineColor,
      vLineWidth: none,
      paddingLeft: none,
      paddingRight: none,
      paddingTop: none,
      paddingBottom: none,
    };
  }

  const tableLayouts: Record<string, TableLayout> = {
    'bilat-data': {
      // Strong rules above and below the header and at the end; hairlines between body rows.
      hLineWidth: (i, node) => {
        const header = node.table.headerRows ?? 0;
        if (i === 0 || i === node.table.body.length || (header > 0 && i === header)) return 0.8;
        return 0.25;
      },
      hLineColor: (i, node) => (i === 0 || i === node.table.body.length || i === node.table.headerRows ? color.accent : color.rule),
      vLineWidth: none,
      fillColor: (row, node) => {
        const header = node.table.headerRows ?? 0;
        if (row < header) return color.accentSoft;
        return (row - header) % 2 === 1 ? color.tableStripe : null;
      },
      paddingLeft: () => 5,
      paddingRight: () => 5,
      paddingTop: () => 2.5,
      paddingBottom: () => 2,
    },
    'bilat-grid': {
      hLineWidth: none,
      vLineWidth: none,
      paddingLeft: (i) => (i === 0 ? 0 : 10),
      paddingRight: () => 0,
      paddingTop: () => 1,
      paddingBottom: () => 1,
    },
    'bilat-key-figures': {
      // White vertical rules read as gutters between the tinted cards.
      hLineWidth: none,
      vLineWidth: (i, node) => (i === 0 || i === node.table.widths.length ? 0 : 6),
      vLineColor: () => '#ffffff',
      fillColor: () => color.accentSoft,
      paddingLeft: () => 8,
      paddingRight: () => 8,
      paddingTop: () => 7,
      paddingBottom: () => 7,
    },
    'bilat-note': boxed(color.accent, color.accentSoft),
    'bilat-data-quality': boxed(color.warn, color.warnSoft),
    'bilat-quote': boxed(color.rule, null),
    'bilat-rule': rule(0.5, color.rule),
    'bilat-title-rule': rule(1.5, color.accent),
    // A theme.css class with a background: the tint, no lines, the padding of the notes' boxes.
    'bilat-class-box': {
      hLineWidth: none,
      vLineWidth: none,
      paddingLeft: () => 8,
      paddingRight: () => 8,
      paddingTop: () => 6,
      paddingBottom: () => 4,
    },
  };
  return { pageMargins, defaultStyle, styles, tableLayouts };
}

const shipped = pdfStyles(theme);
export const { pageMargins, defaultStyle, styles } = shipped;
/** Registered with pdfmake by name (runtime.ts); a theme.css adds its own set under suffixed names. */
export const tableLayouts: Record<string, TableLayout> = shipped.tableLayouts;

const pageWidthPt: Record<PageSizeName, number> = { A4: 595.28, LETTER: 612 };

export function contentWidth(pageSize: PageSizeName): number {
  return pageWidthPt[pageSize] - pageMargins[0] - pageMargins[2];
}

/** Figures are sized before the page size is known; A4 is the narrower page, so it is the safe cap. */
export const maxFigureWidth = contentWidth('A4');
