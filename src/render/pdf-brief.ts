import type { LoadedDocument } from '../data/load-document.js';
import { formatPath } from '../diagnostics.js';
import type { BriefView } from '../model/view-types.js';
import type { GlyphSource } from './pdf/index.js';

/** PDF for one brief: the same article HTML as the HTML file, laid out by pdfmake. */
export async function renderBriefPdf(article: string, view: BriefView, pageSize: 'A4' | 'LETTER'): Promise<Uint8Array> {
  const { renderPdf } = await import('./pdf/index.js');
  const [a, b] = view.countries;
  return renderPdf(article, {
    title: `${view.meta.title} — ${view.meta.audience.label}`,
    subject: `Relations between ${a?.officialName} and ${b?.officialName}, as of ${view.meta.asOfLabel}`,
    author: view.meta.generator,
    keywords: [a?.name, b?.name, view.meta.audience.label, 'bilateral relations'].filter((x): x is string => Boolean(x)),
    lang: view.meta.lang,
    asOf: new Date(`${view.meta.asOf}T00:00:00Z`),
    headerLeft: view.meta.title,
    headerRight: `${view.meta.audience.label} · ${view.meta.audience.classification}`.toUpperCase(),
    footerNote: `As of ${view.meta.asOfLabel}`,
    pageSize,
  });
}

/**
 * Before any PDF is laid out, check that the embedded font covers every character of the
 * data, so a missing glyph is reported at its line in the data file, not as an empty box.
 */
export async function checkDataGlyphs(doc: LoadedDocument): Promise<void> {
  const { checkGlyphs } = await import('./pdf/index.js');
  const sources: GlyphSource[] = [];
  const walk = (v: unknown, path: PropertyKey[]) => {
    if (typeof v === 'string') {
      if (/[^\x20-\x7e]/.test(v)) {
        const pos = doc.locate(path);
        // A CSV row's value is located in its CSV file.
        sources.push({ text: v, where: formatPath(path), file: pos.file ?? doc.file, line: pos.line, column: pos.column });
      }
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== '$schema') walk(x, [...path, k]);
  };
  walk(doc.value, []);
  checkGlyphs(sources);
}
