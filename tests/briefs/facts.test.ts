/**
 * The facts in the briefs: each PDF's extracted text holds the key figures and names the data
 * gives, and the HTML and the PDF of one audience carry the same figures and names.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { briefCases, type BriefCase } from '../helpers/briefs.js';
import { buildOnce, outputPath } from '../helpers/cli.js';
import { formatFigure, latestTrade, namesOf, type Doc } from '../helpers/data.js';
import { containsPhrase, figuresIn, htmlText, pdfBodyText } from '../helpers/text.js';

let dir = '';
beforeAll(async () => {
  dir = await buildOnce();
});

const cases = briefCases();
const memo = new Map<string, string>();
const once = (key: string, make: () => string) => memo.get(key) ?? (memo.set(key, make()), memo.get(key)!);
const pdfText = (c: BriefCase) =>
  once(`pdf ${c.pair} ${c.audience.id}`, () => pdfBodyText(outputPath(dir, c.pair, c.audience.id, 'pdf'), c.furniture));
const htmlBody = (c: BriefCase) =>
  once(`html ${c.pair} ${c.audience.id}`, () => htmlText(readFileSync(outputPath(dir, c.pair, c.audience.id, 'html'), 'utf8')));

const difference = (html: Set<string>, pdf: Set<string>) => ({
  onlyInHtml: [...html].filter((x) => !pdf.has(x)).sort(),
  onlyInPdf: [...pdf].filter((x) => !html.has(x)).sort(),
});

/** The headline figures a brief leads with, as the data states them. */
function keyFigures(doc: Doc): string[] {
  const t = latestTrade(doc);
  const counts = (doc.agreements?.counts ?? []) as Doc[];
  const count = counts.filter((x) => x.visibility !== 'internal').at(-1)?.count as number | undefined;
  return [
    ...(t ? [formatFigure(t.turnover), formatFigure(t.exports), formatFigure(t.imports), `${t.unit} ${t.currency}`] : []),
    ...(count === undefined ? [] : [String(count), 'agreements']),
  ];
}

/** Names each audience must show: the countries always; people where the brief lists them. */
function expectedNames(c: BriefCase): string[] {
  const countries = (c.doc.pair.countries as Doc[]).flatMap((x) => [x.name, x.officialName, x.capital] as string[]);
  if (c.audience.id === 'executive') return countries;
  const people = (c.doc.people ?? []) as Doc[];
  if (c.audience.internal) return [...countries, ...people.map((p) => p.name as string)];
  // Public: the people who took part in a public contact.
  const shown = new Set(
    ((c.doc.engagements ?? []) as Doc[])
      .filter((e) => e.visibility !== 'internal')
      .flatMap((e) => (e.participants ?? []).map((p: Doc) => p.person)),
  );
  return [...countries, ...people.filter((p) => p.visibility !== 'internal' && shown.has(p.id)).map((p) => p.name as string)];
}

describe('key figures', () => {
  it('are what the issue names for az-kg (the data-driven lists below are not empty by accident)', () => {
    const azkg = cases.find((c) => c.pair === 'az-kg')!;
    expect(keyFigures(azkg.doc)).toEqual(['3.7', '2.3', '1.4', 'million USD', '58', 'agreements']);
    expect(expectedNames({ ...azkg, audience: { ...azkg.audience, id: 'analyst', internal: true } })).toContain('Jeyhun Bayramov');
  });

  describe.each(cases.map((c) => [`${c.pair} ${c.audience.id}`, c] as const))('%s', (_n, c) => {
    it('the PDF text holds the key figures and names', () => {
      const text = pdfText(c);
      for (const f of keyFigures(c.doc)) expect(containsPhrase(text, f), `"${f}" in the PDF text`).toBe(true);
      for (const n of expectedNames(c)) expect(containsPhrase(text, n), `"${n}" in the PDF text`).toBe(true);
    });

    it('the HTML holds them too', () => {
      const text = htmlBody(c);
      for (const f of [...keyFigures(c.doc), ...expectedNames(c)]) expect(containsPhrase(text, f), `"${f}" in the HTML text`).toBe(true);
    });

    it('the HTML and the PDF carry the same figures', () => {
      const html = figuresIn(htmlBody(c));
      const pdf = figuresIn(pdfText(c));
      expect(html.size).toBeGreaterThan(5);
      expect(difference(html, pdf)).toEqual({ onlyInHtml: [], onlyInPdf: [] });
    });

    it('the HTML and the PDF carry the same names', () => {
      const names = namesOf(c.doc);
      const inHtml = new Set(names.filter((n) => containsPhrase(htmlBody(c), n)));
      const inPdf = new Set(names.filter((n) => containsPhrase(pdfText(c), n)));
      expect(inHtml.size).toBeGreaterThan(0);
      expect(difference(inHtml, inPdf)).toEqual({ onlyInHtml: [], onlyInPdf: [] });
    });
  });
});

describe('text helpers', () => {
  it('find figures as written, not inside other numbers or words', () => {
    expect([...figuresIn('turnover 3.7 million, 2,208 EUR in 2023; A4 [1, 2]')]).toEqual(['3.7', '2,208', '2023', '1', '2']);
    expect(containsPhrase('in 1958 and 58x', '58')).toBe(false);
    expect(containsPhrase('Bakunin, then Baku.', 'Baku')).toBe(true);
  });

  it('turn HTML into the text a reader sees', () => {
    const html =
      '<main><p>Aliyev<sup class="fn">[<a href="#s">2</a>]</sup> &amp; Japarov&#x27;s</p><li>x</li><li>y</li><svg><title>T</title><path d="m1 2108"/></svg></main>';
    expect(htmlText(html)).toBe("Aliyev[2] & Japarov's x y");
    expect(htmlText(html, { svgTitles: true })).toBe("Aliyev[2] & Japarov's x y T");
  });
});
