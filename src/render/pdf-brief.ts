import type { BriefView } from '../model/view-types.js';
import type { Relationship } from '../schema/relationship.js';

/** PDF for one brief: the same article HTML as the HTML file, laid out by pdfmake. */
export async function renderBriefPdf(article: string, view: BriefView, _data: Relationship, pageSize: 'A4' | 'LETTER'): Promise<Uint8Array> {
  const { renderPdf } = (await import('./pdf/index.js')) as unknown as {
    renderPdf(html: string, meta: Record<string, unknown>): Promise<Uint8Array>;
  };
  const [a, b] = view.countries;
  return renderPdf(article, {
    title: `${view.meta.title} — ${view.meta.audience.label}`,
    subject: `Relations between ${a?.officialName} and ${b?.officialName}, as of ${view.meta.asOfLabel}`,
    author: view.meta.generator,
    keywords: [a?.name, b?.name, view.meta.audience.label, 'bilateral relations'].filter(Boolean),
    lang: view.meta.lang,
    asOf: new Date(`${view.meta.asOf}T00:00:00Z`),
    headerLeft: view.meta.title,
    headerRight: `${view.meta.audience.label} · ${view.meta.audience.classification}`.toUpperCase(),
    footerNote: `As of ${view.meta.asOfLabel}`,
    pageSize,
  });
}
