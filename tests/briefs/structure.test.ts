/**
 * Any relationship file that validates renders well: the synthetic second relationship and a
 * minimal one (a pair and a source, nothing else) build, print no template debris, and leave
 * out the sections they have no data for instead of printing them empty.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { briefCases, DEBRIS, emptyContainers, SECTIONS } from '../helpers/briefs.js';
import { AUDIENCES, buildOnce, outputPath, PAIRS } from '../helpers/cli.js';
import { readRelationship, type Doc } from '../helpers/data.js';
import { MINIMAL, stableFixture } from '../helpers/fixtures.js';
import { htmlText, pdfOutline, pdfRawText } from '../helpers/text.js';

const MIN_PAIR = 'aa-bb';
const inputs = new Map<string, { dir: string; doc: Doc }>();
beforeAll(async () => {
  const main = await buildOnce();
  for (const p of PAIRS) inputs.set(p.id, { dir: main, doc: readRelationship(p.file) });
  const min = stableFixture(`${MIN_PAIR}-minimal.yaml`, MINIMAL);
  inputs.set(MIN_PAIR, { dir: await buildOnce([min]), doc: readRelationship(min) });
});

const briefs = [...PAIRS.map((p) => p.id as string), MIN_PAIR].flatMap((pair) => AUDIENCES.map((audience) => ({ pair, audience })));
const html = (b: { pair: string; audience: string }) =>
  readFileSync(outputPath(inputs.get(b.pair)!.dir, b.pair, b.audience, 'html'), 'utf8');
const pdf = (b: { pair: string; audience: string }) => outputPath(inputs.get(b.pair)!.dir, b.pair, b.audience, 'pdf');

describe.each(briefs.map((b) => [`${b.pair} ${b.audience}`, b] as const))('%s', (_n, b) => {
  it('prints no template debris (undefined, NaN, [object …], braces) in HTML or PDF', () => {
    expect(htmlText(html(b), { svgTitles: true })).not.toMatch(DEBRIS);
    expect(pdfRawText(pdf(b))).not.toMatch(DEBRIS);
  });

  it('has no empty section, list, table, figure or paragraph', () => {
    expect(emptyContainers(html(b))).toEqual([]);
  });

  it('every section has content under its heading', () => {
    for (const m of html(b).matchAll(/<section\b[^>]*>([\s\S]*?)<\/section>/gi)) {
      const body = m[1]!.replace(/<h2\b[\s\S]*?<\/h2>/i, '');
      expect(htmlText(`<main>${body}</main>`) !== '' || /<svg|<img/.test(body), m[0].slice(0, 60)).toBe(true);
    }
  });
});

describe('sections without data are left out, in HTML and in the PDF outline', () => {
  const cases = [
    ...briefCases().filter((c) => c.pair !== 'az-kg'),
    ...AUDIENCES.map((a) => ({ pair: MIN_PAIR, audience: { id: a, internal: a !== 'public' } })),
  ];

  it.each(cases.map((c) => [`${c.pair} ${c.audience.id}`, c] as const))('%s', (_n, c) => {
    const { doc } = inputs.get(c.pair)!;
    const page = html({ pair: c.pair, audience: c.audience.id });
    const outline = pdfOutline(pdf({ pair: c.pair, audience: c.audience.id })).map((o) => o.title);
    const htmlH2 = [...page.matchAll(/<h2\b[^>]*>([\s\S]*?)<\/h2>/gi)].map((m) => htmlText(`<main>${m[1]}</main>`));
    for (const s of SECTIONS.filter((x) => !x.has(doc, c.audience.internal))) {
      expect(page, `${s.key}: none in the data`).not.toMatch(new RegExp(`<section id="${s.id}"`));
    }
    expect(outline).toEqual(htmlH2);
  });

  it('the synthetic relationship lacks organizations, milestones and notes (what the test above relies on)', () => {
    const doc = inputs.get('mn-rs')!.doc;
    expect([doc.organizations, doc.milestones, doc.notes]).toEqual([undefined, undefined, undefined]);
  });

  it('a relationship with only a pair and a source gets a title block and the sources, nothing else', () => {
    for (const a of AUDIENCES) {
      expect(
        [...html({ pair: MIN_PAIR, audience: a }).matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]),
        a,
      ).toEqual(['sources']);
      expect(
        pdfOutline(pdf({ pair: MIN_PAIR, audience: a })).map((o) => o.title),
        a,
      ).toEqual(['Sources']);
    }
  });

  it('the empty-container check finds an empty list', () => {
    expect(emptyContainers('<main><section id="s"><h2>X</h2><ul>\n </ul><figure><svg></svg></figure></section></main>')).toEqual([
      '<ul> in <section id="s">',
    ]);
  });
});

describe('data printed where the template asks for it', () => {
  // A field named like a helper once printed the helper's output ("signed —" for 1997).
  it("each treaty's signing year is printed with it", () => {
    const { dir, doc } = inputs.get('az-kg')!;
    const treaties = (doc.agreements?.treaties ?? []) as Doc[];
    expect(treaties.length).toBeGreaterThan(0);
    const text = htmlText(readFileSync(outputPath(dir, 'az-kg', 'analyst', 'html'), 'utf8'));
    for (const t of treaties) expect(text).toContain(`${t.title}, signed ${t.signed}`);
  });
});
