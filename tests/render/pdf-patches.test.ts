/**
 * The pdfmake/pdfkit patches (src/render/pdf/patches): each one applies on the pinned
 * versions, and each one still does its work in a real PDF: bookmarks aim at their heading,
 * words are drawn in runs, stranded headings trigger a second layout, the caches are hit.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/render/pdf/index.js';
import {
  allResults,
  describeSkips,
  libraryVersions,
  PATCHED_VERSIONS,
  patchStats,
  resetPatchStats,
} from '../../src/render/pdf/patches/index.js';
import { patchLineDrawing } from '../../src/render/pdf/patches/draw-lines.js';
import { keepHeadingsWithNext } from '../../src/render/pdf/patches/keep-with-next.js';
import { rememberMeasuredText, withMeasureMemo } from '../../src/render/pdf/patches/measure-memo.js';
import { loadPdfmake, patchReport } from '../../src/render/pdf/runtime.js';
import { fontFaces, pdfkitPath } from '../../src/render/pdf/fonts.js';
import { loadedForReal } from '../../src/render/pdf/patches/lazy-modules.js';
import { bodyLines, meta, pdfPages, strandedHeadings, writeTemp } from './pdf-helpers.js';

const words = (n: number, seed: number): string =>
  Array.from(
    { length: n },
    (_, i) => ['relations', 'trade', 'visit', 'transit', 'agreement', 'energy', 'council', 'route'][(i * 7 + seed) % 8],
  ).join(' ');

// Sections of uneven length, so that some heading falls at the foot of a page.
const sections = Array.from({ length: 36 }, (_, i) => `<h2 id="s${i}">Section ${i + 1}</h2><p>${words(20 + ((i * 37) % 90), i)}.</p>`).join(
  '',
);
const html = `<article><h1>Patches</h1>${sections}</article>`;

type Dest = [string, string, number, number, number];
const outlineDests = (file: string): { title: string; page: number; top: number }[] => {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' })) as {
    outlines: { title: string; destpageposfrom1: number; dest: Dest }[];
  };
  return json.outlines.map((o) => ({ title: o.title, page: o.destpageposfrom1, top: o.dest[3] }));
};

describe('pdfmake patches', () => {
  let file: string;
  beforeAll(async () => {
    loadPdfmake();
    resetPatchStats();
    file = writeTemp(await renderPdf(html, meta));
  });

  it('run on the versions package.json pins', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      dependencies: Record<string, string>;
      overrides: Record<string, string>;
    };
    expect(pkg.dependencies['pdfmake']).toBe(PATCHED_VERSIONS.pdfmake);
    expect(pkg.dependencies['pdfkit']).toBe(PATCHED_VERSIONS.pdfkit);
    expect(pkg.overrides['fontkit']).toBe(PATCHED_VERSIONS.fontkit);
    expect(libraryVersions()).toEqual(PATCHED_VERSIONS);
  });

  it('all applied, the ones installed on first use of a font too', () => {
    const results = allResults(patchReport());
    expect(results.length).toBeGreaterThanOrEqual(16);
    expect(results.filter((p) => !p.result.applied)).toEqual([]);
    expect(results.map((p) => p.target)).toEqual(
      expect.arrayContaining([
        'fontkit.create (as pdfkit sees it)',
        'PDFDocument.provideFont',
        'Renderer.renderLine',
        'Renderer.renderSVG',
        'LayoutBuilder.layoutDocument',
        'SVGMeasure.measureSVG/writeDimensions',
      ]),
    );
  });

  it('aim each bookmark at its heading line, not at the top of the page', () => {
    const pages = pdfPages(file);
    const dests = outlineDests(file);
    expect(dests.length).toBeGreaterThan(30);
    expect(patchStats.bookmarksPlaced).toBeGreaterThanOrEqual(dests.length);
    for (const d of dests) {
      const page = pages[d.page - 1]!;
      const line = page.lines.find((l) => l.text === d.title);
      expect(line, d.title).toBeDefined();
      // Outline tops are measured from the bottom of the page; pdftotext's from the top.
      expect(Math.abs(page.height - d.top - line!.yMin), d.title).toBeLessThan(12);
    }
  });

  it('draw abutting words of one style as one run', () => {
    expect(patchStats.wordsMerged).toBeGreaterThan(100);
    // The uncompressed first page: far fewer text-showing operators than words on it.
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', '--pages', file, '1', '--', file, '-'], {
      maxBuffer: 64 << 20,
    }).toString('latin1');
    const shown = (qdf.match(/\] TJ|\) Tj|> Tj/g) ?? []).length;
    const onPage = bodyLines(pdfPages(file)[0]!).reduce((n, l) => n + l.text.split(' ').length, 0);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(onPage / 2);
  });

  it('lay the document out again when a heading ends a page, and no page ends on one', () => {
    expect(patchStats.layoutReruns).toBeGreaterThan(0);
    expect(
      strandedHeadings(
        pdfPages(file),
        Array.from({ length: 36 }, (_, i) => `Section ${i + 1}`),
      ),
    ).toEqual([]);
  });

  it('measure each text once per document: later layout passes reuse it', () => {
    // One hit per text node and extra pass at least (the 36 sections' paragraphs and headings).
    expect(patchStats.measureHits).toBeGreaterThanOrEqual(72 * patchStats.layoutReruns);
  });

  it('hit their caches: parsed fonts, shaped words, glyph encodings, style lookups', async () => {
    const before = { ...patchStats };
    await renderPdf(html, meta);
    expect(patchStats.parsedFontHits).toBeGreaterThan(before.parsedFontHits);
    // The second document shapes no word the first one had already shaped.
    expect(patchStats.shapingHits - before.shapingHits).toBeGreaterThan(500);
    expect(patchStats.encodingHits).toBeGreaterThan(before.encodingHits);
    expect(patchStats.styleLookups).toBeGreaterThan(before.styleLookups);
    expect(fontFaces.length).toBeGreaterThan(0);
  });

  it('leave AES and Brotli unloaded: a brief neither encrypts nor reads WOFF2', () => {
    const fromPdfkit = createRequire(pdfkitPath());
    expect(loadedForReal(fromPdfkit, '@noble/ciphers/aes')).toBe(false);
    expect(loadedForReal(createRequire(fromPdfkit.resolve('fontkit')), 'brotli/decompress.js')).toBe(false);
  });

  it('hit the SVG size cache for a chart', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100"><rect x="10" y="10" width="50" height="50" fill="#336"/></svg>';
    const before = patchStats.svgMeasureHits;
    await renderPdf(`<article><h1>Chart</h1><figure>${svg}<figcaption>A square</figcaption></figure></article>`, meta);
    expect(patchStats.svgMeasureHits).toBeGreaterThan(before);
  });
});

describe('measured text reused between layout passes', () => {
  type Leaf = { text: string; _inlines?: { text: string; width: number; x?: number; justifyShift?: number }[]; _minWidth?: number };
  class DocMeasure {
    calls = 0;
    measureDocument(doc: Leaf[]): Leaf[] {
      for (const node of doc) this.measureLeaf(node);
      return doc;
    }
    measureLeaf(node: Leaf): Leaf {
      this.calls++;
      node._inlines = node.text.split(' ').map((w) => ({ text: w, width: w.length }));
      node._minWidth = 1;
      return node;
    }
  }
  rememberMeasuredText(DocMeasure);
  /** What laying a text out does to its words: consumes the list, places, justifies and cuts them. */
  const layOut = (node: Leaf): void => {
    const first = node._inlines!.shift()!;
    first.x = 12;
    first.justifyShift = 3;
    first.text = first.text.slice(0, 2);
    first.width = 2;
  };

  it('gives a later pass the words as first measured, not as the last pass left them', () => {
    const m = new DocMeasure();
    const node: Leaf = { text: 'transit corridor talks' };
    withMeasureMemo(() => {
      m.measureDocument([node]);
      layOut(node);
      m.measureDocument([node]);
    });
    expect(m.calls).toBe(1);
    expect(node._inlines!.map((i) => [i.text, i.width, i.justifyShift])).toEqual([
      ['transit', 7, undefined],
      ['corridor', 8, undefined],
      ['talks', 5, undefined],
    ]);
    expect(node._minWidth).toBe(1);
  });

  it('measures again when the text changed, twice in one pass, and always outside a layout', () => {
    const m = new DocMeasure();
    const node: Leaf = { text: 'a b' };
    withMeasureMemo(() => {
      m.measureDocument([node]);
      node.text = 'c d e';
      m.measureDocument([node]);
      // The same node twice in one pass (a header handed out again): its words are still in use.
      const first = node._inlines;
      m.measureDocument([node, node]);
      expect(node._inlines).not.toBe(first);
    });
    expect(m.calls).toBe(3);
    expect(node._inlines!.map((i) => i.text)).toEqual(['c', 'd', 'e']);
    m.measureDocument([node]);
    m.measureDocument([node]);
    expect(m.calls).toBe(5);
  });
});

describe('a patch that no longer fits', () => {
  it('leaves the class alone and says why', () => {
    class Renderer {}
    class LayoutBuilder {
      layoutDocument = 1;
    }
    expect(patchLineDrawing(Renderer)).toEqual({ applied: false, reason: 'Renderer.renderLine is not a function' });
    expect(keepHeadingsWithNext(LayoutBuilder)).toEqual({ applied: false, reason: 'LayoutBuilder.layoutDocument is not a function' });
    expect(Object.getOwnPropertyNames(Renderer.prototype)).toEqual(['constructor']);
  });

  it('is named with its reason in the --debug report', () => {
    const report = [
      { name: 'words joined', target: 'Renderer.renderLine', result: patchLineDrawing(class {}) },
      { name: 'charts', target: 'Renderer.renderSVG', result: { applied: true } as const },
    ];
    expect(describeSkips(report)).toEqual(['pdf patch skipped: words joined (Renderer.renderLine): Renderer.renderLine is not a function']);
  });
});
