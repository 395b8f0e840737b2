import type { BriefView } from '../model/view-types.js';
import { plainStrings } from '../model/localize.js';
import { createGrammar, type Grammar } from '../model/grammar/index.js';

/** A contents list helps a long brief; the one-page and shorter briefs start with their title. */
const TOC_MIN_SECTIONS = 8;

/** Word file for one brief: the same article HTML as the HTML and PDF files. */
export async function renderBriefDocx(
  article: string,
  view: BriefView,
  pageSize: 'A4' | 'LETTER',
  g: Grammar = createGrammar(view.meta.locale),
): Promise<Uint8Array> {
  const { renderDocx } = await import('./docx/index.js');
  const [a, b] = view.countries;
  const sections = article.match(/<h2[\s>]/g)?.length ?? 0;
  const meta = {
    title: `${view.meta.title} — ${view.meta.audience.label}`,
    subject: g.t('doc.subject', { a: String(a?.officialName), b: String(b?.officialName), date: view.meta.asOfLabel }),
    description:
      view.meta.language === 'en'
        ? `${view.meta.audience.label} (${view.meta.audience.classification}) on relations between ${a?.name} and ${b?.name}, as of ${view.meta.asOfLabel} (${view.meta.asOf}).`
        : g.t('doc.description', { audience: view.meta.audience.label, a: String(a?.name), b: String(b?.name), date: view.meta.asOfLabel }),
    keywords: [a?.name, b?.name, view.meta.audience.label, g.t('doc.keyword')].filter((x): x is string => Boolean(x)),
    creator: view.meta.generator,
    lang: view.meta.lang,
    asOf: view.meta.asOf,
    headerLeft: view.meta.title,
    headerRight: `${view.meta.audience.label} · ${view.meta.audience.classification}`.toLocaleUpperCase(view.meta.locale),
    footerNote: g.t('running.as-of', { date: view.meta.asOfLabel }),
    pageLabel: g.catalog['running.page'] as string,
    pageSize,
    toc: sections >= TOC_MIN_SECTIONS,
  };
  // Markers of untranslated texts are for the article's markup; metadata and running heads get the text alone.
  return renderDocx(article, plainStrings(meta));
}
