/**
 * The PDF renderer end to end: the fixture brief is rendered once and read back with poppler
 * (pdftotext, pdfinfo) and qpdf.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BilatError } from '../../src/errors.js';
import { buildDocDefinition, checkGlyphs, renderDocDefinition, renderPdf, type Content } from '../../src/render/pdf/index.js';
import {
  bodyLines,
  headingTexts,
  meta,
  pageText,
  pdfInfo,
  pdfOutline,
  pdfPages,
  strandedHeadings,
  writeTemp,
  type PdfPage,
} from './pdf-helpers.js';

const fixture = readFileSync(new URL('../fixtures/pdf/brief.html', import.meta.url), 'utf8');

describe('renderPdf on the fixture brief', () => {
  let bytes: Buffer;
  let file: string;
  let pages: PdfPage[];
  let text: string;

  beforeAll(async () => {
    bytes = await renderPdf(fixture, meta);
    file = writeTemp(bytes);
    pages = pdfPages(file);
    text = pages.map((_, i) => pageText(file, i + 1)).join('\n');
  });

  it('is a PDF of several A4 pages', () => {
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pages.length).toBeGreaterThan(1);
    expect(pdfInfo(file)['Page size']).toMatch(/^595\.28 x 841\.89 pts \(A4\)/);
  });

  it('keeps the names, non-Latin letters and key figures', () => {
    for (const s of [
      'Bayramov',
      'Masadykov',
      'Əliyev',
      'Gəncə',
      'Şahin',
      'Mikayıl',
      'Ağdam',
      'Бишкек',
      'Жээнбеков',
      'Таалатбек Масадыков',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).toContain('ə');
    for (const s of ['3.7', 'million USD', 'turnover, Jan–Oct 2018', '+41 %', 'high-level visits']) expect(text).toContain(s);
  });

  it('leaves out pdf-hide and html-only content, keeps the text of unknown tags', () => {
    expect(text).not.toContain('must not appear in print');
    expect(text).not.toContain('Interactive map');
    expect(text.replace(/\s+/g, ' ')).toContain('Unknown elements keep their text, and nested unknown tags never break the layout.');
  });

  it('puts the running header and "Page X of Y" footer on every page', () => {
    pages.forEach((_, i) => {
      const t = pageText(file, i + 1);
      expect(t).toContain(meta.headerLeft);
      expect(t).toContain(meta.headerRight);
      expect(t).toContain(meta.footerNote);
      expect(t).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  });

  it('repeats the table header on every page the table spans', () => {
    const withHeader = pages.map((_, i) => /Period\s+Reported by\s+Exports\s+Imports\s+Turnover\s+Balance/.test(pageText(file, i + 1)));
    const withRows = pages.map((_, i) => /^\s*[A-Z][a-z]{2} 201[6-9](\[\d\])?\s+Azerbaijan\s+[\d.,]+/m.test(pageText(file, i + 1)));
    expect(withRows.filter(Boolean).length).toBeGreaterThanOrEqual(2);
    withRows.forEach((rows, i) => rows && expect(withHeader[i], `page ${i + 1}`).toBe(true));
  });

  it('has an outline of h2 with nested h3', () => {
    const outline = pdfOutline(file);
    expect(outline.map((o) => o.title)).toEqual([
      'Summary',
      'Talking points',
      'Political relations',
      'Trade',
      'Agreements',
      'People',
      'Outlook',
      'Sources',
    ]);
    expect(outline.find((o) => o.title === 'Political relations')?.kids.map((k) => k.title)).toEqual([
      'Visits and contacts',
      'Multilateral cooperation',
    ]);
    expect(outline.find((o) => o.title === 'Agreements')?.page).toBeGreaterThan(1);
  });

  it('writes the metadata, dated as of the brief', () => {
    const info = pdfInfo(file);
    expect(info).toMatchObject({
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Keywords: 'Azerbaijan, Kyrgyzstan, bilateral relations',
      Creator: 'bilat',
      CreationDate: '2026-11-22T00:00:00Z',
      ModDate: '2026-11-22T00:00:00Z',
      // Tagged PDF/UA-1 + PDF/A-2a by default (tests/pdf-standard checks the claims in depth).
      Tagged: 'yes',
      'PDF version': '1.7',
    });
    expect(info.Producer).toMatch(/^bilat \(pdfmake 0\.3\.\d+\)$/);
    expect(bytes.toString('latin1')).toMatch(/\/Lang \(en-GB\)/);
    expect(bytes.toString('latin1')).toMatch(/\/DisplayDocTitle true/);
  });

  it('is byte-identical when rendered again, also after other documents warmed the caches', async () => {
    await renderPdf('<h2>Other</h2><p>Gəncə, Ош, ₼ — different words and glyphs.</p>', { ...meta, pageSize: 'LETTER' });
    const again = await renderPdf(fixture, meta);
    expect(again.equals(bytes)).toBe(true);
    // Renders share caches; running two at once must not mix them up.
    const [concurrent] = await Promise.all([renderPdf(fixture, meta), renderPdf('<h2>x</h2><p>Bakı</p>', meta)]);
    expect(concurrent.equals(bytes)).toBe(true);
  });

  it('never ends a page on a heading', () => {
    const headings = headingTexts(buildDocDefinition(fixture, meta).content);
    expect(headings).toContain('Trade by month, as reported by Azerbaijan (thousand USD)');
    expect(strandedHeadings(pages, headings)).toEqual([]);
  });

  it('starts the page-break section on a new page', () => {
    const page = pages.findIndex((p) => bodyLines(p)[0]?.text === 'Agreements');
    expect(page).toBeGreaterThan(0);
  });
});

/** Undoes what keeps headings with what follows: headline levels and heading-led unbreakable groups. */
function forgetHeadlines(content: Content): void {
  if (typeof content === 'string') return;
  if (Array.isArray(content)) return content.forEach(forgetHeadlines);
  const first = content.stack?.[0];
  if (content.unbreakable && typeof first === 'object' && !Array.isArray(first) && first.headlineLevel !== undefined)
    delete content.unbreakable;
  delete content.headlineLevel;
  for (const child of [content.stack, content.columns, content.ul, content.ol]) if (child) forgetHeadlines(child);
}

describe('keep-with-next', () => {
  // A spacer of adjustable height pushes the heading down the first page.
  const spacer = (h: number): string =>
    `<figure><svg width="10" height="${h}" viewBox="0 0 10 ${h}"><rect width="10" height="${h}" fill="#eee"/></svg></figure>`;
  const rows = Array.from({ length: 8 }, (_, i) => `<tr><td>201${i}</td><td class="num">${i}.5</td></tr>`).join('');
  const next = {
    paragraph: '<p>The body of the section follows its heading and runs on for a little while after it.</p>',
    // Unbreakable blocks and table rows report the page they started on; the chart or table
    // moving to the next page must still count as leaving the heading behind.
    figure: `<figure class="chart">${spacer(160)}<figcaption>Chart caption</figcaption></figure>`,
    table: `<table><caption>Table caption</caption><thead><tr><th>Year</th><th class="num">Value</th></tr></thead><tbody>${rows}</tbody></table>`,
  };
  const brief = (h: number, kind: keyof typeof next): string =>
    `<article>${spacer(h)}<section id="b"><h2>Stranded heading</h2>${next[kind]}<p>More text.</p></section></article>`;
  const lastLine = (pages: PdfPage[], i: number): string | undefined => bodyLines(pages[i]!).at(-1)?.text;

  it.each(Object.keys(next) as (keyof typeof next)[])('moves a heading followed by a %s to the next page', async (kind) => {
    // Find a spacer height that strands the heading when nothing is marked as a heading…
    let height: number | undefined;
    for (let h = 680; h >= 560 && height === undefined; h -= 4) {
      const def = buildDocDefinition(brief(h, kind), meta);
      forgetHeadlines(def.content);
      if (lastLine(pdfPages(writeTemp(await renderDocDefinition(def))), 0) === 'Stranded heading') height = h;
    }
    expect(height, 'no spacer height strands the heading; widen the search').toBeDefined();
    // …then check it moves when it is one.
    const pages = pdfPages(writeTemp(await renderPdf(brief(height!, kind), meta)));
    expect(lastLine(pages, 0)).not.toBe('Stranded heading');
    expect(bodyLines(pages[1]!)[0]?.text).toBe('Stranded heading');
  });
});

describe('glyph coverage', () => {
  it('rejects a character no font of the chain can draw, naming it once and where it is', async () => {
    const html = '<section id="people"><h2>People</h2><p>Meeting in Tbilisi with \uE000 Beridze.</p><p>Again \uE000\uE000.</p></section>';
    const err = await renderPdf(html, meta).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BilatError);
    expect((err as BilatError).code).toBe('E_GLYPH');
    const message = (err as BilatError).message;
    expect(message).toContain('no PDF font can draw 1 character');
    expect(message.match(/U\+E000/g)).toHaveLength(1);
    expect(message).toContain('section #people "…in Tbilisi with \uE000 Beridze."; section #people "Again \uE000\uE000."');
    expect(message).not.toMatch(/translit/i);
  });

  it('reports data positions, the first few places only', () => {
    const at = (i: number) => ({ text: `tag \uE000 ${i}`, where: `tags[${i}]`, file: 'data/x.yaml', line: 10 + i, column: 9 });
    const check = () =>
      checkGlyphs([
        { text: 'Ceyhun Bayramov', where: 'people[0].name', file: 'data/x.yaml', line: 2, column: 9 },
        at(0),
        at(1),
        at(2),
        at(3),
        at(4),
      ]);
    expect(check).toThrow(BilatError);
    try {
      check();
    } catch (e) {
      const err = e as BilatError;
      expect(err.code).toBe('E_GLYPH');
      expect(err.message).toContain(
        '"\uE000" U+E000 at data/x.yaml:10:9 tags[0] "tag \uE000 0"; data/x.yaml:11:9 tags[1] "tag \uE000 1"; data/x.yaml:12:9 tags[2] "tag \uE000 2" (+2 more)',
      );
      expect(err.format()).toMatch(/^data\/x\.yaml:10:9 {2}/);
    }
  });

  it('passes Latin, Cyrillic, every script of the fallback chain and the punctuation briefs use', () => {
    const scripts = [
      'Əliyev ş ğ ı İ ö ü ç Łódź Přehled Việt Nam',
      'Жогорку Кеңеш Ө Ү',
      'Ελλάδα',
      'საქართველო Հայաստան',
      'ישראל السعودية پاکستان اردو',
      'भारत বাংলাদেশ ประเทศไทย',
      '中国 臺灣 日本 カタカナ 대한민국',
      '– — “ ” ‘ ’ … · € ₼ № ± × − ° « » ★ ✓ 😀',
      'a\u00a0b\u2009c 1\u202f234',
    ];
    expect(() => checkGlyphs(scripts)).not.toThrow();
  });

  it('prints the narrow no-break space Intl uses in some locales as U+00A0', async () => {
    const file = writeTemp(await renderPdf('<p>1\u202f234 USD</p>', meta));
    expect(pageText(file, 1)).toContain('1 234 USD');
  });
});

describe('page size and odd input', () => {
  it('renders US Letter', async () => {
    const file = writeTemp(await renderPdf('<p>Letter</p>', { ...meta, pageSize: 'LETTER' }));
    expect(pdfInfo(file)['Page size']).toMatch(/^612 x 792 pts \(letter\)/);
  });

  it('reads no files and fetches nothing for content', async () => {
    // Only a hand-made definition can ask: the converter drops every non-data: image.
    const deny = async (src: string): Promise<BilatError> => {
      const def = { ...buildDocDefinition('<p>x</p>', meta), images: { logo: src } };
      def.content.push({ image: 'logo' });
      return renderDocDefinition(def).then(
        () => expect.fail('rendered'),
        (e: BilatError) => e,
      );
    };
    const local = await deny('/etc/hostname');
    expect(local).toBeInstanceOf(BilatError);
    expect(local.code).toBe('E_RENDER');
    expect(local.message).toMatch(/Access to local file denied/);
    expect((await deny('https://example.org/logo.png')).message).toMatch(/Access to URL denied/);
  });

  it('survives unknown tags, stray table parts, empty and malformed markup', async () => {
    const html = `<foo><bar>Loose text</bar></foo><td>stray cell</td><table><tr><td colspan="3">span</td></tr><tr><td rowspan="2">a</td><td>b</td></tr></table>
      <figure class="chart"><svg><circle r="3"/></svg><figcaption>No size</figcaption></figure><p><b><i>unclosed</p><ul></ul><dl><dd>orphan</dd></dl>`;
    const text = pageText(writeTemp(await renderPdf(html, meta)), 1);
    for (const s of ['Loose text', 'stray cell', 'span', 'No size', 'unclosed', 'orphan']) expect(text).toContain(s);
    await expect(renderPdf('', meta)).resolves.toBeInstanceOf(Buffer);
  });
});
