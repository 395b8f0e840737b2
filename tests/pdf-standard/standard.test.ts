/**
 * Every PDF bilat writes by default claims PDF/UA-1 and PDF/A-2a; these are the checks a
 * validator runs first, made by readers independent of the code that wrote the file
 * (check_pdf.py: pikepdf for catalog, XMP, structure tree and content streams; poppler for
 * text and fonts). No veraPDF here: README, Accessible and archival PDF, says what that leaves.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, ROOT, runCli, tempDir } from '../helpers/cli.js';
import { checkPdf, type Report } from './check.js';

/** What every tagged brief must pass, whatever its content. */
function expectConforming(r: Report, lang: string): void {
  expect(r.version).toBe('1.7');
  expect(r.marked).toBe(true);
  expect(r.lang).toBe(lang);
  expect(r.displayDocTitle).toBe(true);
  expect(r.encrypted).toBe(false);
  expect(r.outputIntent).toEqual({ subtype: '/GTS_PDFA1', hasProfile: true, condition: 'sRGB IEC61966-2.1' });
  expect(r.xmp).toMatchObject({ pdfuaPart: '1', pdfaPart: '2', pdfaConformance: 'A' });
  expect(r.xmp.title).toBe(r.infoTitle);
  expect(r.infoTitle.length).toBeGreaterThan(0);
  // Pages with links or other annotations are read in structure order (PDF/UA 7.18.3).
  expect(r.tabsOrder.every((t) => t === '/S')).toBe(true);
  expect(r.annotsWithoutStructParent).toBe(0);
  expect(r.linksWithoutContents).toBe(0);
  for (const role of ['Document', 'Sect', 'H1', 'H2', 'P']) expect(r.struct.roles[role] ?? 0, role).toBeGreaterThan(0);
  expect(r.struct.figuresWithoutAlt).toBe(0);
  expect(r.struct.figuresWithoutBBox).toBe(0);
  expect(r.struct.tablesWithoutTH).toBe(0);
  expect(r.struct.thWithoutScope).toBe(0);
  r.pages.forEach((p, i) => {
    expect(p.untagged, `page ${i + 1}: text outside tagged content and artifacts`).toBe(0);
    // Running head (two texts) and foot (two texts) as pagination artifacts on every page.
    expect(p.pagination, `page ${i + 1}: running head and foot`).toBeGreaterThanOrEqual(4);
    // A page with nothing in its body has nothing to tag (jo-il-public ends on one, with or
    // without tagging: a layout matter, not this one).
    if (p.tagged + p.artifact + p.untagged > 0) expect(p.tagged, `page ${i + 1}`).toBeGreaterThan(0);
  });
  expect(r.text.bodyChars).toBeGreaterThan(200);
  expect(r.text.ratio).toBeGreaterThanOrEqual(0.95);
  expect(r.fonts.length).toBeGreaterThan(0);
  expect(r.fonts.filter((f) => !f.embedded || !f.toUnicode)).toEqual([]);
}

const pdfsIn = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((f) => join(dir, f));

describe('PDF/UA-1 + PDF/A-2a: az-kg, every audience', () => {
  let files: string[];
  beforeAll(async () => {
    files = pdfsIn(await buildOnce([join(ROOT, 'data/az-kg.yaml')], ['-f', 'pdf']));
  }, 240_000);

  it('writes the three audiences', () =>
    expect(files.map((f) => f.replace(/.*\//, ''))).toEqual(['az-kg-analyst.pdf', 'az-kg-executive.pdf', 'az-kg-public.pdf']));

  it('each passes the checks', () => {
    for (const file of files) expectConforming(checkPdf(file), 'en-GB');
  }, 120_000);

  it('the analyst brief has lists, data tables with column headers and charts with their text alternative', () => {
    const r = checkPdf(files[0]!);
    for (const role of ['L', 'LI', 'LBody', 'Table', 'THead', 'TBody', 'TR', 'TH', 'TD', 'Figure', 'Caption', 'H3', 'Link', 'Reference'])
      expect(r.struct.roles[role] ?? 0, role).toBeGreaterThan(0);
    expect(r.struct.tables).toBeGreaterThan(0);
  }, 60_000);
});

describe('PDF/UA-1 + PDF/A-2a: synthetic relationships in other scripts', () => {
  const fixtures = [
    ...readdirSync(join(ROOT, 'tests/fixtures/scripts')).map((f) => join(ROOT, 'tests/fixtures/scripts', f)),
    ...readdirSync(join(ROOT, 'tests/fixtures/relationships')).map((f) => join(ROOT, 'tests/fixtures/relationships', f)),
    join(ROOT, 'tests/fixtures/rtl/jo-il-synthetic.yaml'),
  ].filter((f) => f.endsWith('.yaml'));
  let files: string[];
  beforeAll(async () => {
    files = pdfsIn(await buildOnce(fixtures, ['-f', 'pdf']));
  }, 600_000);

  it('writes every audience of every fixture', () => expect(files.length).toBeGreaterThanOrEqual(fixtures.length * 3 - 3));

  it('each passes the checks', () => {
    const failures: string[] = [];
    for (const file of files) {
      try {
        expectConforming(checkPdf(file), 'en-GB');
      } catch (e) {
        failures.push(`${file.replace(/.*\//, '')}: ${(e as Error).message.split('\n')[0]}`);
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});

describe('--pdf-standard none', () => {
  it('writes the untagged PDF 1.4 of earlier versions', () => {
    const out = tempDir('pdf-none');
    const r = runCli([
      'build',
      join(ROOT, 'data/az-kg.yaml'),
      '-a',
      'public',
      '-f',
      'pdf',
      '--as-of',
      '2026-11-22',
      '--pdf-standard',
      'none',
      '--out',
      out,
    ]);
    expect(r.status).toBe(0);
    const report = checkPdf(join(out, 'az-kg-public.pdf'));
    expect(report.version).toBe('1.4');
    expect(report.marked).toBe(false);
    expect(report.struct.roles).toEqual({});
    expect(report.xmp.pdfuaPart).toBeNull();
    expect(report.outputIntent).toBeNull();
  }, 120_000);
});
