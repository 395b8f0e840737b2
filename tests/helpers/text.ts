/**
 * Text out of the briefs, normalised so the HTML and the PDF of one brief can be compared:
 * HTML → visible text; PDF → pdftotext (poppler), with page furniture and list markers apart.
 */
import { execFileSync } from 'node:child_process';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** One space for any run of whitespace; a word split after a hyphen or dash at a line end is rejoined. */
export function normalizeSpace(s: string): string {
  return s
    .replace(/(\S[-\u2010\u2013])[ \t]*\n\s*/g, '$1')
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Phrasing elements: their tags join text without a space ("Aliyev<sup>[2]</sup>"). Not span:
 * the templates use spans as boxes (a key figure's value, unit and label are sibling spans).
 */
const INLINE = new Set(['a', 'abbr', 'b', 'cite', 'code', 'em', 'i', 'mark', 'q', 'small', 'strong', 'sub', 'sup', 'time', 'u']);

/**
 * Visible text of an HTML brief's <main>. An inline SVG chart gives the words of its <text>
 * elements (as a browser shows them, and as the PDF draws them); its <title> only with
 * `svgTitles`, which is what a screen reader announces.
 */
export function htmlText(html: string, opts: { svgTitles?: boolean } = {}): string {
  const start = html.indexOf('<main');
  const end = html.lastIndexOf('</main>');
  let s = start >= 0 && end > start ? html.slice(start, end) : html;
  s = s.replace(/<svg\b[\s\S]*?<\/svg>/gi, (svg) => {
    const words = [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/gi)].map((m) => m[1]).join(' ');
    const title = opts.svgTitles ? (/<title>([\s\S]*?)<\/title>/i.exec(svg)?.[1] ?? '') : '';
    return ` ${title} ${words} `;
  });
  s = s.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<(style|script)\b[\s\S]*?<\/\1>/gi, ' ');
  s = s.replace(/<\/?([a-z][a-z0-9-]*)\b[^>]*>/gi, (_m, tag: string) => (INLINE.has(tag.toLowerCase()) ? '' : ' '));
  return normalizeSpace(decodeEntities(s));
}

/** Raw pdftotext output (reading order, UTF-8); pages are separated by form feeds. */
export function pdfRawText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

export function pdfPages(file: string): string[] {
  const pages = pdfRawText(file).split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

export const PAGE_FOOTER = /Page (\d+) of (\d+)/;

/**
 * The body text of a PDF: without the running header and footer lines (they repeat on every
 * page and are checked on their own) and without ordered-list numbers ("1. "), which HTML
 * draws from CSS rather than text.
 */
export function pdfBodyText(file: string, furniture: readonly string[]): string {
  const lines = pdfRawText(file)
    .split(/\n|\f/)
    .filter((l) => !PAGE_FOOTER.test(l) && !furniture.includes(l.trim()))
    .map((l) => l.replace(/^\s*\d{1,2}\.\s+/, ''));
  return normalizeSpace(lines.join('\n'));
}

/** Figures as written: 3.7, 2,208, 58, 2021 (digits, with the separators en-GB uses). */
export function figuresIn(text: string): Set<string> {
  return new Set(text.match(/(?<![\p{L}\p{N}])\d+(?:[.,]\d+)*/gu) ?? []);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `needle` as a whole word or phrase: "58" is not found in "1958", "Baku" not in "Bakunin". */
export function containsPhrase(haystack: string, needle: string): boolean {
  const n = normalizeSpace(needle);
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(n)}(?![\\p{L}\\p{N}])`, 'u').test(haystack);
}

/** pdfinfo's fields (Title, Subject, Pages, Tagged, …), dates in ISO 8601. */
export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' });
  // "Key:   value" per line; values may contain colons (dates), keys never do.
  return Object.fromEntries(
    out.split('\n').flatMap((l) => (l.includes(':') ? [[l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]] : [])),
  );
}

export interface OutlineItem {
  title: string;
  page: number;
  kids: OutlineItem[];
}

/** The bookmarks, nested, with the page each one opens (qpdf's JSON view). */
export function pdfOutline(file: string): OutlineItem[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' })) as {
    outlines: { title: string; destpageposfrom1: number; kids: unknown[] }[];
  };
  type Raw = (typeof json.outlines)[number];
  const map = (xs: Raw[]): OutlineItem[] => xs.map((x) => ({ title: x.title, page: x.destpageposfrom1, kids: map(x.kids as Raw[]) }));
  return map(json.outlines);
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

/** pdffonts' table: every font the PDF uses and whether it is embedded. */
export function pdfFonts(file: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  // name, type (may hold spaces), encoding, emb, sub, uni, object id: parse from the right.
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    return { name: cols[0]!, type: cols.slice(1, -6).join(' '), embedded: cols.at(-5) === 'yes' };
  });
}

/** Height (pt) of the strips searched for the running header and footer; the body margin is ~65 pt. */
const BAND = 60;

/** Text in the top and bottom strip of each page: where the running header and footer sit. */
export function pdfBands(
  file: string,
  pageCount: number,
  size = { width: 595.28, height: 841.89 },
): { header: string[]; footer: string[] }[] {
  const crop = (page: number, y: number) =>
    execFileSync(
      'pdftotext',
      [
        '-enc',
        'UTF-8',
        '-f',
        String(page),
        '-l',
        String(page),
        '-x',
        '0',
        '-y',
        String(y),
        '-W',
        String(Math.ceil(size.width)),
        '-H',
        String(BAND),
        file,
        '-',
      ],
      { encoding: 'utf8' },
    )
      .split(/\n|\f/)
      .map((l) => l.trim())
      .filter(Boolean);
  return Array.from({ length: pageCount }, (_, i) => ({ header: crop(i + 1, 0), footer: crop(i + 1, Math.floor(size.height - BAND)) }));
}
