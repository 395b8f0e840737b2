/**
 * Glyph coverage: a character the embedded font lacks would print as an empty box, silently.
 * We check all text before rendering and fail with the characters and where they occur.
 */
import { BilatError } from '../../errors.js';
import type { GlyphSource } from './context.js';
import { parseFont } from './font-cache.js';
import { FONT_FAMILY, fontBuffer, fontFaces, requireFontkit } from './fonts.js';

export type { GlyphSource } from './context.js';

export interface GlyphOccurrence {
  /** The text around the character, whitespace collapsed, at most ~50 characters. */
  snippet: string;
  where?: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface MissingGlyph {
  char: string;
  /** `U+10E5` */
  codePoint: string;
  occurrences: GlyphOccurrence[];
}

const MAX_OCCURRENCES = 5;
const SNIPPET_RADIUS = 20;

let coverage: Set<number> | undefined;

/** Code points every face of the PDF font can draw (bold and italic runs must not fail either). */
export function glyphCoverage(): ReadonlySet<number> {
  if (coverage === undefined) {
    const fontkit = requireFontkit();
    // Parsed through the shared cache, so pdfkit reuses these fonts instead of parsing them again.
    const sets = fontFaces.map((face) => parseFont(fontkit, fontBuffer(face)).characterSet);
    const [first = [], ...rest] = sets;
    const others = rest.map((s) => new Set(s));
    coverage = new Set(first.filter((cp) => others.every((s) => s.has(cp))));
  }
  return coverage;
}

/** Layout controls (tab, newline) are never drawn, so they need no glyph. */
const isControl = (cp: number): boolean => cp < 0x20 || (cp >= 0x7f && cp < 0xa0);

export function findMissingGlyphs(sources: Iterable<string | GlyphSource>): MissingGlyph[] {
  const have = glyphCoverage();
  const missing = new Map<number, MissingGlyph>();
  for (const source of sources) {
    const src = typeof source === 'string' ? { text: source } : source;
    let index = 0;
    for (const ch of src.text) {
      const cp = ch.codePointAt(0) ?? 0;
      if (!have.has(cp) && !isControl(cp)) {
        let entry = missing.get(cp);
        if (entry === undefined) {
          entry = { char: ch, codePoint: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`, occurrences: [] };
          missing.set(cp, entry);
        }
        const o = occurrence(src, index, ch.length);
        // One line per place: a character repeated in the same text is named there once.
        const seen = entry.occurrences.some((x) => x.snippet === o.snippet && x.where === o.where && x.line === o.line && x.column === o.column);
        if (!seen && entry.occurrences.length < MAX_OCCURRENCES) entry.occurrences.push(o);
      }
      index += ch.length;
    }
  }
  return [...missing.values()];
}

function occurrence(src: GlyphSource, index: number, width: number): GlyphOccurrence {
  const from = Math.max(0, index - SNIPPET_RADIUS);
  const to = Math.min(src.text.length, index + width + SNIPPET_RADIUS);
  const snippet = `${from > 0 ? '…' : ''}${src.text.slice(from, to)}${to < src.text.length ? '…' : ''}`.replace(/\s+/g, ' ');
  const out: GlyphOccurrence = { snippet };
  if (src.where !== undefined) out.where = src.where;
  if (src.file !== undefined) out.file = src.file;
  if (src.line !== undefined) out.line = src.line;
  if (src.column !== undefined) out.column = src.column;
  return out;
}

/**
 * Throws `E_GLYPH` naming every character the PDF font cannot draw, with where it occurs.
 * Call it on the data's strings (with `where`/`file`/`line`) before rendering for the best
 * message; `renderPdf` calls it on the converted text as a last line of defence.
 */
export function checkGlyphs(sources: Iterable<string | GlyphSource>): void {
  const missing = findMissingGlyphs(sources);
  if (missing.length === 0) return;
  const lines = missing.map((m) => {
    const at = m.occurrences.map((o) => `"${o.snippet}"${locate(o)}`).join('; ');
    return `  "${m.char}" ${m.codePoint} in ${at}`;
  });
  const n = missing.length;
  const first = missing[0]?.occurrences.find((o) => o.file !== undefined);
  throw new BilatError(
    'E_GLYPH',
    `the PDF font (${FONT_FAMILY}) has no glyph for ${n} character${n === 1 ? '' : 's'}:\n${lines.join('\n')}\n` +
      'Transliterate or replace them in the data; they would print as empty boxes.',
    first === undefined ? {} : { file: first.file, line: first.line, column: first.column },
  );
}

function locate(o: GlyphOccurrence): string {
  const file = o.file === undefined ? '' : `${o.file}${o.line === undefined ? '' : `:${o.line}`}${o.line !== undefined && o.column !== undefined ? `:${o.column}` : ''}`;
  const parts = [file, o.where ?? ''].filter((p) => p !== '');
  return parts.length === 0 ? '' : ` (${parts.join(' ')})`;
}
