/**
 * The PDF briefs as a reader's tools see them (poppler, qpdf): running header and footer,
 * metadata, bookmarks, fonts, page count. Built once by the real CLI (tests/helpers/cli.ts).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF_LABEL, briefCases, htmlHeadings, type BriefCase } from '../helpers/briefs.js';
import { AS_OF, buildOnce, outputPath } from '../helpers/cli.js';
import { normalizeSpace, PAGE_FOOTER, pdfBands, pdfFonts, pdfInfo, pdfOutline, pdfPages, type OutlineItem } from '../helpers/text.js';

let dir = '';
beforeAll(async () => {
  dir = await buildOnce();
});

const cases = briefCases();
const pdfOf = (c: BriefCase) => outputPath(dir, c.pair, c.audience.id, 'pdf');
const htmlOf = (c: BriefCase) => readFileSync(outputPath(dir, c.pair, c.audience.id, 'html'), 'utf8');
const name = (c: BriefCase) => `${c.pair} ${c.audience.id}`;

describe.each(cases.map((c) => [name(c), c] as const))('%s PDF', (_n, c) => {
  it('is A4, and names the pair and the audience in a header on every page', () => {
    const info = pdfInfo(pdfOf(c));
    expect(info['Page size']).toMatch(/^595\.2\d* x 841\.8\d* pts \(A4\)/);
    const pages = Number(info.Pages);
    expect(pdfPages(pdfOf(c))).toHaveLength(pages);
    const [pairTitle, audienceLine] = c.furniture;
    pdfBands(pdfOf(c), pages).forEach(({ header }, i) => expect(header, `page ${i + 1}`).toEqual([pairTitle, audienceLine]));
  });

  it('has "Page X of Y" and the as-of date in the footer of every page', () => {
    const pages = pdfPages(pdfOf(c));
    pdfBands(pdfOf(c), pages.length).forEach(({ footer }, i) =>
      expect(footer, `page ${i + 1}`).toEqual([`As of ${AS_OF_LABEL}`, `Page ${i + 1} of ${pages.length}`]),
    );
    // One footer per page: no stray "Page … of …" in the body.
    pages.forEach((page, i) =>
      expect(
        page.split('\n').filter((l) => PAGE_FOOTER.test(l)),
        `page ${i + 1}`,
      ).toHaveLength(1),
    );
  });

  it('carries title, subject, author, keywords and CreationDate = as-of in its metadata', () => {
    const info = pdfInfo(pdfOf(c));
    const [a, b] = c.doc.pair.countries as { name: string; officialName: string }[];
    expect(info.Title).toContain(c.furniture[0]);
    expect(info.Title).toContain(c.audience.label);
    expect(info.Subject).toContain(a!.officialName);
    expect(info.Subject).toContain(b!.officialName);
    expect(info.Subject).toContain(AS_OF_LABEL);
    expect(info.Author).toMatch(/^bilat \d+\.\d+\.\d+/);
    const keywords = info.Keywords!.split(/,\s*/);
    expect(keywords).toEqual(expect.arrayContaining([a!.name, b!.name, c.audience.label]));
    // The as-of date, never the clock: that is what makes the bytes reproducible.
    expect(info.CreationDate).toBe(`${AS_OF}T00:00:00Z`);
    expect(info.ModDate).toBe(`${AS_OF}T00:00:00Z`);
  });

  it('is a tagged PDF 1.7 (its PDF/UA and PDF/A claims are checked in tests/pdf-standard)', () => {
    const info = pdfInfo(pdfOf(c));
    expect(info.Tagged).toBe('yes');
    expect(info['PDF version']).toBe('1.7');
    expect(readFileSync(pdfOf(c)).includes('/Marked true')).toBe(true);
  });

  it('embeds every font it uses', () => {
    const fonts = pdfFonts(pdfOf(c));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
  });

  it('has a bookmark per section, in the order of the HTML headings, each on the page that prints it', () => {
    const outline = pdfOutline(pdfOf(c));
    const headings = htmlHeadings(htmlOf(c));
    expect(outline.map((o) => o.title)).toEqual(headings.map((h) => h.title));
    const pages = pdfPages(pdfOf(c)).map(normalizeSpace);
    for (const o of outline) expect(pages[o.page - 1], `bookmark "${o.title}" → page ${o.page}`).toContain(o.title);
    for (const [i, o] of outline.entries()) expect(o.kids.length, o.title).toBe(headings[i]!.kids.length);
  });
});

describe('executive brief', () => {
  it.each(cases.filter((c) => c.audience.id === 'executive').map((c) => [c.pair, c] as const))('%s fits one A4 page', (_p, c) => {
    expect(pdfInfo(pdfOf(c)).Pages).toBe('1');
  });
});

describe('bookmark titles', () => {
  const all = (items: OutlineItem[]): OutlineItem[] => items.flatMap((o) => [o, ...all(o.kids)]);

  it('carry the heading text without footnote markers', () => {
    for (const c of cases) {
      const html = htmlHeadings(htmlOf(c));
      const outline = pdfOutline(pdfOf(c));
      expect(
        all(outline).map((o) => o.title),
        name(c),
      ).toEqual(html.flatMap((h) => [h.title, ...h.kids]));
    }
  });
});
