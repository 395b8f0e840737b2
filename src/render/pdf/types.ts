/**
 * The slice of pdfmake 0.3's document model that bilat produces. pdfmake ships no types for 0.3
 * (@types/pdfmake describes 0.2), so we describe only what we emit: that keeps golden snapshots
 * and the converter honest about which properties exist.
 */

export type StyleRef = string | string[];
/** [left, top, right, bottom] in pt. */
export type Margin = [number, number, number, number];

/** Style properties shared by style definitions, inline runs and block nodes. */
export interface StyleProps {
  font?: string;
  fontSize?: number;
  lineHeight?: number;
  bold?: boolean;
  italics?: boolean;
  color?: string;
  background?: string;
  characterSpacing?: number;
  alignment?: 'left' | 'right' | 'center' | 'justify';
  margin?: Margin;
  sup?: boolean;
  sub?: boolean;
  decoration?: 'underline' | 'lineThrough' | 'overline';
  markerColor?: string;
  fillColor?: string;
  preserveLeadingSpaces?: boolean;
}

export interface TableSpec {
  body: ContentNode[][];
  widths: (number | '*' | 'auto')[];
  headerRows?: number;
  keepWithHeaderRows?: number;
  dontBreakRows?: boolean;
}

export interface CanvasLine {
  type: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  lineWidth: number;
  lineColor: string;
}

/** One pdfmake node. Inline runs are the same shape with `text` a string. */
export interface ContentNode extends StyleProps {
  text?: string | ContentNode[];
  stack?: Content[];
  columns?: Content[];
  columnGap?: number;
  ul?: Content[];
  ol?: Content[];
  start?: number;
  table?: TableSpec;
  /** Name of a layout registered with pdfmake (functions must stay out of the definition). */
  layout?: string;
  svg?: string;
  image?: string;
  height?: number;
  canvas?: CanvasLine[];
  width?: number | '*' | 'auto';
  maxWidth?: number;
  style?: StyleRef;
  id?: string;
  link?: string;
  linkToDestination?: string;
  headlineLevel?: number;
  outline?: boolean;
  outlineText?: string;
  outlineParentId?: string;
  pageBreak?: 'before' | 'after';
  unbreakable?: boolean;
  colSpan?: number;
  rowSpan?: number;
}

export type Content = string | ContentNode | Content[];

export type PageSizeName = 'A4' | 'LETTER';

/** What a PDF claims to conform to (README: Accessible and archival PDF). */
export type PdfStandard = 'ua1-a2' | 'none';

/** What the caller knows about the brief that is not in its HTML. */
export interface PdfMeta {
  title: string;
  subject: string;
  author: string;
  keywords: readonly string[];
  /** BCP 47 tag, e.g. 'en-GB'. */
  lang: string;
  /** The brief's as-of date; also the PDF's creation and modification date (reproducible output). */
  asOf: Date;
  /** Running header, left: the pair, e.g. "Azerbaijan – Kyrgyzstan". */
  headerLeft: string;
  /** Running header, right: audience and classification, e.g. "ANALYST BRIEF · INTERNAL". */
  headerRight: string;
  /** Running footer, left, e.g. "As of 22 November 2026". */
  footerNote: string;
  /** Running footer, right, with {page} and {pages} slots. @default 'Page {page} of {pages}' */
  pageLabel?: string;
  /** @default 'A4' */
  pageSize?: PageSizeName;
  /**
   * Tagged PDF/UA-1 and PDF/A-2a (a structure tree, metadata claims, sRGB output intent), or
   * 'none' for the untagged PDF 1.4 bilat wrote before. @default 'ua1-a2'
   */
  pdfStandard?: PdfStandard;
  /** The template's house font stack (audience.yaml `fonts:`), set before Roboto and its fallbacks. */
  fonts?: readonly import('./house-fonts.js').HouseFont[];
  /** The audience's logo as a data: URI (audience.yaml `logo:`), drawn at the left of the running head. */
  logo?: string;
  /** A theme.css of the template folder or audience; absent for the shipped look. */
  theme?: PdfTheme;
}

/** A class's style from theme.css; `fill` paints the block behind it (a box), or the text's background inline. */
export type ClassStyle = Pick<
  StyleProps,
  'color' | 'fontSize' | 'bold' | 'italics' | 'alignment' | 'lineHeight' | 'characterSpacing' | 'decoration' | 'margin'
> & { fill?: string };

/** The theme a user's theme.css makes: the tokens with its values, and its class styles. */
export interface PdfTheme {
  /** Stable for the same file contents (names its table layouts). */
  id: string;
  tokens: import('../theme.js').ThemeTokens;
  classes: ReadonlyMap<string, ClassStyle>;
}

export type DynamicContent = (currentPage: number, pageCount: number, pageSize: { width: number; height: number }) => Content;

export interface DocDefinition {
  pageSize: PageSizeName;
  pageMargins: Margin;
  version: '1.4' | '1.7';
  /** Tagged PDF: a structure tree and marked content (patches/tagging.ts). */
  tagged?: boolean;
  /** pdfkit's conformance option: PDF/A identification, output intent (PDF/UA's is added by the tagging patch). */
  subset?: 'PDF/A-2a';
  compress: boolean;
  language: string;
  displayTitle: boolean;
  info: {
    title: string;
    author: string;
    subject: string;
    keywords: string;
    creator: string;
    producer: string;
    creationDate: Date;
    modDate: Date;
  };
  defaultStyle: StyleProps;
  styles: Record<string, StyleProps>;
  content: Content[];
  /** Embedded raster images by name (data: URIs), when the brief has any. */
  images?: Record<string, string>;
  header: DynamicContent;
  footer: DynamicContent;
}
