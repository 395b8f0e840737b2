import { basename } from 'node:path';
import type { LoadedDocument } from '../data/load-document.js';
import { formatPath } from '../diagnostics.js';
import type { BriefView } from '../model/view-types.js';
import { plainStrings } from '../model/localize.js';
import { createGrammar, type Grammar } from '../model/grammar/index.js';
import type { HouseFont } from './pdf/house-fonts.js';
import type { PdfTheme } from './pdf/types.js';
import { findMissingGlyphs, GlyphError, MAX_PLACES, type GlyphSource, type MissingGlyph } from './pdf/glyphs.js';

/** PDF for one brief: the same article HTML as the HTML file, laid out by pdfmake. */
export async function renderBriefPdf(
  article: string,
  view: BriefView,
  pageSize: 'A4' | 'LETTER',
  fonts?: readonly HouseFont[],
  pdfStandard?: 'ua1-a2' | 'none',
  logo?: string,
  theme?: PdfTheme,
  g: Grammar = createGrammar(view.meta.locale),
): Promise<Uint8Array> {
  const { renderPdf } = await import('./pdf/index.js');
  const [a, b] = view.countries;
  const meta = {
    title: `${view.meta.title} — ${view.meta.audience.label}`,
    subject: g.t('doc.subject', { a: String(a?.officialName), b: String(b?.officialName), date: view.meta.asOfLabel }),
    author: view.meta.generator,
    keywords: [a?.name, b?.name, view.meta.audience.label, g.t('doc.keyword')].filter((x): x is string => Boolean(x)),
    lang: view.meta.lang,
    asOf: new Date(`${view.meta.asOf}T00:00:00Z`),
    headerLeft: view.meta.title,
    headerRight: `${view.meta.audience.label} · ${view.meta.audience.classification}`.toLocaleUpperCase(view.meta.locale),
    footerNote: g.t('running.as-of', { date: view.meta.asOfLabel }),
    pageLabel: g.catalog['running.page'] as string,
    pageSize,
    ...(pdfStandard !== undefined ? { pdfStandard } : {}),
    ...(fonts !== undefined && fonts.length > 0 ? { fonts } : {}),
    ...(logo !== undefined ? { logo } : {}),
    ...(theme !== undefined ? { theme } : {}),
  };
  // Markers of untranslated texts are for the article's markup; metadata and running heads get the text alone.
  return renderPdf(article, plainStrings(meta));
}

export function isGlyphError(e: unknown): e is GlyphError {
  return e instanceof GlyphError;
}

/**
 * One error for a pair's PDFs: each character once, placed at the data fields that hold it
 * (file:line:column), or at the brief's text when the template itself wrote it.
 */
export function glyphFailure(failed: readonly { error: GlyphError; path: string }[], doc: LoadedDocument | undefined): GlyphError {
  const errors = failed.map((f) => f.error);
  const byChar = new Map<string, MissingGlyph>();
  for (const m of errors.flatMap((e) => e.missing)) {
    const seen = byChar.get(m.char);
    if (seen === undefined) byChar.set(m.char, { ...m, occurrences: [...m.occurrences] });
    else {
      for (const o of m.occurrences)
        if (seen.occurrences.length < MAX_PLACES && !seen.occurrences.some((x) => x.snippet === o.snippet)) seen.occurrences.push(o);
      seen.places = Math.max(seen.places, m.places, seen.occurrences.length);
    }
  }
  const inData =
    doc === undefined
      ? new Map<string, MissingGlyph>()
      : new Map(findMissingGlyphs(dataStrings(doc, [...byChar.keys()])).map((m) => [m.char, m]));
  const missing = [...byChar.values()].map((m) => inData.get(m.char) ?? m);
  const names = failed.map((f) => basename(f.path)).join(', ');
  return new GlyphError(missing, ` (not written: ${names}; the other briefs were)`);
}

/** The data's strings holding any of `chars`, located in their file. */
function dataStrings(doc: LoadedDocument, chars: string[]): GlyphSource[] {
  const sources: GlyphSource[] = [];
  const walk = (v: unknown, path: PropertyKey[]) => {
    if (typeof v === 'string') {
      if (chars.some((c) => v.includes(c))) {
        const pos = doc.locate(path);
        // A CSV row's value is located in its CSV file.
        sources.push({ text: v, where: formatPath(path), file: pos.file ?? doc.file, line: pos.line, column: pos.column });
      }
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== '$schema') walk(x, [...path, k]);
  };
  walk(doc.value, []);
  return sources;
}
