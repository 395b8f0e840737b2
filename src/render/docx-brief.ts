import type { BriefView } from '../model/view-types.js';

/** A contents list helps a long brief; the one-page and shorter briefs start with their title. */
const TOC_MIN_SECTIONS = 8;

/** Word file for one brief: the same article HTML as the HTML and PDF files. */
export async function renderBriefDocx(article: string, view: BriefView, pageSize: 'A4' | 'LETTER'): Promise<Uint8Array> {
  const { renderDocx } = await import('./docx/index.js');
  const [a, b] = view.countries;
  const sections = article.match(/<h2[\s>]/g)?.length ?? 0;
  return renderDocx(article, {
    title: `${view.meta.title} — ${view.meta.audience.label}`,
    subject: `Relations between ${a?.officialName} and ${b?.officialName}, as of ${view.meta.asOfLabel}`,
    description: `${view.meta.audience.label} (${view.meta.audience.classification}) on relations between ${a?.name} and ${b?.name}, as of ${view.meta.asOfLabel} (${view.meta.asOf}).`,
    keywords: [a?.name, b?.name, view.meta.audience.label, 'bilateral relations'].filter((x): x is string => Boolean(x)),
    creator: view.meta.generator,
    lang: view.meta.lang,
    asOf: view.meta.asOf,
    headerLeft: view.meta.title,
    headerRight: `${view.meta.audience.label} · ${view.meta.audience.classification}`.toUpperCase(),
    footerNote: `As of ${view.meta.asOfLabel}`,
    pageSize,
    toc: sections >= TOC_MIN_SECTIONS,
  });
}
