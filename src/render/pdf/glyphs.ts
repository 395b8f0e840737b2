/**
 * Glyph coverage: a character no font of the chain has would print as an empty box, silently.
 * The text that reaches the PDF is checked before layout; each such character is reported once,
 * with the first few places it occurs.
 */
import { BilatError } from '../../errors.js';
import type { GlyphSource } from './context.js';
import { chainCovers } from './font-chain.js';

export type { GlyphSource } from './context.js';

export interface GlyphOccurrence {
  /** The text around the character, whitespace collapsed, at most ~40 characters. */
  snippet: string;
  where?: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface MissingGlyph {
  char: string;
  /** `U+E000` */
  codePoint: string;
  /** The first few places (distinct), in the order met. */
  occurrences: GlyphOccurrence[];
  /** How many distinct places hold it (occurrences keeps only the first few). */
  places: number;
}

export const MAX_PLACES = 3;
const SNIPPET_RADIUS = 16;

/** Layout controls (tab, newline) are never drawn; joiners and selectors may be absent from a font. */
const needsNoGlyph = (cp: number): boolean =>
  cp < 0x20 ||
  (cp >= 0x7f && cp < 0xa0) ||
  cp === 0x200c ||
  cp === 0x200d ||
  (cp >= 0xfe00 && cp <= 0xfe0f) ||
  (cp >= 0xe0100 && cp <= 0xe01ef);

/** Characters of `sources` no family of the font chain can draw (main font, then fallbacks). */
export function findMissingGlyphs(sources: Iterable<string | GlyphSource>): MissingGlyph[] {
  const missing = new Map<number, MissingGlyph & { keys: Set<string> }>();
  const ok = new Set<number>();
  for (const source of sources) {
    const src = typeof source === 'string' ? { text: source } : source;
    let index = 0;
    for (const ch of src.text) {
      const cp = ch.codePointAt(0)!;
      if (!ok.has(cp) && !needsNoGlyph(cp)) {
        if (!missing.has(cp) && chainCovers(cp)) ok.add(cp);
        else {
          let entry = missing.get(cp);
          if (entry === undefined) {
            entry = {
              char: ch,
              codePoint: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`,
              occurrences: [],
              places: 0,
              keys: new Set(),
            };
            missing.set(cp, entry);
          }
          const o = occurrence(src, index, ch.length);
          // A character repeated in the same text is one place.
          const key = `${o.snippet}\0${o.where}\0${o.file}\0${o.line}\0${o.column}`;
          if (!entry.keys.has(key)) {
            entry.keys.add(key);
            entry.places++;
            if (entry.occurrences.length < MAX_PLACES) entry.occurrences.push(o);
          }
        }
      }
      index += ch.length;
    }
  }
  return [...missing.values()].map(({ keys: _keys, ...m }) => m);
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

/** E_GLYPH, carrying the characters so a caller can merge several documents' reports. */
export class GlyphError extends BilatError {
  readonly missing: readonly MissingGlyph[];
  /** Briefs of the same file written before the PDFs failed (reported, not lost). */
  written: { path: string; audience: string; format: 'html' | 'pdf' }[] = [];
  constructor(missing: readonly MissingGlyph[], note = '') {
    const n = missing.length;
    const lines = missing.map((m) => {
      const more = m.places - m.occurrences.length;
      return `  "${m.char}" ${m.codePoint} at ${m.occurrences.map(place).join('; ')}${more > 0 ? ` (+${more} more)` : ''}`;
    });
    const first = missing[0]?.occurrences.find((o) => o.file !== undefined);
    super(
      'E_GLYPH',
      `no PDF font can draw ${n} character${n === 1 ? '' : 's'}${note}:\n${lines.join('\n')}\n` +
        "Replace them, or name a font that has them in the audience's `fonts:` list.",
      first === undefined ? {} : { file: first.file, line: first.line, column: first.column },
    );
    this.missing = missing;
  }
}

/** Throws a GlyphError naming every character no PDF font can draw, once each. */
export function checkGlyphs(sources: Iterable<string | GlyphSource>): void {
  const missing = findMissingGlyphs(sources);
  if (missing.length > 0) throw new GlyphError(missing);
}

function place(o: GlyphOccurrence): string {
  const file =
    o.file === undefined
      ? ''
      : `${o.file}${o.line === undefined ? '' : `:${o.line}`}${o.line !== undefined && o.column !== undefined ? `:${o.column}` : ''}`;
  return [file, o.where ?? '', `"${o.snippet}"`].filter((p) => p !== '').join(' ');
}
