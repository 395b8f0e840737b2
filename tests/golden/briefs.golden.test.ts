/**
 * Golden files for the az-kg briefs, one per audience: the normalized HTML file and the
 * pdfmake document definition. Both come from the real pipeline (`renderPair`) in-process;
 * only pdfmake itself is replaced, to capture the definition it would have been given.
 * Refresh: `npm run test:update-golden`, then review the diff like code.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { renderPair, resolveBuildOptions, type RenderedBrief } from '../../src/pipeline.js';
import type { DocDefinition } from '../../src/render/pdf/types.js';
import { compileAudience } from '../../src/templates/engine.js';
import { resolveAudience } from '../../src/templates/resolve.js';
import { validateFile } from '../../src/validate/validate.js';
import { AS_OF, AUDIENCES, PAIRS } from '../helpers/cli.js';
import { definitionJson, expectGolden, normalizeHtml } from '../helpers/golden.js';

// In audience order: the article HTML the PDF step converts, and the definition pdfmake gets.
const captured = vi.hoisted(() => ({ articles: [] as string[], docs: [] as DocDefinition[] }));
vi.mock('../../src/render/pdf/convert.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/render/pdf/convert.js')>();
  return {
    ...real,
    convertHtml: (html: string) => {
      captured.articles.push(html);
      return real.convertHtml(html);
    },
  };
});
vi.mock('../../src/render/pdf/runtime.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/render/pdf/runtime.js')>();
  const fake = {
    createPdf: (doc: DocDefinition) => {
      captured.docs.push(doc);
      return { getBuffer: async () => Buffer.alloc(0) };
    },
  };
  return { ...real, loadPdfmake: () => fake };
});

const A4 = { width: 595.28, height: 841.89 };
const pair = PAIRS[0];
let briefs: RenderedBrief[] = [];

beforeAll(async () => {
  const result = validateFile(pair.file, AS_OF);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const opts = resolveBuildOptions({ data: [pair.file], asOf: AS_OF, audiences: [...AUDIENCES] });
  const compiled = opts.audiences.map((id) => compileAudience(resolveAudience(id)));
  briefs = await renderPair(result.data!, compiled, opts);
  expect(captured.articles).toHaveLength(AUDIENCES.length);
  expect(captured.docs).toHaveLength(AUDIENCES.length);
});

describe(`golden briefs for ${pair.id}`, () => {
  AUDIENCES.forEach((audience, i) => {
    it(`${audience}: normalized HTML`, () => {
      const html = briefs.find((b) => b.audience === audience && b.format === 'html')!.bytes as string;
      expectGolden(`${pair.id}-${audience}.html`, normalizeHtml(html));
    });

    it(`${audience}: pdfmake document definition`, () => {
      const doc = captured.docs[i]!;
      // The running header and footer are functions; pin what they draw on page 1 of 2.
      const furniture = { header: doc.header(1, 2, A4), footer: doc.footer(1, 2, A4) };
      expectGolden(`${pair.id}-${audience}.pdfdoc.json`, definitionJson({ ...doc, '(header on page 1 of 2)': furniture.header, '(footer on page 1 of 2)': furniture.footer }));
    });
  });

  it('the PDF is made from the same article as the HTML file, charts apart', () => {
    // Only the chart embedding may differ (inline SVG for HTML, PNG for PDF); its text
    // alternative must not.
    const charts = (html: string) =>
      html
        .replace(/<svg\b[^>]*>\s*<title>([\s\S]*?)<\/title>[\s\S]*?<\/svg>/gi, (_m, t: string) => `[chart: ${t}]`)
        .replace(/<img\b[^>]*\salt="([^"]*)"[^>]*>/gi, (_m, t: string) => `[chart: ${t}]`);
    for (const [i, audience] of AUDIENCES.entries()) {
      const html = briefs.find((b) => b.audience === audience && b.format === 'html')!.bytes as string;
      const article = charts(captured.articles[i]!.trim());
      expect(article.startsWith(`<article class="brief brief--${audience}"`)).toBe(true);
      expect(article).toContain('[chart: ');
      expect(charts(html)).toContain(article);
    }
  });
});

describe('golden normalization', () => {
  it('keeps the chart title and start tag, drops the drawing', () => {
    const svg = '<figure><svg role="img" width="10"><title>Bar  chart:\n 3.7</title><path d="m0 0l1 1"/></svg></figure>';
    expect(normalizeHtml(svg)).toBe('<figure><svg role="img" width="10"><!-- chart drawing omitted --><title>Bar chart: 3.7</title></svg></figure>');
  });

  it('turns functions and SVG strings into placeholders', () => {
    const json = definitionJson({ f: () => 1, content: [{ svg: '<svg><title>T</title><path/></svg>' }, { image: 'data:image/png;base64,iVBOR' }], when: new Date('2026-11-22T00:00:00Z') });
    expect(JSON.parse(json)).toEqual({ f: '[function]', content: [{ svg: '[svg: T]' }, { image: '[image image/png]' }], when: '2026-11-22T00:00:00.000Z' });
    expect(normalizeHtml('<img alt="Chart" src="data:image/png;base64,iVBOR">')).toBe('<img alt="Chart" src="data:image/png,[image data omitted]">');
  });
});
